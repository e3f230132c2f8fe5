"""A language's words live in its data file (compendium/languages/<code>.yml): the six load, a further
language brings its months, unit labels and citation wording with no code change, a language without
citation wording is reported by validate, and a malformed file is an error naming its file and line.

The Portuguese words below exist only in this test's temporary data file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dataclasses import replace

from compendium import languages, settings
from compendium.citations import check_citations, find_mentions, parse_place
from compendium.citations.patterns import Language, language, title_prefixes
from compendium.citations.places import place_regexes
from compendium.citations.titles import variants
from compendium.diagnostics import Report
from compendium.importer.classify import classify
from compendium.importer.dates import iso_date
from compendium.importer.paragraphs import Para
from compendium.labels import parse_label
from compendium.language_data import LanguageDataError, clear_caches, data_file, language_data, languages_file
from compendium.loader import load

ROOT = Path(__file__).resolve().parents[1]
SIX = ("ar", "zh", "en", "fr", "ru", "es")

PT_WORDS = """\
title_prefix: "Nações Unidas "
months: [janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro]
labels:
  article: [Artigo]
  rule: [Regra]
preamble: [preâmbulo]
"""
PT_CITATIONS = r"""
citations:
  head: |-
    (?P<its>[Ss]uas?\s+)?(?P<word>[Rr]esoluç(?:ão|ões))\s+
  post_bodies: |
    ecosoc  \s+do\s+Conselho\s+Económico\s+e\s+Social
    ga      \s+da\s+Assembleia\s+Geral
  post_link: |-
    do|da
  date: |-
    (?:\s*,)?\s+de\s+\d{1,2}\s+de\s+[a-zç]+\s+de\s+\d{4}
  sep: |-
    \s*,\s*(?:e\s+)?|\s+e\s+
  antecedent: |-
    (?P<body>{bodies})\s*,?\s*na\s+$
  antecedent_bodies: |
    ga      Assembleia
  annex: |-
    [Aa]nexo(?:\s+(?P<n>[IVXLC]+|\d+)\b)?
  section: |-
    [Ss]ecç(?:ão|ões)\s+(?P<n>[IVXLC]+)\b
  paragraph: |-
    [Pp]arágrafos?\s+(?P<n>\d+)(?P<items>{items})
  item: |-
    [Aa]línea\s+\(?(?P<i>[a-z]{1,5})\)
  headed: |
    article  [Aa]rtigos?
  place_sep: |-
    \s*,\s*
  lead: |-
    \s+da\s+$
  trail: |-
    \s*,\s*
  keywords: [resolu]
"""
PT_DOC = """---
id: ecosoc-2000-1
kind: resolution
title: Uma resolução escrita para este teste
completeness: complete
---

*Recordando* a resolução 1993/34 do Conselho Económico e Social,

