"""Where each translation stands: one state per document and language, and each interface catalog's completeness.

This is the engine's API for `compendium status` and for the site (a documents × languages matrix, and
the outdated or untranslated paragraphs of one page). It only reads the parsed corpus and the .po files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..model import Corpus, Document
from .alignment import Alignment, align, group_by_id, source_hashes, source_language

# The states of one document in one language, from the most to the least urgent for a translator.
STATES = {
    "missing": "the source has a text and there is no translation file",
    "invalid": "the translation file exists but has errors: run 'compendium validate'",
    "outdated": "the source changed since the translation was made (see 'outdated_units', "
                "'missing_units'); fix with 'compendium translate-diff'",
    "untracked": "a translation file without a 'translation:' block: its status and source are not recorded",
    "draft": "translation.status: draft",
    "translated": "translation.status: translated",
    "reviewed": "translation.status: reviewed",
    "official": "translation.status: official",
    "no-source-text": "a catalogue record with no text in the source: nothing to translate but its facts",
    "no-source": "the source language's file is missing or invalid, so the translation cannot be compared",
    "source": "this language is the document's source",
}
# A source with no text in it: the record's title can be translated, but no text is missing.
_NO_TEXT = "no-source-text"


@dataclass
class TranslationState:
    """One document in one language. Unit lists are in document order; empty when they do not apply."""

    document: str
    collection: str
    lang: str
    source_language: str
    status: str  # a key of STATES
    recorded_status: str | None = None  # translation.status as written in the file
    path: str | None = None  # the translation file, when it exists
    source_units: int = 0  # units of the source text
    outdated_units: list[str] = field(default_factory=list)
    missing_units: list[str] = field(default_factory=list)
    extra_units: list[str] = field(default_factory=list)
    untranslated_units: list[str] = field(default_factory=list)
    unrecorded_units: list[str] = field(default_factory=list)
    untranslated_fields: list[str] = field(default_factory=list)

    @property
    def alignment_problems(self) -> bool:
        return bool(self.missing_units or self.extra_units)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _state_of(doc_id: str, lang: str, files: dict[str, Document],
              current: dict[str, str] | None = None) -> TranslationState:
    src_lang = source_language(files)
    source = files.get(src_lang)
    any_file = next(iter(files.values()))
    base = dict(document=doc_id, collection=any_file.collection, lang=lang, source_language=src_lang)
    mine = files.get(lang)
    n_units = (len(current) if current is not None else len(source.unit_ids())) if source else 0
    if mine is None:
        # A file that exists but did not load (errors) is not "missing": someone has work to fix.
        expected = any_file.path.parent / f"{lang}.md"
        if expected.is_file():
            return TranslationState(**base, status="invalid", path=str(expected), source_units=n_units)
    if lang == src_lang:
        return TranslationState(**base, status="source" if source else "missing",
                                path=str(source.path) if source else None, source_units=n_units)
    if mine is None:
        has_text = source.has_text if source else any(d.has_text for d in files.values())
        return TranslationState(**base, status="missing" if has_text else _NO_TEXT, source_units=n_units)
    state = TranslationState(**base, status="", path=str(mine.path), source_units=n_units)
    state.recorded_status = mine.meta.translation.status if mine.meta.translation is not None else None
    if source is None:
        state.status = "no-source"
        return state
    a: Alignment = align(mine, source, current)
    state.outdated_units, state.missing_units, state.extra_units = a.outdated, a.missing, a.extra
    state.untranslated_units, state.unrecorded_units = a.untranslated, a.unrecorded
    state.untranslated_fields = a.untranslated_fields
    if a.outdated or (a.tracked and a.missing):
        state.status = "outdated"  # the source moved on: more urgent than whatever status was recorded
    elif not a.tracked:
        state.status = "untracked"
    else:
        state.status = a.recorded_status or "untracked"
    return state


def status(corpus: Corpus, languages: Iterable[str] | None = None) -> list[TranslationState]:
    """Every document × language, documents in id order and languages in the given (UN) order."""
    from ..languages import known_languages

    langs = list(languages) if languages is not None else list(known_languages())
    states = []
    for doc_id, files in sorted(group_by_id(corpus).items()):
        source = files.get(source_language(files))
        current = source_hashes(source) if source is not None else None  # shared by the document's languages
        states += [_state_of(doc_id, lang, files, current) for lang in langs]
    return states


def status_map(corpus: Corpus, languages: Iterable[str] | None = None) -> dict[tuple[str, str], TranslationState]:
    """(document id, language) → state: one pass for a site that needs the state of every page."""
    return {(s.document, s.lang): s for s in status(corpus, languages)}


def document_status(corpus: Corpus, doc_id: str, lang: str) -> TranslationState | None:
    """One page's state: `status`, `outdated_units`, `untranslated_units`. None for an unknown id."""
    files = {d.lang: d for d in corpus.documents if d.id == doc_id}
    return _state_of(doc_id, lang, files) if files else None


# -- interface catalogs ---------------------------------------------------------------------------------

CATALOG_SOURCE = "en"  # the interface strings (msgids) are written in English, whatever the content's source


@dataclass
class CatalogStatus:
    lang: str
    status: str  # source, missing, invalid, complete, incomplete
    total: int = 0
    untranslated: int = 0
    fuzzy: int = 0
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def catalog_status(languages: Iterable[str], folder: Path | None = None) -> list[CatalogStatus]:
    from ..catalogs import po_path, state
    from ..i18n import translations_dir

    folder = folder or translations_dir()
    out = []
    for lang in languages:
        po = po_path(lang, folder)
        if not po.is_file():
            out.append(CatalogStatus(lang, "source" if lang == CATALOG_SOURCE else "missing"))
            continue
        try:
            s = state(lang, folder)
        except Exception:  # Babel raises many kinds of errors on a broken .po; all mean the same here
            out.append(CatalogStatus(lang, "invalid", path=str(po)))
            continue
        out.append(CatalogStatus(lang, "complete" if s.complete else "incomplete", s.total, len(s.untranslated),
                                 len(s.fuzzy), str(po)))
    return out


# -- the JSON document --------------------------------------------------------------------------------

FORMAT = 1  # raised when a key is removed or changes meaning; new keys may be added without it


def status_json(states: list[TranslationState], catalogs: list[CatalogStatus], languages: list[str]) -> dict:
    """The stable shape documented in content/TRANSLATING.md ("Status as JSON")."""
    documents: dict[str, dict] = {}
    summary: dict[str, dict[str, int]] = {lang: {} for lang in languages}
    for s in states:
        entry = documents.setdefault(s.document, {"id": s.document, "collection": s.collection,
                                                  "source_language": s.source_language, "languages": {}})
        cell = s.to_dict()
        for key in ("document", "collection", "lang", "source_language"):
            cell.pop(key)
        entry["languages"][s.lang] = cell
        counts = summary.setdefault(s.lang, {})
        counts[s.status] = counts.get(s.status, 0) + 1
    return {
        "format": FORMAT,
        "languages": languages,
        "states": STATES,
        "documents": list(documents.values()),
        "catalogs": {c.lang: c.to_dict() for c in catalogs},
        "summary": summary,
    }
