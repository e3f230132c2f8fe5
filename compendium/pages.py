"""The pages of one language's site, independent of the site framework: each knows its URL, title, HTML, TOC."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Callable, Iterator

from . import SOURCE_LANGUAGE
from .citations import citation_index
from .history import added_times, content_root
from .i18n import gettext_for
from .indexes import CLUSTERS, Indexes, adoption_year
from .languages import direction, info, known_languages
from .model import Corpus, Document
from .render import Renderer, cluster_name
from .sitemap import has_text_in
from .translating import catalog_status, status, status_map
from .translation_view import banner, mark_outdated, status_matrix

SITE_TITLE = "Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice"
LATEST = 6


@dataclass
class SitePage:
    src_uri: str  # e.g. "resolutions/ecosoc-1993-34/index.md"
    title: str
    render: Callable[[], str]
    toc_entries: Callable[[], list[dict]] = lambda: []
    document: Document | None = None
    fallback: bool = False  # shown in its source language: kept out of this language's search and sitemap
    extra: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The page's address inside its language's site: "resolutions/ecosoc-1993-34/", "indexes/years/"."""
        return self.src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" if self.src_uri != "index.md" else ""

    def markdown_stub(self) -> str:
        # The framework needs some Markdown; the page's real body comes from render().
        return f"# {self.title}\n"

    def html(self) -> str:
        return self.render()

    def toc(self) -> list[dict]:
        return self.toc_entries()


def pick(corpus: Corpus, doc_id: str, lang: str) -> tuple[Document, bool]:
    """The document in the reader's language, or its source text (True = a fallback)."""
    if has_text_in(corpus, doc_id, lang):
        return corpus.get(doc_id, lang), False
    source = corpus.get(doc_id, SOURCE_LANGUAGE) or next(d for d in corpus.documents if d.id == doc_id)
    return source, source.lang != lang


