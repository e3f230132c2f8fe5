"""The recorded history of each document: `content/<collection>/<id>/history.yml`, the one home of "when".

`compendium history record` (compendium/history_record.py) writes it from the repository's history at commit
time; the build reads only this file, never git, so a build from a source archive gives the same bytes as a
build from the repository. Each language's changes are listed oldest first:

    en:
    - date: 2026-11-25
      change: text-changed
      sha256: <SHA-256 of en.md after the change>
      units:
      - id: para-3
        diff: [["=", "Member "], ["-", "States"], ["+", "States,"]]
      note: An optional line for readers, in the file's language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import yaml

from .diagnostics import Report
from .frontmatter import decode, load_yaml, read_bytes
from .model import CHANGE_KINDS, Change, Corpus, DocumentHistory, UnitChange

HISTORY_FILE = "history.yml"
FORMAT = 1
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
OPS = ("=", "-", "+")
HEADER = ("# The history of this document's language files, newest last. Written by `compendium history record`;\n"
          "# an editor may add or change only `note:` (a line for readers, in the file's language).\n")
RECORD_HINT = "run `compendium history record` and commit the history with the content"


def file_sha256(path: Path) -> str:
    """A content file's SHA-256, as its history records it and as the editions' fingerprint lists it."""
    st = path.stat()
    return _file_sha256(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4096)
def _file_sha256(path: str, mtime_ns: int, size: int) -> str:
    # Keyed on mtime and size too: a file edited between two builds in one process is read again.
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _entry_lines(text: str) -> dict[tuple[str, int], int]:
    """(language, index) → line (0-based) of each entry, for messages; the text already passed load_yaml."""
    lines: dict[tuple[str, int], int] = {}
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return lines
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(str(key.value), i)] = item.start_mark.line
    return lines


def parse_history(path: Path, text: str, langs: tuple[str, ...], report: Report) -> DocumentHistory | None:
    """A history file's changes, typed; every bad value is reported with its line and what to do."""
    loaded = load_yaml(path, text, 1, report)
    if loaded is None:
        return None
    data, key_lines = loaded
    if data is None:
        data = {}
    if not isinstance(data, dict):
        report.error(path, 1, 1, "a history file is a mapping of language codes to lists of changes", RECORD_HINT)
        return None
    lines = _entry_lines(text)
    changes: dict[str, tuple[Change, ...]] = {}
    ok = True
    for lang, entries in data.items():
        at = key_lines.get(str(lang), 1)
        if str(lang) == "format":
            if entries != FORMAT:
                report.error(path, at, 1, f"unknown history format {entries!r}", f"this version reads format {FORMAT}")
                ok = False
            continue
        if lang not in langs:
            report.error(path, at, 1, f"'{lang}' is not a known language", f"use one of: {', '.join(langs)}")
            ok = False
            continue
        if not isinstance(entries, list):
            report.error(path, at, 1, f"the changes of '{lang}' are not a list", RECORD_HINT)
            ok = False
            continue
        parsed = []
        for i, entry in enumerate(entries):
            line = lines.get((str(lang), i), at - 1) + 1
            change = _change(path, line, str(lang), entry, report)
            if change is None:
                ok = False
            else:
                parsed.append(change)
        if [c.date for c in parsed] != sorted(c.date for c in parsed):
            report.error(path, at, 1, f"the changes of '{lang}' are not in order of date, oldest first",
                         "keep the order `compendium history record` wrote")
            ok = False
        changes[str(lang)] = tuple(parsed)
    return DocumentHistory(path.parent.name, path, changes) if ok else None


