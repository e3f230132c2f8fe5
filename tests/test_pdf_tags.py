"""The PDF editions' tagging, read back from the PDF: page furniture as artifacts, the language of every
element in another language, footnotes as notes, links with readable names, the web's unit ids as named
destinations, and a text layer that copies cleanly (whole words across hyphenation breaks, footnote calls
set apart). Rendered from a small Arabic edition with an English source text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from compendium import settings
from compendium.addresses import edition_destination
from compendium.diagnostics import Report
from compendium.editions import build_editions, load_manifest
from compendium.loader import load
from helpers import write

pytestmark = pytest.mark.slow  # renders PDFs

# Test texts written for these tests (not UN texts). Long English words, so that automatic hyphenation breaks some.
LONG = ("internationally", "responsibilities", "institutionalization", "notwithstanding", "comprehensively",
        "intergovernmental", "rehabilitation")
ENGLISH = " ".join(LONG[i % len(LONG)] + " " + ("and", "of", "the")[i % 3] for i in range(60))
ID_LIKE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9-]+)?")
ARABIC = "تكفل الدول الأعضاء أن يعامل كل شخص محروم من حريته باحترام وكرامة في جميع الأوقات"


def make_content(content: Path) -> None:
    write(content, "instruments/test-rules/ar.md",
          "---\nid: test-rules\nkind: rules\ntitle: قواعد اختبار\ncluster: custody\ncompleteness: complete\n"
          f"source_language: en\n---\n\n1. {ARABIC}\n\n2. {ARABIC}\n")
    write(content, "instruments/test-rules/en.md",
          "---\nid: test-rules\nkind: rules\ntitle: Test rules\ncluster: custody\ncompleteness: complete\n---\n\n"
          f"1. {ARABIC}\n\n2. The second rule.\n")
    write(content, "instruments/test-guidelines/en.md",
          "---\nid: test-guidelines\nkind: guidelines\ntitle: Test guidelines for the prevention of crime\n"
          "cluster: prevention\nadopted_by: {body: ecosoc, resolution: 2000/1, date: '2000-07-24'}\n"
          "completeness: complete\n---\n\n## I. FIRST\n\n"
          f"1. {ENGLISH} annotated[^1] as in Economic and Social Council resolution 2000/1, paragraph 1.\n\n"
          f"2. {ENGLISH}.\n\n[^1]: A note only in English.\n")
    write(content, "resolutions/ecosoc-2000-1/en.md",
          "---\nid: ecosoc-2000-1\nkind: resolution\ntitle: A resolution written for this test\n"
          "symbol: E/RES/2000/1\nadopted_by: {body: ecosoc, resolution: 2000/1}\ncompleteness: complete\n---\n\n"
          "1. *Adopts* the guidelines;\n")


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdftags")
    make_content(root / "content")
    with settings.using(settings.Settings(source_date_epoch=1700000000)):
        report = Report()
        corpus = load(root / "content", report)
        assert not report.errors, report.errors
        outcome = build_editions(corpus, root / "out", ["ar", "en"], root / "cache", workers=2,
                                 kinds=("full", "instrument"))
    assert outcome.ok, [f.format() for f in outcome.failures]
    files = {(f["kind"], f["id"]): root / "out" / f["path"] for f in load_manifest("ar", root / "out")["files"]}
    # a document's own PDF exists in the languages of its texts: the English-only guidelines' is English
    files.update({(f"{f['kind']}-en", f["id"]): root / "out" / f["path"]
                  for f in load_manifest("en", root / "out")["files"]})
    return files


def full(editions) -> Path:
    return editions[("full", "compendium")]


def struct_elements(reader: PdfReader, numbers: set[int] | None = None):
    """(element, effective language) for every structure element reachable from the root, in order; the object
    numbers of the elements are added to `numbers`."""
    catalog = reader.trailer["/Root"]
    out = []

    def walk(node, lang):
        if hasattr(node, "idnum") and numbers is not None:
            numbers.add(node.idnum)
        node = node.get_object()
        if not isinstance(node, DictionaryObject) or "/S" not in node:
            return
        lang = str(node.get("/Lang", lang))
        out.append((node, lang))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid, lang)

    for kid in catalog["/StructTreeRoot"]["/K"]:
        walk(kid, str(catalog["/Lang"]))
    return out


def marked_content(page) -> list[tuple[str, dict]]:
    """(tag, properties) of every marked-content sequence the page's content stream opens."""
    stream = ContentStream(page.get_contents(), page.pdf)
    found = []
    for operands, op in stream.operations:
        if op == b"BDC":
            found.append((str(operands[0]), operands[1]))
        elif op == b"BMC":
            found.append((str(operands[0]), {}))
    return found


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_page_furniture_is_an_artifact_and_outside_the_structure_tree(editions):
    reader = PdfReader(full(editions))
    reachable: set[int] = set()
    struct_elements(reader, reachable)
    parent_tree = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    numbered = 0
    for number, page in enumerate(reader.pages):
        marks = marked_content(page)
        furniture = [p for tag, p in marks if tag == "/Artifact" and p.get("/Type") == "/Pagination"]
        numbered += any(p.get("/Subtype") == "/Footer" for p in furniture)
        mcids = [p["/MCID"] for tag, p in marks if "/MCID" in p]
        # every tagged sequence has its element in the tree, at its MCID in the parent tree's array
        assert parent_tree[2 * number] == number
        parents = parent_tree[2 * number + 1]
        assert sorted(mcids) == list(range(len(parents)))
        assert all(p.idnum in reachable for p in parents), f"page {number + 1}: content outside the tree"
    # the cover and the part titles have no page number; the pages of the text do
    assert numbered >= len(reader.pages) // 2, (numbered, len(reader.pages))


