"""Stable unit ids from the structure of the body."""

from __future__ import annotations

from pathlib import Path

from compendium.body import parse_body
from compendium.diagnostics import Report


def ids(body: str, **kw) -> list[str]:
    report = Report()
    units = parse_body(Path("x.md"), body, 1, report, **kw)
    assert not report.errors, [d.format() for d in report.errors]
    return [u.id for top in units for u in top.walk()]


def test_numbering_restarting_in_sections_gives_distinct_ids():
    body = "#### I. ONE\n\n1. a\n\n2. b\n\n#### II. TWO\n\n1. c\n\n#### IV. FOUR\n\n##### A. Sub\n\n1. d\n\n(a) e\n"
    assert ids(body) == ["sec-I", "sec-I-para-1", "sec-I-para-2", "sec-II", "sec-II-para-1",
                         "sec-IV", "sec-IV-A", "sec-IV-A-para-1", "sec-IV-A-para-1-a"]


def test_continuous_numbering_in_annex_sections_is_not_scoped():
    body = "1. op\n\n## Annex\n\n### Title\n\n#### I. A\n\n1. x\n\n2. y\n\n#### II. B\n\n3. z\n"
    assert ids(body) == ["para-1", "annex", "annex-h-1", "annex-sec-I", "annex-para-1", "annex-para-2",
                         "annex-sec-II", "annex-para-3"]


def test_explicit_numbering_overrides_detection():
    body = "#### VI. SIX\n\n2. a\n\n3. b\n"
    assert ids(body, numbering="section") == ["sec-VI", "sec-VI-para-2", "sec-VI-para-3"]
    assert ids(body, numbering="document") == ["sec-VI", "para-2", "para-3"]


def test_items_and_roman_subitems():
    body = "8. Lead:\n\n(a) one:\n\n(i) first;\n\n(ii) second;\n\n(b) two;\n\n(h) eight;\n\n(i) ninth letter;\n"
    assert ids(body) == ["para-8", "para-8-a", "para-8-a-i", "para-8-a-ii", "para-8-b", "para-8-h", "para-8-i"]


def test_headed_units_in_six_languages_share_ids():
    for heading in ("Article premier", "Article 1", "Artículo 1", "Статья 1", "第一条", "المادة 1"):
        assert ids(f"Preamble text.\n\n### {heading}\n\nText of the article.\n") == ["preamble-1", "article-1"]


def test_ids_do_not_depend_on_wording():
    a = ids("*Recalling* x,\n\n#### I. ONE\n\n1. *Decides* y;\n\n(a) z\n")
    b = ids("*Rappelant* x,\n\n#### I. UN\n\n1. *Décide* y ;\n\n(a) z\n")
    assert a == b


def test_footnotes_and_adoption_line():
    body = "1. Text.[^60]\n\n[^60]: E/CN.15/1994/6.\n\n2. More.\n\n*43rd plenary meeting  \n25 July 1994*\n"
    report = Report()
    units = parse_body(Path("x.md"), body, 1, report)
    by_id = {u.id: u for top in units for u in top.walk()}
    assert by_id["fn-60"].text == "E/CN.15/1994/6."
    assert by_id["para-2"].text == "More."  # the footnote text does not split or join paragraphs
    assert by_id["adoption"].kind == "adoption"
    assert not report.items


def test_russian_adoption_line_with_cyrillic_or_latin_ordinal_ending():
    # "13-e" with a Latin "e" is how several of the UN's AKN4UN Russian files write the ordinal
    for meeting in ("13-е пленарное заседание", "13-e пленарное заседание", "43\u2011е\u00a0пленарное заседание"):
        assert ids(f"1. Текст.\n\n{meeting}\n22 июля 2021 года\n") == ["para-1", "adoption"]


def test_chinese_adoption_line_with_the_date_first():
    assert ids("1. 文本。\n\n2025年7月29日\n第39次全体会议\n") == ["para-1", "adoption"]
    assert ids("1. 文本。\n\n2025年7月29日\n") == ["para-1"]  # a date alone is text of the paragraph


def test_adoption_line_of_a_resumed_meeting():
    for meeting in ("55th (resumed) plenary meeting", "55-е (возобновленное) пленарное заседание",
                    "55e séance plénière (reprise)", "第55次全体会议(续会)"):
        assert ids(f"1. Text.\n\n{meeting}\n24 December 2024\n") == ["para-1", "adoption"]


def test_lines_are_reported_for_duplicates():
    report = Report()
    parse_body(Path("x.md"), "1. a\n\n2. b\n\n2. c\n", 10, report, numbering="document")
    assert [(d.line, d.severity) for d in report.items] == [(14, "error")]


def test_rules_layout_preliminary_observations_parts_lettered_sections_and_subheadings():
    """The Nelson Mandela Rules: numbered preliminary observations, parts (I., II.) with lettered sections and
    unnumbered subheadings, and "Rule N" headings holding numbered paragraphs with (a), (b) items."""
    body = ("### Preliminary observation 1\n\nText.\n\n### Preliminary observation 2\n\n1. One.\n\n2. Two.\n\n"
            "## I. Rules of general application\n\n### Basic principles\n\n### Rule 1\n\nAll prisoners.\n\n"
            "### Rule 2\n\n1. First.\n\n2. Second:\n\n(a) item;\n\n(b) item.\n\n"
            "## II. Rules applicable to special categories\n\n### A. Prisoners under sentence\n\n"
            "### Guiding principles\n\n### Rule 86\n\nText.\n\n### B. Prisoners with disabilities\n\n### Rule 109\n\nText.\n\n"
            "### C. Prisoners under arrest\n\n### Rule 111\n\n"
            "1. Untried.\n\n### D. Civil prisoners\n\n### Rule 121\n\nText.\n")
    assert ids(body) == ["prelim-1", "prelim-2", "prelim-2-para-1", "prelim-2-para-2",
                         "sec-I", "h-1", "rule-1", "rule-2", "rule-2-para-1", "rule-2-para-2", "rule-2-para-2-a",
                         "rule-2-para-2-b", "sec-II", "sec-II-A", "h-2", "rule-86", "sec-II-B", "rule-109", "sec-II-C", "rule-111",
                         "rule-111-para-1", "sec-II-D", "rule-121"]


def test_lettered_items_of_a_preambular_paragraph_all_belong_to_it():
    body = "*Mindful* that the following areas:\n\n(a) one,\n\n(b) two,\n\n(c) three,\n\n*Recalling* x,\n\n1. *Adopts* y.\n"
    assert ids(body) == ["preamble-1", "preamble-1-a", "preamble-1-b", "preamble-1-c", "preamble-2", "para-1"]


def test_arabic_sub_paragraph_letters_are_kept_as_written_with_the_latin_ids():
    # The UN's Arabic texts letter sub-paragraphs (أ), (ب), (ج)…: shown as written, their ids are a, b, c as in
    # every other language; a paragraph that only starts with such a letter, escaped, stays text.
    report = Report()
    body = "\\(ج) انظر القسم هاء.\n\n4. *يطلب* إلى المكتب ما يلي:\n\n(أ) أن يتخذ خطوات؛\n\n(ب) أن يحدد الاحتياجات؛\n"
    units = parse_body(Path("ar.md"), body, 1, report)
    assert not report.errors
    assert units[0].kind == "preamble" and not units[0].children and units[0].text.startswith("\\(ج)")
    para = units[1]
    assert [(c.id, c.number, c.label) for c in para.children] == [("para-4-a", "a", "أ"), ("para-4-b", "b", "ب")]
