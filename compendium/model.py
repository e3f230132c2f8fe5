"""Domain objects: a document in one language, made of units with stable ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .vocabulary import DEFAULT_STATUS

if TYPE_CHECKING:
    from .addresses import DocRef

# Kinds of unit. Numbered kinds take their id prefix from the kind ("rule-43").
HEADED_KINDS = ("article", "rule", "principle", "guideline", "recommendation", "paragraph", "prelim")


@dataclass
class Unit:
    id: str
    kind: str  # preamble, section, subsection, annex, heading, paragraph, article, rule, ..., item, subitem, adoption, footnote
    number: str | None
    text: str  # Markdown inline text (for containers: their heading)
    children: list["Unit"] = field(default_factory=list)
    heading: str | None = None  # a heading as written: "I. REVIEW OF PRIORITY THEMES", "Article premier"
    line: int = 0  # line in the content file, for diagnostics
    label: str | None = None  # the number as the text writes it, where it is not `number` ("ب" for item b)

    def walk(self) -> Iterator["Unit"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        from .translating.markers import is_untranslated, strip_marker

        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "number": self.number, "text": strip_marker(self.text)}
        if self.label is not None:
            data["label"] = self.label
        if self.heading is not None:
            data["heading"] = strip_marker(self.heading)
        if is_untranslated(self):
            data["untranslated"] = True  # the text is still the source's words
        data["children"] = [c.to_dict() for c in self.children]
        return data

    @property
    def hash(self) -> str:
        """Hash of the unit's own text: what a translation records to detect a changed source."""
        own = f"{self.heading or ''}\n{self.text}"
        return hashlib.sha256(own.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Meeting:
    """A plenary meeting as data: its number and whether it was a resumed meeting (schema reads it from
    `adopted_by.meeting` as any configured language writes it; each language writes it its own way)."""
    number: int
    resumed: bool = False


@dataclass(frozen=True)
class Adoption:
    """One `adopted_by` entry: which body adopted the text, by which resolution, at which meeting, when."""
    body: str | None = None
    resolution: str | None = None
    meeting: str | None = None  # as written
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    text: str | None = None  # the adoption as the source words it, where the facts are not separable
    verified: bool = True
    plenary: Meeting | None = None  # the meeting as data, when `meeting` is one a configured language writes


@dataclass(frozen=True)
class TranslationRecord:
    """A translation's `translation:` block: its status and the source unit hashes it was made from."""
    status: str | None
    source_hashes: dict[str, str]
    # the source's units an official translation does not have ("Now, therefore," in the French UDHR): the
    # parser gives the paragraphs after such a unit the source's ids, and alignment does not ask for it
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Metadata:
    """A document's front matter, typed. Made by `schema.typed_metadata` from a checked front matter dict;
    nothing outside the model and the schema reads the raw dict."""
    title: str
    kind: str | None = None
    short_title: str | None = None
    title_note: str | None = None  # the title's note, printed "*" after the title (plain text)
    symbols: tuple[str, ...] = ()
    adoptions: tuple[Adoption, ...] = ()
    cluster: str | None = None
    status: str = DEFAULT_STATUS
    supersedes: str | None = None
    superseded_by: str | None = None
    related: tuple[str, ...] = ()
    source: str | None = None  # editorial provenance: where the text was taken from (for editors, not printed)
    official_record: str | None = None  # the bibliographic citation of the official records, where verified
    breaks_off: tuple[str, ...] = ()  # the units after which the source's text breaks off (a partial text)
    completeness: str = "none"
    completeness_note: str | None = None
    verified: bool | tuple[str, ...] = True  # True, False, or the keys not yet confirmed
    verification_note: str | None = None
    corrections: tuple[str, ...] = ()
    numbering: str = "auto"
    footnotes_missing: bool = False
    translation: TranslationRecord | None = None
    source_language: str | None = None  # declared by this file; see versions.source_language for the rule
    untranslated: tuple[str, ...] = ()  # a draft's title keys still in the source's words (marker removed)

    @property
    def title_untranslated(self) -> bool:
        """What lists and the navigation show (display_title) is still the source's words."""
        return "short_title" in self.untranslated if self.short_title else "title" in self.untranslated

    @property
    def display_title(self) -> str:
        """What lists, navigation and running heads show: the short title, else the title."""
        return self.short_title or self.title

    @property
    def symbol(self) -> str | None:
        return self.symbols[0] if self.symbols else None

    def unverified(self, key: str) -> bool:
        """True when the fact under `key` is marked as not yet confirmed."""
        return self.verified is False or (isinstance(self.verified, tuple) and key in self.verified)

    @property
    def fully_verified(self) -> bool:
        return self.verified is True


@dataclass
class Document:
    id: str
    collection: str  # "instruments" or "resolutions"
    lang: str
    path: Path
    metadata: dict[str, Any]
    units: list[Unit] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)  # front matter key -> line
    body_line: int = 1  # first line of the body in the file

    @property
    def meta(self) -> Metadata:
        """The typed front matter, parsed once."""
        cached = self.__dict__.get("_meta")
        if cached is None or cached[0] is not self.metadata:
            from .schema import typed_metadata

            cached = (self.metadata, typed_metadata(self.metadata, self.id))
            self.__dict__["_meta"] = cached
        return cached[1]

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def display_title(self) -> str:
        return self.meta.display_title

    def front_matter(self, key: str) -> Any:
        """A front-matter value as written (for tools that rewrite the file, such as the translators')."""
        return self.metadata.get(key)

    def has_key(self, key: str) -> bool:
        return key in self.metadata

    @property
    def has_text(self) -> bool:
        return any(u.kind != "footnote" for u in self.units)

    @property
    def ref(self) -> "DocRef":
        """The document as a work, whatever its language: what addresses are made from."""
        from .addresses import DocRef

        return DocRef(self.collection, self.id)

    def walk(self) -> Iterator[Unit]:
        for unit in self.units:
            yield from unit.walk()

    def unit_ids(self) -> list[str]:
        return [u.id for u in self.walk()]

    def to_dict(self) -> dict[str, Any]:
        """The document for readers and tools: a draft's marker is left out (its marked keys are listed)."""
        from .translating.markers import TRANSLATABLE_KEYS, strip_marker

        metadata = {k: strip_marker(v).strip() if k in TRANSLATABLE_KEYS and isinstance(v, str) else v
                    for k, v in self.metadata.items()}
        data = {
            "id": self.id,
            "collection": self.collection,
            "lang": self.lang,
            "title": self.title,
            "metadata": metadata,
            "units": [u.to_dict() for u in self.units],
        }
        if self.meta.untranslated:
            data["untranslated"] = list(self.meta.untranslated)
        return data


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    # Document id → its recorded history (content/<collection>/<id>/history.yml), where it has one.
    histories: dict[str, "DocumentHistory"] = field(default_factory=dict)

    def get(self, doc_id: str, lang: str) -> Document | None:
        # Pages look documents up many times each: a dictionary, rebuilt when documents were added.
        index = self.__dict__.get("_by_key")
        if index is None or self.__dict__.get("_indexed") != len(self.documents):
            index = {(d.id, d.lang): d for d in reversed(self.documents)}  # the first of duplicates wins
            self.__dict__["_by_key"], self.__dict__["_indexed"] = index, len(self.documents)
        return index.get((doc_id, lang))

    def versions(self, doc_id: str) -> dict[str, Document]:
        """Language → the document's version in it, in corpus order."""
        groups = self.__dict__.get("_groups")
        if groups is None or self.__dict__.get("_grouped") != len(self.documents):
            groups = {}
            for doc in self.documents:
                groups.setdefault(doc.id, {}).setdefault(doc.lang, doc)
            self.__dict__["_groups"], self.__dict__["_grouped"] = groups, len(self.documents)
        return groups.get(doc_id, {})

    def languages(self) -> list[str]:
        return sorted({d.lang for d in self.documents})

    def ids(self) -> list[str]:
        return sorted({d.id for d in self.documents})

    def in_language(self, lang: str) -> list[Document]:
        return [d for d in self.documents if d.lang == lang]


