"""Readers see a draft as a draft and an outdated paragraph as outdated, with the current source a click away."""

from __future__ import annotations

from compendium.translating import CatalogStatus, TranslationState
from compendium.translation_view import banner, mark_outdated, status_matrix


def _(s: str) -> str:
    return s


def state(status="translated", outdated=(), recorded=None) -> TranslationState:
    return TranslationState("ecosoc-2000-1", "resolutions", "fr", "en", status, recorded_status=recorded or status,
                            outdated_units=list(outdated))


PAGE = ('<div class="cmp-unit cmp-paragraph" id="para-1"><span class="cmp-num">1.</span></div>'
        '<section class="cmp-article"><h3 class="cmp-heading" id="article-2">Article 2</h3><p>x</p></section>'
        '<div class="cmp-unit cmp-paragraph" id="para-10"></div>')


def test_outdated_paragraph_and_heading_are_marked_with_a_link_to_the_source():
    out = mark_outdated(PAGE, state("outdated", ["para-1", "article-2"]), "../../../en/resolutions/ecosoc-2000-1/", _)
    assert '<div class="cmp-unit cmp-paragraph cmp-outdated" id="para-1"><p class="cmp-outdated-note">' in out
    assert 'href="../../../en/resolutions/ecosoc-2000-1/#para-1"' in out
    assert '<h3 class="cmp-heading cmp-outdated" id="article-2">Article 2</h3><p class="cmp-outdated-note">' in out
    assert 'id="para-10"' in out and 'cmp-outdated" id="para-10"' not in out  # para-1 is not para-10
    assert out.count("cmp-outdated-note") == 2


def test_a_current_translation_is_left_alone():
    assert mark_outdated(PAGE, state("reviewed"), "x/", _) == PAGE
    assert banner(state("reviewed"), _) == ""


def test_draft_and_outdated_banners():
    assert "Draft translation" in banner(state("draft"), _)
    assert "outdated" in banner(state("outdated", ["para-1"]), _)


def test_status_matrix_has_a_cell_per_document_and_language():
    states = [state("outdated", ["para-1"]), TranslationState("ecosoc-2000-1", "resolutions", "en", "en", "source")]
    html = status_matrix(states, [CatalogStatus("fr", "incomplete", 10, 3, 1)], ["en", "fr"],
                         {"ecosoc-2000-1": "A test"}, _)
    assert 'href="../resolutions/ecosoc-2000-1/">A test</a>' in html
    assert "cmp-state-outdated" in html and "(1)" in html and "cmp-state-source" in html
    assert "6 of 10 strings" in html
