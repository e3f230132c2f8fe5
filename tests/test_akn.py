"""Akoma Ntoso export (compendium/akn/): FRBR names as the UN's own AKN4UN files write them, eIds from unit ids,
citations as <ref>, the schema, the round trip back into the model, and the command."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from lxml import etree

from compendium.akn.export import AKN_NS, FOLDER_MARKER, document_xml, problems
from compendium.akn.names import identity
from compendium.akn.read import ReadError, read_akn
from compendium.citations import citation_index
from compendium.diagnostics import Report
from compendium.loader import load, load_file
from compendium.render import _markdown_inline
from compendium.translating.markers import strip_marker
from compendium.unitid import from_eid, to_eid

from helpers import copy_shipped, good, run, write

ROOT = Path(__file__).resolve().parents[1]
UNXML = ROOT.parent / "shared" / "sources" / "unxml"
NS = {"a": AKN_NS}


def shipped(doc: str, lang: str = "en"):
    collection, doc_id = doc.split("/")
    return load_file(ROOT / "content" / doc / f"{lang}.md", collection, Report())


def frbr(tree, level: str, what: str) -> str:
    return tree.find(f".//a:FRBR{level}/a:FRBR{what}", NS).get("value")


# -- eIds -----------------------------------------------------------------------------------------------------------
def test_eids_follow_akn_naming():
    assert to_eid("sec-III-para-7-c") == "sec_III__para_7__item_c"
    assert to_eid("sec-IV-A-para-3") == "sec_IV__subsec_A__para_3"
    assert to_eid("rule-43-para-1") == "rule_43__para_1"
    assert to_eid("fn-12") == "authorialNote_12"
    assert to_eid("para-3-h-i") == "para_3__item_h__item_i"  # item h, then its sub-item i: no heading "h-i"


_NUMBERED = st.sampled_from(["para", "rule", "article", "principle", "guideline", "prelim", "preamble", "h", "text"])
_LEVEL = st.one_of(
    st.tuples(_NUMBERED, st.integers(1, 300).map(str)),
    st.tuples(st.just("sec"), st.sampled_from(["I", "IV", "XII"])),
    st.tuples(st.just("annex"), st.sampled_from(["", "I", "II", "3"])),
    st.tuples(st.just("adoption")),
    st.tuples(st.sampled_from(["A", "B", "C"])),
    st.tuples(st.sampled_from(["a", "b", "h", "i", "ii", "x", "aa"])))


@given(st.lists(_LEVEL, min_size=1, max_size=5))
def test_eid_mapping_is_reversible(levels):
    uid = "-".join(part for level in levels for part in level if part)
    assert from_eid(to_eid(uid)) == uid


def test_an_eid_that_is_not_ours_is_refused():
    with pytest.raises(ValueError):
        from_eid("chp_1__foo_")


# -- FRBR names -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("doc", ["resolutions/ga-75-158", "resolutions/ecosoc-2021-20"])
def test_frbr_names_are_the_uns_own(doc):
    """The work, expression and manifestation names of a GA and an ECOSOC resolution, in every language, are
    those of the UN's own Akoma Ntoso file of the same resolution."""
    folder = UNXML / doc.split("/")[1].split("-")[0] / doc.split("/")[1]
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        ours = etree.fromstring(document_xml(shipped(doc, lang), _empty_corpus()))
        theirs = etree.parse(str(folder / f"{lang}.xml"))
        for level in ("Work", "Expression", "Manifestation"):
            for what in ("this", "uri"):
                assert frbr(ours, level, what) == frbr(theirs, level, what), (lang, level, what)
        assert ours.find(".//a:FRBRlanguage", NS).get("language") == \
            theirs.find(".//a:FRBRlanguage", NS).get("language")
        assert ours.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == \
            theirs.find(".//a:FRBRWork/a:FRBRdate", NS).get("date")


