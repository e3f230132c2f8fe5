"""`compendium history record`: write each document's history.yml from the repository's history.

A tool for editors at commit time, and the only part of the history that asks git: the build reads the
recorded files (compendium/history.py). It walks the first-parent log of the content folder (every commit
that changed a language file), then the working tree's uncommitted changes, dated today (UTC). Entries
already recorded are kept as they are (their day and any editor's note), matched by the file's SHA-256, so
running it twice changes nothing.

The diff is of the words a reader reads (each unit's Markdown rendered, without its markup). Bulk re-imports change hundreds of units at once: a change keeps the word diff of its first MAX_DIFFS units
and lists the others by id (`more_units`), and a kept run of words far from any change is shortened to its
CONTEXT words at each end around "…".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import COLLECTIONS
from .atomic import write_many
from .body import parse_body
from .diagnostics import Report
from .frontmatter import decode, load_yaml
from .history import HISTORY_FILE, RECORD_HINT, dump_history, read_history
from .languages import known_languages
from .model import Change, DocumentHistory, UnitChange
from .render import inline_text
from .schema import typed_metadata
from .translating.worddiff import tokens, word_diff
from .vcs import GitError, git

CONTEXT = 6
MAX_DIFFS = 12
GIT_TIMEOUT = 300
OP = {"equal": "=", "delete": "-", "insert": "+"}


class RecordError(Exception):
    """Why the history could not be read, in words for an editor."""


@dataclass
class Version:
    seq: int  # order of the commit (the working tree comes last)
    day: str
    data: bytes | None  # None: the file was deleted

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data or b"").hexdigest()


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        return git(cwd, *args, stdin=stdin, timeout=GIT_TIMEOUT)
    except GitError as exc:
        message = str(exc)
        if message == "git is not installed":
            message += ": the history is recorded from a git repository"
        raise RecordError(message) from None


def _language_file(rel: str, langs: tuple[str, ...]) -> bool:
    parts = rel.split("/")
    return len(parts) == 3 and parts[0] in COLLECTIONS and parts[2].endswith(".md") and parts[2][:-3] in langs


def _utc_day(stamp: int) -> str:
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%d")


def file_versions(content: Path, today: str) -> dict[str, list[Version]]:
    """Each language file (its name in the content folder) → its versions, oldest first, the working tree last."""
    langs = known_languages()
    content = content.resolve()
    top = Path(_git(content, "rev-parse", "--show-toplevel").decode().strip())
    prefix = content.relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    log = _git(top, "log", "--first-parent", "--reverse", "--format=%H %P%x09%ct", "--", prefix or ".").decode()
    wanted: list[tuple[int, str, str, str | None]] = []  # (seq, day, file, commit or None when deleted)
    for seq, line in enumerate(filter(None, log.splitlines())):
        commits, stamp = line.split("\t")
        commit, *parents = commits.split()
        day = _utc_day(int(stamp))
        if parents:
            out = _git(top, "diff", "--no-renames", "--name-status", "-z", parents[0], commit, "--", prefix or ".")
            fields = out.decode("utf-8").split("\0")
            changed = [(fields[i], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]
        else:
            out = _git(top, "ls-tree", "-r", "-z", "--name-only", commit, "--", prefix or ".")
            changed = [("A", name) for name in out.decode("utf-8").split("\0") if name]
        for status, name in changed:
            rel = name[len(prefix):]
            if _language_file(rel, langs):
                wanted.append((seq, day, rel, None if status == "D" else commit))
    # every version's bytes, read by one git process
    asks = [f"{commit}:{prefix}{rel}" for _seq, _day, rel, commit in wanted if commit]
    blobs = _cat_files(top, asks)
    versions: dict[str, list[Version]] = {}
    for seq, day, rel, commit in wanted:
        data = blobs[f"{commit}:{prefix}{rel}"] if commit else None
        versions.setdefault(rel, []).append(Version(seq, day, data))
    last_seq = len(log.splitlines())
    current = {p.relative_to(content).as_posix(): p for p in sorted(content.glob("*/*/*.md"))}
    for rel, path in current.items():
        if not _language_file(rel, langs):
            continue
        data = path.read_bytes()
        known = versions.get(rel)
        if not known or known[-1].data != data:
            versions.setdefault(rel, []).append(Version(last_seq, today, data))
    return {rel: vs for rel, vs in versions.items() if rel in current}


def _cat_files(top: Path, asks: list[str]) -> dict[str, bytes]:
    if not asks:
        return {}
    out = _git(top, "cat-file", "--batch", stdin="".join(a + "\n" for a in asks).encode("utf-8"))
    blobs: dict[str, bytes] = {}
    at = 0
    for ask in asks:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if header[-1] == b"missing":
            raise RecordError(f"git has no {ask}")
        size = int(header[2])
        blobs[ask] = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1
    return blobs


def _parse(name: str, data: bytes):
    """(status, {unit id: its own text}) of one version; (None, {}) when it does not parse."""
    path = Path(name)
    report = Report()
    text = decode(path, data, report)
    if text is None:
        return None, {}
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if not lines or lines[0].strip() != "---" or end is None:
        return None, {}
    loaded = load_yaml(path, "\n".join(lines[1:end]), 2, report)
    raw = loaded[0] if loaded and isinstance(loaded[0], dict) else {}
    meta = typed_metadata(raw)
    units = parse_body(path, "\n".join(lines[end + 1:]), end + 2, report, meta.numbering, meta.footnotes_missing,
                       meta.translation.absent if meta.translation is not None else ())
    return meta.status, {u.id: "\n".join(p for p in (u.heading, u.text) if p) for top in units for u in top.walk()}


def _shorten(pieces: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Kept runs far from a change keep CONTEXT words at the end that touches one."""
    out = []
    for i, (op, text) in enumerate(pieces):
        if op == "=":
            words = tokens(text)
            head = i > 0  # a change before: keep its start
            tail = i < len(pieces) - 1  # a change after: keep its end
            limit = CONTEXT * 2 * (head + tail)
            if len(words) > limit + 2:
                start = "".join(words[:CONTEXT * 2]) if head else ""
                end = "".join(words[-CONTEXT * 2:]) if tail else ""
                text = start + "…" + end
        out.append((op, text))
    return tuple(out)


