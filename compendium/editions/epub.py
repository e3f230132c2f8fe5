"""The full compendium as an EPUB 3 e-book per language, for reading on a phone or an e-reader.

The same book as the full PDF edition, from the same composition (compose.Composer, with the e-book's link
policy book.EpubLinks and the render's EPUB output): the title page and imprint, the introduction, a part page
per cluster, each document in a content document of its own whose units carry the web page's ids
(`nelson-mandela-rules.xhtml#rule-43`), the editorial notes and the colophon. What only paper needs is left out:
the contents with page numbers (the navigation document replaces it), the index, the pointer from a resolution's
annex to the page where the edition prints it (the e-book gives the annex in full).

The rendered HTML5 is serialised through lxml as XHTML (xml:lang beside every lang). Footnotes are EPUB notes
(`<a epub:type="noteref">` → `<aside epub:type="footnote">`, with a link back). The text of a script a device may
lack (Arabic, Chinese) is set in its Noto font, subset to the characters the book uses (fontTools) and embedded.
The bytes are reproducible: the edition's date for every date, an identifier derived from the language and the
content fingerprint, the zip written in a fixed order with fixed times, `mimetype` first and stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import uuid
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import lxml.html
from ebooklib import epub
from fontTools import subset
from fontTools.ttLib import TTFont
from lxml import etree

from .. import addresses, settings
from ..atomic import write_bytes
from ..i18n import translations_dir
from ..citations import CitationIndex
from ..languages import direction, script_of
from ..markup import Markup
from ..model import Corpus
from ..render import EPUB
from . import plan
from .book import EpubLinks, editorial_notes
from .cache import Cache
from .compose import ChapterError, Composer
from .provenance import content_sha256, source_name, w3c_date
from .scripts import CJK_SCRIPTS, FontMissing, css_family, face_file, font_stacks, text_family
from ..xmltext import append_text as _append_text

MEDIA_TYPE = "application/epub+zip"
KIND = "epub"  # in the manifest and in build_editions' kinds
STYLESHEET = Path(__file__).with_name("epub.css")
XHTML_NS = "http://www.w3.org/1999/xhtml"
OPS_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSS_FILE = addresses.EPUB_STYLESHEET
NAV_FILE = addresses.EPUB_NAVIGATION
TEXT = addresses.EPUB_TEXT
# Attributes of the render tree that name a namespace: their XML names.
NAMESPACED = {"epub:type": f"{{{OPS_NS}}}type"}
# A zip entry's time cannot be before 1980.
ZIP_EPOCH = 315532800


class EpubError(Exception):
    """What went wrong, for the build's report."""


class EpubComposer(Composer):
    """The Composer with the e-book's links and output: each document in its own content document."""
    links_class = EpubLinks
    output = EPUB

    def _elsewhere(self, entry, in_edition) -> dict:
        return {}  # no page to point to in an e-book: a resolution's annex is given in full


@dataclass
class Page:
    """One content document: its file name, title (for the navigation), body HTML and landmark."""
    name: str
    title: str
    body: str
    landmark: str | None = None
    source: str | None = None  # the content file of a document's page


@dataclass
class Entry:
    """A line of the navigation: its content document, its title and the title's language; a part has children."""
    name: str
    title: str
    lang: str
    children: list["Entry"] = field(default_factory=list)


@dataclass
class Font:
    family: str
    bold: bool
    file: str  # inside the EPUB
    data: bytes


@dataclass
class Made:
    data: bytes
    documents: int
    fonts: list[Font] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def full_edition(corpus: Corpus, lang: str) -> plan.Edition | None:
    return next((e for e in plan.editions(corpus, lang) if e.kind == "full"), None)