def test_an_element_in_another_language_says_so(editions):
    reader = PdfReader(full(editions))
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    elements = struct_elements(reader)
    english = [e for e, _ in elements if e.get("/Lang") == "en"]
    assert english, "the English source text is marked as English"
    # /Lang is set only where the language changes
    parent_lang = {}
    for e, lang in elements:
        for kid in e.get("/K") if isinstance(e.get("/K"), list) else []:
            parent_lang[id(kid.get_object()) if hasattr(kid, "get_object") else id(kid)] = lang
    for e, lang in elements:
        if "/Lang" in e:
            assert parent_lang.get(id(e)) != str(e["/Lang"]), "a /Lang equal to its parent's"
    # every paragraph of the English guidelines is read in English, the Arabic rules in Arabic
    langs = {lang for e, lang in elements if e["/S"] == "/P"}
    assert {"ar", "en"} <= langs


def test_footnotes_are_notes_and_their_calls_are_set_apart(editions):
    reader = PdfReader(full(editions))
    notes = [e for e, _ in struct_elements(reader) if e["/S"] == "/Note"]
    assert len(notes) == 1 and notes[0]["/ID"]
    id_tree = reader.trailer["/Root"]["/StructTreeRoot"]["/IDTree"]["/Names"]
    assert id_tree[0] == notes[0]["/ID"] and id_tree[1].get_object() is notes[0].get_object() or \
        id_tree[1].get_object() == notes[0].get_object()
    assert [e for e, _ in struct_elements(reader) if e["/S"] == "/Reference"]
    text = " ".join(pdftotext(full(editions)).split())
    assert "annotated[1] as in" in text and "annotated1" not in text


def test_links_have_readable_names(editions):
    reader = PdfReader(full(editions))
    names = []
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link":
                names.append((str(a.get("/Contents", "")), a.get("/Dest") or a.get("/A", {}).get("/URI")))
    assert names
    for name, target in names:
        assert name and any(c.isalpha() for c in name), name
        # not "doc-test-rules"; a printed web address is its own name (the imprint's documents.un.org)
        assert (name != target or name.startswith("https://")) and not ID_LIKE.fullmatch(name), (name, target)
    assert any("resolution 2000/1" in n for n, _ in names), names
    assert any("Test guidelines" in n for n, _ in names), names  # the contents


def test_named_destinations_are_the_web_unit_ids(editions):
    book = PdfReader(full(editions))
    names = set(book.named_destinations)
    assert edition_destination("test-guidelines", "para-1", alone=False) == "test-guidelines/para-1"
    assert {"test-guidelines/para-1", "test-guidelines/sec-I", "test-rules/para-1", "ecosoc-2000-1/para-1"} <= names
    assert "para-1" not in names  # ambiguous in a book of several documents
    own = PdfReader(editions[("instrument-en", "test-guidelines")])
    assert {"para-1", "para-2", "sec-I"} <= set(own.named_destinations)
    # the citation of a paragraph of a document in the edition leads to its destination
    dests = {str(a.get_object().get("/Dest")) for p in book.pages for a in p.get("/Annots", []) or []}
    assert "ecosoc-2000-1/para-1" in dests


def test_copied_text_has_whole_words_across_hyphenation_breaks(editions):
    path = editions[("instrument-en", "test-guidelines")]
    with pdfplumber.open(path) as pdf:
        glyphs = "".join(c["text"] for page in pdf.pages for c in page.chars)
    assert "\u2010" in glyphs, "no automatic hyphenation break to test"
    text = pdftotext(path)
    tokens = re.findall(r"[^\s,.;:()\[\]]+", text)
    assert not [t for t in tokens if t.endswith("\u2010") or t.endswith("-")]
    fragments = [t for t in tokens if t.isalpha() and t.islower() and t not in LONG and len(t) > 3
                 and any(w.startswith(t) or w.endswith(t) for w in LONG)]
    assert not fragments, fragments
    assert set(LONG) <= set(tokens)


def test_the_same_input_gives_the_same_bytes(editions, tmp_path):
    first = full(editions).read_bytes()
    make_content(tmp_path / "content")
    with settings.using(settings.Settings(source_date_epoch=1700000000)):
        corpus = load(tmp_path / "content", Report())
        outcome = build_editions(corpus, tmp_path / "out", ["ar"], tmp_path / "cache", workers=1, kinds=("full",))
    assert outcome.ok
    again = load_manifest("ar", tmp_path / "out")["files"][0]["path"]
    assert (tmp_path / "out" / again).read_bytes() == first
