"""Compare a translation with its source, unit by unit: what is outdated, missing, extra or untranslated.

Cheap by design (no git, no file reads): the validator runs it for every translation file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import SOURCE_LANGUAGE
from ..model import Corpus, Document
from .markers import HASH, is_untranslated, untranslated_fields


def group_by_id(corpus: Corpus) -> dict[str, dict[str, Document]]:
    """Document id → {language: document}, in corpus order."""
    groups: dict[str, dict[str, Document]] = {}
    for doc in corpus.documents:
        groups.setdefault(doc.id, {})[doc.lang] = doc
    return groups


def declared_source_languages(files: dict[str, Document]) -> list[str]:
    """The `source_language` values the files of one document give (more than one is a conflict)."""
    seen: list[str] = []
    for doc in files.values():
        value = doc.metadata.get("source_language")
        if isinstance(value, str) and value not in seen:
            seen.append(value)
    return seen


def source_language(files: dict[str, Document]) -> str:
    """Any file of the document may say which language is the source; the default is the compendium's."""
    declared = declared_source_languages(files)
    return declared[0] if declared else SOURCE_LANGUAGE


def translation_block(doc: Document) -> dict | None:
    value = doc.metadata.get("translation")
    return value if isinstance(value, dict) else None


def recorded_hashes(doc: Document) -> dict[str, str]:
    block = translation_block(doc) or {}
    hashes = block.get("source_hashes") or {}
    return {str(k): str(v) for k, v in hashes.items()} if isinstance(hashes, dict) else {}


@dataclass
class Alignment:
    """One translation against its current source. Unit lists are in document order."""

    translation: Document
    source: Document
    recorded_status: str | None  # translation.status, None when the file has no translation block
    outdated: list[str] = field(default_factory=list)  # recorded hash differs from the source unit's hash now
    missing: list[str] = field(default_factory=list)  # in the source, not in the translation
    extra: list[str] = field(default_factory=list)  # in the translation, not in the source
    untranslated: list[str] = field(default_factory=list)  # still carry the [untranslated] marker
    unrecorded: list[str] = field(default_factory=list)  # in both, but no source hash recorded
    unknown_hashes: list[str] = field(default_factory=list)  # source_hashes keys naming no source unit
    untranslated_fields: list[str] = field(default_factory=list)  # front matter keys still marked

    @property
    def tracked(self) -> bool:
        return self.recorded_status is not None


def source_hashes(source: Document) -> dict[str, str]:
    """Unit id → hash of the source now, in document order (compute once per source, not per translation)."""
    return {u.id: u.hash for u in source.walk()}


def align(translation: Document, source: Document, current: dict[str, str] | None = None) -> Alignment:
    block = translation_block(translation)
    status = block.get("status") if block is not None else None
    result = Alignment(translation, source, str(status) if block is not None else None)
    current = source_hashes(source) if current is None else current
    mine = translation.unit_ids()
    mine_set = set(mine)
    recorded = recorded_hashes(translation)
    for uid, now in current.items():
        if uid not in mine_set:
            result.missing.append(uid)
        elif uid not in recorded:
            if block is not None:
                result.unrecorded.append(uid)
        elif HASH.match(recorded[uid]) and recorded[uid] != now:
            result.outdated.append(uid)
    result.extra = [uid for uid in mine if uid not in current]
    result.unknown_hashes = [uid for uid in recorded if uid not in current]
    result.untranslated = [u.id for u in translation.walk() if is_untranslated(u)]
    result.untranslated_fields = untranslated_fields(translation.metadata)
    return result