# -- XHTML ------------------------------------------------------------------------------------------------------
def _copy(source, parent) -> None:
    """A parsed HTML element into the XHTML tree: its tag in the XHTML namespace, `epub:type` in OPS's, xml:lang
    beside lang; comments and processing instructions dropped (their tail text kept)."""
    for child in source:
        if not isinstance(child.tag, str):
            _append_text(parent, child.tail)
            continue
        attrs = {}
        for name, value in child.attrib.items():
            if name in NAMESPACED:
                attrs[NAMESPACED[name]] = value
            elif ":" not in name:
                attrs[name] = value
        if "lang" in attrs:
            attrs[XML_LANG] = attrs["lang"]
        el = etree.SubElement(parent, f"{{{XHTML_NS}}}{child.tag}", attrs)
        el.text = child.text
        _copy(child, el)
        el.tail = child.tail



def xhtml(body: str, lang: str, title: str, css: str = CSS_FILE) -> bytes:
    """A content document: the rendered HTML (HTML5) as well-formed XHTML, in the book's language and direction."""
    root = etree.Element(f"{{{XHTML_NS}}}html", {"lang": lang, XML_LANG: lang, "dir": direction(lang)},
                         nsmap={None: XHTML_NS, "epub": OPS_NS})
    head = etree.SubElement(root, f"{{{XHTML_NS}}}head")
    etree.SubElement(head, f"{{{XHTML_NS}}}meta", {"charset": "utf-8"})
    etree.SubElement(head, f"{{{XHTML_NS}}}title").text = title
    etree.SubElement(head, f"{{{XHTML_NS}}}link", {"rel": "stylesheet", "type": "text/css", "href": css})
    out = etree.SubElement(root, f"{{{XHTML_NS}}}body", {"class": "cmp-edition cmp-epub"})
    wrapper = lxml.html.fragment_fromstring(body or "", create_parent="div")
    out.text = wrapper.text
    _copy(wrapper, out)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


# -- the book's pages ---------------------------------------------------------------------------------------------
def pages(composer: EpubComposer, edition: plan.Edition) -> tuple[list[Page], list[Entry]]:
    """The content documents in reading order and the navigation's tree (parts → documents)."""
    _ = composer._
    lang = composer.lang
    in_edition = frozenset(e.id for e in edition.entries())
    digest = content_sha256(edition.docs())
    result = [Page("front-title", composer.compendium_title(),
                   composer.cover(edition) + composer.imprint(edition, digest), "titlepage")]
    toc = [Entry("front-title", composer.compendium_title(), lang)]
    introduction = composer.introduction(edition, in_edition)
    if introduction:
        result.append(Page("front-introduction", _("Introduction"), introduction))
        toc.append(Entry("front-introduction", _("Introduction"), lang))
    parts = [(cluster, composer.part_title(cluster), composer.part_html(cluster), entries)
             for cluster, entries in edition.parts]
    if edition.resolutions:
        parts.append(("resolutions", _("Resolutions"), composer.t("Resolutions"), edition.resolutions))
    for n, (anchor, title, title_html, entries) in enumerate(parts):
        name = "part-" + anchor
        page = composer.part(anchor, title_html, (), True, in_edition)
        result.append(Page(name, title, page, "bodymatter" if n == 0 else None))
        children = []
        for entry in entries:
            result.append(Page(entry.id, entry.doc.title, composer.chapter(entry, in_edition),
                               source=source_name(entry.doc)))
            children.append(Entry(entry.id, entry.doc.title, entry.doc.lang))
        toc.append(Entry(name, title, lang, children))
    notes = editorial_notes(edition, lang, composer.citations, EpubLinks, EPUB)
    if notes:
        result.append(Page("back-notes", _("Editorial notes"), notes, "backmatter"))
        toc.append(Entry("back-notes", _("Editorial notes"), lang))
    result.append(Page("back-colophon", _("Colophon"), composer.colophon(edition, digest)))
    toc.append(Entry("back-colophon", _("Colophon"), lang))
    return result, toc


