"""Citations: mentions of resolutions, symbols and instruments found in six languages, resolved to pages of
the compendium or to undocs.org, linked in the HTML, checked by `validate`, and counted back ("Cited by")."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compendium.citations import (CitationIndex, Resolver, backlinks, citation_index, find_mentions, locate,
                                  parse_place, unit_label)
from compendium.citations.linking import link_html
from compendium.diagnostics import Report
from compendium.loader import load
from compendium.model import Corpus, Document
from compendium.render import Renderer

from helpers import run, write

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # ../shared beside the repository
REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"


def seed_text(name: str) -> str:
    if not (SEEDS / name).is_file():
        pytest.skip(f"the seed texts are not there ({SEEDS.name}/ lives in ../shared)")
    return (SEEDS / name).read_text(encoding="utf-8")


def one(text: str, lang: str = "en", own: str | None = "ecosoc"):
    found = [m for m in find_mentions(text, lang, own) if m.kind == "resolution"]
    assert len(found) == 1, found
    return found[0]


# -- finding mentions: English ---------------------------------------------------------------------
@pytest.mark.parametrize("text, number, body", [
    ("Recalling resolution 1993/34,", "1993/34", "ecosoc"),
    ("Bearing in mind General Assembly resolution 46/152 of 18 December 1991 on the creation", "46/152", "ga"),
    ("pursuant to Council resolution 1993/30 of 27 July 1993,", "1993/30", "ecosoc"),
    ("as recommended in Commission resolution 1/1 of 29 April 1992", "1/1", "commission"),
    ("Recalling resolution 1/2 of 29 April 1992 of the Commission on Crime Prevention and Criminal Justice", "1/2",
     "commission"),
    ("Welcoming Commission on Human Rights resolution 1992/31 of 28 February 1992", "1992/31", "other"),
    ("Recalling its resolution 155 C (VII) of 13 August 1948", "155 C (VII)", "ecosoc"),
])
def test_english_mentions_with_number_and_body(text, number, body):
    m = one(text)
    assert (m.number, m.body) == (number, body)
    assert text[m.start:m.end].endswith(m.number.split(" ")[0]) or m.number in text[m.start:m.end]


def test_its_resolution_is_the_citing_bodys_own():
    assert one("Recalling its resolution 1992/22", own="ecosoc").body == "ecosoc"
    assert one("Recalling its resolution 45/110", own="ga").body == "ga"
    # ... unless the sentence names another body just before
    m = one("Noting that the General Assembly, in its resolution 51/60, urged Member States", own="ecosoc")
    assert (m.body, m.body_source) == ("ga", "its")


def test_body_from_the_form_of_the_number_and_ambiguity():
    assert one("in accordance with resolution 1992/22;", own="ecosoc").body == "ecosoc"  # year/number: ECOSOC
    assert one("in accordance with resolution 45/110;", own="ga").body == "ga"
    assert one("in accordance with resolution 45/110;", own="ecosoc").body is None  # GA? the Commission? not said
    assert one("in accordance with resolution 45/110;", own=None).body is None


def test_a_list_gives_one_mention_per_number():
    text = "Recalling its resolutions 1986/11 of 21 May 1986, 1987/53 of 28 May 1987 and 1988/44 of 27 May 1988, on"
    found = find_mentions(text, "en", "ecosoc")
    assert [m.number for m in found] == ["1986/11", "1987/53", "1988/44"]
    assert {m.body for m in found} == {"ecosoc"}
    assert [text[m.start:m.end] for m in found] == ["its resolutions 1986/11", "1987/53", "1988/44"]


def test_a_list_stops_at_the_next_body():
    text = "Implementation of General Assembly resolutions 46/152 and 47/91 and Economic and Social Council resolution 1992/22"
    assert [(m.number, m.body) for m in find_mentions(text, "en")] == [
        ("46/152", "ga"), ("47/91", "ga"), ("1992/22", "ecosoc")]


def test_a_list_of_another_bodys_resolutions_takes_the_body_named_after_it():
    text = "resolutions 1 (XXXV), 4 (XXXV) and 11 (XXXV) of 15 April 1992 of the Commission on Narcotic Drugs"
    found = find_mentions(text, "en", "ecosoc")
    assert [(m.number, m.body) for m in found] == [("1 (XXXV)", "other"), ("4 (XXXV)", "other"), ("11 (XXXV)", "other")]


@pytest.mark.parametrize("text, described", [
    ("Recalling its resolution 1992/22, section VI,", "section VI"),
    ("Recalling section VI of its resolution 1992/22 of 30 July 1992,", "section VI"),
    ("its resolution 1993/34 of 27 July 1993, in particular section III, paragraph 7 (c), in which", "section III, paragraph 7 (c)"),
    ("paragraph 7 (c) of section III of its resolution 1993/34", "section III, paragraph 7 (c)"),
    ("resolution 1997/33, annex, paragraph 23", "annex, paragraph 23"),
    ("paragraph 5 of resolution 1993/34", "paragraph 5"),
    ("resolution 1993/34, section III, paragraph 8 (a) (ii)", "section III, paragraph 8 (a) (ii)"),
])
def test_cited_places(text, described):
    m = one(text)
    assert m.place is not None and m.place.describe() == described
    assert m.place_span is not None and "section" in text[slice(*m.place_span)] or "paragraph" in text[slice(*m.place_span)]


def test_no_place_where_none_is_given():
    assert one("Recalling its resolution 1990/21 of 24 May 1990 on the implementation").place is None
    assert one("in section III of the report and resolution 1993/34").place is None


def test_document_symbols():
    text = "report E/CN.15/1994/6. See A/CONF.169/16, E/RES/1993/34 and A/RES/70/175; also E/CN.15/2003/10 and Add.1."
    symbols = [m.symbol for m in find_mentions(text, "en") if m.kind == "symbol"]
    assert symbols == ["E/CN.15/1994/6", "A/CONF.169/16", "E/RES/1993/34", "A/RES/70/175", "E/CN.15/2003/10"]
    assert not [m for m in find_mentions(text, "en") if m.kind == "resolution"]  # 1993/34 inside a symbol is no mention


def test_numbers_that_are_not_resolutions():
    assert find_mentions("in 1993/94 the ratio was 3/4 and on 12/05/1999", "en", "ecosoc") == []
    assert find_mentions("paragraphs 32 to 35 of the annex to that resolution", "en", "ecosoc") == []


# -- six languages ------------------------------------------------------------------------------------
SIX = [
    # (lang, sentence, [(number, body)], place)
    ("fr", "Rappelant la résolution 1993/34 du Conseil économique et social, en date du 27 juillet 1993,",
     [("1993/34", "ecosoc")], None),
    ("fr", "Rappelant sa résolution 1992/22 du 30 juillet 1992, section VI,", [("1992/22", "ecosoc")], "section VI"),
    ("fr", "Rappelant la résolution 46/152 de l'Assemblée générale, en date du 18 décembre 1991,", [("46/152", "ga")], None),
    ("fr", "Rappelant ses résolutions 1986/11 du 21 mai 1986, 1987/53 du 28 mai 1987 et 1988/44,",
     [("1986/11", "ecosoc"), ("1987/53", "ecosoc"), ("1988/44", "ecosoc")], None),
    ("fr", "au paragraphe 7 c) de la section III de sa résolution 1993/34,", [("1993/34", "ecosoc")],
     "section III, paragraph 7 (c)"),
    ("fr", "comme recommandé dans la résolution 1/1 de la Commission,", [("1/1", "commission")], None),
    ("es", "Recordando la resolución 1993/34 del Consejo Económico y Social, de 27 de julio de 1993,",
     [("1993/34", "ecosoc")], None),
    ("es", "Recordando también su resolución 1992/22, sección VI,", [("1992/22", "ecosoc")], "section VI"),
    ("es", "Recordando sus resoluciones 1986/11, de 21 de mayo de 1986, 1987/53, de 28 de mayo de 1987, y 1988/44,",
     [("1986/11", "ecosoc"), ("1987/53", "ecosoc"), ("1988/44", "ecosoc")], None),
    ("es", "Teniendo presente la resolución 46/152 de la Asamblea General, de 18 de diciembre de 1991,", [("46/152", "ga")], None),
    ("es", "la resolución 1997/33, anexo, párrafo 23,", [("1997/33", "ecosoc")], "annex, paragraph 23"),
    ("ru", "ссылаясь на резолюцию 1993/34 Экономического и Социального Совета от 27 июля 1993 года,",
     [("1993/34", "ecosoc")], None),
    ("ru", "ссылаясь также на свою резолюцию 1992/22, раздел VI,", [("1992/22", "ecosoc")], "section VI"),
    ("ru", "учитывая резолюции Генеральной Ассамблеи 46/152 от 18 декабря 1991 года и 47/91,",
     [("46/152", "ga"), ("47/91", "ga")], None),
    ("ru", "в пункте 7 (c) раздела III своей резолюции 1993/34", [("1993/34", "ecosoc")], "section III, paragraph 7 (c)"),
    ("ru", "Резолюция 1/1 Комиссии", [("1/1", "commission")], None),
    ("zh", "回顾经济及社会理事会1993年7月27日第1993/34号决议，", [("1993/34", "ecosoc")], None),
    ("zh", "又回顾其第1992/22号决议第六节，", [("1992/22", "ecosoc")], "section VI"),
    ("zh", "铭记大会1991年12月18日第46/152号决议，", [("46/152", "ga")], None),
    ("zh", "回顾其第1986/11号、第1987/53号和第1988/44号决议，",
     [("1986/11", "ecosoc"), ("1987/53", "ecosoc"), ("1988/44", "ecosoc")], None),
    ("zh", "其第1993/34号决议第三节第7(c)段", [("1993/34", "ecosoc")], "section III, paragraph 7 (c)"),
    ("zh", "委员会第1/1号决议", [("1/1", "commission")], None),
    ("ar", "إذ يشير إلى قرار المجلس الاقتصادي والاجتماعي 1993/34 المؤرخ 27 تموز/يوليه 1993،", [("1993/34", "ecosoc")], None),
    ("ar", "وإذ يشير إلى قراره 1992/22، الفرع السادس،", [("1992/22", "ecosoc")], "section VI"),
    ("ar", "وإذ يضع في اعتباره قرار الجمعية العامة 46/152 المؤرخ 18 كانون الأول/ديسمبر 1991،", [("46/152", "ga")], None),
    ("ar", "وإذ يشير إلى قراراته 1986/11 و1987/53 و1988/44،",
     [("1986/11", "ecosoc"), ("1987/53", "ecosoc"), ("1988/44", "ecosoc")], None),
    ("ar", "الفقرة 7 (ج) من الفرع الثالث من قراره 1993/34", [("1993/34", "ecosoc")], "section III, paragraph 7 (c)"),
    ("ar", "وإذ يشير إلى القرار ١٩٩٣/٣٤،", [("1993/34", "ecosoc")], None),
    ("ar", "قرار اللجنة 1/1", [("1/1", "commission")], None),
]


@pytest.mark.parametrize("lang, text, expected, place", SIX)
def test_six_languages(lang, text, expected, place):
    found = [m for m in find_mentions(text, lang, "ecosoc") if m.kind == "resolution"]
    assert [(m.number, m.body) for m in found] == expected
    assert (found[0].place.describe() if found[0].place else None) == place if place else all(m.place is None for m in found)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Notant que l'Assemblée générale, dans sa résolution 51/60, a prié"),
    ("es", "Observando que la Asamblea General, en su resolución 51/60, instó"),
    ("ru", "отмечая, что Генеральная Ассамблея в своей резолюции 51/60 настоятельно призвала"),
    ("zh", "注意到大会在其第51/60号决议中敦促"),
    ("ar", "وإذ يلاحظ أن الجمعية العامة، في قرارها 51/60، حثت"),
])
def test_its_refers_to_the_body_named_before_it_in_every_language(lang, text):
    assert one(text, lang, "ecosoc").body == "ga"


# -- places in documents --------------------------------------------------------------------------------
RES_1993 = """---
id: ecosoc-1993-34
kind: resolution
title: Implementation of General Assembly resolutions 46/152 and 47/91
symbol: E/RES/1993/34
adopted_by: {body: ecosoc, resolution: 1993/34, date: '1993-07-27'}
completeness: partial
completeness_note: sections II, IV and V are not in this test text
---

