"""Domain objects: a document in one language, made of units with stable ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

# Kinds of unit. Numbered kinds take their id prefix from the kind ("rule-43").
HEADED_KINDS = ("article", "rule", "principle", "guideline", "recommendation", "paragraph")


@dataclass
class Unit:
    id: str
    kind: str  # preamble, section, subsection, annex, heading, paragraph, article, rule, ..., item, subitem, adoption, footnote
    number: str | None
    text: str  # Markdown inline text (for containers: their heading)
    children: list["Unit"] = field(default_factory=list)
    heading: str | None = None  # a heading as written: "I. REVIEW OF PRIORITY THEMES", "Article premier"
    line: int = 0  # line in the content file, for diagnostics

    def walk(self) -> Iterator["Unit"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "number": self.number, "text": self.text}
        if self.heading is not None:
            data["heading"] = self.heading
        data["children"] = [c.to_dict() for c in self.children]
        return data

    @property
    def hash(self) -> str:
        """Hash of the unit's own text: what a translation records to detect a changed source."""
        own = f"{self.heading or ''}\n{self.text}"
        return hashlib.sha256(own.encode("utf-8")).hexdigest()[:12]


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
    def title(self) -> str:
        return str(self.metadata.get("title", self.id))

    @property
    def has_text(self) -> bool:
        return any(u.kind != "footnote" for u in self.units)

    @property
    def url(self) -> str:
        """Path of the document's page inside one language's site."""
        return f"{self.collection}/{self.id}/"

    def walk(self) -> Iterator[Unit]:
        for unit in self.units:
            yield from unit.walk()

    def unit_ids(self) -> list[str]:
        return [u.id for u in self.walk()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "collection": self.collection,
            "lang": self.lang,
            "title": self.title,
            "metadata": self.metadata,
            "units": [u.to_dict() for u in self.units],
        }


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)

    def get(self, doc_id: str, lang: str) -> Document | None:
        # Pages look documents up many times each: a dictionary, rebuilt when documents were added.
        index = self.__dict__.get("_by_key")
        if index is None or self.__dict__.get("_indexed") != len(self.documents):
            index = {(d.id, d.lang): d for d in reversed(self.documents)}  # the first of duplicates wins
            self.__dict__["_by_key"], self.__dict__["_indexed"] = index, len(self.documents)
        return index.get((doc_id, lang))

    def languages(self) -> list[str]:
        return sorted({d.lang for d in self.documents})

    def ids(self) -> list[str]:
        return sorted({d.id for d in self.documents})

    def in_language(self, lang: str) -> list[Document]:
        return [d for d in self.documents if d.lang == lang]
