"""The front matter schema: which keys a document has, their types and allowed values."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from .diagnostics import Report
from .language_data import parse_meeting
from .languages import known_languages
from .model import Adoption, Metadata, TranslationRecord
from .vocabulary import (BODIES, CLUSTERS, COMPLETENESS, DEFAULT_STATUS, KINDS, NUMBERING, STATUSES,
                         TRANSLATION_STATUSES)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Lengths: a title of megabytes would be compiled into the citation index's patterns. The longest real
# title is a few hundred characters.
MAX_TITLE = 1000
MAX_SHORT = 200  # short_title, symbols, ids named in lineage, adoption facts
MAX_NOTE = 10_000  # source, notes, corrections
# Fields shown on pages as plain text: markup in them is refused (tags, entities, Markdown links/images).
MARKUP = re.compile(r"[<>]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);|!?\[[^\]\n]*\]\(", re.I)
SINGLE_LINE = ("title", "short_title", "supersedes", "superseded_by", "source_language")

REQUIRED = ("id", "kind", "title", "completeness")
KNOWN = set(REQUIRED) | {
    "short_title", "symbol", "adopted_by", "cluster", "status", "supersedes", "superseded_by", "related",
    "source", "completeness_note", "verified", "verification_note", "corrections", "numbering",
    "footnotes_missing", "translation", "source_language", "lang", "title_note", "official_record", "breaks_off",
}
ADOPTED_KEYS = {"body", "resolution", "meeting", "date", "text", "verified"}


def valid_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day."""
    if not ISO_DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return parts[0] >= 1


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


class _Checker:
    def __init__(self, path: Path, meta: dict[str, Any], key_lines: dict[str, int], report: Report):
        self.path, self.meta, self.lines, self.report = path, meta, key_lines, report

    def line(self, key: str) -> int:
        return self.lines.get(key, 2)

    def error(self, key: str, message: str, hint: str) -> None:
        self.report.error(self.path, self.line(key), 1, message, hint)

    def string(self, key: str, required: bool = False) -> None:
        if key not in self.meta:
            if required:
                self.report.error(self.path, 1, 1, f"missing required key '{key}'", f"add '{key}:' to the front matter")
            return
        value = self.meta[key]
        if not isinstance(value, str) or not value.strip():
            self.error(key, f"'{key}' must be a non-empty text, not {type(value).__name__}", f"write '{key}: some text'")
            return
        self.text_value(key, value, key, single_line=key in SINGLE_LINE)

    def text_value(self, key: str, value: str, what: str, single_line: bool = True) -> None:
        """A text shown on pages: bounded, on one line where a line is expected, and free of markup."""
        limit = MAX_TITLE if key == "title" else MAX_SHORT if single_line else MAX_NOTE
        if len(value) > limit:
            self.error(key, f"'{what}' is {len(value)} characters long, more than the {limit} allowed",
                       "shorten it; check that the text below the front matter did not end up in it")
            return
        if single_line and "\n" in value.strip():
            self.error(key, f"'{what}' must be on one line", "join its lines")
        m = MARKUP.search(value)
        if m:
            self.error(key, f"'{what}' holds markup ({m.group(0)!r}): it is shown as plain text",
                       "write the characters themselves, without tags, entities or Markdown links")

    def date(self, key: str, value: Any, what: str) -> None:
        if not (isinstance(value, str) and valid_date(value)):
            self.error(key, f"{what} {value!r} is not a date, or names a day that does not exist",
                       "write it as YYYY-MM-DD (or YYYY-MM, or YYYY) with a month 01-12 and a day that month has")

    def choice(self, key: str, allowed: tuple[str, ...], required: bool = False) -> None:
        if key not in self.meta:
            if required:
                self.report.error(self.path, 1, 1, f"missing required key '{key}'",
                                  f"add '{key}:' with one of: {', '.join(allowed)}")
            return
        if not isinstance(self.meta[key], str) or self.meta[key] not in allowed:
            self.error(key, f"unknown {key} '{self.meta[key]}'", f"use one of: {', '.join(allowed)}")