def _words(text: str) -> str:
    """A unit's text as a reader reads it: its Markdown rendered (as on the page), without the markup."""
    return inline_text(text).striptags() if text else ""


def _unit_changes(old: dict[str, str], new: dict[str, str]) -> tuple[tuple[UnitChange, ...], tuple[str, ...]]:
    ids = list(new) + [u for u in old if u not in new]
    words = {u: (_words(old.get(u, "")), _words(new.get(u, ""))) for u in ids if old.get(u) != new.get(u)}
    changed = [u for u in words if words[u][0] != words[u][1]]  # a change of markup alone is no change of words
    units = tuple(UnitChange(u, _shorten([(OP[op], text) for op, text in word_diff(*words[u])]))
                  for u in changed[:MAX_DIFFS])
    return units, tuple(changed[MAX_DIFFS:])


def changes_of(rel: str, versions: list[Version], doc_first_seq: int) -> list[Change]:
    lang = rel.split("/")[2][:-3]
    out: list[Change] = []
    before: Version | None = None
    for v in versions:
        if v.data is None:  # deleted; a later version is added again
            before = None
            continue
        if before is not None and before.data == v.data:
            continue
        if before is None:
            kind = "document-added" if v.seq == doc_first_seq else "translation-added"
            out.append(Change(lang, v.day, kind, v.sha256))
        else:
            old_status, old_units = _parse(rel, before.data or b"")
            new_status, new_units = _parse(rel, v.data)
            units, more = _unit_changes(old_units, new_units)
            kind = "text-changed" if units else "status-changed" if old_status != new_status else "metadata-changed"
            out.append(Change(lang, v.day, kind, v.sha256, units, more))
        before = v
    return out


def _keep_recorded(computed: list[Change], recorded: tuple[Change, ...]) -> tuple[Change, ...]:
    """What is recorded already stays (its day and note); a new version is added in its place."""
    out: list[Change] = []
    at = 0
    for change in computed:
        found = next((k for k in range(at, len(recorded)) if recorded[k].sha256 == change.sha256), None)
        if found is not None:
            change, at = recorded[found], found + 1
        if out and change.date < out[-1].date:  # a day never goes back
            change = Change(change.lang, out[-1].date, change.kind, change.sha256, change.units, change.more_units,
                            change.note)
        out.append(change)
    return tuple(out)


def record(content: Path, report: Report, today: str | None = None) -> tuple[list[Path], int]:
    """Write every history.yml that is not current; (files written, changes recorded)."""
    today = today or dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    langs = known_languages()
    try:
        versions = file_versions(content, today)
    except RecordError as exc:
        report.error(content, 1, 1, str(exc), "run `compendium history record` in a clone of the repository")
        return [], 0
    by_doc: dict[tuple[str, str], dict[str, list[Version]]] = {}
    for rel, vs in versions.items():
        collection, doc_id, name = rel.split("/")
        by_doc.setdefault((collection, doc_id), {})[name[:-3]] = vs
    writes: list[tuple[Path, bytes]] = []
    total = 0
    for (collection, doc_id), files in sorted(by_doc.items()):
        path = content / collection / doc_id / HISTORY_FILE
        recorded = read_history(path, langs, report) if path.exists() else None
        if path.exists() and recorded is None:
            continue  # reported with its line: fixed by hand first, never overwritten
        first = min(v.seq for vs in files.values() for v in vs if v.data is not None)
        changes = {}
        for lang, vs in sorted(files.items()):
            computed = changes_of(f"{collection}/{doc_id}/{lang}.md", vs, first)
            changes[lang] = _keep_recorded(computed, recorded.of(lang) if recorded else ())
            total += len(changes[lang])
        text = dump_history(DocumentHistory(doc_id, path, changes)).encode("utf-8")
        if not path.exists() or path.read_bytes() != text:
            writes.append((path, text))
    if report.errors:
        return [], total
    write_many(writes)
    return [p for p, _ in writes], total


__all__ = ["record", "RecordError", "RECORD_HINT"]
