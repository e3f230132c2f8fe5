"""Hostile content: whatever a file holds, `compendium validate` answers with file:line diagnostics, never a
traceback, a hang or a silent acceptance; and what passes validate can be built."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compendium.body import parse_body
from compendium.diagnostics import Report
from compendium.frontmatter import MAX_BYTES, read
from compendium.importer import import_text
from compendium.model import Document, Unit
from compendium.render import Renderer
from compendium.schema import KNOWN, check_metadata, typed_metadata

from helpers import GOOD_META, good, run, write

ID = "ecosoc-2000-2"
REL = f"resolutions/{ID}/en.md"
META = GOOD_META.format(id=ID)
TITLE = "title: A resolution written for this test"
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def with_keys(extra: str, meta: str = META) -> str:
    """The good front matter with `extra` lines added after its last key (line 6 onwards)."""
    return meta.replace("completeness: complete\n", "completeness: complete\n" + extra + "\n")


def errors_of(tmp_path: Path, text: str | bytes, rel: str = REL) -> tuple[list[str], str, Path]:
    content = tmp_path / "content"
    path = write(content, rel, text)
    code, out = run("validate", "--content", str(content))
    assert "Traceback" not in out
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert code == (1 if errors else 0), out
    return errors, out, path


def assert_error(tmp_path: Path, text: str, line: int, phrase: str, rel: str = REL) -> None:
    errors, out, path = errors_of(tmp_path, text, rel)
    mine = [e for e in errors if e.startswith(f"{path}:{line}:")]
    assert any(phrase in e for e in mine), out
    assert all(e.endswith(")") for e in mine), "every error says what to do"


# -- dates ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("extra,line,phrase", [
    ("adopted_by: {body: ecosoc, date: 1993-02-30}", 6, "'1993-02-30' is not a real date"),
    ("adopted_by:\n  body: ga\n  date: 2024-13-01", 8, "'2024-13-01' is not a real date"),
    ("source: 2024-13-01", 6, "not a real date"),
    ("adopted_by: {body: ecosoc, date: \"1993-02-30\"}", 6, "'1993-02-30' is not a date, or names a day"),
    ("adopted_by: {body: ecosoc, date: \"1993-00\"}", 6, "'1993-00' is not a date, or names a day"),
    ("adopted_by: {body: ecosoc, date: 1993-07-27 10:00:00}", 6, "is not a date"),
    ("source: !!int abc", 6, "cannot read the value 'abc'"),
], ids=["bare", "block", "other-key", "quoted", "month-0", "datetime", "bad-int-tag"])
def test_impossible_dates_are_errors_with_their_line(tmp_path, extra, line, phrase):
    assert_error(tmp_path, with_keys(extra), line, phrase)


def test_impossible_date_as_a_title_is_an_error(tmp_path):
    assert_error(tmp_path, META.replace(TITLE, "title: 1993-02-30"), 4, "not a real date")


def test_a_real_date_still_passes(tmp_path):
    errors, out, _ = errors_of(tmp_path, with_keys("adopted_by: {body: ecosoc, date: 1996-02-29}") + "\n1. Text.\n")
    assert errors == [], out


# -- structure of the YAML --------------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [40, 500, 60_000])
def test_deep_nesting_is_bounded_and_reported(tmp_path, depth):
    assert_error(tmp_path, with_keys("source: " + "[" * depth + "]" * depth), 6, "nested more than")


def test_deep_block_nesting_is_reported(tmp_path):
    block = "source:\n" + "".join(" " * (2 * i) + "- a:\n" for i in range(600))
    assert_error(tmp_path, with_keys(block.rstrip("\n")), 22, "nested more than")


def test_duplicate_keys_are_errors_on_the_second(tmp_path):
    text = META.replace(TITLE, TITLE + "\ntitle: Another title written for this test")
    assert_error(tmp_path, text, 5, "duplicate key 'title' (first on line 4)")
    nested = with_keys("adopted_by:\n  body: ga\n  body: ecosoc")
    assert_error(tmp_path, nested, 8, "duplicate key 'body'")


@pytest.mark.parametrize("tag", ["!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "!!python/name:os.system"])
def test_unusual_tags_are_refused(tmp_path, tag):
    errors, out, path = errors_of(tmp_path, with_keys(f"source: {tag}"))
    assert any(e.startswith(f"{path}:6:") for e in errors), out


# -- files that are not files -----------------------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_hanging(tmp_path):
    path = tmp_path / "content" / REL
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    good(tmp_path / "content")
    code, out = run("validate", "--content", str(tmp_path / "content"))
    assert code == 1 and f"{path}:1:1: error: the content file is not a regular file" in out


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "content" / REL
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/zero")
    code, out = run("validate", "--content", str(tmp_path / "content"))
    assert code == 1 and f"{path}:1:1: error: the content file is not a regular file" in out


def test_an_oversized_file_is_refused(tmp_path):
    path = write(tmp_path, "en.md", META + "\n" + "x" * (MAX_BYTES + 10))
    report = Report()
    assert read(path, report) is None
    assert report.errors[0].line == 1 and "too large" in report.errors[0].message


def test_a_folder_named_like_a_content_file_is_refused(tmp_path):
    (tmp_path / "content" / REL).mkdir(parents=True)
    code, out = run("validate", "--content", str(tmp_path / "content"))
    assert code == 1 and "the content file is a folder" in out and "Traceback" not in out


# -- every field the build reads has the type it expects -------------------------------------------------------
@pytest.mark.parametrize("extra,line,phrase", [
    ("adopted_by: {text: 123}", 6, "'text' in 'adopted_by' must be a non-empty text"),
    ("adopted_by: {body: ga, resolution: [1]}", 6, "'resolution' in 'adopted_by' must be a non-empty text"),
    ("adopted_by: {body: [ga]}", 6, "unknown adopting body"),
    ("status: {a: 1}", 6, "unknown status"),
    ("translation: {status: [draft], source_hashes: {}}", 6, "unknown translation status"),
    ("lang: [en]", 6, "does not match"),
    ("source_language: xx", 6, "unknown source_language"),
    ("symbol: [E/RES/1, 5]", 6, "'symbol' must be"),
    ("supersedes: Not An Id", 6, "is not a document id"),
])
def test_wrong_types_the_build_relies_on_are_errors(tmp_path, extra, line, phrase):
    assert_error(tmp_path, with_keys(extra), line, phrase)


# -- lineage ------------------------------------------------------------------------------------------------------
def lineage_doc(content: Path, doc_id: str, extra: str) -> Path:
    return write(content, f"resolutions/{doc_id}/en.md", with_keys(extra, GOOD_META.format(id=doc_id)) + "\n1. Text.\n")


@pytest.mark.parametrize("ids", [["ecosoc-2000-4", "ecosoc-2000-5"], ["ecosoc-2000-4", "ecosoc-2000-5", "ecosoc-2000-6"]])
def test_a_supersedes_cycle_is_an_error(tmp_path, ids):
    content = tmp_path / "content"
    paths = [lineage_doc(content, doc_id, f"supersedes: {ids[(i + 1) % len(ids)]}") for i, doc_id in enumerate(ids)]
    code, out = run("validate", "--content", str(content))
    assert code == 1 and f"{paths[0]}:6:1: error: 'supersedes' goes round in a circle" in out, out
    assert "1 error(s)" in out


def test_a_cycle_through_superseded_by_is_an_error(tmp_path):
    content = tmp_path / "content"
    first = lineage_doc(content, "ecosoc-2000-4", "superseded_by: ecosoc-2000-5")
    lineage_doc(content, "ecosoc-2000-5", "superseded_by: ecosoc-2000-4")
    code, out = run("validate", "--content", str(content))
    assert code == 1 and f"{first}:6:1: error: 'supersedes' goes round in a circle" in out, out


@pytest.mark.parametrize("extra,phrase", [("supersedes: ecosoc-2000-4", "names itself in 'supersedes'"),
                                          ("superseded_by: ecosoc-2000-4", "names itself in 'superseded_by'"),
                                          ("related: [ecosoc-2000-4]", "names itself in 'related'")])
def test_a_document_naming_itself_is_an_error(tmp_path, extra, phrase):
    content = tmp_path / "content"
    path = lineage_doc(content, "ecosoc-2000-4", extra)
    code, out = run("validate", "--content", str(content))
    assert code == 1 and f"{path}:6:1: error: the document {phrase}" in out, out


def test_a_plain_supersedes_chain_is_fine(tmp_path):
    content = tmp_path / "content"
    lineage_doc(content, "ecosoc-2000-4", "supersedes: ecosoc-2000-5")
    lineage_doc(content, "ecosoc-2000-5", "supersedes: ecosoc-2000-6\nsuperseded_by: ecosoc-2000-4")
    lineage_doc(content, "ecosoc-2000-6", "superseded_by: ecosoc-2000-5")
    code, out = run("validate", "--content", str(content))
    assert code == 0, out


# -- files where the loader does not look --------------------------------------------------------------------------
def test_a_content_file_at_the_top_of_content_is_reported(tmp_path):
    content = tmp_path / "content"
    good(content)
    stray = write(content, "en.md", META + "\n1. Text.\n")
    write(content, "README.md", "# Guide\n")
    code, out = run("validate", "--content", str(content))
    assert code == 1 and f"{stray}:1:1: error: a content file at the top of the content folder is not loaded" in out
    assert "resolutions/<id>/<lang>.md" in out and "README.md:" not in out
    write(content, "notes.md", "x\n")
    stray.unlink()
    code, out = run("validate", "--content", str(content))
    assert "notes.md:1:1: warning:" in out
    code, out = run("validate", "--strict", "--content", str(content))
    assert code == 1


# -- lengths and markup of shown fields ----------------------------------------------------------------------------
def test_an_enormous_title_is_refused_quickly(tmp_path):
    import time

    start = time.monotonic()
    assert_error(tmp_path, META.replace(TITLE, "title: " + "Resolution " * 400_000), 4, "more than the 1000 allowed")
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("key,value,phrase", [
    ("title", "A <b>bold</b> title", "holds markup ('<')"),
    ("title", "A title &amp; more", "holds markup ('&amp;')"),
    ("title", "A ![x](https://example.org/t.png) title", "holds markup"),
    ("title", "A [link](https://example.org/) title", "holds markup"),
    ("short_title", "Short > long", "holds markup"),
    ("short_title", "x" * 201, "more than the 200 allowed"),
    ("source", "A source <img src=x>", "holds markup"),
])
def test_markup_and_overlong_values_in_shown_fields_are_refused(tmp_path, key, value, phrase):
    line = 4 if key == "title" else 6
    text = META.replace(TITLE, f"title: {value!r}") if key == "title" else with_keys(f"{key}: {value!r}")
    assert_error(tmp_path, text, line, phrase)


def test_ampersand_and_brackets_as_words_are_fine(tmp_path):
    text = META.replace(TITLE, "title: Crime prevention & justice [draft]") + "\n1. Text.\n"
    errors, out, _ = errors_of(tmp_path, text)
    assert errors == [], out


# -- body markup cannot carry ids or classes ----------------------------------------------------------------------
def test_body_markup_cannot_carry_ids_or_classes():
    text = 'See <a id="para-1" class="cmp-x" href="#x">here</a> and <sup id="fn-1" class="cmp-note" title="t">1</sup>.'
    unit = Unit("para-1", "paragraph", "1", text)
    doc = Document(ID, "resolutions", "en", Path(REL), {"title": "T", "completeness": "complete"}, [unit])
    html = str(Renderer(doc).body())
    assert "here</a>" in html and "<sup" in html
    assert 'id="fn-1"' not in html and 'class="cmp-x"' not in html and 'class="cmp-note" title' not in html
    assert html.count('id="para-1"') == 1  # the renderer's own anchor only


# -- the importer reports a repeated number ---------------------------------------------------------------------------
def test_the_importer_reports_a_repeated_article_with_the_input_line(tmp_path):
    text = "Annex\n\nArticle 1\n\nThe first article.\n\nArticle 1\n\nThe second article.\n\nArticle 2\n\n" \
           "1. One.\n\n1. One again.\n"
    (doc,) = import_text(text, "en", "instrument")
    repeated = [(line, message) for line, message in doc.warnings if "numbered again" in message]
    assert [line for line, _ in repeated] == [7, 15], doc.warnings
    assert "'annex-article-1' is numbered again (first at line 3)" in repeated[0][1]
    source = write(tmp_path, "input.txt", text)
    code, out = run("import", str(source), "--lang", "en", "--kind", "instrument")
    assert f"{source}:7:1: warning: 'annex-article-1' is numbered again" in out


def test_the_importer_is_quiet_about_numbers_that_restart_in_sections():
    text = "I. FIRST\n\n1. One.\n\n2. Two.\n\nII. SECOND\n\n1. One.\n\n2. Two.\n"
    for doc in import_text(text, "en", "instrument"):
        assert not any("numbered again" in m for _, m in doc.warnings), doc.warnings


# -- check-links follows the search index and the JSON exports ----------------------------------------------------------
def json_site(tmp_path: Path, unit_id: str, json_id: str, compare_lang: str = "en") -> Path:
    import json

    root = tmp_path / "site"
    write(root, "index.html", '<a href="en/">English</a>')
    write(root, "en/index.html", "<h1>Home</h1>")
    write(root, "en/resolutions/x/index.html",
          f'<div data-cmp-compare><select><option value="">-</option><option value="{compare_lang}" '
          f'data-src="../../../{compare_lang}/resolutions/x/parallel.html">x</option></select></div><p id="para-1">x</p>')
    import gzip

    # A page record of the Pagefind index as the binary writes it: gzip, a signature, then JSON.
    record = {"url": "/resolutions/x/", "content": "x", "meta": {"title": "X"}, "filters": {},
              "anchors": [{"element": "p", "id": unit_id, "text": "x", "location": 0}]}
    write(root, "en/pagefind/fragment/en_0.pf_fragment", gzip.compress(b"pagefind_dcd" + json.dumps(record).encode()))
    write(root, "en/resolutions/x/parallel.html", '<div class="cmp-body"><p id="en:para-1">x</p></div>')
    write(root, "en/resolutions/x/index.json",
          json.dumps({"documents": [{"id": "x", "units": [{"id": "para-1", "children": [{"id": json_id, "children": []}]}]}]}))
    return root


def test_check_links_follows_search_results_and_json_exports(tmp_path):
    code, out = run("check-links", "--site-dir", str(json_site(tmp_path, "para-1", "para-1")))
    assert code == 0, out
    code, out = run("check-links", "--site-dir", str(json_site(tmp_path / "b", "para-9", "para-8", "fr")))
    assert code == 1
    assert "en/pagefind/fragment/en_0.pf_fragment: ../../resolutions/x/#para-9: no element with id 'para-9'" in out
    assert "en/resolutions/x/index.json: index.html#para-8: no element with id 'para-8'" in out
    assert "en/resolutions/x/index.html: ../../../fr/resolutions/x/parallel.html: the side-by-side view's column does not exist" in out


# -- missing content folder -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["validate"], ["status"], ["export", "json"]])
def test_a_missing_content_folder_is_an_error(tmp_path, command):
    missing = tmp_path / "nowhere"
    code, out = run(*command, "--content", str(missing))
    assert code != 0 and str(missing) in out and "does not exist" in out


# -- fuzzing ---------------------------------------------------------------------------------------------------------
def _no_exception_but_diagnostics(report: Report) -> None:
    for d in report.items:
        assert d.line >= 1 and d.col >= 1 and d.message


yaml_text = st.text(alphabet=st.sampled_from(list(":-[]{}'\"#&*!|>%@` \n\t?,.0123456789abcxyz_\\") + ["\u2028", "é"]),
                    max_size=200)


@FUZZ
@given(yaml_text)
def test_front_matter_reader_never_raises_on_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fm") / "en.md"
    path.write_text("---\n" + text + "\n---\n1. Body.\n", encoding="utf-8")
    report = Report()
    raw = read(path, report)
    _no_exception_but_diagnostics(report)
    assert raw is not None or report.errors


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.dates().map(str), st.sampled_from(["1993-02-30", "2024-13-01", "ga", "ecosoc", "draft",
                                                          "complete", "en", "ecosoc-2000-2", "<b>", "&amp;"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(st.text(max_size=8) | st.sampled_from(
                                                          ["body", "date", "text", "resolution", "meeting", "verified",
                                                           "status", "source_hashes"]), inner, max_size=4)),
                      max_leaves=12)
# Values of nearly the right shape, so that many examples pass validate and reach the renderer.
words = st.text(alphabet=string.ascii_letters + " -/.,0123456789éя中", min_size=1, max_size=20)
near_valid = st.one_of(
    words, st.booleans(), st.lists(words, max_size=3), st.lists(st.sampled_from(["ecosoc-2000-1", "ga-1990-2"]), max_size=2),
    st.sampled_from(["ga", "in-force", "draft", "complete", "partial", "none", "en", "fr", "auto", "section", "custody"]),
    st.fixed_dictionaries({}, optional={
        "body": st.sampled_from(["ga", "ecosoc", "congress", "x"]), "resolution": words | st.integers(),
        "date": st.sampled_from(["1993-07-27", "1993-02-30", "1993", "1993-07", "1993-13"]) | st.dates().map(str),
        "text": words | st.integers(), "meeting": words, "verified": st.booleans(),
        "status": st.sampled_from(["draft", "complete", "x"]), "source_hashes": st.just({})}))


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(KNOWN - {"id", "kind", "completeness"})), values | near_valid, max_size=6))
def test_what_validate_accepts_builds_and_renders(tmp_path_factory, extra):
    """Random values for known keys: either validate reports an error, or the typed metadata and the page's
    metadata rows are made without an exception."""
    meta = {"id": ID, "kind": "resolution", "title": "A title", "completeness": "complete", **extra}
    try:
        text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return
    path = tmp_path_factory.mktemp("meta") / "en.md"
    path.write_text("---\n" + text + "---\n1. Text.\n", encoding="utf-8")
    report = Report()
    raw = read(path, report)
    if raw is None:
        assert report.errors
        return
    ok = check_metadata(path, "resolutions", ID, "en", raw.metadata, raw.key_lines, report)
    _no_exception_but_diagnostics(report)
    if not ok:
        return
    typed = typed_metadata(raw.metadata)
    doc = Document(ID, "resolutions", "en", path, raw.metadata, [Unit("para-1", "paragraph", "1", "Text.")])
    assert doc.meta == typed
    Renderer(doc).metadata()
    Renderer(doc).body()


def tokens(*pieces: str, max_size: int) -> st.SearchStrategy[str]:
    """Text made of characters and whole tokens (headings, numbers) that the parsers look for."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


body_text = tokens(*"#()[]^:*_.<>&\n 0123456789aivxlcIVXAB-", "Annex", "Article ", "Rule ", "1. ", "(a) ", "## ",
                   "[^1]: ", "\n\n", max_size=120)


@FUZZ
@given(body_text, st.sampled_from(["auto", "section", "continuous"]))
def test_body_parser_never_raises(text, numbering):
    report = Report()
    units = parse_body(Path(REL), text, 8, report, numbering, False)
    _no_exception_but_diagnostics(report)
    assert all(u.line >= 8 for unit in units for u in unit.walk() if u.line)


import_text_strategy = tokens(
    *"\n .,;:()-0123456789aeiouxyzIVXAB\f\t", "Article 1", "Rule 2", "Annex", "Resolution 1993/34",
    "The Economic and Social Council,", "Decides ", "(a) ", "1. ", "I. ", "plenary meeting", "1/", "\u00ad", "\n\n",
    max_size=150)


@FUZZ
@given(import_text_strategy, st.sampled_from([None, "resolution", "instrument"]))
def test_importer_never_raises(text, kind):
    for doc in import_text(text, "en", kind):
        assert all(line >= 1 for line, _ in doc.warnings)
        assert doc.markdown.startswith("---\n")
