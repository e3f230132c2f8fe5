"""The reader's version: one rule, honouring each document's own source language, for every output."""

from __future__ import annotations

from pathlib import Path

import pytest

from compendium.citations import citation_index
from compendium.diagnostics import Report
from compendium.editions.plan import book
from compendium.loader import load
from compendium.pages import Site
from compendium.sitemap import alternates
from compendium.versions import has_text_in, pick, source_language, source_version
from helpers import write

FR_SOURCE = """---
id: ecosoc-2001-7
kind: resolution
title: Résolution rédigée en français pour ce test
adopted_by: {body: ecosoc, resolution: 2001/7}
source_language: fr
completeness: complete
---

1. *Décide* que le texte français fait foi.
"""

EN_DRAFT = """---
id: ecosoc-2001-7
kind: resolution
title: A resolution drafted in French for this test
adopted_by: {body: ecosoc, resolution: 2001/7}
completeness: complete
translation:
  status: draft
---

1. *Decides* that the French text is authentic.
"""


@pytest.fixture
def corpus(tmp_path: Path):
    write(tmp_path, "resolutions/ecosoc-2001-7/fr.md", FR_SOURCE)
    write(tmp_path, "resolutions/ecosoc-2001-7/en.md", EN_DRAFT)
    # The record's instrument was adopted by the resolution, so the printed editions hold the resolution.
    write(tmp_path, "instruments/record-only/en.md", "---\nid: record-only\nkind: rules\ntitle: A catalogue record\n"
                                                     "adopted_by: {body: ecosoc, resolution: 2001/7}\n"
                                                     "cluster: custody\ncompleteness: none\n---\n")
    write(tmp_path, "instruments/record-only/fr.md", "---\nid: record-only\nkind: rules\ntitle: Une notice\n"
                                                     "adopted_by: {body: ecosoc, resolution: 2001/7}\n"
                                                     "cluster: custody\ncompleteness: none\n---\n")
    report = Report()
    corpus = load(tmp_path, report)
    assert not report.errors, [d.format() for d in report.errors]
    return corpus


def test_a_french_source_document_read_in_spanish_gives_the_french_text(corpus):
    assert source_language(corpus, "ecosoc-2001-7") == "fr"
    assert source_version(corpus, "ecosoc-2001-7").lang == "fr"
    doc, fallback = pick(corpus, "ecosoc-2001-7", "es")
    assert (doc.lang, fallback) == ("fr", True)  # not the English draft
    assert pick(corpus, "ecosoc-2001-7", "en") == (corpus.get("ecosoc-2001-7", "en"), False)


def test_every_output_gives_the_spanish_reader_the_same_version(corpus):
    page = next(p for p in Site(corpus, "es").pages() if p.document is not None and p.document.id == "ecosoc-2001-7")
    assert page.fallback and page.document.lang == "fr"
    html = page.html()
    assert 'lang="fr"' in html and "Décide" in html and "Decides" not in html
    entry = next(e for e in book(corpus, "es").entries() if e.id == "ecosoc-2001-7")
    assert entry.doc.lang == "fr" and entry.fallback
    assert citation_index(corpus).document("ecosoc-2001-7", "es").lang == "fr"
    assert set(alternates(corpus, "ecosoc-2001-7")) == {"fr", "en"}  # the sitemap's hreflang alternates


def test_the_english_draft_links_its_outdated_marks_to_the_french_source(corpus):
    site = Site(corpus, "en")
    state = site.state_of(corpus.get("ecosoc-2001-7", "en"))
    assert state is not None and state.source_language == "fr"


def test_a_record_without_text_is_shown_in_the_readers_language(corpus):
    assert pick(corpus, "record-only", "fr") == (corpus.get("record-only", "fr"), False)
    doc, fallback = pick(corpus, "record-only", "es")
    assert fallback and doc.lang == "en"
    assert not has_text_in(corpus, "record-only", "fr")  # a record has no text, in any language


def test_the_french_fallback_on_the_spanish_site_is_searchable_and_labelled_french(corpus):
    page = next(p for p in Site(corpus, "es").pages() if p.document is not None and p.document.id == "ecosoc-2001-7")
    assert page.fallback
    html = page.html()
    assert 'data-pagefind-meta="language[data-value]" data-value="Français"' in html
    assert 'data-pagefind-meta="text_lang[data-value]" data-value="fr"' in html