def test_an_annex_is_an_attachment_named_as_the_uns_own_file_names_it():
    ours = etree.fromstring(document_xml(shipped("resolutions/ga-76-181"), _empty_corpus()))
    theirs = etree.parse(str(UNXML / "ga" / "ga-76-181" / "en.xml"))
    path = ".//a:attachments/a:attachment/a:doc//a:FRBR{}/a:FRBRthis"
    for level in ("Work", "Expression", "Manifestation"):
        assert ours.find(path.format(level), NS).get("value") == theirs.find(path.format(level), NS).get("value")
    assert ours.find(".//a:conclusions/a:container", NS).get("eId") == "adoption"
    assert ours.find(".//a:attachment/a:doc/a:mainBody/a:hcontainer", NS).get("eId").startswith("annex")


def _empty_corpus():
    from compendium.model import Corpus

    return Corpus()


def test_an_instrument_annexed_to_its_resolution_is_that_works_annex():
    rules, resolution = identity(shipped("instruments/nelson-mandela-rules")), identity(shipped("resolutions/ga-70-175"))
    assert rules.work == resolution.work == "/akn/un/statement/deliberation/unga/2015-12-17/70-175/"
    assert rules.this == resolution.work + "!main/annex" and resolution.this == resolution.work + "!main/"
    assert rules.target("rule_43") == "/akn/un/statement/deliberation/unga/2015-12-17/70-175/!main/annex~rule_43"


@pytest.mark.parametrize("adopted", [
    "{body: ga, resolution: 40/33, date: '1985'}",  # a year only
    "{body: ga, resolution: 40/33, date: '1985-11-29', verified: false}",  # not confirmed
    "{body: congress, resolution: '1', date: '1955-08-30'}",  # no AKN4UN actor
])
def test_a_name_the_facts_cannot_make_falls_back_visibly(tmp_path, adopted):
    path = write(tmp_path / "content", "instruments/some-rules/en.md",
                 f"---\nid: some-rules\nkind: rules\ntitle: Some rules\ncluster: custody\nadopted_by: {adopted}\n"
                 "completeness: complete\n---\n\n1. A rule.\n")
    doc = load_file(path, "instruments", Report())
    ident = identity(doc)
    assert not ident.verified and ident.work == "/akn/un/statement/compendium/instruments/some-rules/"
    tree = etree.fromstring(document_xml(doc, _empty_corpus()))
    assert tree.find(".//a:FRBRWork/a:FRBRdate", NS).get("name") in ("adoption-unverified", "unknown")
    assert "unga" not in frbr(tree, "Work", "this")


# -- the text ------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mandela(tmp_path_factory):
    """Resolution 70/175 (English) and the Nelson Mandela Rules it annexes (English, French), with their citations."""
    tmp = tmp_path_factory.mktemp("mandela")
    content = copy_shipped(tmp, "resolutions/ga-70-175", ("en",))
    other = copy_shipped(tmp / "rules", "instruments/nelson-mandela-rules")
    (content / "instruments").mkdir()
    (other / "instruments" / "nelson-mandela-rules").rename(content / "instruments" / "nelson-mandela-rules")
    corpus = load(content, Report())
    return corpus, citation_index(corpus)


def test_a_citation_of_the_mandela_rules_is_a_ref_to_their_work(mandela):
    corpus, citations = mandela
    resolution = corpus.get("ga-70-175", "en")
    rules = identity(corpus.get("nelson-mandela-rules", "en"))
    tree = etree.fromstring(document_xml(resolution, corpus, citations))
    hrefs = [r.get("href") for r in tree.iterfind(".//a:mainBody//a:ref", NS)]
    assert rules.target() in hrefs
    # a cited rule: the annex's name, "~", the rule's eId
    own = etree.fromstring(document_xml(corpus.get("nelson-mandela-rules", "en"), corpus, citations))
    assert problems(etree.tostring(tree)) == [] and problems(etree.tostring(own)) == []