# -- the recorded history of a document (content/<collection>/<id>/history.yml; compendium/history.py) --------------
CHANGE_KINDS = ("document-added", "translation-added", "text-changed", "metadata-changed", "status-changed")


@dataclass(frozen=True)
class UnitChange:
    """One unit of a changed text and its word diff: (op, words) pieces, op "=" kept, "-" removed, "+" added;
    a kept run far from any change is shortened to its ends around "…"."""
    unit_id: str
    diff: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Change:
    """One recorded change of one language version: its UTC day, what happened, the units it changed and the
    SHA-256 of the file after it. `note` is an editor's words for readers, in the file's language."""
    lang: str
    date: str  # YYYY-MM-DD, UTC
    kind: str  # one of CHANGE_KINDS
    sha256: str
    units: tuple[UnitChange, ...] = ()
    more_units: tuple[str, ...] = ()  # further units changed, listed without their diff (a bulk re-import)
    note: str | None = None

    @property
    def anchor(self) -> str:
        """Its id on the document's page, the same in every build: the language, the day and the file's hash."""
        from .addresses import change_anchor

        return change_anchor(self.lang, self.date, self.sha256)


@dataclass(frozen=True)
class DocumentHistory:
    """A document's changes, per language, oldest first, as recorded."""
    doc_id: str
    path: Path
    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)

    def of(self, lang: str) -> tuple[Change, ...]:
        return self.changes.get(lang, ())

    def last(self, lang: str) -> Change | None:
        changes = self.of(lang)
        return changes[-1] if changes else None
