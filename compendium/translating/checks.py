"""Validation of translations against their source, run by the loader after every file is parsed.

Per-file checks (the translation block's shape, hash format, `lang`) are in schema.py; the checks here need
the source document too. No git and no extra parsing: a source that changed is `outdated` in
`compendium status`, not a validation problem, so that correcting the source never fails a translation's
validation.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Report
from ..languages import known_languages
from ..model import Corpus, Document
from ..versions import declared_source_languages
from .alignment import align, group_by_id, source_hashes, source_language
from .markers import MARKER
from .qa import qa
from .structure import check_structure


def check_translations(corpus: Corpus, report: Report) -> None:
    for doc_id, files in group_by_id(corpus).items():
        declared = declared_source_languages(files)
        for lang in declared:
            if lang not in known_languages():
                doc = next(d for d in files.values() if d.meta.source_language == lang)
                report.error(doc.path, doc.key_lines.get("source_language", 1), 1,
                             f"unknown source_language '{lang}'", f"use one of: {', '.join(known_languages())}")
        if len(declared) > 1:
            for doc in files.values():
                if doc.meta.source_language is not None:
                    report.error(doc.path, doc.key_lines["source_language"], 1,
                                 f"the files of '{doc_id}' disagree on source_language ({', '.join(declared)})",
                                 "give every file of the document the same source_language, or only the source")
        src_lang = source_language(files)
        source = files.get(src_lang)
        if source is not None and source.has_key("translation"):
            report.warning(source.path, source.key_lines.get("translation", 1), 1,
                           f"the source text ({src_lang}) has a 'translation' block",
                           "remove it, or set source_language if this file is a translation")
        current = source_hashes(source) if source is not None else {}
        for lang, doc in files.items():
            if lang == src_lang:
                continue
            if source is None:
                if not (doc.path.parent / f"{src_lang}.md").is_file():  # an invalid source is reported already
                    report.warning(doc.path, 1, 1, f"this translation has no source text {src_lang}.md to compare with",
                                   f"add {src_lang}.md, or set 'source_language:' to the language of the source")
                continue
            if not doc.has_text and doc.meta.completeness == "none":
                continue  # a catalogue record in this language (its title and facts): no text to align or track
            _check_one(doc, source, current, report)


def _check_one(doc: Document, source: Document, current: dict[str, str], report: Report) -> None:
    a = align(doc, source, current)
    src_name = source.path.name
    units = {u.id: u for u in doc.walk()}
    if not a.tracked:
        report.warning(doc.path, 1, 1, "this translation has no 'translation:' block: its status is unknown and "
                       "changes to the source cannot be detected",
                       f"run 'compendium translate-mark {doc.id} --lang {doc.lang} --status translated --all'")
    handled = check_structure(doc, source, a, report)
    qa(doc, source, report, handled)
    for uid in a.extra:
        if uid in handled:
            continue
        report.error(doc.path, units[uid].line, 1, f"unit '{uid}' is not in the source {src_name}",
                     "ids come from the structure: give this paragraph, heading or footnote the same number "
                     "and place as in the source, or remove it")
    src_lines = {u.id: u.line for u in source.walk()} if a.missing else {}
    for uid, line, after in _missing_places(doc, source, [uid for uid in a.missing if uid not in handled]):
        where = f"after '{after}'" if after else "at the start"
        report.warning(doc.path, line, 1,
                       f"unit '{uid}' of the source ({src_name} line {src_lines[uid]}) is missing here ({where})",
                       f"translate it in the same structure: 'compendium translate-diff {doc.id} --lang {doc.lang}' "
                       "shows the source text")
    for uid in a.unknown_hashes:
        report.error(doc.path, _hash_line(doc, uid), 1,
                     f"translation.source_hashes names '{uid}', which the source {src_name} does not have",
                     "remove that line (the source no longer has this unit, or the id is mistyped)")
    for uid in a.unrecorded:
        report.warning(doc.path, units[uid].line, 1, f"no source hash recorded for unit '{uid}': a change to its source "
                       "cannot be detected",
                       f"run 'compendium translate-mark {doc.id} --lang {doc.lang} --unit {uid}' once it is up to date")
    for uid in a.untranslated:
        report.warning(doc.path, units[uid].line, 1, f"unit '{uid}' is not yet translated",
                       f"replace the source text after {MARKER} with the translation and remove the marker")
    for key in a.untranslated_fields:
        report.warning(doc.path, doc.key_lines.get(key, 1), 1, f"'{key}' is not yet translated",
                       f"replace the value with the translation and remove {MARKER}")
    if a.recorded_status in ("reviewed", "official") and (a.untranslated or a.untranslated_fields):
        report.warning(doc.path, doc.key_lines.get("translation", 1), 1,
                       f"translation.status is '{a.recorded_status}' but "
                       f"{len(a.untranslated) + len(a.untranslated_fields)} part(s) still carry {MARKER}",
                       "translate them first, or set the status back to 'draft'")


def _missing_places(doc: Document, source: Document, missing: list[str]) -> list[tuple[str, int, str | None]]:
    """Each missing unit with the line of the translation's unit that comes before it in the source."""
    if not missing:
        return []
    mine = {u.id: u.line for u in doc.walk()}
    wanted = set(missing)
    out = []
    line, after = doc.body_line, None
    for unit in source.walk():
        if unit.id in wanted:
            out.append((unit.id, line, after))
        elif unit.id in mine:
            line, after = mine[unit.id], unit.id
    return out


def _hash_line(doc: Document, uid: str) -> int:
    return entry_line(doc.path, uid, doc.key_lines.get("translation", 1))


def entry_line(path: Path, key: str, start: int) -> int:
    """The line of `key:` nested under the top-level key at line `start` (key_lines knows top-level keys only).

    Read only when there is a problem to report, so validation reads no file twice in the normal case.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return start
    pattern = re.compile(r"^\s+[\"']?" + re.escape(key) + r"[\"']?\s*:")
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        if text.strip() in ("---", "...") or (text[:1].strip() and not text.startswith("#")):
            break  # the end of the front matter or the next top-level key
        if pattern.match(text):
            return number
    return start