def _change(path: Path, line: int, lang: str, entry, report: Report) -> Change | None:
    def bad(what: str, hint: str = RECORD_HINT) -> None:
        report.error(path, line, 1, what, hint)

    if not isinstance(entry, dict):
        bad("a change is a mapping with date, change and sha256")
        return None
    unknown = sorted(set(map(str, entry)) - {"date", "change", "sha256", "units", "more_units", "note"})
    if unknown:
        bad(f"unknown key(s) in a change: {', '.join(unknown)}", "a change has date, change, sha256, units, more_units, note")
        return None
    date = entry.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    if not isinstance(date, str) or not DAY.match(date):
        bad(f"'date: {date}' is not a day written YYYY-MM-DD")
        return None
    kind = entry.get("change")
    if kind not in CHANGE_KINDS:
        bad(f"'change: {kind}' is not a kind of change", f"use one of: {', '.join(CHANGE_KINDS)}")
        return None
    digest = entry.get("sha256")
    if not isinstance(digest, str) or not SHA256.match(digest):
        bad("'sha256' is not the 64 hexadecimal digits of a SHA-256")
        return None
    note = entry.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        bad("'note' is not a line of text", "write the note as text, or remove it")
        return None
    units = []
    for unit in entry.get("units") or []:
        if not (isinstance(unit, dict) and isinstance(unit.get("id"), str) and isinstance(unit.get("diff", []), list)):
            bad("a changed unit is a mapping with 'id' and 'diff'")
            return None
        pieces = []
        for piece in unit.get("diff", []):
            if not (isinstance(piece, list) and len(piece) == 2 and piece[0] in OPS and isinstance(piece[1], str)):
                bad(f"a piece of the diff of '{unit['id']}' is not [\"=\" | \"-\" | \"+\", text]")
                return None
            pieces.append((piece[0], piece[1]))
        units.append(UnitChange(unit["id"], tuple(pieces)))
    more = entry.get("more_units") or []
    if not (isinstance(more, list) and all(isinstance(u, str) for u in more)):
        bad("'more_units' is not a list of unit ids")
        return None
    return Change(lang, date, kind, digest, tuple(units), tuple(more), note.strip() if note else None)


def read_history(path: Path, langs: tuple[str, ...], report: Report) -> DocumentHistory | None:
    data = read_bytes(path, report)
    if data is None:
        return None
    text = decode(path, data, report)
    return parse_history(path, text, langs, report) if text is not None else None


def dump_history(history: DocumentHistory) -> str:
    """The file's text: the same history always gives the same bytes."""
    data: dict = {"format": FORMAT}
    for lang in sorted(history.changes):
        entries = []
        for c in history.changes[lang]:
            entry: dict = {"date": c.date, "change": c.kind, "sha256": c.sha256}
            if c.units:
                entry["units"] = [{"id": u.unit_id, "diff": [list(p) for p in u.diff]} for u in c.units]
            if c.more_units:
                entry["more_units"] = list(c.more_units)
            if c.note:
                entry["note"] = c.note
            entries.append(entry)
        if entries:
            data[lang] = entries
    return HEADER + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120,
                              default_flow_style=False)


class _Dumper(yaml.SafeDumper):
    """Diff pieces as one flow list on a line each; everything else in block style."""


def _represent_list(dumper: yaml.SafeDumper, value: list):
    flow = len(value) == 2 and value[0] in OPS and isinstance(value[1], str)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def check_current(corpus: Corpus, report: Report) -> None:
    """Warn where a content file's last recorded SHA-256 is not the file's: its change is not recorded. A content
    folder with no history file at all does not record its history (a new folder, a test's): no warnings."""
    if not corpus.histories:
        return
    for doc in corpus.documents:
        if doc.path is None or not doc.path.is_file():
            continue
        history = corpus.histories.get(doc.id)
        last = history.last(doc.lang) if history is not None else None
        if last is None:
            report.warning(doc.path, 1, 1, "this file has no recorded history", RECORD_HINT, check="history")
        elif last.sha256 != file_sha256(doc.path):
            report.warning(doc.path, 1, 1, "this file changed since its history was last recorded", RECORD_HINT,
                           check="history")


# -- what the build asks of the history: no git, only the recorded files ------------------------------------------
def day_stamp(day: str) -> int:
    """Midnight UTC of a recorded day, as a Unix time."""
    return int(dt.datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc).timestamp())


def added_times(corpus: Corpus) -> dict[str, int]:
    """Document id → the day its first file was recorded as added (for "latest additions")."""
    added = {}
    for doc_id, history in corpus.histories.items():
        days = [c.date for changes in history.changes.values() for c in changes]
        if days:
            added[doc_id] = day_stamp(min(days))
    return added


def newest_day(corpus: Corpus) -> str | None:
    days = [c.date for h in corpus.histories.values() for changes in h.changes.values() for c in changes]
    return max(days) if days else None


def newest_recorded_day(content: Path) -> str | None:
    """The newest day in the history files of a content folder (for an edition's date), read without loading
    the documents; a history file that does not parse counts for nothing (validate reports it)."""
    from .languages import known_languages

    days = []
    for path in sorted(content.glob(f"*/*/{HISTORY_FILE}")):
        history = read_history(path, known_languages(), Report())
        if history is not None:
            days += [c.date for changes in history.changes.values() for c in changes]
    return max(days) if days else None
