"""The citation a reader copies, in each of the six languages (compendium/cite.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compendium.cite import citation, cite_box, permanent_link
from compendium.i18n import gettext_for
from compendium.model import Document, Unit
from compendium.render import Renderer


def resolution() -> Document:
    meta = {"id": "ecosoc-1993-34", "kind": "resolution", "title": "Crime prevention", "completeness": "complete",
            "adopted_by": {"body": "ecosoc", "resolution": "1993/34", "date": "1993-07-27"}}
    unit = Unit(id="sec-III-para-7-c", kind="item", number="c", text="Something.")
    return Document("ecosoc-1993-34", "resolutions", "en", Path("x"), meta, [unit])


def rules(title: str) -> Document:
    meta = {"id": "mandela-rules", "kind": "rules", "title": "Standard Minimum Rules", "short_title": title,
            "completeness": "complete"}
    return Document("mandela-rules", "instruments", "en", Path("x"), meta, [])


RESOLUTION = {
    "en": "Economic and Social Council resolution 1993/34, sect. III, para. 7 (c)",
    "fr": "résolution 1993/34 du Conseil économique et social, sect. III, par. 7 (c)",
    "es": "resolución 1993/34 del Consejo Económico y Social, secc. III, párr. 7 (c)",
    "ru": "резолюция 1993/34 Экономического и Социального Совета, разд. III, п. 7 (c)",
    "ar": "قرار المجلس الاقتصادي والاجتماعي 1993/34، الفرع III، الفقرة 7 (c)",
    "zh": "经济及社会理事会第1993/34号决议，第III节，第7段 (c)",
}

RULE = {  # the Rules' short title as each language's texts write it
    "en": ("Nelson Mandela Rules", "Nelson Mandela Rules, rule 43, para. 1 (a)"),
    "fr": ("Règles Nelson Mandela", "Règles Nelson Mandela, règle 43, par. 1 (a)"),
    "es": ("Reglas Nelson Mandela", "Reglas Nelson Mandela, regla 43, párr. 1 (a)"),
    "ru": ("Правила Нельсона Манделы", "Правила Нельсона Манделы, правило 43, п. 1 (a)"),
    "ar": ("قواعد نيلسون مانديلا", "قواعد نيلسون مانديلا، القاعدة 43، الفقرة 1 (a)"),
    "zh": ("纳尔逊·曼德拉规则", "纳尔逊·曼德拉规则，规则43，第1段 (a)"),
}


@pytest.mark.parametrize("lang", sorted(RESOLUTION))
def test_a_resolution_paragraph_is_cited_in_un_style(lang):
    assert citation(resolution(), gettext_for(lang), "sec-III-para-7-c") == RESOLUTION[lang]


@pytest.mark.parametrize("lang", sorted(RULE))
def test_a_rule_paragraph_is_cited_in_un_style(lang):
    title, expected = RULE[lang]
    assert citation(rules(title), gettext_for(lang), "rule-43-para-1-a") == expected


def test_a_document_is_cited_by_its_body_and_number_or_its_short_title():
    assert citation(resolution(), gettext_for("fr")) == "résolution 1993/34 du Conseil économique et social"
    assert citation(rules("Nelson Mandela Rules"), gettext_for("en")) == "Nelson Mandela Rules"


def test_the_permanent_link_is_absolute_when_the_site_url_is_known():
    page = "fr/resolutions/ecosoc-1993-34/"
    assert permanent_link(page, "https://example.org/compendium/") == \
        "https://example.org/compendium/fr/resolutions/ecosoc-1993-34/"
    assert permanent_link(page, "") == "./"
    box = cite_box(resolution(), "fr", gettext_for("fr"), "")
    assert box.json_href == "index.json" and box.label_cite == "Citer"


def test_every_permalink_carries_its_escaped_citation():
    html = str(Renderer(resolution(), "fr").body())
    assert 'data-cite="résolution 1993/34 du Conseil économique et social, sect. III, par. 7 (c)"' in html
    doc = rules('Rules "<b>"')
    doc.units.append(Unit(id="rule-1", kind="rule", number="1", heading="Rule 1", text="x"))
    assert 'data-cite="Rules &quot;&lt;b&gt;&quot;, rule 1"' in str(Renderer(doc, "en").body())
