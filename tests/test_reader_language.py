"""Pieces of a page in the reader's language: list punctuation, and titles in another language marked as such."""

from __future__ import annotations

from compendium.diagnostics import Report
from compendium.loader import load
from compendium.pages import Site
from compendium.render import Renderer
from helpers import write

RES = """---
id: ecosoc-2000-1
kind: resolution
title: {title}
symbol: E/RES/2000/1
adopted_by: {{body: ecosoc, resolution: 2000/1, date: '2000-07-27'}}
completeness: complete
{extra}---

1. {text}
"""


def corpus(tmp_path):
    write(tmp_path, "resolutions/ecosoc-2000-1/en.md", RES.format(title="A resolution written for this test",
                                                                  extra="", text="*Decides* x."))
    write(tmp_path, "resolutions/ecosoc-2000-2/en.md", RES.format(title="Another resolution for this test",
                                                                  extra="", text="*Decides* y.").replace("2000-1", "2000-2").replace("2000/1", "2000/2"))
    report = Report()
    result = load(tmp_path, report)
    assert not report.errors, [d.format() for d in report.errors]
    return result


def test_the_parts_of_the_adoption_line_use_the_readers_comma(tmp_path):
    doc = corpus(tmp_path).get("ecosoc-2000-1", "en")
    rows = {str(label): str(value) for label, value in Renderer(doc, "ar").metadata_rows()}
    adopted = next(v for v in rows.values() if "2000/1" in v)
    assert "، " in adopted and ", " not in adopted
    rows = {str(label): str(value) for label, value in Renderer(doc, "zh").metadata_rows()}
    assert "，" in next(v for v in rows.values() if "2000/1" in v)
    rows = {str(label): str(value) for label, value in Renderer(doc, "en").metadata_rows()}
    assert ", " in next(v for v in rows.values() if "2000/1" in v)


def test_a_title_in_another_language_is_marked_in_the_navigation(tmp_path):
    site = Site(corpus(tmp_path), "ar")
    doc = site.corpus.get("ecosoc-2000-1", "en")
    title = str(site.nav_title(doc))
    assert title == '<bdi lang="en" dir="ltr">A resolution written for this test</bdi>'
    assert Site(site.corpus, "en").nav_title(doc) == "A resolution written for this test"


def test_a_record_in_the_readers_language_gives_the_title_above_a_text_in_another(tmp_path):
    # The French record of a document whose text is English only (completeness: none, no body) names it in
    # French: the French page, its navigation and the lists show that title, unmarked; the text stays English.
    content = corpus(tmp_path)
    write(tmp_path, "resolutions/ecosoc-2000-1/fr.md", "---\nid: ecosoc-2000-1\nkind: resolution\n"
          "title: Une résolution écrite pour cet essai\ncompleteness: none\ntranslation: {status: official}\n---\n")
    content = load(tmp_path, Report())
    site = Site(content, "fr")
    english = content.get("ecosoc-2000-1", "en")
    assert site.nav_title(english) == "Une résolution écrite pour cet essai"
    page = next(p for p in site.pages() if p.document is not None and p.document.id == "ecosoc-2000-1")
    assert page.fallback and page.title == "Une résolution écrite pour cet essai"
    html = page.html()
    assert '<h1 id="title">Une résolution écrite pour cet essai' in html
    assert 'lang="en"' in html and "A resolution written for this test" not in html.split("</h1>")[0]
    listing = next(p for p in site.pages() if p.path == "resolutions/").html()
    assert ">Une résolution écrite pour cet essai</a>" in listing
    # without a record in the reader's language, the text's own title, marked with its language
    other = next(p for p in Site(content, "es").pages() if p.document is not None and p.document.id == "ecosoc-2000-1")
    assert '<h1 id="title" lang="en" dir="ltr">A resolution written for this test' in other.html()


def test_the_contents_show_headings_as_read_not_as_written(tmp_path):
    # "A\. Introduction" is Markdown for a heading that is no list item: the table of contents reads "A. Introduction"
    write(tmp_path, "resolutions/ecosoc-2000-3/en.md", "---\nid: ecosoc-2000-3\nkind: resolution\ntitle: Three\n"
          "completeness: complete\n---\n\n## Annex\n\n### A\\. Introduction *in brief*\n\n1. One.\n")
    site = Site(load(tmp_path, Report()), "en")
    page = next(p for p in site.pages() if p.document is not None and p.document.id == "ecosoc-2000-3")
    names = [c["name"] for e in page.toc()[0]["children"] for c in [e, *e["children"]]]
    assert "A. Introduction <em>in brief</em>" in names and not any("\\" in n for n in names)