def test_notes_stand_at_their_call_and_preamble_and_body_are_apart(mandela):
    corpus, citations = mandela
    doc = corpus.get("ga-70-175", "en")
    tree = etree.fromstring(document_xml(doc, corpus, citations))
    note = tree.find(".//a:preamble//a:authorialNote", NS)
    assert note.get("placement") == "bottom" and note.get("eId") == "authorialNote_" + note.get("marker")
    assert note.getparent().tag == f"{{{AKN_NS}}}p"  # inside the paragraph that calls it
    assert len(tree.findall(".//a:preamble/a:container", NS)) == len([u for u in doc.units if u.kind == "preamble"])
    assert tree.find(".//a:mainBody/a:paragraph", NS).get("eId") == "para_1"
    rules = etree.fromstring(document_xml(corpus.get("nelson-mandela-rules", "fr"), corpus, citations))
    assert rules.find(".//a:FRBRlanguage", NS).get("language") == "fra"
    assert rules.find(".//a:mainBody/a:p", NS) is not None  # a title without its text: an empty body, still valid
    assert problems(etree.tostring(rules)) == []
    english = etree.fromstring(document_xml(corpus.get("nelson-mandela-rules", "en"), corpus, citations))
    rule = english.find(".//a:mainBody//a:rule[@eId='rule_43']", NS)
    assert rule.find("a:num", NS).text == "Rule 43" and rule.find("a:paragraph", NS).get("eId") == "rule_43__para_1"


def test_the_bytes_do_not_depend_on_the_clock(mandela, monkeypatch):
    corpus, citations = mandela
    doc = corpus.get("ga-70-175", "en")
    first = document_xml(doc, corpus, citations)
    import time

    monkeypatch.setattr(time, "time", lambda: 0.0)
    assert document_xml(doc, corpus, citations) == first


# -- the reader -----------------------------------------------------------------------------------------------------
def test_malformed_xml_is_an_error_naming_file_and_line():
    with pytest.raises(ReadError) as info:
        read_akn(b"<akomaNtoso>\n<statement>\n</akomaNtoso>", "broken.xml")
    assert str(info.value).startswith("broken.xml:3: not well-formed XML")


def test_a_wrong_root_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?>\n<html><body/></html>\n', encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_akn(path)
    assert str(info.value).startswith(f"{path}:2: the root element is <html>")


def test_a_unit_without_eid_is_an_error_naming_its_line(mandela):
    corpus, citations = mandela
    data = document_xml(corpus.get("ga-70-175", "en"), corpus, citations)
    broken = data.replace(b' eId="para_2"', b"", 1)
    line = broken[:broken.index(b"<paragraph>")].count(b"\n") + 1
    with pytest.raises(ReadError) as info:
        read_akn(broken, "ga-70-175.xml")
    assert str(info.value).startswith(f"ga-70-175.xml:{line}: <paragraph> has no eId")


# -- the command -----------------------------------------------------------------------------------------------------
def test_export_writes_every_document_and_refuses_a_foreign_folder(tmp_path):
    content = tmp_path / "content"
    good(content)
    out = tmp_path / "akn"
    code, log = run("export", "akn", "--content", str(content), "--out", str(out))
    assert code == 0, log
    written = out / "en" / "resolutions" / "ecosoc-2000-1" / "akn.xml"
    assert problems(written.read_bytes()) == [] and (out / FOLDER_MARKER).is_file()
    code, log = run("export", "akn", "--content", str(content), "--out", str(out))  # its own folder: again
    assert code == 0, log
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    code, log = run("export", "akn", "--content", str(content), "--out", str(foreign))
    assert code == 1 and "not empty" in log and "--force" in log
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    code, log = run("export", "akn", "--content", str(content), "--out", str(foreign), "--force")
    assert code == 0 and (foreign / "en" / "resolutions" / "ecosoc-2000-1" / "akn.xml").is_file()