def navigation(lang: str, title: str, toc: list[Entry], landmarks: list[tuple[str, str, str]], folder: str) -> bytes:
    """The navigation document: the contents (parts → documents; a title in another language says so) and the
    landmarks (epub:type, href, title)."""
    x = f"{{{XHTML_NS}}}"
    root = etree.Element(x + "html", {"lang": lang, XML_LANG: lang, "dir": direction(lang)},
                         nsmap={None: XHTML_NS, "epub": OPS_NS})
    head = etree.SubElement(root, x + "head")
    etree.SubElement(head, x + "meta", {"charset": "utf-8"})
    etree.SubElement(head, x + "title").text = title
    etree.SubElement(head, x + "link", {"rel": "stylesheet", "type": "text/css", "href": CSS_FILE})
    body = etree.SubElement(root, x + "body", {"class": "cmp-edition cmp-epub"})
    nav = etree.SubElement(body, x + "nav", {f"{{{OPS_NS}}}type": "toc", "id": "toc", "role": "doc-toc"})
    etree.SubElement(nav, x + "h1").text = title

    def entries(parent, items: list[Entry]) -> None:
        ol = etree.SubElement(parent, x + "ol")
        for item in items:
            li = etree.SubElement(ol, x + "li")
            attrs = {"href": folder + addresses.epub_content(item.name)}
            if item.lang != lang:
                attrs.update({"lang": item.lang, XML_LANG: item.lang, "dir": direction(item.lang)})
            etree.SubElement(li, x + "a", attrs).text = item.title
            if item.children:
                entries(li, item.children)

    entries(nav, toc)
    marks = etree.SubElement(body, x + "nav", {f"{{{OPS_NS}}}type": "landmarks", "id": "landmarks", "hidden": "hidden"})
    etree.SubElement(marks, x + "h2").text = title
    ol = etree.SubElement(marks, x + "ol")
    for kind, href, text in landmarks:
        etree.SubElement(etree.SubElement(ol, x + "li"), x + "a", {f"{{{OPS_NS}}}type": kind, "href": href}).text = text
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


# -- fonts --------------------------------------------------------------------------------------------------------
def embedded_fonts(langs: list[str], text: str) -> list[Font]:
    """The text family of each script a device may lack, subset to the characters of `text` (WOFF). Regular and
    bold; a CJK family regular only (a reader emboldens it: a bold CJK face would double the book's size)."""
    fonts = []
    chars = "".join(sorted(set(text)))
    for lang in dict.fromkeys(langs):
        family = text_family(lang)
        if family is None:
            continue
        for bold in (False,) if script_of(lang) in CJK_SCRIPTS else (False, True):
            try:
                path, index = face_file(family, bold)
            except FontMissing as exc:
                raise EpubError(f"[{lang}] {exc}") from None
            fonts.append(Font(family, bold, addresses.epub_font(family, bold), _subset(path, index, chars)))
    return fonts