*Bearing in mind* section VI of its resolution 1992/22 of 30 July 1992,

## I. REVIEW OF PRIORITY THEMES

1. *Reaffirms* the priority themes contained in Economic and Social Council resolution 1992/22, section VI;

2. *Invites* Member States, as recommended in Commission resolution 1/1 of 29 April 1992, to act;

## III. UNITED NATIONS STANDARDS AND NORMS

1. *Reaffirms* the importance of standards;

2. *Stresses* the need for cooperation;

3. *Requests* the Secretary-General:

(a) To assist Member States;

(b) To commence without delay a process of information-gathering;

4. *Requests* the Commission to discuss:

(a) The following standards:

(i) The Standard Minimum Rules for the Treatment of Prisoners;

(ii) The Code of Conduct for Law Enforcement Officials, together with the Basic Principles on the Use of Force and Firearms by Law Enforcement Officials;
"""

RES_1997 = """---
id: ecosoc-1997-33
kind: resolution
title: Elements of responsible crime prevention
completeness: complete
---

1. *Takes note* of the draft annexed to the present resolution.

## Annex

### I. THE CONCEPT

1. The prevention of crime.

2. New forms of crime.

### II. RESPONSIBLE CRIME PREVENTION

3. Conformity with international law.

4. The rule of law.
"""

RES_2003 = """---
id: ecosoc-2003-30
kind: resolution
title: United Nations standards and norms in crime prevention and criminal justice
completeness: complete
related: [ecosoc-1997-33]
---