class Site:
    """Everything one language's site shows, page by page, in the order of its navigation."""

    def __init__(self, corpus: Corpus, lang: str, downloads: Callable[[], str] | None = None,
                 extra_pages: list[SitePage] | None = None):
        self.corpus, self.lang = corpus, lang
        self._ = gettext_for(lang)
        self.indexes = Indexes(corpus, lang, pick, self._)
        self.downloads = downloads
        self.extra_pages = extra_pages or []
        self.title = self._(SITE_TITLE)
        self._states: dict | None = None
        self.citations = citation_index(corpus)  # built once per language's build, used by every page

    # -- what the reader can reach ----------------------------------------
    def pages(self) -> Iterator[SitePage]:
        _ = self._
        ix = self.indexes
        yield SitePage("index.md", self.title, lambda: ix.home(self.title, self.latest(), self.downloads is not None))
        if ix.ids["instruments"]:
            yield SitePage("instruments/index.md", _("Instruments"), ix.instruments)
            for cluster in CLUSTERS:
                yield SitePage(f"clusters/{cluster}/index.md", cluster_name(cluster, _), lambda c=cluster: ix.cluster(c))
        if ix.ids["resolutions"]:
            yield SitePage("resolutions/index.md", _("Resolutions"), ix.resolutions)
        yield SitePage("indexes/years.md", _("By year of adoption"), ix.chronological)
        yield SitePage("indexes/bodies.md", _("By adopting body"), ix.by_body)
        if self.downloads is not None:
            downloads = self.downloads
            yield SitePage("downloads/index.md", _("Downloads"),
                           lambda: f'<h1>{html.escape(_("Downloads"))}</h1>{downloads()}')
        yield SitePage("status.md", _("Translation status"), self.status_page)
        yield from self.extra_pages
        for doc_id in self.corpus.ids():
            doc, fallback = pick(self.corpus, doc_id, self.lang)
            yield self.document_page(doc, fallback)

    def nav(self) -> list:
        """Home; instruments by cluster; resolutions; the indexes; downloads."""
        _ = self._
        ix = self.indexes
        entries: list = [{_("Home"): "index.md"}]
        if ix.ids["instruments"]:
            clusters = [{cluster_name(c, _): [f"clusters/{c}/index.md"] +
                         [{self.nav_title(d): f"instruments/{d.id}/index.md"} for d in ix.in_cluster(c)]}
                        for c in CLUSTERS]
            loose = [d for d in (ix.doc(i) for i in ix.ids["instruments"]) if d.metadata.get("cluster") not in CLUSTERS]
            clusters += [{self.nav_title(d): f"instruments/{d.id}/index.md"} for d in loose]
            entries.append({_("Instruments"): ["instruments/index.md"] + clusters})
        if ix.ids["resolutions"]:
            docs = sorted((ix.doc(i) for i in ix.ids["resolutions"]), key=lambda d: (adoption_year(d) or 9999, d.id))
            entries.append({_("Resolutions"): ["resolutions/index.md"] +
                            [{self.nav_title(d): f"resolutions/{d.id}/index.md"} for d in docs]})
        entries.append({_("Indexes"): [{_("By year of adoption"): "indexes/years.md"},
                                       {_("By adopting body"): "indexes/bodies.md"}]})
        if self.downloads is not None:
            entries.append({_("Downloads"): "downloads/index.md"})
        entries.append({_("Translation status"): "status.md"})
        entries += [{p.title: p.src_uri} for p in self.extra_pages]
        return entries

    def nav_title(self, doc: Document) -> str:
        return doc.metadata.get("short_title") or doc.title

    def latest(self) -> list[str]:
        """The documents most recently added to the compendium (by adoption year where there is no history)."""
        ids = self.corpus.ids()
        if not ids:
            return []
        first = next(d for d in self.corpus.documents)
        added = added_times(content_root(first.path)) if first.path else {}
        return sorted(ids, key=lambda i: (added.get(i, 0), adoption_year(self.indexes.doc(i)) or 0, i), reverse=True)[:LATEST]

    # -- a document ---------------------------------------------------------
    def document_page(self, doc: Document, fallback: bool) -> SitePage:
        lang, _ = self.lang, self._

        def render() -> str:
            renderer = Renderer(doc, lang, citations=self.citations)
            notice = ""
            if fallback and doc.has_text:  # a record with no text says so itself
                notice = (f'<div class="admonition warning cmp-fallback"><p class="admonition-title">'
                          f'{html.escape(_("Not yet available in this language"))}</p><p>'
                          f'{html.escape(_("This text is shown in its source language until a translation is published."))}'
                          f'</p></div>')
            body_lang = f' lang="{doc.lang}" dir="{direction(doc.lang)}"' if fallback else ""
            short = f'<p class="cmp-short-title">{html.escape(doc.metadata["short_title"])}</p>' \
                if doc.metadata.get("short_title") else ""
            body = renderer.body()
            if not fallback:  # a translation: say if it is a draft, and mark paragraphs whose source changed
                state = self.state_of(doc)
                notice += banner(state, _)
                source_page = f"../../../{state.source_language}/{doc.collection}/{doc.id}/" if state else ""
                body = mark_outdated(body, state, source_page, _)
            return (f'{self.breadcrumbs(doc)}<h1 id="title"{body_lang}>{html.escape(doc.title)}</h1>{short}'
                    f'{renderer.metadata()}{notice}{self.compare(doc)}<div class="cmp-document"{body_lang}>{body}</div>'
                    f'{self.neighbours(doc)}')

        def toc() -> list[dict]:
            entries = []
            for unit in doc.units:
                if unit.kind in ("section", "annex", "heading"):
                    children = [{"level": 3, "id": c.id, "name": html.escape(c.heading or ""), "children": []}
                                for c in unit.children if c.kind in ("subsection", "section", "heading")]
                    entries.append({"level": 2, "id": unit.id, "name": html.escape(unit.heading or ""), "children": children})
            return entries

        return SitePage(f"{doc.collection}/{doc.id}/index.md", doc.title, render, toc, doc, fallback)

    def state_of(self, doc: Document):
        """The translation state of a page in its own language (None for a source text)."""
        if self._states is None:
            self._states = {doc_id: s for (doc_id, _lang), s in status_map(self.corpus, [self.lang]).items()}
        state = self._states.get(doc.id)
        return state if state is not None and state.status != "source" else None

    def status_page(self) -> str:
        langs = list(known_languages())
        titles = {i: self.indexes.doc(i).metadata.get("short_title") or self.indexes.doc(i).title for i in self.corpus.ids()}
        return status_matrix(status(self.corpus, langs), catalog_status(langs), langs, titles, self._)

    def compare(self, doc: Document) -> str:
        """A choice of a second language to read beside this one (compare.js does the rest)."""
        if not doc.has_text:
            return ""
        others = [l for l in known_languages() if l != self.lang and (d := self.corpus.get(doc.id, l)) is not None and d.has_text]
        if not others:
            return ""
        options = "".join(f'<option value="{l}" lang="{l}" data-dir="{direction(l)}">{html.escape(info(l)["name"])}</option>'
                          for l in others)
        return (f'<div class="cmp-compare" data-cmp-compare data-root="../../../" data-doc="{doc.collection}/{doc.id}/">'
                f'<label>{html.escape(self._("Read beside another language:"))}<select><option value="">—</option>'
                f'{options}</select></label></div>')

    def breadcrumbs(self, doc: Document) -> str:
        _ = self._
        crumbs = [("../../", self.title)]
        if doc.collection == "instruments":
            crumbs.append(("../", _("Instruments")))
            if doc.metadata.get("cluster") in CLUSTERS:
                crumbs.append((f"../../clusters/{doc.metadata['cluster']}/", cluster_name(doc.metadata["cluster"], _)))
        else:
            crumbs.append(("../", _("Resolutions")))
        items = "".join(f'<li><a href="{href}">{html.escape(label)}</a></li>' for href, label in crumbs)
        return f'<nav class="cmp-breadcrumbs" aria-label="{html.escape(_("Breadcrumbs"))}"><ol>{items}</ol></nav>'

    def neighbours(self, doc: Document) -> str:
        """Previous and next instrument in the same cluster."""
        cluster = doc.metadata.get("cluster")
        if doc.collection != "instruments" or cluster not in CLUSTERS:
            return ""
        ids = [d.id for d in self.indexes.in_cluster(cluster)]
        if doc.id not in ids:
            return ""
        at = ids.index(doc.id)
        links = []
        for rel, label, other in (("prev", self._("Previous in this cluster"), ids[at - 1] if at > 0 else None),
                                  ("next", self._("Next in this cluster"), ids[at + 1] if at + 1 < len(ids) else None)):
            if other:
                d = self.indexes.doc(other)
                links.append(f'<a class="cmp-{rel}" rel="{rel}" href="../{other}/"><span class="cmp-note">'
                             f'{html.escape(label)}</span> {html.escape(self.nav_title(d))}</a>')
        return f'<nav class="cmp-neighbours" aria-label="{html.escape(cluster_name(cluster, self._))}">{"".join(links)}</nav>'
