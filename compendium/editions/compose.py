"""The whole HTML of an edition: cover, contents, parts with their chapters, resolutions, colophon.

Every interface string goes through the language's gettext; every title comes from a content file. The
result is one self-contained HTML string whose hash (with the stylesheet) keys the edition's cache.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .. import SOURCE_LANGUAGE
from ..i18n import format_iso_date, gettext_for
from ..languages import info
from ..render import Renderer, cluster_name
from .book import Chapter, doc_anchor, lang_attrs
from .plan import OTHER, Edition, Entry
from .provenance import content_sha256, iso_day, source_name, w3c_date
from ..languages import direction
from .scripts import font_css

STYLESHEET = Path(__file__).with_name("book.css")
_IDS = re.compile(r'\bid="([^"]+)"')
_LINK = re.compile(r'<a href="#([^"]+)"[^>]*>(.*?)</a>', re.S)


class ChapterError(Exception):
    """A document that could not be made into a chapter: the message names its file."""

    def __init__(self, entry: Entry, cause: Exception):
        self.doc_id = entry.id
        self.source = source_name(entry.doc)
        super().__init__(f"document {entry.id} ({self.source}): {type(cause).__name__}: {cause}")


class Composer:
    """Composes one language's editions; each chapter is rendered once and shared by the editions it is in."""

    def __init__(self, lang: str, timestamp: int):
        self.lang = lang
        self._ = gettext_for(lang)
        self.timestamp = timestamp
        self._chapters: dict[str, str] = {}

    def chapter(self, entry: Entry) -> str:
        if entry.id not in self._chapters:
            try:
                self._chapters[entry.id] = Chapter(entry, self.lang).html()
            except Exception as exc:  # noqa: BLE001  (named with its file, then reported by the caller)
                raise ChapterError(entry, exc) from exc
        return self._chapters[entry.id]

    # -- interface strings ------------------------------------------------------------------------------------
    def t(self, msgid: str, **values) -> str:
        """An interface string as HTML. One the catalog does not translate yet is English, and says so
        (lang="en" dir="ltr"), so that it gets Latin fonts and reads left to right inside an Arabic page."""
        text = self._(msgid) % values if values else self._(msgid)
        return self.mark(text, msgid % values if values else msgid)

    def mark(self, text: str, source: str) -> str:
        if self.lang != SOURCE_LANGUAGE and text == source:
            return f'<span lang="{SOURCE_LANGUAGE}" dir="ltr">{html.escape(text)}</span>'
        return html.escape(text)

    def part_html(self, cluster: str) -> str:
        if cluster == OTHER:
            return self.t("Other instruments")
        return self.mark(cluster_name(cluster, self._), cluster_name(cluster, str))

    # -- pieces ------------------------------------------------------------------------------------------------
    def compendium_title(self) -> str:
        return self._("Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice")

    def part_title(self, cluster: str) -> str:
        return self._("Other instruments") if cluster == OTHER else cluster_name(cluster, self._)

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

    def cover(self, edition: Edition) -> str:
        sub = ""
        if edition.kind == "cluster":
            sub = f'<p class="cmp-cover-subtitle">{self.part_html(edition.slug)}</p>'
        elif edition.kind == "instrument":
            entry = edition.entries()[0]
            sub = (f'<p class="cmp-cover-subtitle"{lang_attrs(entry.doc, entry.fallback)}>'
                   f'{html.escape(entry.doc.title)}</p>')
        entries = edition.entries()
        fallbacks = sum(e.fallback for e in entries)
        note = ""
        if fallbacks:
            note = '<p class="cmp-cover-note">' + self.t(
                "Documents given in their source language, not yet translated: %(count)s of %(total)s",
                count=fallbacks, total=len(entries)) + "</p>"
        title = self.t("Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice")
        return (f'<section class="cmp-cover"><h1 class="cmp-cover-title">{title}</h1>'
                f'{sub}<dl class="cmp-cover-facts"><dt>{self.t("Edition")}</dt>'
                f'<dd>{html.escape(self.edition_date())}</dd><dt>{self.t("Language")}</dt>'
                f'<dd>{html.escape(self.language_name())}</dd></dl>{note}</section>')

    def toc_item(self, entry: Entry) -> str:
        doc = entry.doc
        # The language goes on the title only: the line itself (title, leader, page) follows the edition's direction.
        return (f'<li class="cmp-toc-doc"><a href="#{doc_anchor(doc.id)}"><span{lang_attrs(doc, entry.fallback)}>'
                f'{html.escape(doc.title)}</span></a></li>')

    def contents(self, edition: Edition) -> str:
        items = []
        for cluster, entries in edition.parts:
            docs = "".join(self.toc_item(e) for e in entries)
            if edition.kind == "full":
                items.append(f'<li class="cmp-toc-part"><a href="#part-{cluster}">{self.part_html(cluster)}'
                             f'</a><ol>{docs}</ol></li>')
            else:
                items.append(docs)
        if edition.resolutions:
            docs = "".join(self.toc_item(e) for e in edition.resolutions)
            items.append(f'<li class="cmp-toc-part"><a href="#part-resolutions">{self.t("Resolutions")}</a>'
                         f'<ol>{docs}</ol></li>')
        items.append(f'<li class="cmp-toc-part"><a href="#colophon">{self.t("Colophon")}</a></li>')
        return (f'<nav class="cmp-toc" id="contents"><h1 class="cmp-toc-title">{self.t("Contents")}</h1>'
                f'<ol>{"".join(items)}</ol></nav>')

    def part(self, anchor: str, title: str, entries: tuple[Entry, ...], with_title: bool) -> str:
        head = f'<h1 class="cmp-part-title">{title}</h1>' if with_title else ""
        chapters = "".join(self.chapter(e) for e in entries)
        return f'<section class="cmp-part" id="part-{anchor}">{head}{chapters}</section>'

    def colophon(self, edition: Edition, digest: str) -> str:
        facts = [
            (self.t("Edition"), html.escape(self.edition_date())),
            (self.t("Language"), html.escape(self.language_name())),
            (self.t("Documents"), str(len(edition.entries()))),
            (self.t("Content fingerprint (SHA-256)"),
             f'<code class="cmp-hash">{digest}</code><br><span class="cmp-note">' + self.t(
                 "The SHA-256 of the list of the content files this edition was made from, as sha256sum prints it, "
                 "sorted by file name.") + "</span>"),
        ]
        rows = []
        for entry in edition.entries():
            adopted = entry.doc.metadata.get("adopted_by")
            if not adopted:
                continue
            renderer = Renderer(entry.doc, self.lang)
            text = "<br>".join(renderer.adoption(a) for a in (adopted if isinstance(adopted, list) else [adopted]))
            name = entry.doc.metadata.get("short_title") or entry.doc.title
            rows.append(f'<tr><td{lang_attrs(entry.doc, entry.fallback)}>{html.escape(name)}</td><td>{text}</td></tr>')
        table = ""
        if rows:
            table = (f'<h2 class="cmp-colophon-sub">{self.t("Adopting resolutions")}</h2>'
                     f'<table class="cmp-adoptions"><tbody>{"".join(rows)}</tbody></table>')
        dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
        return (f'<section class="cmp-colophon" id="colophon"><h1 class="cmp-colophon-title">{self.t("Colophon")}'
                f'</h1><dl class="cmp-colophon-facts">{dl}</dl>{table}</section>')

    # -- the whole ---------------------------------------------------------------------------------------------
    def html(self, edition: Edition) -> str:
        digest = content_sha256(edition.docs())
        full = edition.kind == "full"
        parts = "".join(self.part(cluster, self.part_html(cluster), entries, full) for cluster, entries in edition.parts)
        if edition.resolutions:
            parts += self.part("resolutions", self.t("Resolutions"), edition.resolutions, full)
        toc = self.contents(edition) if edition.kind != "instrument" else ""
        date = w3c_date(self.timestamp)
        body = f"{self.cover(edition)}{toc}{parts}{self.colophon(edition, digest)}"
        page = (f'<!doctype html><html lang="{self.lang}" dir="{direction(self.lang)}"><head><meta charset="utf-8">'
                f'<title>{html.escape(self.title(edition))}</title>'
                f'<meta name="dcterms.created" content="{date}"><meta name="dcterms.modified" content="{date}">'
                f'<meta name="ContentSHA256" content="{digest}">'
                f'</head><body class="cmp-edition cmp-kind-{edition.kind}">{unlink_missing(body)}</body></html>')
        return page

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


def unlink_missing(fragment: str) -> str:
    """A link to a document outside this edition (a cluster edition naming another cluster's instrument)
    keeps its text and loses its link: a PDF has no page to send the reader to."""
    ids = set(_IDS.findall(fragment))
    return _LINK.sub(lambda m: m.group(0) if m.group(1) in ids else f"<span>{m.group(2)}</span>", fragment)
