"""Readers see a draft as a draft and an outdated paragraph as outdated, with the current source a click away."""

from __future__ import annotations

from compendium.translating import CatalogStatus, TranslationState
from pathlib import Path

from compendium.addresses import WebLinks
from compendium.model import Document, Unit
from compendium.render import Renderer
from compendium.translation_view import banner, status_matrix


def _(s: str) -> str:
    return s


def state(status="translated", outdated=(), recorded=None) -> TranslationState:
    return TranslationState("ecosoc-2000-1", "resolutions", "fr", "en", status, recorded_status=recorded or status,
                            outdated_units=list(outdated))


def translation(outdated=frozenset(), source_language="en") -> str:
    doc = Document("ecosoc-2000-1", "resolutions", "fr", Path("fr.md"), {"title": "T", "completeness": "complete"}, [
        Unit("para-1", "paragraph", "1", "Un."),
        Unit("article-2", "article", "2", "x", heading="Article 2"),
        Unit("para-10", "paragraph", "10", "Dix."),
    ])
    links = WebLinks("fr", doc.ref.page("fr"))
    return str(Renderer(doc, "fr", links=links, outdated=frozenset(outdated), source_language=source_language).body())


def test_outdated_paragraph_and_heading_are_marked_with_a_link_to_the_source():
    out = translation({"para-1", "article-2"})
    assert '<div class="cmp-unit cmp-paragraph cmp-outdated" id="para-1"><p class="cmp-outdated-note">' in out
    assert 'href="../../../en/resolutions/ecosoc-2000-1/#para-1"' in out
    assert '<h3 class="cmp-heading cmp-outdated" id="article-2">Article 2' in out
    assert '</h3><p class="cmp-outdated-note">' in out
    assert 'id="para-10"' in out and 'cmp-outdated" id="para-10"' not in out  # para-1 is not para-10
    assert out.count("cmp-outdated-note") == 2


def test_the_link_goes_to_the_documents_own_source_language():
    out = translation({"para-1"}, source_language="es")
    assert 'href="../../../es/resolutions/ecosoc-2000-1/#para-1" hreflang="es"' in out


def test_a_current_translation_is_left_alone():
    assert "cmp-outdated" not in translation()
    assert banner(state("reviewed"), _) == ""


def test_draft_and_outdated_banners():
    assert "Draft translation" in banner(state("draft"), _)
    assert "outdated" in banner(state("outdated", ["para-1"]), _)


def test_status_matrix_has_a_cell_per_document_and_language():
    states = [state("outdated", ["para-1"]), TranslationState("ecosoc-2000-1", "resolutions", "en", "en", "source")]
    html = status_matrix(states, [CatalogStatus("fr", "incomplete", 10, 3, 1)], ["en", "fr"],
                         {"ecosoc-2000-1": "A test"}, _, WebLinks("en", "en/status/").document)
    assert 'href="../resolutions/ecosoc-2000-1/">A test</a>' in html
    assert "cmp-state-outdated" in html and "(1)" in html and "cmp-state-source" in html
    assert "6 of 10 strings" in html