*Recalling* its resolution 1993/34 of 27 July 1993, in particular section III, paragraph 3 (b), in which it requested
the Secretary-General to commence a process of information-gathering,

*Recalling also* its resolution 1993/34, section IV, paragraph 2, and Commission resolution 1/1,

*Noting* resolution 1997/33, annex, paragraph 4, and General Assembly resolution 70/175,

1. *Takes note* of the report E/CN.15/2003/10 and of the Nelson Mandela Rules, rule 43 of the Nelson Mandela Rules
and the [report](https://undocs.org/E/CN.15/2003/10) on resolution 46/1 of the Commission on Human Rights;
"""

MANDELA = """---
id: nelson-mandela-rules
kind: rules
title: United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules)
short_title: Nelson Mandela Rules
symbol: A/RES/70/175
adopted_by:
  - {body: ga, resolution: 70/175, date: '2015-12-17'}
cluster: custody
supersedes: standard-minimum-rules-treatment-prisoners-1955
completeness: none
---
"""

MANDELA_FR = """---
id: nelson-mandela-rules
kind: rules
title: Ensemble de règles minima des Nations Unies pour le traitement des détenus (Règles Nelson Mandela)
short_title: Règles Nelson Mandela
cluster: custody
completeness: none
translation: {status: draft}
---
"""

SMR_1955 = """---
id: standard-minimum-rules-treatment-prisoners-1955
kind: rules
title: Standard Minimum Rules for the Treatment of Prisoners
adopted_by:
  - {body: congress, date: '1955'}
  - {body: ecosoc, resolution: 663 C (XXIV), date: '1957-07-31'}
