"""What readers see of a draft translation: the source's words where a unit is not yet translated, marked with a
label in the reader's language and tagged with the source's language and direction; the scaffold's marker text
never reaches the page, the navigation, the search records' source (the built page), the JSON export or print."""

from __future__ import annotations

import json
import re

import pytest

from compendium.diagnostics import Report
from compendium.export import document_json
from compendium.i18n import gettext_for
from compendium.loader import load
from compendium.pages import Site
from compendium.render import PRINT, Renderer

from helpers import run, write

SOURCE = """---
id: ecosoc-2000-1
kind: resolution
title: A resolution written for this test
adopted_by: {body: ecosoc, resolution: 2000/1, meeting: 43rd plenary meeting, date: 2000-07-27}
completeness: complete
---

*Recalling* the first test,

## I. General

1. *Decides* one thing.

2. *Decides* another thing.[^1]

*43rd plenary meeting*

[^1]: A note of the source.
"""
MARKER = "[untranslated]"


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    """An Arabic draft made by `compendium translate-init`, with one paragraph translated by hand."""
    content = tmp_path_factory.mktemp("drafts") / "content"
    write(content, "resolutions/ecosoc-2000-1/en.md", SOURCE)
    code, out = run("translate-init", "ecosoc-2000-1", "--lang", "ar", "--content", str(content))
    assert code == 0, out
    path = content / "resolutions" / "ecosoc-2000-1" / "ar.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(MARKER) >= 5, text  # title, preamble, heading, two paragraphs, adoption line
    path.write_text(text.replace(f"1. {MARKER} *Decides* one thing.", "1. *تقرر* أمرا واحدا."), encoding="utf-8")
    report = Report()
    corpus = load(content, report)
    assert not report.errors, [d.format() for d in report.sorted()]
    return corpus


def test_the_draft_page_shows_no_marker_and_tags_the_source_words(draft):
    site = Site(draft, "ar")
    page = next(p for p in site.pages() if p.document is not None and p.document.lang == "ar")
    html = page.render()
    assert MARKER not in html and MARKER not in page.title
    # The untranslated paragraph: the source's words, in English, under the reader's label.
    unit = re.search(r'<div class="cmp-unit cmp-paragraph cmp-untranslated" id="para-2">.*?</div>', html, re.S)
    assert unit is not None, html
    label = gettext_for("ar")("Not yet translated")  # the reader's language
    assert f'<span class="cmp-untranslated-label">{label}</span>' in unit.group(0)
    assert '<div class="cmp-text" lang="en" dir="ltr"><p><em>Decides</em> another thing.<sup' in html
    # Its note too, in the list of notes.
    assert f'<span class="cmp-untranslated-label">{label}</span> <span lang="en" dir="ltr">A note of the source.</span>' \
        in html
    # The translated paragraph is the page's own language: no label, no tag.
    own = re.search(r'<div class="cmp-unit cmp-paragraph" id="para-1">(.*?)</div>', html, re.S)
    assert own is not None and "تقرر" in own.group(1) and "lang=" not in own.group(1)
    # The heading and the title are the source's words, tagged too.
    assert re.search(r'<h2 class="cmp-heading cmp-untranslated" id="sec-I"><span lang="en" dir="ltr">I\. General', html)
    assert '<h1 id="title" lang="en" dir="ltr">A resolution written for this test</h1>' in html
    assert html.count("cmp-untranslated-note") == 4  # preamble, heading, paragraph 2, adoption line
    # The page's contents list: the heading in the source's words, tagged.
    assert page.toc_entries()[0]["name"] == '<span lang="en" dir="ltr">I. General</span>'


def test_the_navigation_shows_the_source_title_tagged(draft):
    nav = str(Site(draft, "ar").nav())
    assert MARKER not in nav
    assert '<bdi lang="en" dir="ltr">A resolution written for this test</bdi>' in nav


def test_the_json_export_and_the_print_chapter_have_no_marker(draft):
    doc = draft.get("ecosoc-2000-1", "ar")
    data = document_json(doc)
    units = {u["id"]: u for u in data["units"]}
    assert units["preamble-1"]["untranslated"] is True and units["preamble-1"]["text"] == "*Recalling* the first test,"
    assert data["title"] == "A resolution written for this test"
    assert MARKER not in json.dumps(data, ensure_ascii=False) and data["untranslated"] == ["title"]
    assert units["sec-I"]["children"][1].get("untranslated") is True and "untranslated" not in units["sec-I"]["children"][0]
    printed = str(Renderer(doc, "ar", output=PRINT, source_language="en").body())
    assert MARKER not in printed and 'lang="en" dir="ltr"' in printed
    from compendium.editions.book import Chapter
    from compendium.editions.plan import Entry

    chapter = Chapter(Entry(doc, False), "ar").html()
    assert MARKER not in chapter
    assert '<h2 class="cmp-doc-title" lang="en" dir="ltr"' in chapter  # the title, laid out left to right


def test_a_translated_page_has_no_label(draft):
    page = str(Renderer(draft.get("ecosoc-2000-1", "en"), "en").body())
    assert "cmp-untranslated" not in page
