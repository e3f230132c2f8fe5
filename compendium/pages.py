"""The pages of one language's site, independent of the site framework: each knows its URL, title, HTML, TOC."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Iterator

from . import SOURCE_LANGUAGE
from .i18n import gettext_for
from .model import Corpus, Document
from .render import Renderer, status_name


@dataclass
class SitePage:
    src_uri: str  # e.g. "resolutions/ecosoc-1993-34/index.md"
    title: str
    render: Callable[[], str]
    toc_entries: Callable[[], list[dict]] = lambda: []
    document: Document | None = None
    fallback: bool = False  # shown in its source language: kept out of this language's search and sitemap

    def markdown_stub(self) -> str:
        # The framework needs some Markdown; the page's real body comes from render().
        return f"# {self.title}\n"

    def html(self) -> str:
        return self.render()

    def toc(self) -> list[dict]:
        return self.toc_entries()


def pick(corpus: Corpus, doc_id: str, lang: str) -> tuple[Document, bool]:
    """The document in the reader's language, or its source text (True = a fallback)."""
    doc = corpus.get(doc_id, lang)
    if doc is not None and (doc.has_text or doc.metadata.get("completeness") == "none"):
        return doc, False
    source = corpus.get(doc_id, SOURCE_LANGUAGE) or next(d for d in corpus.documents if d.id == doc_id)
    return source, source.lang != lang


def document_page(doc: Document, lang: str, fallback: bool) -> SitePage:
    def render() -> str:
        renderer = Renderer(doc, lang)
        _ = renderer._
        notice = ""
        if fallback:
            notice = (f'<div class="admonition warning cmp-fallback"><p class="admonition-title">'
                      f'{html.escape(_("Not yet available in this language"))}</p><p>'
                      f'{html.escape(_("This text is shown in its source language until a translation is published."))}'
                      f'</p></div>')
        body_lang = f' lang="{doc.lang}" dir="{"rtl" if doc.lang == "ar" else "ltr"}"' if fallback else ""
        short = f'<p class="cmp-short-title">{html.escape(doc.metadata["short_title"])}</p>' \
            if doc.metadata.get("short_title") else ""
        return (f'<h1 id="title"{body_lang}>{html.escape(doc.title)}</h1>{short}'
                f'{renderer.metadata()}{notice}<div class="cmp-document"{body_lang}>{renderer.body()}</div>')

    def toc() -> list[dict]:
        entries = []
        for unit in doc.units:
            if unit.kind in ("section", "annex", "heading"):
                children = [{"level": 3, "id": c.id, "name": html.escape(c.heading or ""), "children": []}
                            for c in unit.children if c.kind in ("subsection", "section", "heading")]
                entries.append({"level": 2, "id": unit.id, "name": html.escape(unit.heading or ""), "children": children})
        return entries

    return SitePage(f"{doc.collection}/{doc.id}/index.md", doc.title, render, toc, doc, fallback)


def collection_page(corpus: Corpus, collection: str, lang: str) -> SitePage:
    _ = gettext_for(lang)
    title = _("Instruments") if collection == "instruments" else _("Resolutions")

    def render() -> str:
        rows = []
        for doc_id in sorted({d.id for d in corpus.documents if d.collection == collection}):
            doc, _fallback = pick(corpus, doc_id, lang)
            status = status_name(doc.metadata.get("status", "in-force"), _)
            rows.append(f'<li><a href="{doc.id}/">{html.escape(doc.title)}</a> '
                        f'<span class="cmp-note">({html.escape(status)})</span></li>')
        return f'<h1>{html.escape(title)}</h1><ul class="cmp-list">{"".join(rows)}</ul>'

    return SitePage(f"{collection}/index.md", title, render)


def home_page(corpus: Corpus, lang: str) -> SitePage:
    _ = gettext_for(lang)
    title = _("Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice")

    def render() -> str:
        counts = {c: len({d.id for d in corpus.documents if d.collection == c}) for c in ("instruments", "resolutions")}
        return (f'<h1>{html.escape(title)}</h1>'
                f'<ul class="cmp-list"><li><a href="instruments/">{html.escape(_("Instruments"))}</a> ({counts["instruments"]})</li>'
                f'<li><a href="resolutions/">{html.escape(_("Resolutions"))}</a> ({counts["resolutions"]})</li></ul>')

    return SitePage("index.md", title, render)


def site_pages(corpus: Corpus, lang: str) -> Iterator[SitePage]:
    yield home_page(corpus, lang)
    for collection in ("instruments", "resolutions"):
        if any(d.collection == collection for d in corpus.documents):
            yield collection_page(corpus, collection, lang)
    for doc_id in corpus.ids():
        doc, fallback = pick(corpus, doc_id, lang)
        yield document_page(doc, lang, fallback)


def nav_entries(corpus: Corpus, lang: str) -> list:
    """The navigation: home, then each collection with its documents by title."""
    _ = gettext_for(lang)
    entries: list = [home_page(corpus, lang)]
    for collection in ("instruments", "resolutions"):
        ids = sorted({d.id for d in corpus.documents if d.collection == collection})
        if not ids:
            continue
        title = _("Instruments") if collection == "instruments" else _("Resolutions")
        children = [{title: f"{collection}/index.md"}]
        children += [{pick(corpus, i, lang)[0].metadata.get("short_title") or pick(corpus, i, lang)[0].title:
                      f"{collection}/{i}/index.md"} for i in ids]
        entries.append((title, children))
    return entries
