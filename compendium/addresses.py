"""Identity and addresses: the only place that computes a URL, a site path or an anchor.

In the spirit of FRBR: a `DocRef` names a work (a document, whatever its language); a language version
of it has a page, a JSON file and a source file in that language's site; an edition is a PDF. Every
address inside the published site is a path from the site root ("fr/resolutions/ecosoc-1993-34/"), and
`relative(from_page, to)` turns it into the href a page writes, so no code assumes a page's depth.

A link policy decides, per output, how a target becomes an href: `WebLinks` writes relative URLs between
the pages of the site; `PrintLinks` (in editions/) writes internal destinations in one PDF.
"""

from __future__ import annotations


import posixpath
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, urlsplit

UNDOCS = "https://undocs.org/"
# The United Nations Official Document System, where the official texts of the resolutions are.
OFFICIAL_DOCUMENTS = "https://documents.un.org/"
COLUMN_FILE = "parallel.html"  # beside a document's page: its text as a column of the side-by-side view
AKN_FILE = "akn.xml"  # beside a document's page: its text as Akoma Ntoso 3.0 XML (compendium/akn/)
# The same column in the offline edition, as a classic script (a page opened from file:// may not fetch).
COLUMN_SCRIPT = "parallel.js"


@dataclass(frozen=True, order=True)
class DocRef:
    """A document of the compendium as a work: its collection and id."""
    collection: str
    id: str

    def page(self, lang: str) -> str:
        """Its page in the site of `lang`, from the site root."""
        return f"{lang}/{self.path}"

    @property
    def path(self) -> str:
        """Its page inside one language's site: "resolutions/ecosoc-1993-34/"."""
        return f"{self.collection}/{self.id}/"

    @property
    def source_uri(self) -> str:
        """The page's source name for the site framework: "resolutions/ecosoc-1993-34/index.md"."""
        return source_uri(self.path)

    def json(self, lang: str) -> str:
        """Its parsed text as JSON, beside its page."""
        return f"{self.page(lang)}index.json"

    def akn(self, lang: str) -> str:
        """Its text as Akoma Ntoso XML, beside its page."""
        return self.page(lang) + AKN_FILE

    def column(self, lang: str) -> str:
        """Its rendered text in `lang` as a column for the side-by-side view of another language's page."""
        return self.page(lang) + COLUMN_FILE

    def content_file(self, lang: str) -> str:
        """Its content file, relative to the content folder."""
        return f"{self.collection}/{self.id}/{lang}.md"

    @property
    def chapter_anchor(self) -> str:
        """The id of its chapter in a printed edition."""
        return f"doc-{self.id}"

    def print_id(self, unit_id: str, alone: bool) -> str:
        """The id, and the PDF's named destination, of one of its units in a printed edition; see edition_destination."""
        return edition_destination(self.id, unit_id, alone)


def edition_destination(doc_id: str, unit_id: str, alone: bool) -> str:
    """A unit's named destination in a PDF edition, so that `file.pdf#<destination>` opens that paragraph.

    In an edition of one document (an instrument's own PDF) it is the unit id of the web page, bare:
    `…-en.pdf#sec-III-para-7-c`. In an edition of several documents (the compendium, a cluster), where
    `para-1` is in every document, it is the document's id, a slash, the unit id, as on the web
    (`…/resolutions/ecosoc-1993-34/#sec-III-para-7-c`): `compendium-en.pdf#ecosoc-1993-34/sec-III-para-7-c`.
    """
    return unit_id if alone else f"{doc_id}/{unit_id}"


# -- the pages of one language's site, from its root ------------------------------------------------------------
def in_site(lang: str, path: str) -> str:
    """A path inside one language's site ("status/"), from the root of all sites ("fr/status/")."""
    return f"{lang}/{path}"


def home(lang: str) -> str:
    return f"{lang}/"


def collection_page(lang: str, collection: str) -> str:
    return f"{lang}/{collection}/"


def cluster_page(lang: str, cluster: str) -> str:
    return f"{lang}/{cluster_path(cluster)}"


def cluster_path(cluster: str) -> str:
    return f"clusters/{cluster}/"


def index_page(lang: str, name: str) -> str:
    """"years" or "bodies": the indexes by year of adoption and by adopting body."""
    return f"{lang}/indexes/{name}/"


def downloads_page(lang: str) -> str:
    return f"{lang}/downloads/"


def status_page(lang: str) -> str:
    return f"{lang}/status/"


def sitemap(lang: str) -> str:
    return f"{lang}/sitemap.xml"


