"""The corpus-level citation index: built once per build, asked by every page.

    index = citation_index(corpus)          # once
    Renderer(doc, lang, citations=index)    # every page: mentions linked, "Cited by", lineage banner
"""

from __future__ import annotations

import weakref
from typing import Iterator

from typing import TYPE_CHECKING

from ..facts import adoption_year
from ..model import Corpus, Document, Unit
from .internal import may_refer, references
from .linking import link_html
from .mentions import Mention, find_mentions, may_mention, normalise_number, own_body_of
from .resolve import Resolution, Resolver
from .titles import TitleMatcher

if TYPE_CHECKING:
    from ..addresses import LinkPolicy

# (citing document id, citing unit id or None for a front-matter relation, citing document's collection)
Backlink = tuple[str, "str | None", str]


def unit_text(unit: Unit) -> str:
    return f"{unit.heading}\n{unit.text}" if unit.heading else unit.text


class CitationIndex:
    def __init__(self, corpus: Corpus):
        self._documents = list(corpus.documents)  # not the corpus: the cache below must not keep it alive
        self.resolver = Resolver(corpus)
        self._versions = {(d.id, d.lang): d for d in corpus.documents}
        self._titles: dict[str, TitleMatcher] = {}
        self._backlinks: dict[str, list[Backlink]] | None = None
        self.superseded_by: dict[str, list[str]] = {}
        self.supersedes: dict[str, list[str]] = {}
        for doc_id, doc in self.resolver.docs.items():
            if doc.meta.superseded_by:
                self._relate(doc.meta.superseded_by, doc_id)
            if doc.meta.supersedes:
                self._relate(doc_id, doc.meta.supersedes)

    def _relate(self, later: str, earlier: str) -> None:
        if later in self.resolver.docs and earlier in self.resolver.docs:
            self.superseded_by.setdefault(earlier, [])
            self.supersedes.setdefault(later, [])
            if later not in self.superseded_by[earlier]:
                self.superseded_by[earlier].append(later)
            if earlier not in self.supersedes[later]:
                self.supersedes[later].append(earlier)

    # -- documents ------------------------------------------------------------------------------
    def document(self, doc_id: str, lang: str) -> Document | None:
        """The document in `lang`, else its source text (compendium.versions)."""
        return self._versions.get((doc_id, lang)) or self.resolver.docs.get(doc_id)

    def title(self, doc_id: str, lang: str, short: bool = False) -> str:
        doc = self.document(doc_id, lang)
        if doc is None:
            return doc_id
        return doc.display_title if short else doc.title

    def year(self, doc_id: str) -> str | None:
        doc = self.resolver.docs.get(doc_id)
        year = adoption_year(doc) if doc is not None else None
        return str(year) if year else None

    # -- mentions -------------------------------------------------------------------------------
    def titles(self, lang: str) -> TitleMatcher:
        if lang not in self._titles:
            self._titles[lang] = TitleMatcher(Corpus(self._documents), lang)
        return self._titles[lang]

    def may_mention(self, text: str, lang: str) -> bool:
        return may_mention(text, lang) or self.titles(lang).may_mention(text)

    def mentions(self, text: str, doc: Document) -> list[Mention]:
        """Resolution, symbol and title mentions in a text of `doc`, in order, none overlapping."""
        found = find_mentions(text, doc.lang, own_body_of(doc.id))
        found += self.titles(doc.lang).find(text, exclude=doc.id)
        found.sort(key=lambda m: (m.start, -m.end))
        out: list[Mention] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    def resolve(self, text: str, doc: Document) -> list[Resolution]:
        return [self.resolver.resolve(m, doc) for m in self.mentions(text, doc)]

    def citations(self, doc: Document) -> Iterator[tuple[Unit, Resolution]]:
        """Every mention in every unit of `doc`, resolved."""
        for unit in doc.walk():
            text = unit_text(unit)
            if text and self.may_mention(text, doc.lang):
                for resolution in self.resolve(text, doc):
                    yield unit, resolution

    def link(self, fragment: str, doc: Document, lang: str | None, links: "LinkPolicy",
             within: Unit | None = None) -> str:
        """The rendered HTML of a text of `doc`, with its resolved mentions linked: `links`, the output's
        link policy, makes each href (or leaves the mention as text). The text's references to units of
        `doc` itself ("rules 7 and 8", "paragraph 1 of this rule", `within` being that rule) are linked too."""
        from ..addresses import symbol_of_undocs

        page_lang = lang or doc.lang

        def find(text: str):
            for ref in references(text, doc, doc.lang, within):
                yield ref.start, ref.end, links.unit(ref.unit_id), ""
            yield from find_others(text)

        def find_others(text: str):
            for r in self.resolve(text, doc):
                if r.target is not None:
                    href, title = links.document(r.target, r.unit_id), self.title(r.doc_id, page_lang)
                elif r.url is not None:
                    href, title = links.external(r.url), symbol_of_undocs(r.url) or r.url
                else:
                    continue
                if href is None:
                    continue
                for start, end in r.mention.spans:
                    yield start, end, href, title

        return link_html(fragment, find, lambda text: self.may_mention(text, doc.lang) or may_refer(text, doc.lang))

    # -- backlinks ------------------------------------------------------------------------------
    @property
    def backlinks(self) -> dict[str, list[Backlink]]:
        if self._backlinks is None:
            self._backlinks = self._build_backlinks()
        return self._backlinks

    def related(self, doc_id: str) -> list[str]:
        """The documents an editor marked as related (front matter `related`), either way round. Not a
        citation: an earlier text can be related to a later one, never cite it."""
        docs = self.resolver.docs
        found = set(docs[doc_id].meta.related) if doc_id in docs else set()
        found |= {other for other, d in docs.items() if doc_id in d.meta.related}
        return sorted(d for d in found if d in docs and d != doc_id)

    def _build_backlinks(self) -> dict[str, list[Backlink]]:
        found: dict[str, list[Backlink]] = {}

        def add(target: str, link: Backlink) -> None:
            if target != link[0] and target in self.resolver.docs and link not in found.setdefault(target, []):
                found[target].append(link)

        for doc_id in sorted(self.resolver.docs):
            doc = self.resolver.docs[doc_id]  # one version of each: unit ids are the same in every language
            for entry in doc.meta.adoptions:
                if entry.body and entry.resolution:
                    adopting = self.resolver.document_for(entry.body, normalise_number(entry.resolution))
                    if adopting and self.resolver.docs[adopting].collection == "resolutions":
                        add(doc_id, (adopting, None, "resolutions"))
            for unit, resolution in self.citations(doc):
                if resolution.internal:
                    add(resolution.doc_id, (doc_id, unit.id, doc.collection))
        return found


def backlinks(corpus: Corpus) -> dict[str, list[Backlink]]:
    """target document id → [(citing document id, citing unit id or None, citing collection)]: from the
    resolved internal citations of every document and from `adopted_by` in the front matter (`related` is CitationIndex.related: not a citation)."""
    return citation_index(corpus).backlinks


_cache: dict[int, tuple[weakref.ref, CitationIndex]] = {}


def citation_index(corpus: Corpus) -> CitationIndex:
    """The index of a corpus, built on first use and kept as long as the corpus lives."""
    held = _cache.get(id(corpus))
    if held is not None and held[0]() is corpus:
        return held[1]
    index = CitationIndex(corpus)
    _cache[id(corpus)] = (weakref.ref(corpus, lambda _ref, key=id(corpus): _cache.pop(key, None)), index)
    return index