def _subset(path: str, index: int, chars: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]  # Arabic joining and ligatures, CJK punctuation forms
    options.hinting = False
    options.notdef_outline = True
    # The copyright, names and the licence (13, 14): the SIL Open Font License asks every copy of the font
    # software to carry its notice and licence, which machine-readable name records may do
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    font = TTFont(path, fontNumber=index, recalcTimestamp=False, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    font.flavor = "woff"
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue()


def stylesheet(lang: str, quoted: list[str], fonts: list[Font]) -> str:
    """The e-book's CSS: epub.css, the embedded faces, and each language's family stack (as in print)."""
    rules = [STYLESHEET.read_text(encoding="utf-8")]
    for font in fonts:
        weight = "bold" if font.bold else "normal"
        src = addresses.relative(CSS_FILE, font.file)
        rules.append(f'@font-face {{ font-family: "{font.family}"; font-weight: {weight}; font-style: normal; '
                     f'src: url("{src}") format("woff"); }}')
    for code in dict.fromkeys([lang, *quoted]):
        serif, sans = font_stacks(code)
        embedded = text_family(code)
        serif = tuple(dict.fromkeys(((embedded,) if embedded else ()) + serif))
        sans = tuple(dict.fromkeys(sans + ((embedded,) if embedded else ())))
        rules.append(f":lang({code}) {{ font-family: {css_family(serif, 'serif')}; }}")
        headings = ", ".join(f"{tag}:lang({code})" for tag in ("h1", "h2", "h3", "h4", "h5"))
        rules.append(f"{headings} {{ font-family: {css_family(sans, 'sans-serif')}; }}")
    return "\n".join(rules) + "\n"


# -- the package ----------------------------------------------------------------------------------------------------
def identifier(lang: str, digest: str) -> str:
    """The book's identifier: the same content in the same language gives the same one."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:compendium:{lang}:{digest}"))


def make(corpus: Corpus, lang: str, timestamp: int, citations: CitationIndex | None = None) -> Made | None:
    """The language's EPUB, or None when it has no document."""
    corpus = plan.printable(corpus)
    edition = full_edition(corpus, lang)
    if edition is None:
        return None
    composer = EpubComposer(lang, timestamp, citations=citations, site_url=settings.current().site_url,
                            corpus=corpus)
    _ = composer._
    book_pages, toc = pages(composer, edition)
    quoted = sorted({e.doc.lang for e in edition.entries()} - {lang})
    css_href = addresses.relative(TEXT, CSS_FILE)
    documents = {}
    for p in book_pages:
        try:
            documents[p.name] = xhtml(str(Markup(p.body)), lang, p.title, css_href)
        except (ValueError, etree.LxmlError) as exc:  # e.g. a character XML does not allow
            raise EpubError(f"{p.source or p.name}: the text cannot be written as XHTML ({exc}); remove the "
                            "character or markup it names") from None
    text = "".join(etree.fromstring(d).xpath("string(.)") for d in documents.values()) + "".join(
        p.title for p in book_pages) + _("Contents")
    fonts = embedded_fonts([lang, *quoted], text)

    book = epub.EpubBook()
    digest = content_sha256(edition.docs())
    book.set_identifier(identifier(lang, digest))
    book.set_title(composer.compendium_title())
    book.set_language(lang)
    book.add_metadata("DC", "date", w3c_date(timestamp))
    if direction(lang) == "rtl":
        book.set_direction("rtl")
    css = epub.EpubItem(uid="style", file_name=CSS_FILE, media_type="text/css",
                        content=stylesheet(lang, quoted, fonts).encode("utf-8"))
    book.add_item(css)
    for n, font in enumerate(fonts):
        book.add_item(epub.EpubItem(uid=f"font-{n}", file_name=font.file, media_type="font/woff", content=font.data))
    items = []
    for page in book_pages:
        item = epub.EpubItem(uid="c-" + page.name, file_name=TEXT + addresses.epub_content(page.name),
                             media_type="application/xhtml+xml", content=documents[page.name])
        item.properties = []
        book.add_item(item)
        items.append(item)
    landmarks = [(p.landmark, TEXT + addresses.epub_content(p.name), p.title) for p in book_pages if p.landmark]
    landmarks.insert(1, ("toc", NAV_FILE, _("Contents")))
    nav = epub.EpubItem(uid="nav", file_name=NAV_FILE, media_type="application/xhtml+xml",
                        content=navigation(lang, _("Contents"), toc, landmarks, TEXT))
    nav.properties = ["nav"]
    book.add_item(nav)
    book.add_item(epub.EpubNcx())  # for reading systems of EPUB 2
    book.toc = _ncx(toc, TEXT)
    book.spine = [items[0], nav, *items[1:]]
    raw = io.BytesIO()
    modified = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).replace(tzinfo=None)
    epub.write_epub(raw, book, {"mtime": modified, "epub3_pages": False, "epub3_landmark": False,
                                "raise_exceptions": True})
    return Made(normalise_zip(raw.getvalue(), timestamp), len(edition.entries()), fonts)


