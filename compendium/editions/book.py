"""One document as a chapter of a printed edition: the web page's render tree with the print link policy.

Nothing here rewrites HTML. The Renderer (compendium/render.py) draws the same tree as on the web, with
`PRINT` output (no permalinks, each footnote set at its call so that `float: footnote` puts it at the foot
of that page, headings one level down) and `PrintLinks`: ids made unique across the book (`para-1` is in
every document), a link to a document of the edition becomes an internal destination of the PDF, a link
to a document outside it goes to its page on the published site (when the site's URL is known) or to
its symbol on undocs.org, else it stays text.
"""

from __future__ import annotations

import re
from functools import cached_property

from dataclasses import dataclass

from .. import addresses
from ..addresses import DocRef
from ..body import FOOTNOTE_REF
from ..i18n import gettext_for
from ..languages import direction
from ..markup import Markup, macro
from ..model import Document
from ..render import EPUB, PRINT, Output, Renderer
from .plan import Edition, Entry


def doc_anchor(doc_id: str) -> str:
    return DocRef("", doc_id).chapter_anchor


@dataclass(frozen=True)
class PrintLinks:
    """Links inside one PDF edition, for the chapter of `doc`."""
    lang: str
    doc: DocRef  # the chapter being rendered
    in_edition: frozenset[str]  # the ids of the documents this edition holds
    symbols: tuple[tuple[str, str], ...] = ()  # document id → its symbol, for documents outside the edition
    site_url: str = ""  # the published site, where a document outside the edition can be read
    # (document id, unit id, annex id): the units of an annex the edition prints as an instrument of its own
    # (annexes_printed_elsewhere), and the notes only they call; a link to one goes to its annex's pointer
    moved: tuple[tuple[str, str, str], ...] = ()

    def document(self, ref: DocRef, unit_id: str | None = None, lang: str | None = None) -> str | None:
        if lang not in (None, self.lang):  # another language's text is not in this edition: its page on the site
            return addresses.absolute(self.site_url, ref.page(lang) + addresses.fragment(unit_id)) if self.site_url else None
        if ref.id in self.in_edition:
            unit_id = self._moved.get((ref.id, unit_id), unit_id) if unit_id else None
            return "#" + (ref.print_id(unit_id, self.alone) if unit_id else ref.chapter_anchor)
        if self.site_url:
            return addresses.absolute(self.site_url, ref.page(self.lang) + addresses.fragment(unit_id))
        symbol = dict(self.symbols).get(ref.id)
        return addresses.undocs(symbol) if symbol else None

    def external(self, url: str) -> str | None:
        return url

    @cached_property
    def _moved(self) -> dict[tuple[str, str], str]:
        return {(doc_id, unit_id): annex for doc_id, unit_id, annex in self.moved}

    @property
    def alone(self) -> bool:
        """The edition holds this document alone (an instrument's own PDF)."""
        return len(self.in_edition) == 1

    def unit(self, unit_id: str) -> str:
        return "#" + self.doc.print_id(unit_id, self.alone)

    def anchor(self, unit_id: str) -> str:
        return self.doc.print_id(unit_id, self.alone)

    def page(self, path: str) -> str | None:
        return addresses.absolute(self.site_url, path) if self.site_url else None


@dataclass(frozen=True)
class EpubLinks(PrintLinks):
    """Links inside one EPUB: each document is a content document of its own, whose units carry the web page's
    ids (`#rule-43`); a document of the book is linked at its file, one outside it as in print."""

    def document(self, ref: DocRef, unit_id: str | None = None, lang: str | None = None) -> str | None:
        if lang in (None, self.lang) and ref.id in self.in_edition:
            return addresses.epub_content(ref.id) + addresses.fragment(unit_id)
        return super().document(ref, unit_id, lang)

    def unit(self, unit_id: str) -> str:
        return addresses.fragment(unit_id)

    def anchor(self, unit_id: str) -> str:
        return unit_id


def lang_attrs(doc: Document, fallback: bool) -> Markup:
    """A text shown in its source language says so, for fonts, hyphenation, direction and screen readers."""
    return Markup(' lang="{}" dir="{}"').format(doc.lang, direction(doc.lang)) if fallback else Markup("")


