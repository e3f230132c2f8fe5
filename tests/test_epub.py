"""The EPUB 3 edition read back as a reading system would: the zip, the package, the navigation, the links, the
notes, the direction, the fonts, and the same bytes from the same content."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from ebooklib import epub as ebooklib_epub
from lxml import etree

from compendium import addresses
from compendium.citations import citation_index
from compendium.diagnostics import Report
from compendium.editions import epub
from compendium.editions.downloads import downloads_html
from compendium.loader import load

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "c": "urn:oasis:names:tc:opendocument:xmlns:container"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SHIPPED = Path(__file__).resolve().parents[1] / "content"
# The Nelson Mandela Rules in three languages; the resolution that adopted them (with notes, citing the Rules) in
# English only, so that the Arabic and Chinese books give it in English.
FILES = [("instruments/nelson-mandela-rules", ("en", "ar", "zh")), ("resolutions/ga-70-175", ("en",)),
         ("instruments/standard-minimum-rules-treatment-prisoners-1955", ("en",))]
STAMP = 1_760_000_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    content = tmp_path_factory.mktemp("epub") / "content"
    for doc, langs in FILES:
        (content / doc).mkdir(parents=True)
        for lang in langs:
            shutil.copy(SHIPPED / doc / f"{lang}.md", content / doc / f"{lang}.md")
    report = Report()
    corpus = load(content, report)
    assert not report.errors, report.items
    return corpus


@pytest.fixture(scope="module")
def books(corpus):
    citations = citation_index(corpus)
    return {lang: epub.make(corpus, lang, STAMP, citations) for lang in ("en", "ar", "zh")}


class Book:
    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        container = etree.fromstring(self.zip.read("META-INF/container.xml"))
        self.opf_path = container.xpath("//c:rootfile/@full-path", namespaces=NS)[0]
        self.opf = etree.fromstring(self.zip.read(self.opf_path))
        self.folder = PurePosixPath(self.opf_path).parent
        self.manifest = {i.get("id"): i for i in self.opf.xpath("//opf:manifest/opf:item", namespaces=NS)}

    def path(self, href: str, base: PurePosixPath | None = None) -> str:
        parts = []
        for p in ((base or self.folder) / href).parts:
            if p == "..":
                parts.pop()
            else:
                parts.append(p)
        return "/".join(parts)

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))  # raises on a document that is not well-formed XML

    def documents(self) -> dict[str, etree._Element]:
        return {self.path(i.get("href")): self.xml(self.path(i.get("href"))) for i in self.manifest.values()
                if i.get("media-type") == "application/xhtml+xml"}

    def nav(self):
        item = next(i for i in self.manifest.values() if "nav" in (i.get("properties") or "").split())
        return self.path(item.get("href")), self.xml(self.path(item.get("href")))


def test_the_zip_is_an_epub_container(books):
    for lang, made in books.items():
        z = zipfile.ZipFile(io.BytesIO(made.data))
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED, lang
        assert z.read("mimetype") == b"application/epub+zip"
        assert z.testzip() is None
        book = Book(made.data)
        assert book.opf.xpath("string(//dc:language)", namespaces=NS) == lang
        assert book.opf.xpath("string(//opf:meta[@property='dcterms:modified'])", namespaces=NS) == "2025-10-09T08:53:20Z"
        # Every manifest item is in the zip; ebooklib can read the book back.
        for item in book.manifest.values():
            assert book.path(item.get("href")) in z.namelist()
        read = ebooklib_epub.read_epub(io.BytesIO(made.data))
        assert read.get_metadata("DC", "language")[0][0] == lang


def test_navigation_has_the_parts_and_every_document_in_order(books, corpus):
    book = Book(books["en"].data)
    _name, nav = book.nav()
    toc = nav.xpath("//x:nav[@epub:type='toc']", namespaces=NS)[0]
    parts = toc.xpath("x:ol/x:li[x:ol]", namespaces=NS)
    assert [p.xpath("string(x:a)", namespaces=NS) for p in parts] == [
        "Persons in custody, non-custodial sanctions, juvenile and restorative justice", "Resolutions"]
    hrefs = [a.get("href") for p in parts for a in p.xpath("x:ol/x:li/x:a", namespaces=NS)]
    edition = epub.full_edition(epub.plan.printable(corpus), "en")
    assert hrefs == [f"text/{e.id}.xhtml" for e in edition.entries()]
    landmarks = nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS)
    assert "toc" in landmarks and "bodymatter" in landmarks
    # The spine reads the title page, the contents, then the parts and documents in the navigation's order.
    spine = [book.manifest[i].get("href") for i in book.opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)]
    assert spine[:2] == ["text/front-title.xhtml", "nav.xhtml"]
    assert [h for h in spine if h in hrefs] == hrefs


def test_every_internal_link_resolves_and_notes_are_epub_notes(books):
    for lang, made in books.items():
        book = Book(made.data)
        docs = book.documents()
        ids = {name: set(doc.xpath("//@id")) for name, doc in docs.items()}
        checked = noterefs = 0
        for name, doc in docs.items():
            for a in doc.xpath("//x:a[@href]", namespaces=NS):
                href = a.get("href")
                if href.startswith(("http://", "https://", "mailto:")):
                    continue
                file, _, frag = href.partition("#")
                target = book.path(file, PurePosixPath(name).parent) if file else name
                assert target in docs, f"[{lang}] {name}: {href} names no content document"
                assert not frag or frag in ids[target], f"[{lang}] {name}: {href} names no id"
                checked += 1
                if a.get(EPUB_TYPE) == "noteref":
                    noterefs += 1
                    note = docs[target].xpath("//*[@id=$i]", i=frag)[0]
                    assert note.tag == "{http://www.w3.org/1999/xhtml}aside" and note.get(EPUB_TYPE) == "footnote"
        assert checked > 50 and noterefs > 20, (lang, checked, noterefs)
        # The resolution's notes link back to their calls; its citation of the Rules goes to the Rules' file.
        resolution = docs[book.path("text/ga-70-175.xhtml")]
        backlinks = resolution.xpath("//x:aside[@epub:type='footnote']//x:a[@role='doc-backlink']/@href", namespaces=NS)
        assert backlinks and all(h.lstrip("#") in ids[book.path("text/ga-70-175.xhtml")] for h in backlinks)
        assert resolution.xpath("//x:a[starts-with(@href, 'nelson-mandela-rules.xhtml')]", namespaces=NS), lang


def test_language_and_direction(books):
    ar = Book(books["ar"].data)
    spine = ar.opf.xpath("//opf:spine", namespaces=NS)[0]
    assert spine.get("page-progression-direction") == "rtl"
    for name, doc in ar.documents().items():
        assert (doc.get("lang"), doc.get(XML_LANG), doc.get("dir")) == ("ar", "ar", "rtl"), name
    rules = ar.xml(ar.path("text/nelson-mandela-rules.xhtml"))
    assert rules.xpath("//*[@id='rule-43']", namespaces=NS)
    # The resolution has no Arabic text: it is given in English, marked so, under the notice in Arabic.
    resolution = ar.xml(ar.path("text/ga-70-175.xhtml"))
    text = resolution.xpath("//x:div[contains(@class, 'cmp-document')]", namespaces=NS)[0]
    assert (text.get("lang"), text.get(XML_LANG), text.get("dir")) == ("en", "en", "ltr")
    assert resolution.xpath("//x:div[contains(@class, 'cmp-fallback')]", namespaces=NS)
    en = Book(books["en"].data)
    assert en.opf.xpath("//opf:spine/@page-progression-direction", namespaces=NS) in ([], ["ltr"])


def test_fonts_are_embedded_where_a_reader_may_lack_them(books):
    for lang, family in (("ar", "Noto Naskh Arabic"), ("zh", "Noto Serif CJK SC")):
        book = Book(books[lang].data)
        fonts = [i for i in book.manifest.values() if i.get("media-type") == "font/woff"]
        assert fonts, lang
        css_item = next(i for i in book.manifest.values() if i.get("media-type") == "text/css")
        css = book.zip.read(book.path(css_item.get("href"))).decode()
        for font in fonts:
            data = book.zip.read(book.path(font.get("href")))
            assert data[:4] == b"wOFF" and len(data) < 1_500_000, (lang, len(data))
            assert f'url("../{font.get("href")}")' in css
        assert f'font-family: "{family}"' in css
    # The subset has the glyphs of the text: every Chinese character of the Rules' page maps in the font's cmap.
    from fontTools.ttLib import TTFont
    zh = Book(books["zh"].data)
    font = TTFont(io.BytesIO(zh.zip.read(zh.path("fonts/NotoSerifCJKSC-Regular.woff"))))
    rule = zh.xml(zh.path("text/nelson-mandela-rules.xhtml")).xpath("string(//x:body)", namespaces=NS)
    han = {ch for ch in rule if "\u4e00" <= ch <= "\u9fff"}
    assert han and han <= {chr(c) for c in font.getBestCmap()}
    # the subset keeps the font's copyright notice and its licence (SIL Open Font License), as the licence asks
    assert "Open Font License" in font["name"].getDebugName(13) and font["name"].getDebugName(0)
    assert not [i for i in Book(books["en"].data).manifest.values() if i.get("media-type") == "font/woff"]


def test_same_content_same_bytes_and_the_downloads_row(corpus, books, tmp_path, monkeypatch):
    again = epub.make(corpus, "ar", STAMP, citation_index(corpus))
    assert again.data == books["ar"].data
    records, failures = epub.build(corpus, tmp_path / "out", ["en"], tmp_path / "cache", STAMP, citation_index(corpus))
    assert not failures
    record = records["en"]
    placed = tmp_path / "out" / addresses.epub_file("en")
    assert placed.read_bytes() == books["en"].data and record["sha256"] == books["en"].sha256
    cached = list((tmp_path / "cache" / "epub").glob("*.epub"))
    assert len(cached) == 1
    monkeypatch.setattr(epub, "make", lambda *a, **k: pytest.fail("a warm build made the e-book again"))
    warm, _ = epub.build(corpus, tmp_path / "out", ["en"], tmp_path / "cache", STAMP)
    assert warm["en"]["sha256"] == record["sha256"]
    assert list((tmp_path / "cache" / "epub").glob("*.epub")) == cached
    table = downloads_html("en", {"files": [], "ebooks": [record]})
    assert 'href="compendium-en.epub" type="application/epub+zip"' in table and "E-book (EPUB)" in table
