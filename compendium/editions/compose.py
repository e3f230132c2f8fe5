"""The whole HTML of an edition: title page, imprint, contents, introduction, parts with their chapters,
resolutions, index, colophon.

The front matter is a printed compendium's: the title page; the imprint (edition date, an unofficial
compilation, where the official texts are, what this edition was made from and that drafts are not
printed); the introduction, which quotes the mandate paragraphs from the loaded corpus (plan.MANDATES) and
links them inside the edition; a part page per cluster quoting the cluster's definition. The back matter is
an index of the documents by symbol and by title, with page numbers. A single document's edition has the
title page, the imprint and the document.

Every interface string goes through the language's gettext; every title comes from a content file. The
result is one self-contained HTML string whose hash (with the stylesheet) keys the edition's cache.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from .. import addresses
from ..addresses import DocRef
from ..citations import CitationIndex
from ..i18n import format_iso_date, gettext_for
from ..languages import direction, info
from ..markup import Markup, escape, macro
from ..model import Corpus, Unit
from ..render import Renderer, inline_text
from ..vocabulary import INTERFACE_LANGUAGE, SITE_TITLE, cluster_name
from ..translating.status import document_status
from ..render import PRINT
from .book import Chapter, PrintLinks, annexes_printed_elsewhere, editorial_notes, lang_attrs, moved_units
from .plan import (CLUSTERS_MANDATE, PUBLISHING_MANDATE, Edition, Entry, cluster_definition, print_pick,
                   printable)
from .provenance import content_sha256, iso_day, source_name, w3c_date
from .scripts import font_css

STYLESHEET = Path(__file__).with_name("book.css")


class ChapterError(Exception):
    """A document that could not be made into a chapter: the message names its file."""

    def __init__(self, entry: Entry, cause: Exception):
        self.doc_id = entry.id
        self.source = source_name(entry.doc)
        super().__init__(f"document {entry.id} ({self.source}): {type(cause).__name__}: {cause}")


class Composer:
    """Composes one language's editions. A chapter is rendered once per set of documents it can link to
    (the full edition, a cluster's, its own), with the citation index when one is given."""

    compendium_msgid = SITE_TITLE
    links_class = PrintLinks  # how a chapter links (EpubLinks in an e-book: compendium/editions/epub.py)
    output = PRINT

    def __init__(self, lang: str, timestamp: int, citations: CitationIndex | None = None, site_url: str = "",
                 corpus: Corpus | None = None):
        self.lang = lang
        self.corpus = printable(corpus) if corpus is not None else None
        self.dir = direction(lang)
        self._ = gettext_for(lang)
        self.timestamp = timestamp
        self.citations = citations
        self.site_url = site_url
        self._chapters: dict[tuple[str, frozenset[str]], Markup] = {}
        self._moved_units: dict[frozenset[str], tuple[tuple[str, str, str], ...]] = {}

    def _elsewhere(self, entry: Entry, in_edition: frozenset[str]) -> dict:
        """A resolution's annexes that this edition prints as instruments (printed once, pointed to here)."""
        if self.corpus is None or entry.doc.collection != "resolutions":
            return {}
        instruments = [print_pick(self.corpus, i, self.lang)[0] for i in sorted(in_edition)
                       if i != entry.id and self.corpus.versions(i)]
        return annexes_printed_elsewhere(entry.doc, [d for d in instruments if d.collection == "instruments"])

    def _moved(self, in_edition: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
        """The units the edition does not print, as their annex is printed as an instrument (PrintLinks.moved)."""
        if in_edition not in self._moved_units:
            moved = []
            for doc_id in sorted(in_edition):
                if self.corpus is None or not self.corpus.versions(doc_id):
                    continue
                doc, fallback = print_pick(self.corpus, doc_id, self.lang)
                annexes = set(self._elsewhere(Entry(doc, fallback), in_edition))
                moved += [(doc_id, unit, annex) for unit, annex in sorted(moved_units(doc, annexes).items())] if annexes else []
            self._moved_units[in_edition] = tuple(moved)
        return self._moved_units[in_edition]

    def chapter(self, entry: Entry, in_edition: frozenset[str]) -> Markup:
        key = (entry.id, in_edition)
        if key not in self._chapters:
            try:
                links = self.links_class(self.lang, entry.doc.ref, in_edition, self._symbols(entry, in_edition),
                                         self.site_url, self._moved(in_edition))
                outdated, source = frozenset(), None
                state = (document_status(self.corpus, entry.doc.id, self.lang)
                         if self.corpus is not None and not entry.fallback else None)
                if state is not None and state.status != "source":  # a translation: its outdated paragraphs
                    outdated, source = frozenset(state.outdated_units), state.source_language
                self._chapters[key] = Markup(Chapter(entry, self.lang, self.citations, links, outdated,
                                                     source, self._elsewhere(entry, in_edition), self.output).html())
            except Exception as exc:  # noqa: BLE001  (named with its file, then reported by the caller)
                raise ChapterError(entry, exc) from exc
        return self._chapters[key]

    def _symbols(self, entry: Entry, in_edition: frozenset[str]) -> tuple[tuple[str, str], ...]:
        return self._symbols_of(in_edition)

    def _symbols_of(self, in_edition: frozenset[str]) -> tuple[tuple[str, str], ...]:
        """The symbols of the documents outside the edition, so that a link to one can go to undocs.org."""
        if self.citations is None:
            return ()
        out = []
        for doc_id, doc in self.citations.resolver.docs.items():
            if doc_id not in in_edition and doc.meta.symbol:
                out.append((doc_id, doc.meta.symbol))
        return tuple(out)

    # -- interface strings ------------------------------------------------------------------------------------
    def t(self, msgid: str, **values) -> Markup:
        """An interface string as HTML. One the catalog does not translate yet is English, and says so
        (lang="en" dir="ltr"), so that it gets Latin fonts and reads left to right inside an Arabic page."""
        text = self._(msgid) % values if values else self._(msgid)
        return self.mark(text, msgid % values if values else msgid)

    def mark(self, text: str, source: str) -> Markup:
        if self.lang != INTERFACE_LANGUAGE and text == source:
            return Markup('<span lang="{}" dir="ltr">{}</span>').format(INTERFACE_LANGUAGE, text)
        return escape(text)

    def part_html(self, cluster: str) -> Markup:
        return self.mark(cluster_name(cluster, self._), cluster_name(cluster, str))

    def anchor(self, entry: Entry) -> str:
        return entry.doc.ref.chapter_anchor

    def lang_attrs(self, entry: Entry) -> Markup:
        return lang_attrs(entry.doc, entry.fallback)

    # -- pieces ------------------------------------------------------------------------------------------------
    def compendium_title(self) -> str:
        return self._(SITE_TITLE)

    def part_title(self, cluster: str) -> str:
        return cluster_name(cluster, self._)

    def title(self, edition: Edition) -> str:
        """The PDF's title (and the Downloads page's): the document's own title for a single instrument."""
        if edition.single:
            return edition.entries()[0].doc.title
        if edition.kind == "cluster":
            return f"{self.part_title(edition.slug)} — {self.compendium_title()}"
        return self.compendium_title()

    def language_name(self) -> str:
        try:
            return info(self.lang)["name"]
        except KeyError:
            return self.lang

    def edition_date(self) -> str:
        return format_iso_date(iso_day(self.timestamp), self.lang)

    def cover(self, edition: Edition) -> Markup:
        sub = Markup("")
        if edition.kind == "cluster":
            sub = Markup('<p class="cmp-cover-subtitle">{}</p>').format(self.part_html(edition.slug))
        elif edition.single:
            entry = edition.entries()[0]
            sub = Markup('<p class="cmp-cover-subtitle"{}>{}</p>').format(self.lang_attrs(entry),
                                                                          keep_last_words(entry.doc.title, entry.doc.lang))
        entries = edition.entries()
        fallbacks = sum(e.fallback for e in entries)
        note = self.t("Documents given in their source language, not yet translated: %(count)s of %(total)s",
                      count=fallbacks, total=len(entries)) if fallbacks else None
        return macro("edition.html", "cover")(self, edition, sub, note)

    def cover_title(self) -> str:
        return keep_last_words(self.compendium_title(), self.lang)

    def contents(self, edition: Edition, introduction: bool = False) -> Markup:
        return macro("edition.html", "contents")(self, edition, introduction)

    def part(self, anchor: str, title: Markup, entries: tuple[Entry, ...], with_title: bool,
             in_edition: frozenset[str]) -> Markup:
        chapters = Markup("").join(self.chapter(e, in_edition) for e in entries)
        where = cluster_definition(anchor)
        definition = self.quote(*where, in_edition) if where and with_title else None
        return macro("edition.html", "part")(self, anchor, title, chapters, with_title, definition)

    # -- front matter ------------------------------------------------------------------------------------------
    def imprint(self, edition: Edition, digest: str) -> Markup:
        drafts = [e for e in edition.entries() if e.fallback]
        return macro("edition.html", "imprint")(self, edition, digest, len(drafts),
                                                 SimpleNamespace(ods=addresses.OFFICIAL_DOCUMENTS, undocs=addresses.UNDOCS))

    def quote(self, doc_id: str, unit_id: str, in_edition: frozenset[str]) -> SimpleNamespace | None:
        """A paragraph of the corpus quoted whole (with its sub-paragraphs), in the edition's language where
        the document has a printable text in it, else in its source language marked with its lang; linked to
        the paragraph in the edition, else to its page or symbol outside it."""
        if self.corpus is None or not self.corpus.versions(doc_id):
            return None
        doc, fallback = print_pick(self.corpus, doc_id, self.lang)
        unit = next((u for u in doc.walk() if u.id == unit_id), None)
        if unit is None:
            return None
        links = self.links_class(self.lang, DocRef(doc.collection, doc_id), in_edition, self._symbols_of(in_edition),
                                 self.site_url, self._moved(in_edition))
        return SimpleNamespace(doc=doc, unit=unit, fallback=fallback, attrs=lang_attrs(doc, fallback),
                               paragraphs=[(u.kind, u.number, inline_text(u.text)) for u in _paragraphs(unit)],
                               href=links.document(doc.ref, unit_id))

    def introduction(self, edition: Edition, in_edition: frozenset[str]) -> Markup:
        publishing = self.quote(*PUBLISHING_MANDATE, in_edition)
        clusters = self.quote(*CLUSTERS_MANDATE, in_edition)
        if publishing is None and clusters is None:
            return Markup("")
        return macro("edition.html", "introduction")(self, publishing, clusters)

    def index(self, edition: Edition) -> Markup:
        """The documents by symbol and by title, each with the page its chapter starts on."""
        by_symbol = sorted(((s, e) for e in edition.entries() for s in e.doc.meta.symbols),
                           key=lambda p: _symbol_key(p[0]))
        by_title = sorted(edition.entries(), key=lambda e: e.doc.display_title.casefold())
        return macro("edition.html", "index")(self, by_symbol, by_title)

    def colophon(self, edition: Edition, digest: str) -> Markup:
        rows = []
        for entry in edition.entries():
            if not entry.doc.meta.adoptions:
                continue
            renderer = Renderer(entry.doc, self.lang)
            text = Markup("<br>").join(renderer.adoption(a) for a in entry.doc.meta.adoptions)
            rows.append((self.lang_attrs(entry), entry.doc.display_title, text))
        return macro("edition.html", "colophon")(self, edition, digest, rows)

    # -- the whole ---------------------------------------------------------------------------------------------
    def html(self, edition: Edition) -> str:
        digest = content_sha256(edition.docs())
        full = edition.kind == "full"
        in_edition = frozenset(e.id for e in edition.entries())
        parts = Markup("").join(self.part(cluster, self.part_html(cluster), entries, full, in_edition)
                                for cluster, entries in edition.parts)
        if edition.resolutions:
            parts += self.part("resolutions", self.t("Resolutions"), edition.resolutions, full, in_edition)
        front = self.cover(edition) + self.imprint(edition, digest)
        back = Markup("")
        notes = editorial_notes(edition, self.lang, self.citations)  # compendium/editions/book.py
        introduction = self.introduction(edition, in_edition) if full else Markup("")
        if not edition.single:
            front += self.contents(edition, bool(introduction))
            back = self.index(edition)
        front += introduction
        # A resolution's own file ends with its text: the imprint gives its date, sources and fingerprint.
        colophon = self.colophon(edition, digest) if edition.kind != "resolution" else Markup("")
        body = front + parts + notes + back + colophon
        return str(macro("edition.html", "page")(self, edition, self.title(edition), w3c_date(self.timestamp),
                                                  digest, body))

    def stylesheet(self, edition: Edition) -> str:
        quoted = sorted({e.doc.lang for e in edition.entries()} - {self.lang})
        return STYLESHEET.read_text(encoding="utf-8") + running_css(direction(self.lang)) + font_css(self.lang, quoted)


def _paragraphs(unit: Unit) -> list[Unit]:
    """A quoted unit and its sub-paragraphs, in order (no headings)."""
    return [u for u in unit.walk() if u.text.strip()]


def _symbol_key(symbol: str) -> tuple:
    """A/RES/70/175 after A/RES/9/…: the numbers in a symbol compare as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", symbol) if p)


# Languages written without spaces between words: a title's last characters are joined instead.
_UNSPACED = ("zh", "ja")
_WORD_JOINER = "\u2060"
_NO_BREAK_SPACE = "\u00a0"


def keep_last_words(title: str, lang: str) -> str:
    """A title as a title page sets it: its last line never holds a single word. WeasyPrint 70 has no
    `text-wrap: balance`, so the last two words are joined by a no-break space (the last four characters, a
    compound's usual length, by word joiners in Chinese). The one place where a printed title is kept from breaking badly."""
    title = title.strip()
    if lang.split("-")[0] in _UNSPACED:
        head, tail = title[:-4], title[-4:]
        return head + _WORD_JOINER.join(tail) if len(title) > 8 else title
    head, space, last = title.rpartition(" ")
    return head + _NO_BREAK_SPACE + last if space else title


def running_css(dir_: str) -> str:
    """The recto carries the document's short title, the verso the part's name. The recto is the right page
    in a left-to-right book and the left page in a right-to-left one; both go on the outer edge."""
    verso, recto = ("left", "right") if dir_ == "ltr" else ("right", "left")
    box = "font-size: 8.5pt; color: #333;"
    return (f"@page :{verso} {{ @top-{verso} {{ content: string(part); {box} }} }}\n"
            f"@page :{recto} {{ @top-{recto} {{ content: string(running); {box} }} }}\n")
