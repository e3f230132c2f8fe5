"""The whole HTML of an edition: cover, contents, parts with their chapters, resolutions, colophon.

Every interface string goes through the language's gettext; every title comes from a content file. The
result is one self-contained HTML string whose hash (with the stylesheet) keys the edition's cache.
"""

from __future__ import annotations

from pathlib import Path

from ..citations import CitationIndex
from ..i18n import format_iso_date, gettext_for
from ..languages import direction, info
from ..markup import Markup, escape, macro
from ..render import Renderer
from ..vocabulary import INTERFACE_LANGUAGE, SITE_TITLE, cluster_name
from .book import Chapter, PrintLinks, editorial_notes, lang_attrs
from .plan import Edition, Entry
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

    def __init__(self, lang: str, timestamp: int, citations: CitationIndex | None = None, site_url: str = ""):
        self.lang = lang
        self.dir = direction(lang)
        self._ = gettext_for(lang)
        self.timestamp = timestamp
        self.citations = citations
        self.site_url = site_url
        self._chapters: dict[tuple[str, frozenset[str]], Markup] = {}

    def chapter(self, entry: Entry, in_edition: frozenset[str]) -> Markup:
        key = (entry.id, in_edition)
        if key not in self._chapters:
            try:
                links = PrintLinks(self.lang, entry.doc.ref, in_edition, self._symbols(entry, in_edition),
                                   self.site_url)
                self._chapters[key] = Markup(Chapter(entry, self.lang, self.citations, links).html())
            except Exception as exc:  # noqa: BLE001  (named with its file, then reported by the caller)
                raise ChapterError(entry, exc) from exc
        return self._chapters[key]

    def _symbols(self, entry: Entry, in_edition: frozenset[str]) -> tuple[tuple[str, str], ...]:
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
        if edition.kind == "instrument":
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
        elif edition.kind == "instrument":
            entry = edition.entries()[0]
            sub = Markup('<p class="cmp-cover-subtitle"{}>{}</p>').format(self.lang_attrs(entry), entry.doc.title)
        entries = edition.entries()
        fallbacks = sum(e.fallback for e in entries)
        note = self.t("Documents given in their source language, not yet translated: %(count)s of %(total)s",
                      count=fallbacks, total=len(entries)) if fallbacks else None
        return macro("edition.html", "cover")(self, edition, sub, note)

    def contents(self, edition: Edition) -> Markup:
        return macro("edition.html", "contents")(self, edition)

    def part(self, anchor: str, title: Markup, entries: tuple[Entry, ...], with_title: bool,
             in_edition: frozenset[str]) -> Markup:
        chapters = Markup("").join(self.chapter(e, in_edition) for e in entries)
        return macro("edition.html", "part")(anchor, title, chapters, with_title)

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
        toc = self.contents(edition) if edition.kind != "instrument" else Markup("")
        back = editorial_notes(edition, self.lang, self.citations)  # compendium/editions/book.py
        body = self.cover(edition) + toc + parts + back + self.colophon(edition, digest)
        return str(macro("edition.html", "page")(self, edition, self.title(edition), w3c_date(self.timestamp),
                                                  digest, body))

    def stylesheet(self, edition: Edition) -> str:
        quoted = sorted({e.doc.lang for e in edition.entries()} - {self.lang})
        return STYLESHEET.read_text(encoding="utf-8") + running_css(direction(self.lang)) + font_css(self.lang, quoted)


def running_css(dir_: str) -> str:
    """The recto carries the document's short title, the verso the part's name. The recto is the right page
    in a left-to-right book and the left page in a right-to-left one; both go on the outer edge."""
    verso, recto = ("left", "right") if dir_ == "ltr" else ("right", "left")
    box = "font-size: 8.5pt; color: #333;"
    return (f"@page :{verso} {{ @top-{verso} {{ content: string(part); {box} }} }}\n"
            f"@page :{recto} {{ @top-{recto} {{ content: string(running); {box} }} }}\n")
