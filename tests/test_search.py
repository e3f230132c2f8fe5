"""Each language's site gets its own Pagefind index: titles, texts, fallback texts labelled with their language,
cluster and index pages, filters; every place a result lands exists (the browser side: tests/test_browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compendium.languages import known_languages
from compendium.search import OUTPUT, fragments

from helpers import run, write

ROOT = Path(__file__).resolve().parents[1]
CONFIG = str(ROOT / "mkdocs.yml")

EN = """---
id: ecosoc-2001-7
kind: resolution
title: Prevention of crime in urban areas
adopted_by: {body: ecosoc, resolution: 2001/7}
completeness: complete
---

1. *Decides* that the treatment of prisoners is reviewed.

2. *Invites* Member States to cooperate.
"""
FR = EN.replace("Prevention of crime in urban areas", "Prévention du crime dans les zones urbaines").replace(
    "1. *Decides* that the treatment of prisoners is reviewed.", "1. *Décide* que le traitement des détenus est revu.").replace(
    "2. *Invites* Member States to cooperate.", "2. *Invite* les États Membres à coopérer.") + ""
INSTRUMENT = """---
id: tokyo-rules
kind: rules
title: United Nations Standard Minimum Rules for Non-custodial Measures
cluster: custody
completeness: complete
---

1. Non-custodial measures are applied without discrimination.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search")
    content = root / "content"
    write(content, "resolutions/ecosoc-2001-7/en.md", EN)
    write(content, "resolutions/ecosoc-2001-7/fr.md", FR.replace("completeness: complete", "completeness: complete\n"
                                                                   "translation: {status: official}"))
    write(content, "instruments/tokyo-rules/en.md", INSTRUMENT)
    code, out = run("build", "--content", str(content), "--site-dir", str(root / "site"), "--config", CONFIG, "--no-pdf")
    assert code == 0, out
    return root / "site"


def pages(site: Path, lang: str) -> dict[str, dict]:
    return {record["url"]: record for record in fragments(site / lang).values()}


def test_every_language_has_its_own_index(site):
    for lang in known_languages():
        entry = (site / lang / OUTPUT / "pagefind-entry.json").read_text(encoding="utf-8")
        assert f'"{lang}"' in entry, (lang, entry)  # indexed as the site's language
        assert (site / lang / OUTPUT / "pagefind.js").is_file()
        assert len(pages(site, lang)) >= 8, lang  # documents, clusters, indexes, home
    assert not list(site.glob("*/search/index.json"))  # the old home-made index is gone


def test_documents_clusters_and_indexes_are_indexed_in_the_interface_language(site):
    zh = pages(site, "zh")
    assert "/clusters/prevention/" in zh and "犯罪" in zh["/clusters/prevention/"]["meta"]["title"]
    assert "/indexes/years/" in zh and "/" in zh
    fr = pages(site, "fr")
    doc = fr["/resolutions/ecosoc-2001-7/"]
    assert "détenus" in doc["content"] and "language" not in doc["meta"]  # the French text, the site's own
    assert doc["filters"] == {"kind": ["Résolutions"], "body": ["Conseil économique et social"], "year": ["2001"]}
    assert fr["/instruments/tokyo-rules/"]["filters"]["cluster"] == [
        "Personnes détenues, sanctions non privatives de liberté, justice pour mineurs et justice réparatrice"]


def test_a_fallback_text_is_indexed_and_labelled_with_its_language(site):
    es = pages(site, "es")["/instruments/tokyo-rules/"]
    assert "Non-custodial measures are applied" in es["content"]
    assert es["meta"]["language"] == "English" and es["meta"]["text_lang"] == "en"
    assert es["filters"]["kind"] == ["Instrumentos"]  # the filters stay in the reader's language


def test_results_can_land_on_each_paragraph(site):
    doc = pages(site, "en")["/resolutions/ecosoc-2001-7/"]
    ids = {a["id"] for a in doc["anchors"]}
    assert {"para-1", "para-2"} <= ids
    # The theme's navigation is not indexed: the page's text starts with its title.
    assert doc["content"].startswith("Prevention of crime in urban areas")


def test_check_links_checks_where_search_results_land(site):
    code, out = run("check-links", "--site-dir", str(site))
    assert code == 0, out
    page = site / "en" / "resolutions" / "ecosoc-2001-7" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="para-2"', 'id="para-x"'), encoding="utf-8")
    code, out = run("check-links", "--site-dir", str(site))
    assert code == 1 and "pagefind/fragment" in out and "para-2" in out, out


def test_the_facts_read_as_words_in_the_index(site):
    # The facts panel's labels and values are separate words in search excerpts ("Adopted by Economic and Social
    # Council, resolution 2001/7 Status in force"), not run together ("Adopted byEconomic", "2001/7Status").
    doc = pages(site, "en")["/resolutions/ecosoc-2001-7/"]
    assert "Adopted by Economic and Social Council, resolution 2001/7 Status" in doc["content"], doc["content"][:300]