cluster: custody
status: superseded
completeness: none
---
"""

GA_70 = """---
id: ga-70-175
kind: resolution
title: United Nations Standard Minimum Rules for the Treatment of Prisoners
completeness: none
---
"""


def instrument(content: Path, doc_id: str, title: str, **extra) -> None:
    meta = "".join(f"{k}: {v}\n" for k, v in extra.items())
    write(content, f"instruments/{doc_id}/en.md",
          f"---\nid: {doc_id}\nkind: rules\ntitle: {title}\n{meta}cluster: custody\ncompleteness: none\n---\n")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root, "resolutions/ecosoc-1993-34/en.md", RES_1993)
    write(root, "resolutions/ecosoc-1997-33/en.md", RES_1997)
    write(root, "resolutions/ecosoc-2003-30/en.md", RES_2003)
    write(root, "instruments/nelson-mandela-rules/en.md", MANDELA)
    write(root, "instruments/nelson-mandela-rules/fr.md", MANDELA_FR)
    write(root, "instruments/standard-minimum-rules-treatment-prisoners-1955/en.md", SMR_1955)
    instrument(root, "code-of-conduct-law-enforcement-officials", "Code of Conduct for Law Enforcement Officials",
               symbol="A/RES/34/169")
    instrument(root, "basic-principles-use-force-firearms",
               "Basic Principles on the Use of Force and Firearms by Law Enforcement Officials")
    return root


@pytest.fixture
def corpus(content: Path) -> Corpus:
    report = Report()
    loaded = load(content, report)
    assert not report.errors, [d.format() for d in report.errors]
    return loaded


def doc(corpus: Corpus, doc_id: str, lang: str = "en") -> Document:
    found = corpus.get(doc_id, lang)
    assert found is not None
    return found


def test_places_find_units_where_numbering_restarts_and_where_it_runs_on(corpus):
    res_1993, res_1997 = doc(corpus, "ecosoc-1993-34"), doc(corpus, "ecosoc-1997-33")
    assert locate(res_1993, parse_place("section III, paragraph 3 (b)", "en")).id == "sec-III-para-3-b"
    assert locate(res_1993, parse_place("paragraph 4 (a) (ii) of section III", "en")).id == "sec-III-para-4-a-ii"
    assert locate(res_1993, parse_place("section I", "en")).id == "sec-I"
    assert locate(res_1997, parse_place("annex, paragraph 4", "en")).id == "annex-para-4"  # runs on through sections
    assert locate(res_1997, parse_place("annex, section II, paragraph 3", "en")).id == "annex-para-3"
    assert locate(res_1997, parse_place("paragraph 1", "en")).id == "para-1"  # the main text, not the annex
    with pytest.raises(Exception, match="more than one paragraph 1"):
        locate(res_1993, parse_place("paragraph 1", "en"))  # sections I and III both have one
    with pytest.raises(Exception, match="no section IV"):
        locate(res_1993, parse_place("section IV, paragraph 2", "en"))


# -- resolving -------------------------------------------------------------------------------------------
def resolve(corpus: Corpus, text: str, citing: str = "ecosoc-2003-30"):
    index = CitationIndex(corpus)
    return index.resolve(text, doc(corpus, citing))


def test_resolving_to_a_page_of_the_compendium_and_its_paragraph(corpus):
    (r,) = resolve(corpus, "its resolution 1993/34 of 27 July 1993, in particular section III, paragraph 3 (b),")
    assert r.href == "../../resolutions/ecosoc-1993-34/#sec-III-para-3-b" and r.problem is None
    (r,) = resolve(corpus, "resolution 1997/33, annex, paragraph 4")
    assert r.href == "../../resolutions/ecosoc-1997-33/#annex-para-4"


def test_resolving_by_symbol_and_by_adopting_resolution(corpus):
    (r,) = resolve(corpus, "General Assembly resolution 70/175")
    assert r.href == "../../instruments/nelson-mandela-rules/"  # the instrument GA 70/175 adopted
    (r,) = resolve(corpus, "See A/RES/70/175.")
    assert r.doc_id == "nelson-mandela-rules"
    (r,) = resolve(corpus, "E/RES/1993/34")
    assert r.href == "../../resolutions/ecosoc-1993-34/"
    (r,) = resolve(corpus, "Economic and Social Council resolution 663 C (XXIV)")
    assert r.doc_id == "standard-minimum-rules-treatment-prisoners-1955"  # no symbol, but adopted_by names it


def test_a_resolution_document_wins_over_the_instrument_it_adopted(corpus, content):
    write(content, "resolutions/ga-70-175/en.md", GA_70)
    (r,) = resolve(load(content, Report()), "General Assembly resolution 70/175")
    assert r.href == "../../resolutions/ga-70-175/"


def test_resolving_outside_the_compendium_to_undocs(corpus):
    hrefs = [r.href for r in resolve(corpus, "General Assembly resolution 46/152 and Council resolution 1993/30 and "
                                             "E/CN.15/1994/6 and A/CONF.169/16")]
    assert hrefs == ["https://undocs.org/A/RES/46/152", "https://undocs.org/E/RES/1993/30",
                     "https://undocs.org/E/CN.15/1994/6", "https://undocs.org/A/CONF.169/16"]


def test_unresolvable_mentions_stay_text_with_a_reason(corpus):
    for text, reason in [("Commission resolution 1/1", "no certain document symbol"),
                         ("Commission on Human Rights resolution 1992/31", "Commission on Human Rights"),
                         ("in accordance with resolution 46/1", "does not say which body"),
                         ("General Assembly resolution 1993/34", "not the form of a General Assembly")]:
        (r,) = resolve(corpus, text)
        assert r.href is None and reason in r.problem[0], (text, r.problem)


def test_a_missing_place_links_the_page_and_warns(corpus):
    (r,) = resolve(corpus, "resolution 1997/33, annex, paragraph 9")
    assert r.href == "../../resolutions/ecosoc-1997-33/"
    assert "annex, paragraph 9 is not in ecosoc-1997-33 (there is no paragraph 9)" in r.problem[0]
    # in a partial text the place may be in the missing part: the warning says so
    (r,) = resolve(corpus, "its resolution 1993/34, section IV, paragraph 2")
    assert r.href == "../../resolutions/ecosoc-1993-34/"
    assert "section IV, paragraph 2 is not in the partial text of ecosoc-1993-34" in r.problem[0]
    assert "missing part" in r.problem[1]


def test_a_place_in_a_catalogue_record_links_the_page_without_warning(corpus):
    (r,) = resolve(corpus, "General Assembly resolution 34/169, annex")
    assert r.href == "../../instruments/code-of-conduct-law-enforcement-officials/" and r.problem is None


def test_a_text_naming_itself_is_not_linked(corpus):
    (r,) = resolve(corpus, "resolution 2003/30", citing="ecosoc-2003-30")
    assert r.href is None and r.problem is None


# -- instruments by title ----------------------------------------------------------------------------------
def test_titles_longest_first_and_short_titles(corpus):
    index = CitationIndex(corpus)
    text = ("(ii) The Code of Conduct for Law Enforcement Officials, together with the Basic Principles on the Use "
            "of Force and Firearms by Law Enforcement Officials; the Nelson Mandela Rules replaced the Standard "
            "Minimum Rules for the Treatment of Prisoners")
    found = [(m.text, m.doc_id) for m in index.mentions(text, doc(corpus, "ecosoc-2003-30")) if m.kind == "title"]
    assert found == [("Code of Conduct for Law Enforcement Officials", "code-of-conduct-law-enforcement-officials"),
                     ("Basic Principles on the Use of Force and Firearms by Law Enforcement Officials",
                      "basic-principles-use-force-firearms"),
                     ("Nelson Mandela Rules", "nelson-mandela-rules"),
                     ("Standard Minimum Rules for the Treatment of Prisoners",
                      "standard-minimum-rules-treatment-prisoners-1955")]
    # The full title (the Mandela Rules) wins over the 1955 title it contains
    full = "the United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules)"
    assert [m.doc_id for m in index.mentions(full, doc(corpus, "ecosoc-2003-30"))] == ["nelson-mandela-rules"]


def test_titles_tolerate_whitespace_case_and_quotes_but_not_loose_words(corpus):
    index = CitationIndex(corpus)
    citing = doc(corpus, "ecosoc-2003-30")
    assert [m.doc_id for m in index.mentions("the code of conduct for  law\nenforcement officials", citing)] == [
        "code-of-conduct-law-enforcement-officials"]
    assert index.mentions("a code of conduct for officials of law enforcement", citing) == []


def test_titles_are_matched_only_in_their_own_language(corpus):
    index = CitationIndex(corpus)
    fr_doc = Document("x", "resolutions", "fr", Path("x"), {}, [])
    assert [m.doc_id for m in index.mentions("Rappelant les Règles Nelson Mandela", fr_doc)] == ["nelson-mandela-rules"]
    assert index.mentions("Rappelant les Nelson Mandela Rules", fr_doc) == []


def test_the_real_seed_1993_34_section_III_paragraph_8_a_names_five_instruments():
    """The seed's section III, paragraph 8 (a), against the instruments of content/ (their titles differ slightly:
    the Tokyo Rules' "(the Tokyo Rules)", capitalisation)."""
    real = load(REAL_CONTENT, Report())
    index = CitationIndex(real)
    text = seed_text("000_adebd26f7a7cd6ac.txt")
    start = text.index("(a) The role of the United Nations in promoting")
    passage = text[start:text.index("(b) The evaluation of the reporting system")]
    citing = Document("ecosoc-1993-34", "resolutions", "en", Path("x"), {}, [])
    named = [m.doc_id for m in index.mentions(passage, citing) if m.kind == "title"]
    assert named == ["standard-minimum-rules-treatment-prisoners-1955", "code-of-conduct-law-enforcement-officials",
                     "basic-principles-use-force-firearms", "declaration-justice-victims-crime-abuse-power",
                     "basic-principles-independence-judiciary"]
    seed_1997 = seed_text("002_a86cd01b8ee22dcf.txt")
    tokyo = seed_1997[seed_1997.index("4. *Requests* the Secretariat"):seed_1997.index("for submission to the")]
    assert "tokyo-rules" in [m.doc_id for m in index.mentions(tokyo, citing)]  # "(The Tokyo Rules)" vs "(the ...)"


