"""A printed chapter is the web page's render tree: the same citation links, lineage and "Cited by",
with links made for the PDF (internal destinations, or undocs.org for a document outside the edition)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from compendium.addresses import WebLinks
from compendium.citations import citation_index
from compendium.diagnostics import Report
from compendium.editions import build_editions
from compendium.editions.book import Chapter, PrintLinks
from compendium.editions.plan import Entry
from compendium.loader import load
from compendium.render import Renderer
from helpers import write

RULES = """---
id: test-rules
kind: rules
title: Test Rules for the Treatment of Test Cases
short_title: Test Rules
cluster: custody
supersedes: old-rules
adopted_by: {body: ecosoc, resolution: 2000/1, date: '2000-07-27'}
completeness: complete
---

## I. GENERAL

### Rule 1

A rule of general application.
"""

OLD = """---
id: old-rules
kind: rules
title: Old Rules for Test Cases
cluster: custody
status: superseded
completeness: complete
---

1. An old rule.
"""

ADOPTING = """---
id: ecosoc-2000-1
kind: resolution
title: Test rules adopted for this test
symbol: E/RES/2000/1
adopted_by: {body: ecosoc, resolution: 2000/1, date: '2000-07-27'}
completeness: complete
---

1. *Adopts* the Test Rules for the Treatment of Test Cases;

2. *Recalls* its resolution 2000/2, paragraph 1, and its resolution 1999/30.
"""

OTHER = """---
id: ecosoc-2000-2
kind: resolution
title: Another resolution for this test
symbol: E/RES/2000/2
adopted_by: {body: ecosoc, resolution: 2000/2, date: '2000-07-27'}
completeness: complete
---

1. *Decides* something.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("book")
    for rel, text in (("instruments/test-rules/en.md", RULES), ("instruments/old-rules/en.md", OLD),
                      ("resolutions/ecosoc-2000-1/en.md", ADOPTING), ("resolutions/ecosoc-2000-2/en.md", OTHER)):
        write(root / "content", rel, text)
    report = Report()
    corpus = load(root / "content", report)
    assert not report.errors, [d.format() for d in report.errors]
    return corpus


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def chapter(corpus, doc_id: str, in_edition: set[str]) -> str:
    doc = corpus.get(doc_id, "en")
    links = PrintLinks("en", doc.ref, frozenset(in_edition), (("ecosoc-2000-1", "E/RES/2000/1"),
                                                              ("ecosoc-2000-2", "E/RES/2000/2")))
    return Chapter(Entry(doc, False), "en", citation_index(corpus), links).html()


def test_a_chapter_has_the_citation_links_lineage_and_cited_by_of_its_web_page(corpus):
    index = citation_index(corpus)
    everything = {"test-rules", "old-rules", "ecosoc-2000-1", "ecosoc-2000-2"}
    for doc_id, expected in (
            ("ecosoc-2000-1", {"#doc-test-rules", "#ecosoc-2000-2/para-1", "https://undocs.org/E/RES/1999/30"}),
            ("test-rules", {"#doc-old-rules", "#doc-ecosoc-2000-1"})):
        doc = corpus.get(doc_id, "en")
        web = str(Renderer(doc, "en", index, WebLinks("en", doc.ref.page("en"))).metadata()) + \
            str(Renderer(doc, "en", index, WebLinks("en", doc.ref.page("en"))).body())
        printed = chapter(corpus, doc_id, everything)
        # every cross-document link of the web page is in the chapter, made for the PDF
        web_targets = {h for h in hrefs(web) if not h.startswith("#")}
        print_targets = {h for h in hrefs(printed) if not h.startswith("#" + doc_id + "/")}
        assert expected <= print_targets, (doc_id, print_targets)
        assert len([h for h in web_targets if "undocs.org" not in h or "RES/1999" in h]) <= len(print_targets)
    rules = chapter(corpus, "test-rules", everything)
    assert "Replaces the" in rules and "Old Rules for Test Cases" in rules  # lineage, with the title
    assert "Adopted, amended or recalled by" in rules
    assert "<dt>Supersedes</dt> <dd><a href=\"#doc-old-rules\">Old Rules for Test Cases</a></dd>" in rules
    assert ">old-rules<" not in rules
    old = chapter(corpus, "old-rules", everything)
    assert "Superseded by the" in old and "Test Rules" in old


def test_a_chapter_outside_its_edition_links_to_undocs_or_keeps_the_text(corpus):
    alone = chapter(corpus, "test-rules", {"test-rules"})
    assert 'href="https://undocs.org/E/RES/2000/1"' in alone  # the adopting resolution, not in this edition
    assert 'href="#doc-old-rules"' not in alone and "Old Rules for Test Cases" in alone  # no symbol: text
    assert not [h for h in hrefs(alone) if h.startswith("../")]


@pytest.mark.slow
def test_the_pdf_carries_the_links_lineage_and_cited_by(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outcome = build_editions(corpus, tmp_path / "out", ["en"], tmp_path / "cache", workers=1, kinds=("full",))
    assert outcome.ok, [f.format() for f in outcome.failures]
    reader = PdfReader(tmp_path / "out" / "en" / "downloads" / "compendium-en.pdf")
    names = set(reader.named_destinations)
    internal, external = set(), set()
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A", {})
            dest = a.get("/Dest", action.get("/D"))
            if isinstance(dest, str):
                internal.add(dest)
            if action.get("/URI"):
                external.add(str(action["/URI"]))
    assert {"doc-test-rules", "doc-old-rules", "doc-ecosoc-2000-1"} <= internal
    assert internal <= names  # every internal link leads somewhere
    assert "https://undocs.org/E/RES/1999/30" in external
    # Resolution 2000/2 adopted no instrument, so it is not printed: the citation leads to its symbol.
    assert "ecosoc-2000-2/para-1" not in internal and "https://undocs.org/E/RES/2000/2" in external
    text = " ".join(p.extract_text() for p in reader.pages)
    text = " ".join(text.split())
    assert "Replaces the Old Rules for Test Cases" in text
    assert "Superseded by the Test Rules" in text
    assert "Cited by" in text or "Adopted, amended or recalled by" in text
    assert "Supersedes" in text and "old-rules" not in text  # the panel names the title, never the raw id
