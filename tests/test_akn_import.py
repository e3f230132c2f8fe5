"""The AKN4UN importer on real files of ../shared/sources/unxml (skipped when they are not there)."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from compendium.importer.akn import AknError, read_akn
from compendium.importer.akn_files import build_group

ROOT = Path(__file__).resolve().parents[1]
UNXML = ROOT.parent / "shared" / "sources" / "unxml"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

pytestmark = pytest.mark.skipif(not UNXML.is_dir(), reason=f"the AKN sources are not there ({UNXML})")


def xml(doc: str, lang: str = "en") -> Path:
    return UNXML / doc.split("-")[0] / doc / f"{lang}.xml"


def test_metadata_from_frbr():
    d = read_akn(xml("ga-80-226"))
    assert (d.id, d.body, d.number, d.date, d.symbol) == ("ga-80-226", "ga", "80/226", "2025-12-18", "A/RES/80/226")
    assert d.title.startswith("United Nations Model Strategies on Reducing Reoffending")
    e = read_akn(xml("ecosoc-2025-16"))
    assert (e.id, e.body, e.number, e.symbol) == ("ecosoc-2025-16", "ecosoc", "2025/16", "E/RES/2025/16")


def test_preamble_lead_words_italic_and_footnote_at_call():
    md = read_akn(xml("ga-80-226")).markdown
    assert md.startswith("*The General Assembly*,")
    assert "\n\n*Recalling* the outcome of the Fourteenth" in md
    assert "Kyoto Declaration[^1] to reduce reoffending," in md
    assert "\n[^1]: Resolution [76/181](https://docs.un.org/en/A/RES/76/181), annex." in md


@pytest.mark.parametrize("doc", ["ga-80-226", "ga-79-172"])
def test_operative_paragraphs_and_items_counted_as_in_the_xml(doc):
    root = ET.parse(xml(doc)).getroot()
    body = root.find(f"{NS}statement/{NS}mainBody")
    paras = [p for p in body.iter(f"{NS}paragraph") if p.find(f"{NS}num") is not None]
    points = list(body.iter(f"{NS}point"))
    md = read_akn(xml(doc)).markdown.split("## ")[0]  # the resolution, before any annex
    assert len(re.findall(r"(?m)^\d+\. ", md)) == len(paras)
    assert len(re.findall(r"(?m)^\([a-z]{1,2}\) |^\([ivx]+\) ", md)) == len(points)


def test_six_languages_one_document_with_official_hashes():
    group = build_group({lang: xml("ga-80-227", lang) for lang in LANGS})
    assert set(group.files) >= {"en", "fr", "es", "ar", "zh"}
    ids = {lang: p.ids() for lang, p in group.parsed.items()}
    assert all(v == ids["en"] for v in ids.values())
    fr = group.files["fr"]
    assert "translation:\n  status: official\n  source_hashes:\n" in fr
    for uid, h in group.parsed["en"].hashes().items():
        assert f'{uid}: "{h}"' in fr or f'"{uid}": "{h}"' in fr
    assert group.eids["en"]["para-1"].startswith("para_")


def test_a_note_given_in_the_text_is_published_with_the_text_and_said():
    # ecosoc-2023-27 ru: the text of note 1 ("Резолюция 217 A (III).") runs on in the paragraph, no <authorialNote>:
    # every other unit is the English one, so the Russian is published whole, without that note, and says so
    group = build_group({lang: xml("ecosoc-2023-27", lang) for lang in LANGS})
    assert "ru" in group.files and not any(p.startswith("ru:") for p in group.problems)
    assert "прав человека Резолюция [217 A (III)]" in group.files["ru"]
    assert "[^1]" not in group.files["ru"] and "completeness_note:" in group.files["ru"]
    assert group.parsed["ru"].ids() == [i for i in group.parsed["en"].ids() if i != "fn-1"]


def test_title_note_taken_to_the_title_and_a_note_only_russian_gives_published():
    # ecosoc-2024-12: the note marked "*" explains a term of the title. The Russian XML puts it on the title and
    # gives note 1 (resolution 217 A (III)) at the Universal Declaration; the five other files put the "*" note
    # at that call instead, so their note 1 has no text. Every language shows the title note under the title;
    # Russian publishes note 1, the others say that its text is not in their file; the notes keep one numbering.
    group = group_of("ecosoc-2024-12")
    assert set(group.files) == set(LANGS) and not group.problems
    en, ru = group.files["en"], group.files["ru"]
    assert "title: Treatment of children associated with terrorist groups, including children" in en
    assert "title_note: In the context of the present resolution, the term “associated with terrorist" in en
    assert "title_note: Употребляемый в контексте настоящей резолюции термин" in ru
    assert "[^1]: *" not in en and "[^1]:" not in en and "footnotes_missing: true" in en
    assert "Declaration of Human Rights,[^1]" in en
    assert re.search(r"^\[\^1\]: Резолюция \[217 A \(III\)\]", ru, re.M)
    assert "footnotes_missing" not in ru
    ru_ids, en_ids = group.parsed["ru"].ids(), group.parsed["en"].ids()
    assert [i for i in ru_ids if i != "fn-1"] == en_ids and "fn-1" in ru_ids
    # the note after it is the same note in both: 2200 A (XXI)
    assert re.search(r"^\[\^2\]: See General Assembly resolution \[2200 A", en, re.M)
    assert re.search(r"^\[\^2\]: См\. резолюцию \[?2200 A", ru, re.M)
    assert "zh" in group.files and "待遇，包括" in group.files["zh"]
    repaired = group.sidecar()
    assert "the text of note 1 is not in this file" in repaired and "which the English file lacks" in repaired


def test_spanish_meeting_in_the_body_and_footnotes_relabelled():
    # ga-s32-1 es: "Primera sesión plenaria" is the body's last paragraph, the conclusions only the date; its
    # six notes are marked 2 to 7 where English has 1 to 6, each in the same place
    group = group_of("ga-s32-1")
    same_ids(group)
    assert "\n\nPrimera sesión plenaria\n2 de junio de 2021\n\n" in group.files["es"]
    assert "[^1]: Naciones Unidas, *Treaty Series*, vol. 2349" in group.files["es"]
    assert "[^7]" not in group.files["es"]
    sidecar = group.sidecar()
    assert "- footnote 2 written 1 (the English footnote in the same place)" in sidecar
    assert "para_3: the adoption meeting" in sidecar


def group_of(doc: str):
    return build_group({lang: xml(doc, lang) for lang in LANGS})


def same_ids(group, langs=LANGS):
    ids = {lang: group.parsed[lang].ids() for lang in langs}
    assert all(v == ids["en"] for v in ids.values()), {k: len(v) for k, v in ids.items()}


def test_arabic_number_in_the_text_is_the_paragraph_number():
    # ecosoc-2022-13 ar: no <num>; the text opens with "1 -", and "10 <span>-</span>" runs over a span
    d = read_akn(xml("ecosoc-2022-13", "ar"))
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+)\. ", d.markdown)]
    assert numbers == list(range(1, 13))
    assert "10 -" not in d.markdown and "*-*" not in d.markdown
    same_ids(group_of("ecosoc-2022-13"))


def test_item_letter_in_the_text_is_an_item():
    # ga-80-9: the annex's sub-paragraphs are paragraphs with no <num>: "a)" (fr, ru, es), "(أ)" (ar)
    group = group_of("ga-80-9")
    same_ids(group)
    assert "annex-para-18-a" in group.parsed["ru"].ids()


def test_russian_adoption_with_latin_e():
    group = group_of("ecosoc-2021-21")  # "13-e пленарное заседание", the "e" Latin
    assert "adoption" in group.parsed["ru"].ids()
    same_ids(group)


def test_chinese_annex_heading_and_title_by_style_and_place():
    for doc in ("ecosoc-2021-20", "ga-76-7", "ga-80-9"):
        group = group_of(doc)
        assert "\n## 附件\n" in group.files["zh"], doc
        same_ids(group)


def test_empty_numbered_paragraph_gives_its_number_to_the_next():
    group = group_of("ecosoc-2021-25")  # zh: <num>1.</num> with an empty <p>, then the text with no <num>
    assert re.search(r"(?m)^1\. \*\*敦促\*\*", group.files["zh"])
    same_ids(group)


def test_kyoto_headings_by_the_english_structure_in_six_languages():
    group = group_of("ga-80-226")
    same_ids(group)
    assert "### 评估" in group.files["zh"]  # "Assessments": a <subheading> in English, a plain paragraph in zh
    for lang in LANGS:
        assert (ROOT / "content" / "instruments" / "kyoto-model-strategies" / f"{lang}.md").is_file()


def test_adoption_lines_in_annex_paragraphs():
    group = group_of("ecosoc-2025-16")  # fr "39<sup>e</sup> séance plénière"; zh the date before the meeting
    same_ids(group)
    assert "annex-adoption" in group.parsed["fr"].ids()


def test_resumed_meeting_adoption_in_english():
    group = group_of("ga-79-242")  # "55th (resumed) plenary meeting"
    assert "adoption" in group.parsed["en"].ids()
    same_ids(group)


def test_no_enacting_formula_in_english_leaves_it_out_with_a_note():
    group = group_of("ga-78-225")
    same_ids(group)
    assert "completeness: partial" in group.files["fr"] and "L’Assemblée générale" not in group.files["fr"].split("---")[2]


def test_frbr_slip_accepted_with_a_verification_note():
    group = group_of("ga-78-226")  # fr: FRBR 76-226, symbol A/RES/78/226, same date
    assert "fr" in group.files and "verification_note:" in group.files["fr"]


def test_numbering_slips_follow_english_and_are_recorded():
    group = group_of("ga-80-229")  # ru: 11, 13, 13; es: "\t39\t" in the text, no <num>
    same_ids(group)
    assert "renumbered" in group.sidecar() and "13. written 12." in group.sidecar()
    group = group_of("ga-80-228")  # fr: "\t28\t" with no <num>
    same_ids(group)


def test_kyoto_instrument_sections_and_paragraphs():
    text = (ROOT / "content" / "instruments" / "kyoto-model-strategies" / "en.md").read_text(encoding="utf-8")
    for letter in "ABCDEFG":
        assert re.search(rf"(?m)^### {letter}\\\. ", text)
    assert [int(n) for n in re.findall(r"(?m)^(\d+)\. ", text)] == list(range(1, 73))


def test_malformed_file_is_a_clear_error():
    with pytest.raises(AknError, match="sample.xml: not well-formed XML"):
        read_akn("sample.xml", b'<akomaNtoso><statement><p>a</statement></akomaNtoso>')  # </statement> closes an open element


def test_stray_end_tags_left_out_and_recorded():
    # ecosoc-2023-23 ar: "</embeddedStructure></p></content></paragraph>" with no start tags (line 450)
    data = xml("ecosoc-2023-23", "ar").read_bytes()
    with pytest.raises(ET.ParseError):
        ET.fromstring(data)
    d = read_akn(xml("ecosoc-2023-23", "ar"))
    assert [r.split(":")[0] for r in d.repairs[:4]] == ["line 450", "line 451", "line 452", "line 453"]
    assert "</embeddedStructure> closes no open element" in d.repairs[0]
    group = group_of("ecosoc-2023-23")  # the body's heading repeating the cover page's proponent: left out
    same_ids(group)
    assert "adoption" in group.parsed["ar"].ids() and "E/2023/30" not in group.files["ar"].split("---")[2]
    assert "repaired:\n  ar:\n  - 'line 450: end tag </embeddedStructure>" in group.sidecar()


def test_formula_repeated_as_a_paragraph_written_once():
    group = group_of("ecosoc-2024-11")  # ar: the draft's formula container, then the same words as para_4
    same_ids(group)
    assert group.parsed["ar"].akn.repairs == [
        "para_4: an unnumbered paragraph repeating the enacting formula just before it ('إن الجمعية العامة،') left out"]
    assert group.files["ar"].count("إن الجمعية العامة") == 1


SAMPLE = None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_xml_raises_only_akn_error(data):
    global SAMPLE
    SAMPLE = SAMPLE or xml("ga-80-225").read_bytes()
    cut = data.draw(st.integers(0, len(SAMPLE)))
    junk = data.draw(st.binary(max_size=20))
    start = data.draw(st.integers(0, len(SAMPLE)))
    mutated = SAMPLE[:start] + junk + SAMPLE[start + len(junk):cut] if start < cut else SAMPLE[:cut]
    try:
        read_akn("sample.xml", mutated)
    except AknError as exc:
        assert str(exc).startswith("sample.xml: ")


def test_a_link_whose_host_lost_its_org_leads_to_undocs():
    # ecosoc-2021-24 fr links "https://undocs/fr/E/2014/30": the host is undocs.org
    group = group_of("ecosoc-2021-24")
    assert "https://undocs/" not in group.files["fr"]
    assert "(https://undocs.org/fr/E/2014/30)" in group.files["fr"]


def test_editors_fixes_are_made_on_every_import_and_recorded():
    # tools/unxml_fixes.yml: the Russian 2023/27 gives note 1's text inside its paragraph; the fix restores the
    # note, the file records it as a correction, and the units are then the English ones.
    import yaml

    fixes = yaml.safe_load((Path(__file__).resolve().parents[1] / "tools" / "unxml_fixes.yml").read_text(encoding="utf-8"))
    group = build_group({lang: xml("ecosoc-2023-27", lang) for lang in LANGS}, fixes=fixes["ecosoc-2023-27"])
    ru = group.files["ru"]
    assert "прав человека[^1], в которой" in ru and "\n[^1]: Резолюция [217 A (III)]" in ru
    assert ru.index("\n[^1]:") < ru.index("\n[^2]:")
    assert "corrections:\n- The official Russian file gives the text of note 1" in ru and "completeness_note" not in ru
    assert group.parsed["ru"].ids() == group.parsed["en"].ids()
    stale = [{"find": "no such words", "replace": "x", "correction": "a fix of an older file"}]
    group = build_group({lang: xml("ecosoc-2023-27", lang) for lang in LANGS}, fixes={"ru": stale})
    assert "ru" not in group.files and any("no longer applies" in p for p in group.problems)