def feed(lang: str) -> str:
    """A language's Atom feed of new and changed documents (compendium/feed.py)."""
    return f"{lang}/feed.xml"


HISTORY_ANCHOR = "history"  # the id of a document page's history section


def change_anchor(lang: str, day: str, sha256: str) -> str:
    """The id of one recorded change on its document's page, the same in every build."""
    return f"change-{lang}-{day}-{sha256[:8]}"


def change_page(ref: DocRef, lang: str, anchor: str) -> str:
    """One recorded change, on its document's page in the site of `lang`."""
    return f"{ref.page(lang)}#{anchor}"


def search_index(lang: str) -> str:
    """A language's Pagefind index folder (compendium/search.py)."""
    return f"{lang}/pagefind/"


def source_uri(path: str) -> str:
    """The site framework's source name of a page inside one language's site: "indexes/years/" →
    "indexes/years/index.md", "" → "index.md"."""
    return f"{path}index.md" if path.strip("/") else "index.md"


# -- editions ---------------------------------------------------------------------------------------------------
def edition_file(lang: str, kind: str, slug: str) -> str:
    """A PDF edition, from the site root: the full compendium, a cluster's, an instrument's or a resolution's."""
    if kind == "full":
        return f"{lang}/downloads/compendium-{lang}.pdf"
    if kind == "cluster":
        return f"{lang}/downloads/cluster-{slug}-{lang}.pdf"
    if kind == "resolution":
        return f"{lang}/downloads/resolutions/{slug}-{lang}.pdf"
    return f"{lang}/downloads/instruments/{slug}-{lang}.pdf"


def epub_file(lang: str) -> str:
    """The compendium as an EPUB 3 e-book, from the site root."""
    return f"{lang}/downloads/compendium-{lang}.epub"


EPUB_TEXT = "text/"  # inside the EPUB's package folder: its content documents
EPUB_STYLESHEET = "style/book.css"
EPUB_NAVIGATION = "nav.xhtml"


def epub_content(name: str) -> str:
    """A content document inside the EPUB (a document's id, or a page of the front or back matter), from the
    folder that holds all of them (EPUB_TEXT)."""
    return f"{name}.xhtml"


def epub_font(family: str, bold: bool) -> str:
    """An embedded font inside the EPUB, from its package folder."""
    return f"fonts/{family.replace(' ', '')}-{'Bold' if bold else 'Regular'}.woff"


def document_pdf(ref: DocRef, lang: str) -> str:
    """A document's own PDF in `lang`, from the site root."""
    return edition_file(lang, "instrument" if ref.collection == "instruments" else "resolution", ref.id)


def downloads_dir(lang: str) -> str:
    return f"{lang}/downloads/"


# -- the offline edition (compendium/offline.py) ----------------------------------------------------------------
def offline_zip(lang: str) -> str:
    """A language's site as one zip, to open from the file system; from the site root."""
    return f"{lang}/downloads/compendium-{lang}-offline.zip"


def offline_search(lang: str) -> str:
    """The offline edition's search index, a classic script; from the site root."""
    return f"{lang}/search-offline.js"


def offline_column(column: str) -> str:
    """The offline edition's script of a side-by-side column (`…/parallel.html` → `…/parallel.js`)."""
    return column[: -len(COLUMN_FILE)] + COLUMN_SCRIPT if column.endswith(COLUMN_FILE) else column


def file_href(from_file: str, to_file: str, query: str = "", frag: str = "") -> str:
    """The href from one file of a tree opened from the file system to another (both from the tree's root): to
    the file itself, never a folder, which a browser would list instead of opening its index.html."""
    base = posixpath.dirname(from_file) or "."
    rel = quote(posixpath.relpath(to_file, base), safe="/:@!$&'()*+,;=-._~")
    return rel + ("?" + query if query else "") + ("#" + frag if frag else "")


# -- outside the site -------------------------------------------------------------------------------------------
def undocs(symbol: str) -> str:
    """The United Nations Official Document System's address of a document symbol."""
    return UNDOCS + quote(symbol.strip(), safe="/().")


def symbol_of_undocs(url: str) -> str | None:
    return url[len(UNDOCS):] if url.startswith(UNDOCS) else None


def absolute(site_url: str, path: str) -> str:
    """A path from the site root as a full URL of the published site ("" when no site URL is set: a
    root-relative URL then)."""
    root = site_url.rstrip("/")
    return f"{root}/{path}"


def root_absolute(site_url: str, path: str) -> str:
    """A path from the site root as a root-absolute href ("/fr/", "/compendium/fr/"), for a page served at
    any depth (a 404 page): the site URL's path, else the host's root."""
    return urlsplit(site_url).path.rstrip("/") + "/" + path


