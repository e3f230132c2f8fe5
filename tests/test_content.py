"""The shipped content: it validates, it holds every resolution of the seed texts, and its structure
matches facts read off those texts (paragraph counts, annexes, footnotes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compendium.body import parse_body
from compendium.diagnostics import Report
from compendium.importer import import_text
from compendium.loader import load
from compendium.model import Corpus, Document

CONTENT = Path(__file__).resolve().parents[1] / "content"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed texts not found at {SEEDS}")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    report = Report()
    corpus = load(CONTENT, report)
    assert not report.errors, "\n".join(d.format() for d in report.errors)
    return corpus


def doc(corpus: Corpus, doc_id: str) -> Document:
    found = corpus.get(doc_id, "en")
    assert found is not None, doc_id
    return found


def ids(document: Document) -> list[str]:
    return document.unit_ids()


def paras(document: Document, prefix: str) -> list[int]:
    pattern = re.compile(re.escape(prefix) + r"para-(\d+)$")
    return [int(m.group(1)) for i in ids(document) if (m := pattern.match(i))]


def test_the_content_folder_validates_without_errors(corpus):
    assert corpus.documents


@needs_seeds
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_every_resolution_of_the_seeds_is_in_the_content(seed, corpus):
    for imported in import_text((SEEDS / seed).read_text(encoding="utf-8"), "en"):
        shipped = doc(corpus, imported.id)
        assert shipped.collection == "resolutions"
        # Hand-cleaning may fix words, but never the structure: every unit the importer finds is there.
        # (ecosoc-1992-22 gained the bare section number VI, which moves paragraphs 2 to 5 into it.)
        expected = [re.sub(r"^para-([2-5])", r"sec-VI-para-\1", i) if imported.id == "ecosoc-1992-22" else i
                    for i in _imported_ids(imported.markdown)]
        assert set(expected) <= set(ids(shipped)), sorted(set(expected) - set(ids(shipped)))


def _imported_ids(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    end = lines.index("---", 1)
    report = Report()
    units = parse_body(Path("imported.md"), "\n".join(lines[end + 1:]), end + 2, report, footnotes_missing=True)
    return [u.id for top in units for u in top.walk()]


def test_1993_34_numbering_restarts_in_every_section(corpus):
    d = doc(corpus, "ecosoc-1993-34")
    expected = {"sec-I-": 2, "sec-II-": 14, "sec-III-": 10, "sec-IV-A-": 4, "sec-IV-B-": 2, "sec-IV-C-": 3, "sec-V-": 6}
    for prefix, count in expected.items():
        assert paras(d, prefix) == list(range(1, count + 1)), prefix
    assert {"sec-III-para-7-c", "sec-III-para-8-a", "sec-III-para-8-a-iv", "sec-IV-C-para-3-d", "adoption"} <= set(ids(d))
    assert d.metadata["adopted_by"]["date"] == "1993-07-27"
    assert "standard-minimum-rules-treatment-prisoners-1955" in d.metadata["related"]


def test_1994_22_has_19_paragraphs_and_footnote_60(corpus):
    d = doc(corpus, "ecosoc-1994-22")
    assert paras(d, "") == list(range(1, 20))
    footnote = next(u for u in d.units if u.id == "fn-60")
    assert footnote.text == "E/CN.15/1994/6."


def test_1997_resolutions(corpus):
    fragment = doc(corpus, "ecosoc-1997-unidentified-plenary-36")
    assert fragment.metadata["verified"] is False and fragment.metadata["completeness"] == "partial"
    assert "1997/32" in fragment.metadata["verification_note"] and "symbol" not in fragment.metadata
    assert paras(fragment, "") == list(range(1, 8)) and "fn-186" in ids(fragment)
    res33 = doc(corpus, "ecosoc-1997-33")
    assert paras(res33, "") == list(range(1, 6)) and paras(res33, "annex-") == list(range(1, 24))
    assert {"annex-sec-I", "annex-sec-II", "annex-sec-III", "annex-para-23"} <= set(ids(res33))
    assert "elements-responsible-crime-prevention" in res33.metadata["related"]
    res34 = doc(corpus, "ecosoc-1997-34")
    assert res34.metadata["completeness"] == "partial" and "adoption" not in ids(res34)
    assert "date" not in res34.metadata["adopted_by"]  # the source breaks off before the adoption line


def test_the_1997_33_annex_is_the_text_of_the_draft_standard(corpus):
    annex = [u for u in doc(corpus, "ecosoc-1997-33").walk() if u.id.startswith("annex-para-")]
    standard = doc(corpus, "elements-responsible-crime-prevention")
    own = [u for u in standard.walk() if u.kind == "paragraph"]
    assert [u.text for u in own] == [u.text for u in annex] and len(own) == 23
    assert [u.id for u in standard.units if u.kind == "section"] == ["sec-I", "sec-II", "sec-III"]
    assert standard.metadata["completeness"] == "complete" and standard.metadata["status"] == "draft"
    assert standard.metadata["related"] == ["ecosoc-1997-33"]


def test_1992_22_is_partial_and_its_ocr_fixes_are_recorded(corpus):
    d = doc(corpus, "ecosoc-1992-22")
    assert d.metadata["completeness"] == "partial"
    assert paras(d, "sec-VI-") == [2, 3, 4, 5] and paras(d, "sec-VII-") == [1, 2, 3, 4]
    assert "46/152" in d.metadata["title"] and "1S2" not in d.metadata["title"]
    text = " ".join(u.text for u in d.walk())
    corrections = " ".join(d.metadata["corrections"])
    for wrong, right in (("ad_visory", "advisory"), ("specifo:", "specific"), ("provi-;ions", "provisions"),
                         ("in tensified", "intensified"), ("commensu rate", "commensurate")):
        assert wrong not in text and right in text and wrong in corrections, wrong
    assert next(u for u in d.units if u.kind == "adoption").text.startswith("41st plenary meeting")


def test_2003_30_has_footnotes_and_41_recommendations(corpus):
    d = doc(corpus, "ecosoc-2003-30")
    assert paras(d, "") == list(range(1, 8)) and paras(d, "annex-") == list(range(1, 42))
    assert {"fn-1", "fn-2", "fn-3"} <= set(ids(d))
    assert {f"para-3-{c}" for c in "abcd"} <= set(ids(d))  # the four categories that cluster the instruments
    assert {f"annex-para-8-{c}" for c in "abcde"} <= set(ids(d))


def test_partial_and_unverified_documents_say_why(corpus):
    for d in corpus.in_language("en"):
        if d.collection != "resolutions":
            continue
        if d.metadata["completeness"] == "partial":
            assert len(d.metadata["completeness_note"]) > 40, d.id
        if d.metadata.get("verified", True) is not True:
            assert d.metadata.get("verification_note"), d.id
        for target in d.metadata.get("related", []):
            assert corpus.get(target, "en") is not None, (d.id, target)


UNXML = Path(__file__).resolve().parents[2] / "shared" / "sources" / "unxml"


@pytest.mark.skipif(not (UNXML / "MANIFEST.tsv").is_file(), reason=f"AKN sources not found at {UNXML}")
def test_every_akn_resolution_published_in_six_languages_with_the_english_unit_ids(corpus):
    ids_in_manifest = [line.split("\t")[0] for line in (UNXML / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
                       if line and not line.startswith(("#", "id\t"))]
    assert len(ids_in_manifest) == 73
    missing = [(doc_id, lang) for doc_id in ids_in_manifest for lang in ("ar", "zh", "en", "fr", "ru", "es")
               if corpus.get(doc_id, lang) is None or not corpus.get(doc_id, lang).has_text]
    assert missing == []
    for doc_id in ids_in_manifest:
        english = [u for u in corpus.get(doc_id, "en").unit_ids() if not u.startswith("fn-")]
        for lang in ("ar", "zh", "fr", "ru", "es"):
            assert [u for u in corpus.get(doc_id, lang).unit_ids() if not u.startswith("fn-")] == english, (doc_id, lang)
