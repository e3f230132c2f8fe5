"""Where a mention points: a page of the compendium (and a paragraph of it), undocs.org, or nowhere.

A resolution the compendium holds is linked to its page: by its id (`ecosoc-1993-34`, `ga-70-175`), by
the `symbol` of a document, or by the `adopted_by` resolution of an instrument (GA 70/175 → the Nelson
Mandela Rules). Otherwise the official symbol is linked on undocs.org. A mention whose body is not
known, or whose symbol is not certain, is not linked: `problem` says why and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..addresses import DocRef, WebLinks, undocs
from ..model import Corpus, Document
from ..versions import source_version
from .mentions import Mention, normalise_number, number_shape
from .places import PlaceNotFound, locate

_RES_SYMBOL = re.compile(r"^(A|E)/RES/(\d+)/(\d+)$|^(A)/RES/(\d+)\(([IVXLC]+)\)$")
_BODY_NAMES = {"ga": "General Assembly", "ecosoc": "Economic and Social Council",
               "commission": "Commission on Crime Prevention and Criminal Justice"}
_SHAPES = {"ecosoc": ("year", "old"), "ga": ("session", "old"), "commission": ("session",)}


@dataclass(frozen=True)
class Resolution:
    """The outcome for one mention. `href` is None when the mention stays text."""

    mention: Mention
    url: str | None = None  # outside the compendium (undocs.org)
    doc_id: str | None = None  # a document of the compendium
    collection: str | None = None
    unit_id: str | None = None
    problem: tuple[str, str] | None = None  # (message, what to do), reported by `compendium validate`

    @property
    def internal(self) -> bool:
        return self.doc_id is not None

    @property
    def target(self) -> DocRef | None:
        return DocRef(self.collection or "", self.doc_id) if self.doc_id else None

    @property
    def linked(self) -> bool:
        return self.doc_id is not None or self.url is not None

    @property
    def href(self) -> str | None:
        """The href as a document page of the site writes it (a page of the same language)."""
        if self.target is not None:
            return WebLinks("en", DocRef("_", "_").page("en")).document(self.target, self.unit_id)
        return self.url


def _said(mention: Mention) -> str:
    return " ".join(mention.text.split())


def symbol_of(body: str, number: str) -> str | None:
    """The official symbol where it is certain: ECOSOC 1993/34 → E/RES/1993/34, GA 46/152 → A/RES/46/152,
    GA 3452 (XXX) → A/RES/3452(XXX). None for the Commission, older ECOSOC numbers and lettered parts."""
    shape = number_shape(number)
    if body == "ecosoc" and shape == "year":
        return f"E/RES/{number}"
    if body == "ga" and shape == "session":
        return f"A/RES/{number}"
    if body == "ga" and shape == "old":
        m = re.match(r"^(\d+) \(([IVXLC]+)\)$", number)
        return f"A/RES/{m.group(1)}({m.group(2)})" if m else None
    return None


def key_of_symbol(symbol: str) -> tuple[str, str] | None:
    """E/RES/1993/34 → ('ecosoc', '1993/34'); A/RES/70/175 → ('ga', '70/175')."""
    m = _RES_SYMBOL.match(symbol)
    if not m:
        return None
    if m.group(1):
        return ("ga" if m.group(1) == "A" else "ecosoc"), f"{m.group(2)}/{m.group(3)}"
    return "ga", f"{m.group(5)} ({m.group(6)})"


class Resolver:
    """Built once for a corpus; `resolve` is then a few dictionary look-ups."""

    def __init__(self, corpus: Corpus):
        self.docs: dict[str, Document] = {}  # id → the version whose units are searched for a place
        self.versions: dict[str, list[Document]] = {}
        for doc in corpus.documents:
            self.versions.setdefault(doc.id, []).append(doc)
        for doc_id in self.versions:
            self.docs[doc_id] = source_version(corpus, doc_id)
        self.by_id: dict[tuple[str, str], str] = {}
        self.by_symbol: dict[str, set[str]] = {}
        self.by_adoption: dict[tuple[str, str], set[str]] = {}
        for doc_id, doc in self.docs.items():
            m = re.match(r"^(ecosoc|ga)-(\d+)-(\d+)$", doc_id)
            if m and doc.collection == "resolutions":
                self.by_id[(m.group(1), f"{m.group(2)}/{m.group(3)}")] = doc_id
            for symbol in doc.meta.symbols:
                self.by_symbol.setdefault(re.sub(r"\s+", "", symbol), set()).add(doc_id)
            for entry in doc.meta.adoptions:
                if entry.body and entry.resolution:
                    key = (entry.body, normalise_number(entry.resolution))
                    self.by_adoption.setdefault(key, set()).add(doc_id)

    # -- looking up ---------------------------------------------------------------------------
    def _one(self, ids: set[str]) -> str | None:
        """A single document; among several, the single resolution; else None (do not guess)."""
        if len(ids) == 1:
            return next(iter(ids))
        resolutions = [i for i in ids if self.docs[i].collection == "resolutions"]
        return resolutions[0] if len(resolutions) == 1 else None

    def document_for(self, body: str, number: str) -> str | None:
        """The compendium's document for resolution `number` of `body`, if it holds one."""
        if (body, number) in self.by_id:
            return self.by_id[(body, number)]
        symbol = symbol_of(body, number)
        if symbol and symbol in self.by_symbol and (found := self._one(self.by_symbol[symbol])):
            return found
        return self._one(self.by_adoption.get((body, number), set()))

    # -- resolving ----------------------------------------------------------------------------
    def resolve(self, mention: Mention, citing: Document | None = None) -> Resolution:
        if mention.kind == "title":
            return self._internal(mention, mention.doc_id, citing)
        if mention.kind == "symbol":
            symbol = mention.symbol or mention.text
            key = key_of_symbol(symbol)
            doc_id = self.document_for(*key) if key else None
            if doc_id is None and symbol in self.by_symbol:
                doc_id = self._one(self.by_symbol[symbol])
            if doc_id:
                return self._internal(mention, doc_id, citing)
            return Resolution(mention, url=undocs(symbol))
        return self._resolution(mention, citing)

    def _resolution(self, mention: Mention, citing: Document | None) -> Resolution:
        number, body = mention.number or "", mention.body
        if body is None:
            return Resolution(mention, problem=(
                f"'{_said(mention)}': the text does not say which body adopted resolution {number}",
                "name the body, e.g. 'General Assembly resolution …' or 'Economic and Social Council resolution …'"))
        if body == "other":
            return Resolution(mention, problem=(
                f"'{_said(mention)}' is a resolution of {mention.body_words or 'another body'}: "
                f"the compendium does not hold it and its document symbol is not certain",
                "link it by hand, [words](https://undocs.org/<symbol>), if you know its symbol"))
        if number_shape(number) not in _SHAPES[body]:
            return Resolution(mention, problem=(
                f"'{_said(mention)}': {number} is not the form of a {_BODY_NAMES[body]} resolution number",
                "check the number and the body (a scanning error?)"))
        doc_id = self.document_for(body, number)
        if doc_id:
            return self._internal(mention, doc_id, citing)
        symbol = symbol_of(body, number)
        if symbol:
            return Resolution(mention, url=undocs(symbol))
        return Resolution(mention, problem=(
            f"'{_said(mention)}': {_BODY_NAMES[body]} resolution {number} is not in the compendium and has no "
            f"certain document symbol", "add it to content/resolutions/, or link it by hand if you know its symbol"))

    def _internal(self, mention: Mention, doc_id: str, citing: Document | None) -> Resolution:
        target = self.docs[doc_id]
        unit_id = problem = None
        if mention.place is not None:
            unit_id, problem = self._unit(doc_id, mention)
        if citing is not None and citing.id == doc_id and unit_id is None:
            return Resolution(mention, problem=problem)  # a text naming itself: nothing to link
        return Resolution(mention, doc_id=doc_id, collection=target.collection, unit_id=unit_id, problem=problem)

    def _unit(self, doc_id: str, mention: Mention) -> tuple[str | None, tuple[str, str] | None]:
        """The cited place's unit id, searched in every language version (ids are the same in all)."""
        versions = [v for v in self.versions.get(doc_id, []) if v.has_text]
        if not versions:
            return None, None  # a catalogue record: the place is linked once its text is added
        versions.sort(key=lambda v: v is not self.docs[doc_id])  # the source text first
        reason = ""
        for version in versions:
            try:
                return locate(version, mention.place).id, None
            except PlaceNotFound as exc:
                reason = reason or str(exc)
        if all(v.meta.completeness == "partial" for v in versions):
            return None, (f"'{_said(mention)}': {mention.place.describe()} is not in the partial text of {doc_id} "
                          f"({reason}); the link goes to the document",
                          "nothing to do if the place is in the missing part: it is linked once the text is completed")
        return None, (f"'{_said(mention)}': {mention.place.describe()} is not in {doc_id} ({reason}); "
                      f"the link goes to the document", "check the cited place, or the numbering of the cited text")