# -- Akoma Ntoso (AKN4UN) names; compendium/akn/names.py decides which facts go in them ---------------------------
AKN_ROOT = "/akn/un/"


def akn_work(actor: str, date: str, number: str) -> str:
    """A United Nations resolution as a work, as the UN's own Akoma Ntoso files write it (their FRBRuri):
    "/akn/un/statement/deliberation/unga/2015-12-17/70-175/"."""
    return f"{AKN_ROOT}statement/deliberation/{actor}/{date}/{number}/"


def akn_local_work(collection: str, doc_id: str) -> str:
    """A work whose AKN4UN name cannot be made from verified facts: named in the compendium's own space."""
    return f"{AKN_ROOT}statement/compendium/{collection}/{doc_id}/"


def akn_component(work: str, component: str) -> str:
    """A component of a work (FRBRthis): "!main/" for the resolution, "!main/annex" for its annex."""
    return f"{work}!{component}"


def akn_expression(work: str, language: str) -> str:
    """A work in one language ("eng@/"), and its component in it ("eng@!main/")."""
    return f"{work}{language}@/"


def akn_expression_component(work: str, language: str, component: str) -> str:
    return f"{work}{language}@!{component}"


def akn_manifestation(work: str, language: str) -> str:
    return f"{work}{language}@.xml"


def akn_manifestation_component(work: str, language: str, component: str) -> str:
    return f"{work}{language}@/!{component.rstrip('/')}.xml"


def akn_portion(target: str, eid: str | None) -> str:
    """A unit of a work, as AKN refers to a portion: the work's name, "~", the unit's eId."""
    return f"{target.rstrip('/')}~{eid}" if eid else target


# -- hrefs ------------------------------------------------------------------------------------------------------
def fragment(unit_id: str | None) -> str:
    return f"#{unit_id}" if unit_id else ""


def relative(from_page: str, to: str) -> str:
    """The href that leads from the page at `from_page` (a folder path from the site root, ending in "/")
    to `to` (a path from the site root, optionally with a #fragment)."""
    target, _, frag = to.partition("#")
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    rel = posixpath.relpath(target or ".", base or ".")
    if rel == ".":
        rel = "./"
    elif (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{frag}" if frag else "")


class LinkPolicy(Protocol):
    """How one output turns a target into an href; None means: no link, the text stays."""

    def document(self, ref: DocRef, unit_id: str | None = None, lang: str | None = None) -> str | None: ...

    def external(self, url: str) -> str | None: ...

    def unit(self, unit_id: str) -> str: ...

    def anchor(self, unit_id: str) -> str: ...

    def page(self, path: str) -> str | None: ...


@dataclass(frozen=True)
class WebLinks:
    """Links between the pages of the published site: relative URLs from the page being rendered."""
    lang: str  # the site's language
    here: str  # the page being rendered, from the site root

    def document(self, ref: DocRef, unit_id: str | None = None, lang: str | None = None) -> str | None:
        return relative(self.here, ref.page(lang or self.lang) + fragment(unit_id))

    def external(self, url: str) -> str | None:
        return url

    def unit(self, unit_id: str) -> str:
        """A unit of the page itself: its href."""
        return f"#{unit_id}"

    def anchor(self, unit_id: str) -> str:
        """The id a unit of this page carries."""
        return unit_id

    def page(self, path: str) -> str | None:
        """Another page of the site, from the site root."""
        return relative(self.here, path)


@dataclass(frozen=True)
class ColumnLinks(WebLinks):
    """A document's text in `lang` drawn as the second column of the side-by-side view, on the page of the same
    document in any other language. Those pages are siblings ("<lang>/<collection>/<id>/"), so one file serves
    them all: an href to a page goes up to the root of all sites and down into `lang`'s site, and the column's
    ids carry its language ("fr:para-3"), so that they never meet the ids of the page that shows it."""

    def document(self, ref: DocRef, unit_id: str | None = None, lang: str | None = None) -> str | None:
        return self.page(ref.page(lang or self.lang) + fragment(unit_id))

    def unit(self, unit_id: str) -> str:
        return "#" + self.anchor(unit_id)

    def anchor(self, unit_id: str) -> str:
        return column_anchor(self.lang, unit_id)

    def page(self, path: str) -> str | None:
        return relative(self.here, "") + path


def column_anchor(lang: str, unit_id: str) -> str:
    """The id of a unit in the side-by-side view's column of `lang`."""
    return f"{lang}:{unit_id}"
