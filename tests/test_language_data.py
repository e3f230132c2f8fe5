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
    ("title_prefix: x\nmonths_written: [janeiro, [fevereiro]]\n", 2, "'months_written' must list the twelve"),
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


# -- meetings: "43rd plenary meeting" -------------------------------------------------------------------
from compendium.body import ADOPTION  # noqa: E402
from compendium.language_data import meeting_words, parse_meeting, read_meeting  # noqa: E402
from compendium.model import Adoption, Meeting  # noqa: E402
from compendium.render import Renderer  # noqa: E402


@pytest.mark.parametrize("line, lang, number, resumed", [
    ("*43rd plenary meeting*", "en", 43, False), ("55th (resumed) plenary meeting", "en", 55, True),
    ("43<sup>e</sup> séance plénière", "fr", 43, False), ("43ᵉ séance plénière", "fr", 43, False),
    ("43e séance plénière", "fr", 43, False), ("1re séance plénière", "fr", 1, False),
    ("55e séance plénière (reprise)", "fr", 55, True),
    ("43ª sesión plenaria", "es", 43, False), ("43a sesión plenaria", "es", 43, False),
    ("Primera sesión plenaria", "es", 1, False), ("55a sesión plenaria (continuación)", "es", 55, True),
    ("69\u2011е пленарное заседание", "ru", 69, False), ("13-e пленарное заседание", "ru", 13, False),
    ("55-е (возобновленное) пленарное заседание", "ru", 55, True),
    ("الجلسة العامة 69", "ar", 69, False), ("الجلسة العامة 55 (المستأنفة)", "ar", 55, True),
    ("第69次全体会议", "zh", 69, False), ("第55次全体会议(续会)", "zh", 55, True),
    ("2025年7月29日 第39次全体会议", "zh", 39, False),
])
def test_the_adoption_lines_of_the_six_are_read_from_their_data(line, lang, number, resumed):
    assert ADOPTION.match(line)
    assert read_meeting(line) == (lang, Meeting(number, resumed))


def test_a_line_that_is_no_meeting_is_not_an_adoption_line():
    assert not ADOPTION.match("*Recalling* its 43rd plenary meeting")
    assert parse_meeting("the 43rd plenary meeting of the Council") is None  # not the whole value
    assert parse_meeting("43rd plenary meeting") == Meeting(43)


@pytest.mark.parametrize("number, resumed, lang, expected", [
    (1, False, "en", "1st plenary meeting"), (2, False, "en", "2nd plenary meeting"),
    (3, False, "en", "3rd plenary meeting"), (4, False, "en", "4th plenary meeting"),
    (11, False, "en", "11th plenary meeting"), (12, False, "en", "12th plenary meeting"),
    (13, False, "en", "13th plenary meeting"), (21, False, "en", "21st plenary meeting"),
    (112, False, "en", "112th plenary meeting"), (55, True, "en", "55th (resumed) plenary meeting"),
    (1, False, "fr", "1<sup>re</sup> séance plénière"), (21, False, "fr", "21<sup>e</sup> séance plénière"),
    (55, True, "fr", "55<sup>e</sup> séance plénière (reprise)"),
    (69, False, "es", "69a sesión plenaria"), (69, False, "ru", "69\u2011е пленарное заседание"),
    (69, False, "ar", "الجلسة العامة 69"), (69, False, "zh", "第69次全体会议"), (55, True, "zh", "第55次全体会议(续会)"),
])
def test_each_language_writes_the_meeting_from_its_data(number, resumed, lang, expected):
    doc = load_doc_stub(lang)
    entry = Adoption(meeting="written as the source has it", plenary=Meeting(number, resumed))
    assert str(Renderer(doc, lang).meeting(entry)) == expected


def test_a_meeting_no_language_writes_stays_as_written_and_a_language_without_words_keeps_it():
    doc = load_doc_stub("en")
    # as written, marked with the language of the file that writes it (isolated in a page of another direction)
    assert str(Renderer(doc, "en").meeting(Adoption(meeting="Fifth session"))) == '<bdi lang="en" dir="ltr">Fifth session</bdi>'
    assert meeting_words("xx", Meeting(4)) is None


def load_doc_stub(lang: str):
    from compendium.model import Document

    return Document("ecosoc-2000-1", "resolutions", lang, Path(f"{lang}.md"), {"title": "T"})


def test_a_further_languages_adoption_line_is_recognised(edition):
    edition(PT_WORDS + "meeting:\n  read: '(?P<n>\\d+)\\.?\\s*[ªa]\\s+sessão\\s+plenária'\n  write: '{n} sessão plenária'\n"
            "  ordinal: {'': '.ª'}\n")
    assert read_meeting("*43.ª sessão plenária*") == ("pt", Meeting(43))
    assert meeting_words("pt", Meeting(43)) == ("", "43", ".ª", False, " sessão plenária")
    assert read_meeting("43rd plenary meeting") == ("en", Meeting(43))  # the six still read theirs


def test_a_malformed_meeting_is_an_error_naming_its_line(edition):
    with pytest.raises(LanguageDataError, match=r"pt\.yml:9: error: 'write' must hold \{n\}"):
        edition(PT_WORDS + "meeting:\n  read: '(?P<n>\\d+) sessão'\n  write: 'sessão plenária'\n")
        language_data("pt")