def check_metadata(path: Path, collection: str, folder_id: str, lang: str, meta: dict[str, Any],
                   key_lines: dict[str, int], report: Report) -> bool:
    """Check one file's front matter; True when the document can be loaded further."""
    before = len(report.errors)
    c = _Checker(path, meta, key_lines, report)
    for key in REQUIRED:
        if key not in meta:
            hint = {"id": f"add 'id: {folder_id}'", "completeness": "add 'completeness: complete', 'partial' or 'none'"}
            report.error(path, 1, 1, f"missing required key '{key}'", hint.get(key, f"add '{key}:' to the front matter"))
    if "id" in meta:
        doc_id = meta["id"]
        if not isinstance(doc_id, str) or not SLUG.match(doc_id):
            c.error("id", f"id {doc_id!r} is not a lowercase slug", "use only a-z, 0-9 and single '-', e.g. 'ecosoc-1993-34'")
        elif doc_id != folder_id:
            c.error("id", f"id '{doc_id}' does not match its folder '{folder_id}'", "rename the folder or correct the id")
    if "kind" in meta:
        c.choice("kind", KINDS[collection])
    if "title" in meta:
        c.string("title")
    for key in ("short_title", "source", "official_record", "completeness_note", "verification_note", "supersedes",
                "superseded_by", "source_language", "title_note"):
        c.string(key)
    if "symbol" in meta and not (isinstance(meta["symbol"], str) and meta["symbol"].strip()) \
            and not (_is_str_list(meta["symbol"]) and meta["symbol"]):
        c.error("symbol", "'symbol' must be a document symbol or a list of them", "write 'symbol: E/RES/1993/34'")
    elif "symbol" in meta:
        for symbol in meta["symbol"] if isinstance(meta["symbol"], list) else [meta["symbol"]]:
            c.text_value("symbol", symbol, "symbol")
    if collection == "instruments":
        c.choice("cluster", CLUSTERS, required=True)
    elif "cluster" in meta:
        c.choice("cluster", CLUSTERS)
    c.choice("status", STATUSES)
    c.choice("completeness", COMPLETENESS)
    c.choice("numbering", NUMBERING)
    if meta.get("completeness") == "partial" and "completeness_note" not in meta:
        report.error(path, c.line("completeness"), 1, "a partial text needs a 'completeness_note'",
                     "say in 'completeness_note:' what is missing")
    for key in ("related", "corrections", "breaks_off"):
        if key in meta and not _is_str_list(meta[key]):
            c.error(key, f"'{key}' must be a list of texts", f"write '{key}: [a, b]' or one '- item' per line")
        elif key in meta:
            for item in meta[key]:
                c.text_value(key, item, key, single_line=key in ("related", "breaks_off"))
    for key in ("supersedes", "superseded_by"):
        if isinstance(meta.get(key), str) and meta[key].strip() and not SLUG.match(meta[key]):
            c.error(key, f"'{key}: {meta[key]}' is not a document id", "write the id of a document, e.g. 'ecosoc-1993-34'")
    if isinstance(meta.get("related"), list):
        for item in meta["related"]:
            if isinstance(item, str) and not SLUG.match(item):
                c.error("related", f"related '{item}' is not a document id", "write the id of a document, e.g. 'ecosoc-1993-34'")
    if isinstance(meta.get("source_language"), str) and meta["source_language"] not in known_languages():
        c.error("source_language", f"unknown source_language '{meta['source_language']}'",
                f"use one of: {', '.join(known_languages())}")
    verified = meta.get("verified", True)
    if isinstance(verified, list) and _is_str_list(verified):
        for item in verified:
            c.text_value("verified", item, "verified")
    elif not isinstance(verified, bool):
        c.error("verified", "'verified' must be true, false or a list of the unconfirmed keys", "write 'verified: false'")
    if "footnotes_missing" in meta and not isinstance(meta["footnotes_missing"], bool):
        c.error("footnotes_missing", "'footnotes_missing' must be true or false", "write 'footnotes_missing: true'")
    _check_adopted(c)
    _check_translation(c)
    _check_lang(c, lang)
    for key in meta:
        if key not in KNOWN:
            report.warning(path, c.line(str(key)), 1, f"unknown front matter key '{key}'",
                           "check its spelling; content/README.md lists the keys")
    return len(report.errors) == before


def _check_adopted(c: _Checker) -> None:
    if "adopted_by" not in c.meta:
        return
    value = c.meta["adopted_by"]
    entries = value if isinstance(value, list) else [value]
    for entry in entries:
        if not isinstance(entry, dict):
            c.error("adopted_by", "'adopted_by' must be a mapping (body, resolution, meeting, date) or a list of them",
                    "write 'adopted_by: {body: ecosoc, resolution: 1993/34, date: 1993-07-27}'")
            return
        for key, item in entry.items():
            if key not in ADOPTED_KEYS:
                c.error("adopted_by", f"unknown key '{key}' in 'adopted_by'", f"use: {', '.join(sorted(ADOPTED_KEYS))}")
            elif key == "body" and (not isinstance(item, str) or item not in BODIES):
                c.error("adopted_by", f"unknown adopting body '{item}'", f"use one of: {', '.join(BODIES)}")
            elif key == "date":
                c.date("adopted_by", item, "the adoption date")
            elif key == "verified" and not isinstance(item, bool):
                c.error("adopted_by", "'verified' in 'adopted_by' must be true or false", "write 'verified: false'")
            elif key not in ("date", "verified", "body"):
                if not isinstance(item, str) or not item.strip():
                    c.error("adopted_by", f"'{key}' in 'adopted_by' must be a non-empty text, not {type(item).__name__}",
                            f"write '{key}: ...' (quote a number: '{key}: \"34\"')")
                else:
                    c.text_value("adopted_by", item, f"adopted_by {key}", single_line=key != "text")