# -- linking in HTML -----------------------------------------------------------------------------------------
class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.nested_links = 0
        self.links: list[tuple[dict, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and "a" in self.stack:
            self.nested_links += 1
        if tag == "a":
            self.links.append((dict(attrs), ""))
        if tag not in ("br",):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data):
        if self.links and "a" in self.stack:
            attrs, text = self.links[-1]
            self.links[-1] = (attrs, text + data)


def parse(fragment: str) -> _Nesting:
    parser = _Nesting()
    parser.feed(fragment)
    parser.close()
    assert not parser.stack
    return parser


def test_render_links_mentions_without_nesting_links_or_breaking_markup(corpus):
    citing = doc(corpus, "ecosoc-2003-30")
    r = Renderer(citing, citations=CitationIndex(corpus))
    out = r.inline("*Recalling* its resolution 1993/34, section III, paragraph 3 (b), [General Assembly resolution "
                   "46/152](https://example.org/x) & Council resolution 1993/30[^5] <code>E/RES/1/1</code>")
    tree = parse(out)
    assert tree.nested_links == 0
    links = {text: attrs["href"] for attrs, text in tree.links}
    # from one resolution's page to another's: the shortest relative URL
    assert links["its resolution 1993/34"] == "../ecosoc-1993-34/#sec-III-para-3-b"
    assert links["section III, paragraph 3 (b)"] == "../ecosoc-1993-34/#sec-III-para-3-b"
    assert links["General Assembly resolution 46/152"] == "https://example.org/x"  # the editor's own link kept
    assert links["Council resolution 1993/30"] == "https://undocs.org/E/RES/1993/30"
    assert "&amp;" in out and "<em>Recalling</em>" in out
    assert 'class="cmp-fnref' in out and "E/RES/1/1" not in {t for _a, t in tree.links}


def test_entities_are_kept_whole_and_text_without_mentions_is_untouched():
    calls = []

    def find(text):
        calls.append(text)
        return [(text.index("1993/34"), text.index("1993/34") + 7, "https://undocs.org/E/RES/1993/34", "t")] \
            if "1993/34" in text else []

    fragment = "A &amp; B &lt;x&gt; resolution 1993/34 &quot;q&quot;"
    out = link_html(fragment, find, lambda t: True)
    assert out.count("<a ") == 1 and "&amp; B &lt;x&gt;" in out and "</a>" in out
    assert calls == ['A & B <x> resolution 1993/34 "q"']  # found in the unescaped text
    plain = "No mention here &amp; none there"
    assert link_html(plain, find, lambda t: bool(re.search(r"\d", t))) is plain


def test_renderer_without_an_index_links_nothing(corpus):
    out = Renderer(doc(corpus, "ecosoc-2003-30")).body()
    assert "cmp-cite" not in out


def test_rendered_body_links_titles_and_the_cited_place(corpus):
    index = CitationIndex(corpus)
    out = Renderer(doc(corpus, "ecosoc-2003-30"), citations=index).body()
    assert 'href="../../instruments/nelson-mandela-rules/"' in out
    assert 'href="../ecosoc-1997-33/#annex-para-4"' in out
    assert 'class="cmp-cite" href="https://undocs.org/E/CN.15/2003/10"' in out
    parse(out)


# -- validate --------------------------------------------------------------------------------------------------
def test_validate_reports_unresolved_mentions_with_file_line_and_column(content):
    code, out = run("validate", "--content", str(content))
    assert code == 0, out  # warnings do not fail
    path = content / "resolutions" / "ecosoc-2003-30" / "en.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    line_no = next(i for i, line in enumerate(lines, 1) if "Commission resolution 1/1" in line)
    col = lines[line_no - 1].index("Commission resolution 1/1") + 1
    assert f"{path}:{line_no}:{col}: warning: 'Commission resolution 1/1'" in out
    assert "section IV, paragraph 2 is not in the partial text of ecosoc-1993-34" in out
    # a resolution the editor linked by hand is not reported; one of another body outside a link is
    assert "46/1" in out and out.count("E/CN.15/2003/10") == 0
    res_1993 = content / "resolutions" / "ecosoc-1993-34" / "en.md"
    line_1993 = next(i for i, line in enumerate(res_1993.read_text().split("\n"), 1) if "Commission resolution 1/1" in line)
    assert f"{res_1993}:{line_1993}:" in out
    code, _out = run("validate", "--content", str(content), "--strict")
    assert code == 1


# -- backlinks, "Cited by", lineage ----------------------------------------------------------------------------
def test_backlinks_from_citations_and_front_matter(corpus):
    links = backlinks(corpus)
    assert ("ecosoc-2003-30", "preamble-1", "resolutions") in links["ecosoc-1993-34"]
    assert ("ecosoc-2003-30", "preamble-3", "resolutions") in links["ecosoc-1997-33"]
    assert ("ecosoc-2003-30", None, "resolutions") not in links["ecosoc-1997-33"]  # related: is no citation
    assert "ecosoc-2003-30" in citation_index(corpus).related("ecosoc-1997-33")
    assert ("ecosoc-1993-34", "sec-III-para-4-a-i", "resolutions") in links["standard-minimum-rules-treatment-prisoners-1955"]
    assert ("ecosoc-2003-30", "para-1", "resolutions") in links["nelson-mandela-rules"]
    assert "ecosoc-2003-30" not in links  # nothing cites it
    assert citation_index(corpus) is citation_index(corpus)  # built once per corpus


def test_adopting_resolution_is_a_backlink_of_its_instrument(corpus, content):
    write(content, "resolutions/ga-70-175/en.md", GA_70)
    links = backlinks(load(content, Report()))
    assert ("ga-70-175", None, "resolutions") in links["nelson-mandela-rules"]


def test_cited_by_section_links_the_citing_paragraphs(corpus):
    index = CitationIndex(corpus)
    out = Renderer(doc(corpus, "ecosoc-1993-34"), citations=index).body()
    section = out[out.index('class="cmp-cited-by"'):]
    assert 'href="../ecosoc-2003-30/#preamble-1"' in section
    assert "United Nations standards and norms in crime prevention and criminal justice" in section
    smr = Renderer(doc(corpus, "standard-minimum-rules-treatment-prisoners-1955"), citations=index).body()
    adopted = smr[smr.index('class="cmp-adopted-by"'):]
    assert "Adopted, amended or recalled by" in adopted
    assert 'href="../../resolutions/ecosoc-1993-34/#sec-III-para-4-a-i"' in adopted
    parse(out)


def test_unit_labels_for_readers():
    _ = lambda s: s  # noqa: E731
    assert unit_label("sec-III-para-8-a", _) == "section III, paragraph 8 (a)"
    assert unit_label("annex-para-23", _) == "annex, paragraph 23"
    assert unit_label("sec-IV-A-para-1", _) == "section IV.A, paragraph 1"
    assert unit_label("rule-43", _) == "rule 43"
    assert unit_label("annex-h-1", _) == "annex"
    assert unit_label("annex-item-a", _) == "annex (a)"  # a lettered item outside a numbered paragraph
    assert unit_label("strange-1", _) == "strange-1"


def test_lineage_banner_both_ways_in_the_page_language(corpus):
    index = CitationIndex(corpus)
    old = Renderer(doc(corpus, "standard-minimum-rules-treatment-prisoners-1955"), citations=index).metadata()
    assert "cmp-lineage" in old
    assert re.search(r'Superseded by the <a href="\.\./nelson-mandela-rules/">Nelson Mandela Rules</a> '
                     r'\(2015\)', old)
    new = Renderer(doc(corpus, "nelson-mandela-rules"), citations=index).metadata()
    assert re.search(r'Replaces the <a href="\.\./standard-minimum-rules-treatment-prisoners-1955/">'
                     r'Standard Minimum Rules for the Treatment of Prisoners</a> \(1955\)', new)
    # the French page of the 1955 rules (shown from English) names the Mandela Rules by their French short title
    old_fr = Renderer(doc(corpus, "standard-minimum-rules-treatment-prisoners-1955"), "fr", citations=index).metadata()
    assert "Règles Nelson Mandela</a>" in old_fr
    assert "cmp-lineage" not in Renderer(doc(corpus, "ecosoc-1993-34"), citations=index).metadata()
    # on an Arabic page an English title is followed by a right-to-left mark, so that "(1955)" stays on the
    # Arabic side of it in print too (the PDF renderer does not isolate a run by its dir)
    new_ar = Renderer(doc(corpus, "nelson-mandela-rules"), "ar", citations=index).metadata()
    assert re.search(r'<a href="[^"]+" lang="en" dir="ltr">Standard Minimum Rules for the Treatment of Prisoners</a>'
                     r'&rlm;', new_ar), new_ar[:600]
    assert "&rlm;" not in new and "&lrm;" not in old_fr


# -- the real seed texts -----------------------------------------------------------------------------------------
def seed_mentions(name: str) -> list:
    text = seed_text(name)
    return find_mentions(text, "en", "ecosoc")


def test_seed_1993_34_citations():
    found = seed_mentions("000_adebd26f7a7cd6ac.txt")
    pairs = {(m.body, m.number) for m in found if m.kind == "resolution"}
    assert {("ga", "46/152"), ("ga", "47/91"), ("ecosoc", "1992/22"), ("ga", "45/109"), ("ga", "46/120"),
            ("ecosoc", "1990/21"), ("commission", "1/2"), ("commission", "1/1"), ("other", "1992/31"),
            ("other", "1993/41"), ("other", "10 (XXXVI)")} <= pairs
    sections = {m.place.describe() for m in found if m.number == "1992/22" and m.place}
    assert sections == {"section I", "section VI", "section VII"}
    assert sum(1 for m in found if m.number == "1992/22") >= 7


def test_seed_1994_22_citations():
    found = seed_mentions("001_3ee095edf19bcfc2.txt")
    assert {(m.body, m.number) for m in found if m.kind == "resolution"} >= {
        ("ecosoc", "1993/34"), ("ecosoc", "1993/30"), ("ecosoc", "1993/27"), ("ecosoc", "1993/28"), ("ga", "48/103")}
    assert "E/CN.15/1994/6" in {m.symbol for m in found}
    ii = [m for m in found if m.number == "1993/34" and m.place]
    assert [m.place.describe() for m in ii] == ["section II"]


def test_seed_1992_22_lists_and_hard_line_breaks():
    found = seed_mentions("003_412b2c667c921353.txt")
    numbers = [m.number for m in found if m.body == "ecosoc"]
    for n in ("155 C (VII)", "1979/20", "1984/48", "1990/24", "1990/19", "1986/11", "1987/53", "1988/44", "1989/68",
              "1989/63", "1990/21"):
        assert n in numbers
    assert ("other", "1992/31") in {(m.body, m.number) for m in found}  # "Commission on Human\nRights resolution"


def test_seed_1997_and_2003_citations():
    found_1997 = seed_mentions("002_a86cd01b8ee22dcf.txt")
    assert [m.body for m in found_1997 if m.number == "51/60"] == ["ga"] * 4  # two "General Assembly", two "its"
    assert ("section III" in {m.place.describe() for m in found_1997 if m.number == "1993/34" and m.place})
    found_2003 = seed_mentions("004_8ea4286a28b79833.txt")
    cite = [m for m in found_2003 if m.number == "1993/34"]
    assert len(cite) == 1 and cite[0].place.describe() == "section III, paragraph 7 (c)"
    assert {("ecosoc", "2002/15"), ("ecosoc", "2002/17"), ("ga", "55/59"), ("ga", "55/2"), ("ecosoc", "1995/57")} <= {
        (m.body, m.number) for m in found_2003}


def test_seed_2003_30_resolves_to_the_unit_of_1993_34_once_both_are_in_the_compendium(corpus):
    """With the 1993/34 test text (its section III has a paragraph 3 (b), not the real 7 (c)): the real sentence
    of 2003/30 links the page and warns that the place is missing; the real place would be linked."""
    resolver = Resolver(corpus)
    text = seed_text("004_8ea4286a28b79833.txt")
    sentence = text[text.index("Recalling further its resolution 1993/34"):text.index("Welcoming the ongoing")]
    citing = doc(corpus, "ecosoc-2003-30")
    (m,) = [m for m in find_mentions(sentence, "en", "ecosoc") if m.number == "1993/34"]
    r = resolver.resolve(m, citing)
    assert r.href == "../../resolutions/ecosoc-1993-34/" and "paragraph 7 (c)" in r.problem[0]


def test_chinese_and_arabic_titles_without_word_spaces():
    zh = Document("nelson-mandela-rules", "instruments", "zh", Path("x"),
                  {"title": "联合国囚犯待遇最低限度标准规则（《纳尔逊·曼德拉规则》）", "short_title": "纳尔逊·曼德拉规则"}, [])
    ar = Document("tokyo-rules", "instruments", "ar", Path("x"),
                  {"title": "قواعد الأمم المتحدة الدنيا النموذجية للتدابير غير الاحتجازية (قواعد طوكيو)",
                   "short_title": "قواعد طوكيو"}, [])
    index = CitationIndex(Corpus([zh, ar]))
    citing_zh = Document("ecosoc-2016-1", "resolutions", "zh", Path("x"), {}, [])
    found = index.mentions("又回顾《联合国囚犯待遇最低限度标准规则》（《纳尔逊·曼德拉规则》）第43条", citing_zh)
    # the title (its parenthesis split off by the quotation marks) and the short title: both the Mandela Rules
    assert {m.doc_id for m in found} == {"nelson-mandela-rules"} and "纳尔逊·曼德拉规则" in [m.text for m in found]
    citing_ar = Document("ecosoc-2016-1", "resolutions", "ar", Path("x"), {}, [])
    assert [m.doc_id for m in index.mentions("وإذ يشير إلى قواعد طوكيو،", citing_ar)] == ["tokyo-rules"]


def test_a_place_before_the_annex_to_a_resolution():
    m = one("the draft contained in the annex to its resolution 1997/33")
    assert m.place is not None and m.place.describe() == "annex"


def test_russian_titles_are_found_in_any_case_and_only_their_own(tmp_path):
    # Russian inflects the title it cites ("применения Правил Нельсона Манделы", "Бангкокским правилам"); the
    # language's data (title_inflection) lets each long word take another case ending; a different word is no match.
    from compendium.citations.titles import TitleMatcher

    content = tmp_path / "content"
    for doc_id, title in (("nelson-mandela-rules", "Правила Нельсона Манделы"), ("bangkok-rules", "Бангкокские правила")):
        write(content, f"instruments/{doc_id}/ru.md", f"---\nid: {doc_id}\nkind: rules\ntitle: {title}\ncluster: custody\n"
              "completeness: none\n---\n")
    corpus = load(content, Report())
    matcher = TitleMatcher(corpus, "ru")
    text = ("о применении Правил Нельсона Манделы и Бангкокским правилам; Правила Нельсона Мандельштама и "
            "Бангкокская правда")
    found = [(m.text, m.doc_id) for m in matcher.find(text)]
    assert found == [("Правил Нельсона Манделы", "nelson-mandela-rules"), ("Бангкокским правилам", "bangkok-rules")]
    english = TitleMatcher(corpus, "en")  # no inflection data: nothing but exact wording
    assert english.find("Правил Нельсона Манделы") == []