def running_title(doc: Document) -> str:
    """The running header: the short title, else the symbol, else the title."""
    return doc.meta.short_title or doc.meta.symbol or doc.title


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def annexes_printed_elsewhere(doc: Document, instruments: list[Document]) -> dict[str, Document]:
    """The annexes of resolution `doc` that are the text of an instrument printed in the same edition (the
    Nelson Mandela Rules in resolution 70/175): the instrument records the resolution as its adoption, and
    the opening of its text stands in the annex, in the same language. Such an annex is printed once."""
    if doc.collection != "resolutions":
        return {}
    acts = {(e.body, e.resolution) for e in doc.meta.adoptions if e.body and e.resolution}
    annexes = [u for u in doc.units if u.kind == "annex"]
    found: dict[str, Document] = {}
    for inst in instruments:
        if inst.lang != doc.lang or not any((e.body, e.resolution) in acts for e in inst.meta.adoptions):
            continue
        opening = next((_words(u.text) for u in inst.walk() if u.text and len(_words(u.text)) > 40), None)
        for annex in annexes:
            if opening and opening[:200] in _words(" ".join(u.text or "" for u in annex.walk())):
                found[annex.id] = inst
    return found


def moved_units(doc: Document, annex_ids: set[str]) -> dict[str, str]:
    """The units of `doc` that an edition printing these annexes elsewhere does not print, each → its annex:
    the annexes' own units, and the notes that only they call."""
    moved: dict[str, str] = {}
    called_outside: set[str] = set()
    called_in: dict[str, str] = {}
    for top in doc.units:
        inside = top.id in annex_ids
        for unit in top.walk():
            calls = FOOTNOTE_REF.findall(f"{unit.heading or ''} {unit.text}")
            if inside:
                if unit is not top:
                    moved[unit.id] = top.id
                for label in calls:
                    called_in.setdefault(label, top.id)
            else:
                called_outside.update(calls)
    for note in (u for u in doc.units if u.kind == "footnote"):
        if note.number in called_in and note.number not in called_outside:
            moved[note.id] = called_in[note.number]
    return moved


class Chapter:
    """The HTML of one document for one language's editions (the same in the full, cluster and own edition,
    given the same set of documents to link to)."""

    def __init__(self, entry: Entry, lang: str, citations=None, links: PrintLinks | None = None,
                 outdated: frozenset[str] = frozenset(), source_language: str | None = None,
                 elsewhere: dict[str, Document] | None = None, output: Output = PRINT):
        """`outdated`: the translation's units whose source changed since (marked as on the web); `elsewhere`:
        the annexes whose text the edition prints as an instrument of its own (annex_printed_elsewhere)."""
        self.entry = entry
        self.doc = entry.doc
        self.lang = lang
        self.links = links or PrintLinks(lang, entry.doc.ref, frozenset({entry.doc.id}))
        pointers = {unit_id: (inst.title, self.links.document(inst.ref) or "")
                    for unit_id, inst in (elsewhere or {}).items()}
        self.renderer = Renderer(entry.doc, lang, citations=citations, links=self.links, output=output,
                                 outdated=outdated, source_language=source_language, elsewhere=pointers)
        self._ = self.renderer._

    @property
    def title_attrs(self) -> Markup:
        """A draft's title still in the source's words is marked with the source's language and direction."""
        if "title" not in self.doc.meta.untranslated:
            return Markup("")
        source = self.renderer.untranslated_language
        return Markup(' lang="{}" dir="{}"').format(source, direction(source))

    def html(self) -> str:
        r = self.renderer
        # The text in its own language; "Cited by" (the reader's language) outside it, as on the web page.
        body = r.text()
        return str(macro("chapter.html", "chapter")(self, r.metadata(), body, lang_attrs(self.doc, self.entry.fallback),
                                                     running_title(self.doc), r.cited_by()))


def editorial_notes(edition: Edition, lang: str, citations=None, links_class: type[PrintLinks] = PrintLinks,
                    output: Output = PRINT) -> Markup:
    """The back matter's "Editorial notes": for each document of the edition that has any, in book order, what the
    editors record about its text (compendium.render.Renderer.editorial_notes), headed by its title, which links
    to its chapter. Empty when no document has a note. `links_class`: the output's links (PrintLinks, EpubLinks)."""
    in_edition = frozenset(e.id for e in edition.entries())
    entries = []
    for entry in edition.entries():
        links = links_class(lang, entry.doc.ref, in_edition)
        renderer = Renderer(entry.doc, lang, citations=citations, links=links, output=output)
        entry_html = macro("document.html", "editorial_entry")(
            renderer, entry.doc.display_title, lang_attrs(entry.doc, entry.fallback), links.document(entry.doc.ref))
        if entry_html.strip():
            entries.append(entry_html)
    if not entries:
        return Markup("")
    return macro("chapter.html", "editorial")(gettext_for(lang)("Editorial notes"), Markup("").join(entries))