# -- every shipped document ------------------------------------------------------------------------------------------
def words(markdown: str | None) -> str:
    """A text's words and note calls: the Markdown rendered, its tags dropped, its whitespace normalised. Markup
    syntax is not compared (`*a*` and `_a_` are the same italics), the words and the calls are."""
    rendered = _markdown_inline(strip_marker(markdown or ""))
    rendered = re.sub("\ue000([^\ue001]*)\ue001", r" [^\1] ", rendered)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def units(doc):
    """Every unit as (id, kind, number, label, words of text, words of heading): the body in order, then the
    notes by id. The notes' order is their definitions' in the Markdown file, which a text does not carry (two
    files define a note before an earlier one); the XML holds each note at its first call."""
    body = [u for u in doc.walk() if u.kind != "footnote"]
    notes = sorted((u for u in doc.walk() if u.kind == "footnote"), key=lambda u: u.id)
    return [(u.id, u.kind, u.number, u.label, words(u.text), words(u.heading)) for u in body + notes]


@pytest.fixture(scope="module")
def exported():
    corpus = load(ROOT / "content", Report())
    citations = citation_index(corpus)
    return corpus, [(doc, document_xml(doc, corpus, citations)) for doc in corpus.documents]


@pytest.mark.slow
def test_every_document_in_every_language_is_valid_akoma_ntoso(exported):
    corpus, files = exported
    assert len({d.lang for d, _x in files}) == 6 and len(files) == len(corpus.documents) > 400
    invalid = [(doc.path, found[:2]) for doc, data in files if (found := problems(data))]
    assert invalid == []


@pytest.mark.slow
def test_the_round_trip_keeps_every_unit_id_and_every_word(exported):
    corpus, files = exported
    for doc, data in files:
        back = read_akn(data, str(doc.path)).document
        assert (back.id, back.collection, back.lang) == (doc.id, doc.collection, doc.lang)
        assert units(back) == units(doc), doc.path
        assert words(back.meta.title) == words(doc.meta.title), doc.path
        assert back.meta.title_note == doc.meta.title_note and back.meta.symbols == doc.meta.symbols, doc.path
        assert words(back.meta.short_title) == words(doc.meta.short_title), doc.path


@pytest.mark.slow
def test_every_unit_id_of_the_content_has_a_reversible_eid(exported):
    corpus, _files = exported
    ids = {u.id for doc in corpus.documents for u in doc.walk()}
    assert len(ids) > 1000
    assert [uid for uid in ids if from_eid(to_eid(uid)) != uid] == []


def test_every_resolution_the_un_publishes_in_akn_gets_the_uns_work_and_expression_names():
    """Over every resolution of the UN's own AKN files that the compendium holds: the names come from our metadata,
    and they are the UN's (its files' FRBRuri of each level, read from their header). A work has one name; where
    one language's file disagrees with the others (the Russian file of E/RES/2022/14 dates the adoption 29 July,
    the five others 21 July) the name most of its files give is the UN's."""
    from collections import Counter

    uri = re.compile(r'<FRBR(Work|Expression)>.*?<FRBRuri value="([^"]+)"', re.S)
    compared, slips = 0, []
    for folder in sorted(p for body in ("ga", "ecosoc") for p in (UNXML / body).iterdir() if p.is_dir()):
        names = {xml.stem: dict(uri.findall(xml.read_text(encoding="utf-8")[:20000])) for xml in folder.glob("*.xml")}
        ours_files = {lang: ROOT / "content" / "resolutions" / folder.name / f"{lang}.md" for lang in names}
        ours_files = {lang: path for lang, path in ours_files.items() if path.is_file()}
        if not ours_files:
            continue
        work, _count = Counter(n["Work"] for n in names.values()).most_common(1)[0]
        for lang, path in ours_files.items():
            ident = identity(load_file(path, "resolutions", Report()))
            assert ident.work == work, path
            if names[lang]["Work"] != work:
                slips.append(f"{folder.name}/{lang}")
                continue
            assert ident.expression(lang) == names[lang]["Expression"], path
            compared += 1
    assert compared > 300 and len(slips) < 3, slips
