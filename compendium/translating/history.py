"""Find the source text a translation was made from, in the git history of the source file.

A translation records only the hash of each source unit. The text behind an old hash is the unit's text
in the newest committed version of the source whose unit had that hash. Only `translate-diff` calls this:
validation must never run git.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..body import parse_body
from ..diagnostics import Report
from ..frontmatter import decode, load_yaml
from ..model import Unit
from ..vcs import GitError, git

GIT_TIMEOUT = 60


class HistoryUnavailable(Exception):
    """No git history to search; the message says why, in words for a translator."""


@dataclass
class OldText:
    unit_id: str
    commit: str  # full hash of the newest commit holding this version of the unit
    date: str  # that commit's date, YYYY-MM-DD
    text: str  # the unit's own text: heading and text, as hashed by Unit.hash


def _git(cwd: Path, *args: str) -> str:
    try:
        return git(cwd, *args, timeout=GIT_TIMEOUT).decode("utf-8", "replace")
    except GitError as exc:
        message = str(exc)
        if message == "git is not installed":
            message += ", so the history of the source cannot be searched"
        elif message.startswith("git took"):
            message += "; the history was not searched"
        raise HistoryUnavailable(message) from None


def _versions(path: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    """The repository's top folder, and (commit, date, path then) of each committed version, newest first."""
    folder = path.resolve().parent
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    except HistoryUnavailable:
        raise HistoryUnavailable(f"{path.parent} is not in a git repository, so there is no history of "
                                 f"{path.name} to search") from None
    rel = path.resolve().relative_to(top.resolve()).as_posix()
    out = _git(top, "log", "--follow", "--format=%x00%H %cs", "--name-only", "--", rel)
    versions = []
    for record in out.split("\x00")[1:]:
        lines = [line for line in record.splitlines() if line.strip()]
        if len(lines) >= 2:
            commit, date = lines[0].split(" ", 1)
            versions.append((commit, date, lines[-1]))
    if not versions:
        raise HistoryUnavailable(f"{path.name} has never been committed, so there is no earlier version of it")
    return top, versions


def _units(path: Path, data: bytes) -> dict[str, Unit] | None:
    """Unit id → unit of one old version of the file; None when that version does not parse."""
    report = Report()
    text = decode(path, data, report)
    if text is None:
        return None
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if lines[0].strip() != "---" or end is None:
        return None
    loaded = load_yaml(path, "\n".join(lines[1:end]), 2, report)
    meta = loaded[0] if loaded and isinstance(loaded[0], dict) else {}
    units = parse_body(path, "\n".join(lines[end + 1:]), end + 2, report, meta.get("numbering", "auto"),
                       bool(meta.get("footnotes_missing", False)))
    return {u.id: u for top in units for u in top.walk()}


def find_old_texts(path: Path, wanted: dict[str, str]) -> dict[str, OldText]:
    """For each unit id → recorded hash in `wanted`, the text it had when it had that hash.

    Ids whose hash no committed version has are absent from the result. Raises HistoryUnavailable.
    """
    found: dict[str, OldText] = {}
    if not wanted:
        return found
    top, versions = _versions(path)
    for commit, date, rel in versions:
        try:
            data = git(top, "show", f"{commit}:{rel}", timeout=GIT_TIMEOUT)
        except GitError:
            continue  # a version that cannot be read is skipped; an older one may still hold the text
        units = _units(path, data) or {}
        for uid, digest in wanted.items():
            if uid not in found and uid in units and units[uid].hash == digest:
                found[uid] = OldText(uid, commit, date, own_text(units[uid].heading, units[uid].text))
        if len(found) == len(wanted):
            break
    return found


def own_text(heading: str | None, text: str) -> str:
    """What Unit.hash covers, readable: the heading and the text, one after the other."""
    return "\n".join(part for part in (heading, text) if part)