1. Decide uma coisa.
"""


@pytest.fixture
def edition(tmp_path, monkeypatch):
    """make(pt_data, **entry): a languages file with Portuguese added, and its data file if given."""

    def make(pt_data: str | None, **entry) -> Path:
        config = yaml.safe_load((ROOT / "compendium" / "languages.yml").read_text(encoding="utf-8"))
        config["languages"]["pt"] = {"name": "Português", "dir": "ltr", "locale": "pt", "theme": "pt",
                                     "stemmer": "portuguese", **entry}
        path = tmp_path / "languages.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        if pt_data is not None:
            target = tmp_path / entry.get("data", "languages/pt.yml")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(pt_data, encoding="utf-8")
        previous = settings.use(replace(settings.current(), languages=path))
        restore.append(previous)
        assert languages_file() == path
        return tmp_path

    restore: list = []
    yield make
    if restore:
        settings.use(restore[0])
    clear_caches()


def _corpus(root: Path):
    content = root / "content" / "resolutions" / "ecosoc-2000-1"
    content.mkdir(parents=True)
    (content / "pt.md").write_text(PT_DOC, encoding="utf-8")
    report = Report()
    corpus = load(root / "content", report)
    assert [d.lang for d in corpus.documents] == ["pt"], [d.format() for d in report.sorted()]
    return corpus


# -- the six ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", SIX)
def test_each_of_the_six_data_files_loads(lang):
    data = language_data(lang)
    assert data_file(lang) == ROOT / "compendium" / "languages" / f"{lang}.yml"
    assert isinstance(language(lang), Language)
    assert data["title_prefix"] in title_prefixes()
    assert len(data["months"]) == 12 if lang != "zh" else "date_pattern" in data
    assert data.get("labels") or data.get("labels_joined")


def test_the_six_keep_reading_dates_labels_and_mentions():
    assert iso_date("27 июля 1993 года") == "1993-07-27"
    assert iso_date("1993年7月27日") == "1993-07-27"
    assert parse_label("第十二条 目的") == ("article", 12, "目的")
    assert parse_label("Article premier") == ("article", 1, "")
    assert parse_label("المادة ١٢") == ("article", 12, "")
    [m] = find_mentions("صادقت على القرار ١٩٩٣/٣٤", "ar")
    assert m.number == "1993/34"


def test_a_language_with_no_data_has_only_its_symbols_found():
    assert language("xx") is None
    found = find_mentions("resolution 1993/34 and E/CN.15/1994/6", "xx")
    assert [(m.kind, m.symbol) for m in found] == [("symbol", "E/CN.15/1994/6")]
    assert place_regexes("xx")[1].search("section VI of ") is None
    assert parse_place("section VI", "xx") is None


# -- a further language --------------------------------------------------------------------------------
def test_a_further_language_brings_its_months_labels_and_citations(edition):
    edition(PT_WORDS + PT_CITATIONS)
    assert iso_date("27 de julho de 1993") == "1993-07-27"
    assert iso_date("3 de março de 2000") == "2000-03-03"
    assert parse_label("Artigo 5 Âmbito") == ("article", 5, "Âmbito")
    assert parse_label("Regra 2") == ("rule", 2, "")
    assert classify(Para(1, "Preâmbulo", 1)).kind == "heading"
    [m] = find_mentions("Recordando a resolução 1993/34 do Conselho Económico e Social, secção III,", "pt")
    assert (m.number, m.body, m.body_source, m.body_words) == ("1993/34", "ecosoc", "stated", "Conselho Económico e Social")
    assert m.place is not None and m.place.section == "III"
    assert ("Regras de teste para este caso", False) in variants("Nações Unidas Regras de teste para este caso", None)
    # the six still read their shipped data files, which the temporary folder does not hold
    assert [m.number for m in find_mentions("its resolution 1992/22, section VI", "en", "ecosoc")] == ["1992/22"]
    assert iso_date("27 July 1993") == "1993-07-27"


def test_a_data_file_named_in_the_languages_file(edition):
    edition(PT_WORDS, data="national/portugues.yml")
    assert data_file("pt").name == "portugues.yml"
    assert iso_date("1 de janeiro de 2001") == "2001-01-01"


def test_a_language_without_citation_wording_is_reported_once(edition):
    root = edition(PT_WORDS)
    corpus = _corpus(root)
    report = Report()
    check_citations(corpus, report)
    messages = [d.format() for d in report.warnings]
    path = root / "content" / "resolutions" / "ecosoc-2000-1" / "pt.md"
    assert messages == [f"{path}:1:1: warning: no citation wording for language 'pt': resolution mentions and cited "
                        "places in its texts are not linked (add citations: to languages/pt.yml)"]


def test_a_language_without_a_data_file_is_reported_too(edition):
    root = edition(None)
    report = Report()
    check_citations(_corpus(root), report)
    assert len(report.warnings) == 1
    assert "no citation wording for language 'pt'" in report.warnings[0].message
    assert report.warnings[0].hint == "add citations: to languages/pt.yml (beside languages.yml)"


def test_a_language_with_citation_wording_is_not_reported(edition):
    root = edition(PT_WORDS + PT_CITATIONS)
    report = Report()
    check_citations(_corpus(root), report)
    assert not any("citation wording" in d.message for d in report.items)


# -- malformed files -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, line, words", [
    ("months: [janeiro, fevereiro\nlabels: {}\n", 2, "expected ',' or ']'"),
    ("title_prefix: x\nmonts: [janeiro]\n", 2, "unknown key 'monts'"),
    ("months: [janeiro, fevereiro]\n", 1, "twelve month names"),
    ("title_prefix: x\nopen_words: [de, on]\n", 2, "'open_words' must be a list of words"),  # YAML reads on as true
    ("labels:\n  article: [Artigo]\n  chapter: [Capítulo]\n", 3, "unknown unit kind 'chapter'"),
    (PT_CITATIONS.replace("ga      \\s+da\\s+Assembleia\\s+Geral", "ga      \\s+da\\s+(Assembleia"), 7,
     "not a valid regular expression"),
    (PT_CITATIONS.replace("ga      Assembleia", "gx      Assembleia"), 17, "each line of 'antecedent_bodies'"),
    (PT_CITATIONS.replace("  sep: |-\n    \\s*,\\s*(?:e\\s+)?|\\s+e\\s+\n", ""), 2, "'citations' lacks sep"),
])
def test_a_malformed_data_file_names_its_file_and_line(edition, text, line, words):
    root = edition(text)
    with pytest.raises(LanguageDataError) as caught:
        language_data("pt")
    message = caught.value.message
    assert message.startswith(f"{root / 'languages' / 'pt.yml'}:{line}:"), message
    assert words in message


def test_validate_shows_a_malformed_data_file_without_a_traceback(edition):
    root = edition("months: [janeiro\n")
    _folder = root / "content" / "resolutions" / "ecosoc-2000-1"
    _folder.mkdir(parents=True)
    (_folder / "pt.md").write_text(PT_DOC, encoding="utf-8")
    env = dict(os.environ, COMPENDIUM_LANGUAGES=str(root / "languages.yml"))
    result = subprocess.run([sys.executable, "-m", "compendium.cli", "validate", "--content", str(root / "content")],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert f"{root / 'languages' / 'pt.yml'}:2:" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr[-2000:]


def test_the_shipped_data_files_are_package_data():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"languages/*.yml"' in text
    assert sorted(p.stem for p in (ROOT / "compendium" / "languages").glob("*.yml")) == sorted(SIX)
