"""Compare a translation with its source, unit by unit: what is outdated, missing, extra or untranslated.

Cheap by design (no git, no file reads): the validator runs it for every translation file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..body import missing_footnotes
from ..model import Corpus, Document
from ..versions import source_language_of
from .markers import HASH, is_untranslated, untranslated_fields


def group_by_id(corpus: Corpus) -> dict[str, dict[str, Document]]:
    """Document id → {language: document}, in corpus order."""
    groups: dict[str, dict[str, Document]] = {}
    for doc in corpus.documents:
        groups.setdefault(doc.id, {})[doc.lang] = doc
    return groups


def source_language(files: dict[str, Document]) -> str:
    """Any file of the document may say which language is the source (compendium.versions)."""
    return source_language_of(files)


def recorded_hashes(doc: Document) -> dict[str, str]:
    return dict(doc.meta.translation.source_hashes) if doc.meta.translation is not None else {}


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


def notes_the_source_lacks(source: Document) -> set[str]:
    """The footnote ids a source calls without giving the note's text (`footnotes_missing: true`): a translation
    that gives such a note's text is not out of line (E/RES/2024/12: note 1 is given in Russian only)."""
    if not source.meta.footnotes_missing:
        return set()
    return {f"fn-{label}" for label, _ in missing_footnotes(source.units)}


def align(translation: Document, source: Document, current: dict[str, str] | None = None) -> Alignment:
    block = translation.meta.translation
    result = Alignment(translation, source, (block.status or "None") if block is not None else None)
    current = source_hashes(source) if current is None else current
    mine = translation.unit_ids()
    mine_set = set(mine)
    recorded = recorded_hashes(translation)
    absent = set(block.absent) if block is not None else set()
    for uid, now in current.items():
        if uid in absent:
            continue  # the official translation has no such unit (translation.absent)
        if uid not in mine_set:
            result.missing.append(uid)
        elif uid not in recorded:
            if block is not None:
                result.unrecorded.append(uid)
        elif HASH.match(recorded[uid]) and recorded[uid] != now:
            result.outdated.append(uid)
    lacking = notes_the_source_lacks(source)
    result.extra = [uid for uid in mine if uid not in current and uid not in lacking]
    result.unknown_hashes = [uid for uid in recorded if uid not in current]
    result.untranslated = [u.id for u in translation.walk() if is_untranslated(u)]
    result.untranslated_fields = untranslated_fields(translation)
    return result