def _check_translation(c: _Checker) -> None:
    if "translation" not in c.meta:
        return
    value = c.meta["translation"]
    if not isinstance(value, dict):
        c.error("translation", "'translation' must be a mapping with 'status' and 'source_hashes'",
                "see content/README.md, 'Front matter'")
        return
    if not isinstance(value.get("status"), str) or value.get("status") not in TRANSLATION_STATUSES:
        c.error("translation", f"unknown translation status {value.get('status')!r}",
                f"use one of: {', '.join(TRANSLATION_STATUSES)}")
    hashes = value.get("source_hashes", {})
    if not isinstance(hashes, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in hashes.items()):
        c.error("translation", "'source_hashes' must map unit ids to hashes", "let 'compendium translate-init' write it")
        return
    absent = value.get("absent", [])
    if not (isinstance(absent, list) and all(isinstance(a, str) and SLUG.match(a) for a in absent)):
        c.error("translation", "'absent' must be a list of the source's unit ids this translation does not have",
                "write 'absent: [preamble-8]' (only where the official translation has no such paragraph)")
    _check_hashes(c, hashes)


def _check_hashes(c: _Checker, hashes: dict[str, str]) -> None:
    from .translating.checks import entry_line
    from .translating.markers import HASH

    for key in map(str, c.meta["translation"]):
        if key not in ("status", "source_hashes", "absent"):
            c.report.error(c.path, entry_line(c.path, key, c.line("translation")), 1,
                           f"unknown key '{key}' in 'translation'", "use 'status', 'source_hashes' and 'absent'")
    for uid, digest in hashes.items():
        if not HASH.match(digest):
            c.report.error(c.path, entry_line(c.path, uid, c.line("translation")), 1,
                           f"source hash {digest!r} of unit '{uid}' is not a hash (12 hex digits)",
                           "copy it from 'compendium translate-init' or 'translate-mark'; never type one")


def _check_lang(c: _Checker, lang: str) -> None:
    """`lang` is optional: the file name gives the language. When written, it must agree."""
    if "lang" in c.meta and (not isinstance(c.meta["lang"], str) or c.meta["lang"] != lang):
        c.error("lang", f"'lang: {c.meta['lang']}' does not match the file name {lang}.md",
                f"write 'lang: {lang}', or remove the key (the file name gives the language)")


# -- the typed front matter -------------------------------------------------------------------------------------
def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) and str(value).strip() else None


def _texts(value: Any) -> tuple[str, ...]:
    """A value that may be one text or a list of them."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(str(v) for v in items if isinstance(v, (str, int, float)) and str(v).strip())


def _adoption(entry: dict) -> Adoption:
    meeting = _text(entry.get("meeting"))
    return Adoption(body=_text(entry.get("body")), resolution=_text(entry.get("resolution")),
                    meeting=meeting, date=_text(entry.get("date")), text=_text(entry.get("text")),
                    verified=entry.get("verified", True) is not False, plenary=parse_meeting(meeting))


def _translation(value: Any) -> TranslationRecord | None:
    if not isinstance(value, dict):
        return None
    hashes = value.get("source_hashes") or {}
    hashes = {str(k): str(v) for k, v in hashes.items()} if isinstance(hashes, dict) else {}
    absent = value.get("absent")
    absent = tuple(str(a) for a in absent) if isinstance(absent, list) else ()
    return TranslationRecord(_text(value.get("status")), hashes, absent)


def typed_metadata(meta: dict[str, Any], fallback_title: str = "") -> Metadata:
    """The front matter as a Metadata value. Checked front matter gives every fact; a value of the wrong
    shape (in a file `check_metadata` refused) is left out rather than raising."""
    adopted = meta.get("adopted_by")
    entries = adopted if isinstance(adopted, list) else [adopted] if adopted is not None else []
    verified = meta.get("verified", True)
    if isinstance(verified, list):
        verified = tuple(str(v) for v in verified)
    elif not isinstance(verified, bool):
        verified = True
    from .translating.markers import MARKER, strip_marker

    # A draft's title still in the source's words: the reader gets those words, never the marker.
    marked = tuple(k for k in ("title", "short_title") if MARKER in (_text(meta.get(k)) or ""))
    return Metadata(
        title=strip_marker(_text(meta.get("title")) or "").strip() or fallback_title,
        kind=_text(meta.get("kind")),
        short_title=strip_marker(_text(meta.get("short_title")) or "").strip() or None,
        untranslated=marked,
        title_note=_text(meta.get("title_note")),
        symbols=tuple(s.strip() for s in _texts(meta.get("symbol"))),
        adoptions=tuple(_adoption(e) for e in entries if isinstance(e, dict)),
        cluster=_text(meta.get("cluster")),
        status=_text(meta.get("status")) or DEFAULT_STATUS,
        supersedes=_text(meta.get("supersedes")),
        superseded_by=_text(meta.get("superseded_by")),
        related=_texts(meta.get("related")),
        source=_text(meta.get("source")),
        official_record=_text(meta.get("official_record")),
        breaks_off=_texts(meta.get("breaks_off")),
        completeness=_text(meta.get("completeness")) or "none",
        completeness_note=_text(meta.get("completeness_note")),
        verified=verified,
        verification_note=_text(meta.get("verification_note")),
        corrections=_texts(meta.get("corrections")),
        numbering=_text(meta.get("numbering")) or "auto",
        footnotes_missing=meta.get("footnotes_missing") is True,
        translation=_translation(meta.get("translation")),
        source_language=_text(meta.get("source_language")),
    )