def _ncx(toc: list[Entry], folder: str) -> list:
    """The navigation as ebooklib's toc, for toc.ncx."""
    out: list = []
    for item in toc:
        href = folder + addresses.epub_content(item.name)
        if item.children:
            out.append((epub.Section(item.title, href), _ncx(item.children, folder)))
        else:
            out.append(epub.Link(href, item.title, item.name))
    return out


def normalise_zip(data: bytes, timestamp: int) -> bytes:
    """The same files with the same bytes: fixed times and permissions, `mimetype` first and stored."""
    stamp = dt.datetime.fromtimestamp(max(timestamp, ZIP_EPOCH), dt.timezone.utc).timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    if "mimetype" not in names:
        raise EpubError("the EPUB writer made no mimetype entry")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ["mimetype", *(n for n in names if n != "mimetype")]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, MEDIA_TYPE.encode("ascii"))
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()


# -- in the build ---------------------------------------------------------------------------------------------------
CACHE_FORMAT = "1"


def input_key(corpus: Corpus, lang: str, timestamp: int) -> str:
    """What the EPUB's bytes depend on, without composing it (a warm build pays a few hashes): every content file
    (a chapter names the documents it cites), the language, the date, the site's address, the engine's code,
    templates, language data and stylesheets, the interface catalogs, the libraries and the font files."""
    import ebooklib
    import fontTools

    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, lang, str(timestamp), settings.current().site_url, content_sha256(corpus.documents),
                 f"ebooklib {ebooklib.VERSION}; fonttools {fontTools.version}; lxml {etree.__version__}",
                 _engine_fingerprint()):
        digest.update(part.encode("utf-8") + b"\0")
    for code in sorted({d.lang for d in corpus.documents} | {lang}):
        family = text_family(code)
        for bold in (False, True) if family else ():
            try:
                path, index = face_file(family, bold)
                digest.update(f"{path}:{index}:{os.stat(path).st_size}\0".encode())
            except (FontMissing, OSError):
                digest.update(b"-\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _engine_fingerprint() -> str:
    """The engine's code, templates, language data and stylesheets, and the interface catalogs (once a build)."""
    digest = hashlib.sha256()
    engine = Path(__file__).resolve().parent.parent
    files = sorted(p for pattern in ("*.py", "*.html", "*.yml", "*.css") for p in engine.rglob(pattern))
    files += sorted(translations_dir().glob("*/LC_MESSAGES/*.po"))
    for path in files:
        digest.update(str(path.relative_to(path.parents[1])).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build(corpus: Corpus, out_dir: Path, langs: list[str], cache_dir: Path, timestamp: int,
          citations: CitationIndex | None = None) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    """Each language's EPUB at its site path under `out_dir`, from the cache when its inputs are unchanged.
    Returns (manifest records by language, failures as (language, message))."""
    cache = Cache(cache_dir / "epub", ext="epub")
    cache.prepare()
    corpus = plan.printable(corpus)
    records: dict[str, dict] = {}
    failures: list[tuple[str, str]] = []
    for lang in langs:
        edition = full_edition(corpus, lang)
        if edition is None:
            continue
        path = addresses.epub_file(lang)
        key = input_key(corpus, lang, timestamp)
        meta = cache.lookup(key)
        if meta is None:
            try:
                made = make(corpus, lang, timestamp, citations)
            except (EpubError, ChapterError) as exc:
                failures.append((lang, f"the {lang} e-book {path} failed: {exc}"))
                continue
            if made is None:
                continue
            write_bytes(cache.pdf(key), made.data)
            meta = cache.store(key, path, 0, len(made.data), made.sha256)
        cache.place(key, out_dir / path)
        records[lang] = {"path": path, "kind": KIND, "id": "compendium", "cluster": None,
                         "title": Composer(lang, timestamp).compendium_title(), "title_lang": lang, "fallback": False,
                         "pages": None, "bytes": meta["size"], "sha256": meta["sha256"],
                         "content_sha256": content_sha256(edition.docs())}
    cache.prune()
    return records, failures
