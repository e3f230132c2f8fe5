"""Citations on the real texts, in six languages: the resolutions' references to the Rules link to them in
every language, the instruments' titles in each language are the UN's own wording, and the Nelson Mandela
Rules' references to their own rules and paragraphs are linked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compendium.citations import citation_index
from compendium.citations.internal import references
from compendium.diagnostics import Report
from compendium.loader import load
from compendium.render import Renderer
from helpers import write

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "fr", "es", "ru", "ar", "zh")


@pytest.fixture(scope="module")
def corpus():
    report = Report()
    corpus = load(ROOT / "content", report)
    assert not report.errors
    return corpus


@pytest.fixture(scope="module")
def links(corpus):
    """(citing language, cited document) -> how many resolved mentions link to it."""
    index = citation_index(corpus)
    counts: dict[tuple[str, str], int] = {}
    for doc in corpus.documents:
        for _unit, found in index.citations(doc):
            if found.target is not None:
                counts[(doc.lang, found.doc_id)] = counts.get((doc.lang, found.doc_id), 0) + 1
    return counts


@pytest.mark.parametrize("lang", LANGS)
def test_the_resolutions_link_the_rules_in_every_language(links, lang):
    # 28 resolutions cite the Nelson Mandela Rules, 19 the Tokyo Rules, 27 the Bangkok Rules (in English; Russian
    # mentions are found in any case: its data's title_inflection).
    for doc_id, at_least in (("nelson-mandela-rules", 28), ("tokyo-rules", 19), ("bangkok-rules", 27)):
        assert links.get((lang, doc_id), 0) >= at_least, (lang, doc_id, links.get((lang, doc_id), 0))
    assert links.get((lang, "kyoto-model-strategies"), 0) >= 1


def test_an_instruments_title_in_each_language_is_quoted_from_the_un_text_it_names(corpus):
    """A record in another language gives its title and short title as a resolution of the compendium writes
    them: the document and paragraph named in its `source` hold both, word for word."""
    quoted = re.compile(r"\(([a-z0-9-]+), ([a-z0-9-]+)\)$")
    checked = 0
    for doc in corpus.documents:
        if doc.collection != "instruments" or doc.lang == "en" or doc.has_text:
            continue
        m = quoted.search(doc.meta.source or "")
        assert m, (doc.path, doc.meta.source)
        cited = corpus.get(m.group(1), doc.lang)
        unit = next(u for u in cited.walk() if u.id == m.group(2))
        text = re.sub(r"\s+", " ", unit.text.replace("\u00a0", " "))
        assert doc.title in text and doc.meta.short_title in text, doc.path
        checked += 1
    assert checked >= 15  # three Rules, five languages


def test_the_mandela_rules_link_their_own_rules_and_paragraphs(corpus):
    doc = corpus.get("nelson-mandela-rules", "en")
    html = str(Renderer(doc, "en", citations=citation_index(corpus)).body())
    own = dict((text, href) for href, text in re.findall(r'<a class="cmp-cite" href="#([^"]+)">([^<]+)</a>', html))
    ids = {u.id for u in doc.walk()}
    assert own["rules 7"] == "rule-7" and own["8"] == "rule-8"
    assert own["paragraph 2 of rule 47"] == "rule-47-para-2"
    assert own["paragraphs 1"] == "rule-71-para-1" and own["2 of rule 71"] == "rule-71-para-2"
    assert set(own.values()) <= ids
    # "paragraph 1 of this rule" in rule 35 is rule 35's paragraph 1
    assert 'href="#rule-35-para-1">paragraph 1 of this rule<' in html
    # a rule's own heading is no link to itself; a rule of another instrument is none to this one
    assert '>Rule 43</a>' not in html
    assert 'class="cmp-cite" href="#rule-67"' not in html
    assert len(re.findall(r'class="cmp-cite" href="#rule-', html)) >= 17


def test_references_to_own_units_exist_or_stay_text(tmp_path):
    write(tmp_path, "instruments/test-rules/en.md",
          "---\nid: test-rules\nkind: rules\ntitle: Rules written for this test\ncluster: custody\n"
          "completeness: complete\n---\n\n### Rule 1\n\n1. A first paragraph.\n\n2. As paragraph 1 of this rule says, "
          "and rule 2 and rule 9 and rule 3 of the Other Rules.\n\n### Rule 2\n\nRules 1 to 2 apply.\n")
    report = Report()
    doc = load(tmp_path, report).get("test-rules", "en")
    assert not report.errors
    rule1 = next(u for u in doc.units if u.id == "rule-1")
    text = "As paragraph 1 of this rule says, and rule 2 and rule 9 and rule 3 of the Other Rules."
    found = [(text[s:e], unit) for s, e, unit in references(text, doc, "en", rule1)]
    assert found == [("paragraph 1 of this rule", "rule-1-para-1"), ("rule 2", "rule-2")]  # no rule 9; rule 3 is theirs
    assert references("Rule 1", doc, "en", rule1) == []  # its own heading
    assert references("See rule 2.", doc, "fr") == []  # no French wording for it: nothing guessed
