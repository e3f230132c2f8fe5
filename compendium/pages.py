"""The pages of one language's site, independent of the site framework: each knows its URL, title, HTML, TOC."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from . import addresses, settings
from .addresses import ColumnLinks, WebLinks
from .cite import CiteBox, cite_box
from .citations import citation_index
from .facts import adoption_year
from .history import added_times
from .history_view import history_section, history_view, last_changed
from .i18n import gettext_for
from .indexes import Indexes
from .languages import direction, info, known_languages
from .markup import Markup, escape, macro
from .model import Corpus, Document
from .render import COLUMN, Renderer, inline_text
from .sitemap import site_root
from .translating import catalog_status, is_untranslated, status, status_map, strip_marker
from .translation_view import banner, status_matrix
from .versions import has_text_in, pick, source_language, title_version
from .vocabulary import CLUSTERS, body_name, cluster_name, site_title

LATEST = 6

__all__ = ["Site", "SitePage", "pick"]


@dataclass
class SitePage:
    path: str  # the page inside its language's site: "resolutions/ecosoc-1993-34/", "indexes/years/", ""
    title: str
    render: Callable[[], str]
    toc_entries: Callable[[], list[dict]] = lambda: []
    document: Document | None = None
    fallback: bool = False  # shown in its source language: kept out of this language's search and sitemap
    extra: dict = field(default_factory=dict)

    @property
    def src_uri(self) -> str:
        """The page's source name for the site framework."""
        return addresses.source_uri(self.path)

    @property
    def url(self) -> str:
        """The page's address inside its language's site."""
        return self.path

    def markdown_stub(self) -> str:
        # The framework needs some Markdown; the page's real body comes from render(). The title is text.
        return "# " + str(escape(self.title)) + "\n"

    def html(self) -> str:
        return self.render()

    def toc(self) -> list[dict]:
        """The page's contents: its title (the `<h1 id="title">` every page has, where the skip link lands)
        holding its sections."""
        return [{"level": 1, "id": TITLE_ANCHOR, "name": str(escape(self.title)), "children": self.toc_entries()}]


TITLE_ANCHOR = "title"  # every page's <h1>: the target of the "Skip to content" link


@dataclass(frozen=True)
class CompareChoice:
    """A language offered beside a document's page: `src` is the href of its column, None if it has no text."""
    code: str
    name: str  # in its own language
    dir: str
    src: str | None


@dataclass
class DocumentView:
    """What the document page template shows around the render tree."""
    doc: Document
    fallback: bool
    _: Callable[[str], str]
    metadata: Markup
    body: Markup
    banner: Markup
    body_lang: Markup
    cited_by: Markup
    crumbs: list[tuple[str, str]]
    compare_languages: list[CompareChoice]
    text_language: CompareChoice  # the language of the text this page shows (its own, or the fallback's)
    neighbours: list[tuple[str, str, str, str]]
    cluster_label: str
    cite: CiteBox | None = None
    search_filters: list[tuple[str, str]] = field(default_factory=list)  # (filter, value) for the search index
    search_language: str = ""  # the language's name, shown beside a search result whose text is in another language
    title_call: Markup = Markup("")  # the call of the title's note, if it has one
    untranslated_title_lang: Markup = Markup("")  # a draft's title still in the source's words: its lang and dir
    editorial: Markup = Markup("")  # the editors' notes on the text, at the foot of the page
    last_changed: Markup = Markup("")  # "Last changed: <day>", by the facts, linking to the history
    history: Markup = Markup("")  # the recorded changes of the text, at the foot of the page
    titled: Document | None = None  # the version whose title heads the page (versions.title_version)

    @property
    def heading(self) -> Document:
        return self.titled or self.doc

    @property
    def title_lang(self) -> Markup:
        """The heading's language marking: the text's where the title is the text's own (a fallback's), none
        where the reader's own file gives it."""
        if self.untranslated_title_lang:
            return self.untranslated_title_lang
        return self.body_lang if self.heading is self.doc else Markup("")


