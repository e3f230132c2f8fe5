"""The catalogue records of the instruments, made from the reference list (tools/catalogue.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from compendium.diagnostics import Report
from compendium.frontmatter import read
from compendium.loader import load
from compendium.schema import SLUG

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))  # a one-off tool, not in the package
import catalogue  # noqa: E402
from catalogue import build_records, parse_adopted, records_from_reference, symbols, write_records  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / ".." / "shared" / "reference" / "instruments.yml"
CONTENT = REPO / "content"

needs_reference = pytest.mark.skipif(not REFERENCE.is_file(),
                                     reason=f"the reference list {REFERENCE} is not present on this machine")


@pytest.fixture(scope="module")
def reference() -> list[dict]:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference list {REFERENCE} is not present on this machine")
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))["instruments"]


@pytest.fixture(scope="module")
def records(reference) -> list[tuple[str, dict]]:
    """(id, front matter) of every generated record, read back as the loader reads it."""
    out = []
    for doc_id, text in records_from_reference(REFERENCE):
        head = text.split("---\n")
        assert text.startswith("---\n") and text.endswith("---\n") and len(head) == 3, "front matter only, no body"
        out.append((doc_id, yaml.safe_load(head[1])))
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory, reference) -> Path:
    content = tmp_path_factory.mktemp("content")
    written = write_records(REFERENCE, content)
    assert len(written) == len(reference)
    return content


# -- one record per reference entry -----------------------------------------------------------

def test_every_reference_entry_has_exactly_one_record(reference, records):
    assert len(records) == len(reference)
    for item in reference:
        matches = [meta for _, meta in records if meta["title"] == item["title"]]
        assert len(matches) == 1, item["title"]
        assert matches[0]["cluster"] == item["cluster"]
        assert len(matches[0].get("adopted_by", [])) == len(item.get("adopted") or [])
        assert [e["text"] for e in matches[0].get("adopted_by", [])] == list(item.get("adopted") or []), \
            "every adoption keeps the reference's own wording in 'text'"


def test_ids_are_unique_short_slugs(records):
    ids = [doc_id for doc_id, _ in records]
    assert len(set(ids)) == len(ids)
    for doc_id, meta in records:
        assert SLUG.match(doc_id), doc_id
        assert len(doc_id) <= catalogue.MAX_ID, doc_id
        assert meta["id"] == doc_id
        assert meta["completeness"] == "none"


def test_short_names_give_the_ids(records):
    by_id = dict(records)
    for doc_id, short in [("nelson-mandela-rules", "Nelson Mandela Rules"), ("beijing-rules", "Beijing Rules"),
                          ("tokyo-rules", "Tokyo Rules"), ("bangkok-rules", "Bangkok Rules"),
                          ("havana-rules", "Havana Rules"), ("riyadh-guidelines", "Riyadh Guidelines"),
                          ("vienna-guidelines", "Vienna Guidelines")]:
        assert by_id[doc_id]["short_title"] == short
    assert "code-of-conduct-law-enforcement-officials" in by_id
    titled = [meta for _, meta in records if "short_title" in meta]
    assert len(titled) == 7, "only a parenthetical short name gives a short_title"


def test_every_shorter_id_is_used(records):
    """A hand-chosen id whose long slug no longer occurs would silently stop applying."""
    ids = {doc_id for doc_id, _ in records}
    assert set(catalogue.SHORTER.values()) <= ids


def test_kinds(records):
    by_id = dict(records)
    expected = {
        "nelson-mandela-rules": "rules", "basic-principles-treatment-prisoners": "principles",
        "body-of-principles-detention-imprisonment": "principles", "riyadh-guidelines": "guidelines",
        "kampala-declaration-prison-conditions-africa": "declaration",
        "code-of-conduct-law-enforcement-officials": "code", "model-treaty-extradition": "model-treaty",
        "model-agreement-transfer-foreign-prisoners": "agreement",
        "model-bilateral-agreement-sharing-confiscated-proceeds": "agreement",
        "procedures-implementation-standard-minimum-rules": "procedures",
        "safeguards-rights-those-facing-death-penalty": "safeguards",
        "model-strategies-violence-against-women": "strategies",
        "elements-responsible-crime-prevention": "standards",
        "guidelines-implementation-code-of-conduct": "guidelines",
        "vienna-convention-consular-relations-foreign-citizens": "instrument",
    }
    for doc_id, kind in expected.items():
        assert by_id[doc_id]["kind"] == kind, doc_id


# -- the files load ---------------------------------------------------------------------------

def test_generated_files_load_without_problems(generated, reference):
    report = Report()
    corpus = load(generated, report)
    assert [d.format() for d in report.items] == []
    assert len(corpus.documents) == len(reference)
    for doc in corpus.documents:
        assert not doc.has_text


def test_shipped_catalogue_loads_and_matches_the_reference(reference):
    folder = CONTENT / "instruments"
    if not folder.is_dir():
        pytest.skip("content/instruments has not been generated")
    report = Report()
    load(CONTENT, report)
    # (the translations' quality warnings, "qa", are measured on the official texts in tests/test_qa_checks.py)
    problems = [d.format() for d in report.items
                if Path(d.path).resolve().is_relative_to(folder.resolve()) and d.check != "qa"]
    assert problems == []
    metas = []
    for path in sorted(folder.glob("*/en.md")):
        raw = read(path, Report())
        assert raw is not None
        metas.append(raw.metadata)
    for item in reference:
        matches = [m for m in metas if m["title"] == item["title"]]
        assert len(matches) == 1, item["title"]
        assert matches[0]["cluster"] == item["cluster"]


# -- verification -----------------------------------------------------------------------------

def test_unverified_entries_keep_their_caution(reference, records):
    by_title = {meta["title"]: meta for _, meta in records}
    for item in reference:
        meta = by_title[item["title"]]
        if item.get("verified", True) is False:
            assert meta["verified"] is False, item["title"]
            assert meta["verification_note"].strip()
        elif "unverified" in str(item.get("note", "")) or "approximate" in str(item.get("note", "")):
            assert isinstance(meta["verified"], list) and meta["verified"], item["title"]
            assert meta["verification_note"].strip()
        else:
            assert meta.get("verified", True) is True, item["title"]
    for _, meta in records:
        if meta.get("verified", True) is not True:
            assert meta.get("verification_note")
        assert "seed" not in meta.get("verification_note", ""), "internal seed references are not published"


def test_cautious_notes_name_the_affected_keys(records):
    by_id = dict(records)
    assert by_id["vienna-convention-consular-relations-foreign-citizens"]["verified"] == ["title"]
    assert by_id["model-treaty-crimes-cultural-heritage-movable-property"]["verified"] == ["adopted_by"]
    assert by_id["model-treaty-mutual-assistance-criminal-matters"]["verified"] == ["adopted_by"]
    assert by_id["safeguards-rights-those-facing-death-penalty"]["verified"] == ["cluster"]


# -- supersession and status ------------------------------------------------------------------

def test_supersession_points_both_ways(records):
    by_id = dict(records)
    old = by_id["standard-minimum-rules-treatment-prisoners-1955"]
    assert old["status"] == "superseded"
    assert old["superseded_by"] == "nelson-mandela-rules"
    assert by_id["nelson-mandela-rules"]["supersedes"] == "standard-minimum-rules-treatment-prisoners-1955"
    for doc_id, meta in records:
        if "superseded_by" in meta:
            assert by_id[meta["superseded_by"]]["supersedes"] == doc_id
        if "supersedes" in meta:
            assert by_id[meta["supersedes"]]["superseded_by"] == doc_id


def test_the_elements_are_a_draft(records):
    meta = dict(records)["elements-responsible-crime-prevention"]
    assert meta["status"] == "draft"
    assert meta["completeness"] == "none"
    assert meta["adopted_by"][0]["resolution"] == "1997/33"


# -- writing ----------------------------------------------------------------------------------

def test_write_records_never_overwrites_an_edited_file(tmp_path, reference):
    edited = tmp_path / "instruments" / "nelson-mandela-rules" / "en.md"
    edited.parent.mkdir(parents=True)
    edited.write_text("---\nid: nelson-mandela-rules\n---\n\n### Rule 1\n\nAn editor's text.\n", encoding="utf-8")
    written = write_records(REFERENCE, tmp_path)
    assert edited not in written
    assert "An editor's text." in edited.read_text(encoding="utf-8")
    assert len(written) == len(reference) - 1
    assert write_records(REFERENCE, tmp_path) == [], "a second run writes nothing"
    rewritten = write_records(REFERENCE, tmp_path, overwrite=True)
    assert edited in rewritten and "An editor's text." not in edited.read_text(encoding="utf-8")


# -- parsing the adoption strings (real strings of the reference) -----------------------------

@pytest.mark.parametrize("text, expected", [
    ("ECOSOC 1984/47", {"body": "ecosoc", "resolution": "1984/47", "date": "1984"}),
    ("GA 70/175, 17 December 2015", {"body": "ga", "resolution": "70/175", "date": "2015-12-17"}),
    ("GA 45/111, 1990", {"body": "ga", "resolution": "45/111", "date": "1990"}),
    ("Seventh UN Congress, Milan, 1985", {"body": "congress", "date": "1985"}),
    ("First UN Congress, Geneva, 1955", {"body": "congress", "date": "1955"}),
    ("ECOSOC 663 C (XXIV), 31 July 1957", {"body": "ecosoc", "resolution": "663 C (XXIV)", "date": "1957-07-31"}),
    ("ECOSOC 2076 (LXII), 13 May 1977", {"body": "ecosoc", "resolution": "2076 (LXII)", "date": "1977-05-13"}),
    ("amended by GA 52/88, 1997", {"body": "ga", "resolution": "52/88", "date": "1997"}),
    ("updated: GA 65/228, 2010", {"body": "ga", "resolution": "65/228", "date": "2010"}),
    ("welcomed by GA 45/166", {"body": "ga", "resolution": "45/166"}),
    ("endorsed by GA 40/32 and GA 40/146", {"body": "ga", "resolution": "40/32"}),
    ("ECOSOC 1997/33, annex", {"body": "ecosoc", "resolution": "1997/33", "date": "1997"}),
    ("GA 44/162", {"body": "ga", "resolution": "44/162"}),
])
def test_parse_adopted(text, expected):
    assert parse_adopted(text) == {**expected, "text": text}


@needs_reference
def test_parsed_strings_are_real(reference):
    real = {a for item in reference for a in item.get("adopted") or []}
    for text in ("ECOSOC 1984/47", "GA 70/175, 17 December 2015", "Seventh UN Congress, Milan, 1985",
                 "amended by GA 52/88, 1997", "ECOSOC 663 C (XXIV), 31 July 1957", "endorsed by GA 40/32 and GA 40/146"):
        assert text in real


def test_symbols_only_where_derivable():
    assert symbols(["GA 70/175, 17 December 2015"]) == ["A/RES/70/175"]
    assert symbols(["ECOSOC 1984/47"]) == ["E/RES/1984/47"]
    assert symbols(["ECOSOC 1989/65", "GA 44/162"]) == ["E/RES/1989/65", "A/RES/44/162"]
    assert symbols(["Seventh UN Congress, Milan, 1985", "endorsed by GA 40/32 and GA 40/146"]) == \
        ["A/RES/40/32", "A/RES/40/146"]
    assert symbols(["ECOSOC 663 C (XXIV), 31 July 1957"]) == [], "an old-style number's symbol is not guessed"


def test_every_parsed_date_is_valid(records):
    for _, meta in records:
        for entry in meta.get("adopted_by", []):
            assert set(entry) <= {"body", "resolution", "date", "text"}
            assert entry.get("body") in {"ga", "ecosoc", "congress"}, entry
            if "date" in entry:
                assert isinstance(entry["date"], str) and catalogue.YEAR.match(entry["date"][:4])


def test_the_reference_list_is_a_required_argument(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        catalogue.main(["--content", str(tmp_path)])
    assert exit_info.value.code == 2 and "the following arguments are required: reference" in capsys.readouterr().err
    assert catalogue.main([str(tmp_path / "instruments.yml"), "--content", str(tmp_path)]) == 1
    assert f"no reference file at {tmp_path / 'instruments.yml'}" in capsys.readouterr().err
    assert not any(tmp_path.iterdir()), "nothing written"