class Site:
    """Everything one language's site shows, page by page, in the order of its navigation."""

    def __init__(self, corpus: Corpus, lang: str, downloads: Callable[[], str] | None = None,
                 extra_pages: list[SitePage] | None = None, pdfs: frozenset[str] = frozenset()):
        """`pdfs`: the documents that have their own PDF in this language (editions.manifest.document_pdfs)."""
        self.corpus, self.lang = corpus, lang
        self.pdfs = pdfs
        self._ = gettext_for(lang)
        self.indexes = Indexes(corpus, lang, self._)
        self.downloads = downloads
        self.extra_pages = extra_pages or []
        self.title = site_title(self._)
        self._states: dict | None = None
        self.citations = citation_index(corpus)  # built once per language's build, used by every page

    def links(self, path: str) -> WebLinks:
        """The link policy of the page at `path` inside this language's site."""
        return WebLinks(self.lang, addresses.in_site(self.lang, path))

    # -- what the reader can reach ----------------------------------------
    def pages(self) -> Iterator[SitePage]:
        _ = self._
        ix = self.indexes
        yield SitePage("", self.title, lambda: ix.home(self.title, self.latest(), self.downloads is not None))
        if ix.ids["instruments"]:
            yield SitePage("instruments/", _("Instruments"), ix.instruments)
            for cluster in CLUSTERS:
                yield SitePage(addresses.cluster_path(cluster), cluster_name(cluster, _), lambda c=cluster: ix.cluster(c))
        if ix.ids["resolutions"]:
            yield SitePage("resolutions/", _("Resolutions"), ix.resolutions)
        yield SitePage("indexes/years/", _("By year of adoption"), ix.chronological)
        yield SitePage("indexes/bodies/", _("By adopting body"), ix.by_body)
        if self.downloads is not None:
            downloads = self.downloads
            yield SitePage("downloads/", _("Downloads"),
                           lambda: str(macro("page.html", "downloads_page")(_, Markup(downloads()))))
        yield SitePage("status/", _("Translation status"), self.status_page)
        yield from self.extra_pages
        for doc_id in self.corpus.ids():
            doc, fallback = pick(self.corpus, doc_id, self.lang)
            yield self.document_page(doc, fallback)

    def nav(self) -> list:
        """Home; instruments by cluster; resolutions; the indexes; downloads."""
        _ = self._
        ix = self.indexes
        src = addresses.source_uri

        def entry(doc: Document) -> dict:
            return {self.nav_title(doc): doc.ref.source_uri}

        entries: list = [{_("Home"): src("")}]
        if ix.ids["instruments"]:
            clusters = [{cluster_name(c, _): [src(addresses.cluster_path(c))] + [entry(d) for d in ix.in_cluster(c)]}
                        for c in CLUSTERS]
            loose = [d for d in (ix.doc(i) for i in ix.ids["instruments"]) if d.meta.cluster not in CLUSTERS]
            clusters += [entry(d) for d in loose]
            entries.append({_("Instruments"): [src("instruments/")] + clusters})
        if ix.ids["resolutions"]:
            docs = sorted((ix.doc(i) for i in ix.ids["resolutions"]), key=lambda d: (adoption_year(d) or 9999, d.id))
            entries.append({_("Resolutions"): [src("resolutions/")] + [entry(d) for d in docs]})
        entries.append({_("Indexes"): [{_("By year of adoption"): src("indexes/years/")},
                                       {_("By adopting body"): src("indexes/bodies/")}]})
        if self.downloads is not None:
            entries.append({_("Downloads"): src("downloads/")})
        entries.append({_("Translation status"): src("status/")})
        entries += [{p.title: p.src_uri} for p in self.extra_pages]
        return entries

    def nav_title(self, doc: Document) -> str | Markup:
        """The title as the navigation shows it: a title in another language than the site's is marked with
        its own language and direction (isolated, so that it reads whole in a right-to-left site)."""
        titled = title_version(self.corpus, doc, self.lang)
        title_lang = source_language(self.corpus, doc.id) if titled.meta.title_untranslated else titled.lang
        if title_lang == self.lang:
            return titled.display_title
        return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(title_lang, direction(title_lang), titled.display_title)

    def latest(self) -> list[str]:
        """The documents most recently added to the compendium (by adoption year where there is no history)."""
        ids = self.corpus.ids()
        if not ids:
            return []
        added = added_times(self.corpus)
        return sorted(ids, key=lambda i: (added.get(i, 0), adoption_year(self.indexes.doc(i)) or 0, i), reverse=True)[:LATEST]

    # -- a document ---------------------------------------------------------
    def document_page(self, doc: Document, fallback: bool) -> SitePage:
        lang, _ = self.lang, self._
        links = self.links(doc.ref.path)

        def render() -> str:
            state = None if fallback else self.state_of(doc)
            outdated = frozenset(state.outdated_units) if state is not None else frozenset()
            renderer = Renderer(doc, lang, citations=self.citations, links=links, outdated=outdated,
                                source_language=state.source_language if state is not None else None)
            body_lang = Markup(' lang="{}" dir="{}"').format(doc.lang, direction(doc.lang)) if fallback else Markup("")
            changes = history_view(self.corpus, doc, lang, links, _)
            view = DocumentView(
                doc=doc, fallback=fallback, _=_, metadata=renderer.metadata(), body=renderer.text(), cited_by=renderer.cited_by(),
                banner=banner(state, _), body_lang=body_lang, crumbs=self.breadcrumbs(doc, links),
                compare_languages=self.compare_languages(doc, links),
                text_language=CompareChoice(doc.lang, info(doc.lang)["name"], direction(doc.lang), None),
                neighbours=self.neighbours(doc, links),
                cluster_label=cluster_name(doc.meta.cluster, _) if doc.meta.cluster else "",
                cite=cite_box(doc, lang, _, site_root(settings.current().site_url, lang),
                              pdf=not fallback and doc.id in self.pdfs),
                search_filters=self.search_filters(doc), title_call=renderer.title_call(),
                titled=title_version(self.corpus, doc, lang),
                search_language=info(doc.lang).get("name", doc.lang) if fallback else "",
                untranslated_title_lang=Markup(' lang="{}" dir="{}"').format(
                    renderer.untranslated_language, direction(renderer.untranslated_language))
                if "title" in doc.meta.untranslated else Markup(""),
                editorial=renderer.editorial(), last_changed=last_changed(changes), history=history_section(changes))
            return str(macro("page.html", "document_page")(view))

        def name(unit) -> str:
            """A heading as the page's contents list it: one a draft still holds in the source's words is
            tagged with the source's language, without the marker."""
            if not is_untranslated(unit):
                return str(inline_text(unit.heading or ""))  # "A\. Introduction" is Markdown for "A. Introduction"
            source = source_language(self.corpus, doc.id)
            return str(Markup('<span lang="{}" dir="{}">{}</span>').format(source, direction(source),
                                                                            inline_text(strip_marker(unit.heading or ""))))

        def toc() -> list[dict]:
            entries = []
            for unit in doc.units:
                if unit.kind in ("section", "annex", "heading"):
                    children = [{"level": 3, "id": c.id, "name": name(c), "children": []}
                                for c in unit.children if c.kind in ("subsection", "section", "heading")]
                    entries.append({"level": 2, "id": unit.id, "name": name(unit), "children": children})
            return entries

        return SitePage(doc.ref.path, title_version(self.corpus, doc, lang).title, render, toc, doc, fallback)

    def search_filters(self, doc: Document) -> list[tuple[str, str]]:
        """What a reader can narrow a search by, in the interface language: cluster, kind, adopting body, year."""
        _ = self._
        out = []
        if doc.meta.cluster:
            out.append(("cluster", cluster_name(doc.meta.cluster, _)))
        out.append(("kind", _("Instruments") if doc.collection == "instruments" else _("Resolutions")))
        for body in dict.fromkeys(a.body for a in doc.meta.adoptions if a.body):
            out.append(("body", body_name(body, _)))
        year = adoption_year(doc)
        if year:
            out.append(("year", str(year)))
        return out

    def state_of(self, doc: Document):
        """The translation state of a page in its own language (None for a source text)."""
        if self._states is None:
            self._states = {doc_id: s for (doc_id, _lang), s in status_map(self.corpus, [self.lang]).items()}
        state = self._states.get(doc.id)
        return state if state is not None and state.status != "source" else None

    def status_page(self) -> str:
        langs = list(known_languages())
        titles = {i: self.indexes.doc(i).display_title for i in self.corpus.ids()}
        links = self.links("status/")
        return str(status_matrix(status(self.corpus, langs), catalog_status(langs), langs, titles, self._,
                                 lambda ref: links.document(ref) or ""))

    def compare_languages(self, doc: Document, links: WebLinks) -> list[CompareChoice]:
        """The languages a reader may read beside the text this page shows (compare.js does the rest): every
        other language, with the href of its column where it has a text of its own, else none. Empty when no
        other language has a text."""
        if not doc.has_text:
            return []
        choices = [CompareChoice(code, info(code)["name"], direction(code),
                                 links.page(doc.ref.column(code)) if has_text_in(self.corpus, doc.id, code) else None)
                   for code in known_languages() if code != doc.lang]
        return choices if any(c.src for c in choices) else []

    def column(self, doc: Document) -> str:
        """The text of `doc` (a version with a text, in its own language) as the side-by-side view's column,
        for the pages of the same document in the other languages."""
        links = ColumnLinks(doc.lang, doc.ref.page(doc.lang))
        return str(Renderer(doc, doc.lang, citations=self.citations, links=links, output=COLUMN).column())

    def breadcrumbs(self, doc: Document, links: WebLinks) -> list[tuple[str, str]]:
        _ = self._
        crumbs = [(links.page(addresses.home(self.lang)), self.title)]
        if doc.collection == "instruments":
            crumbs.append((links.page(addresses.collection_page(self.lang, "instruments")), _("Instruments")))
            if doc.meta.cluster in CLUSTERS:
                crumbs.append((links.page(addresses.cluster_page(self.lang, doc.meta.cluster)),
                               cluster_name(doc.meta.cluster, _)))
        else:
            crumbs.append((links.page(addresses.collection_page(self.lang, "resolutions")), _("Resolutions")))
        return crumbs

    def neighbours(self, doc: Document, links: WebLinks) -> list[tuple[str, str, str, str]]:
        """Previous and next instrument in the same cluster."""
        cluster = doc.meta.cluster
        if doc.collection != "instruments" or cluster not in CLUSTERS:
            return []
        ids = [d.id for d in self.indexes.in_cluster(cluster)]
        if doc.id not in ids:
            return []
        at = ids.index(doc.id)
        out = []
        for rel, label, other in (("prev", self._("Previous in this cluster"), ids[at - 1] if at > 0 else None),
                                  ("next", self._("Next in this cluster"), ids[at + 1] if at + 1 < len(ids) else None)):
            if other:
                d = self.indexes.doc(other)
                out.append((rel, label, links.document(d.ref) or "", self.nav_title(d)))
        return out
