"""`compendium validate` on bad input: a clear error with file and line, every file checked, no traceback."""

from __future__ import annotations

import re

import pytest

from helpers import GOOD_META, good, run, write

META = GOOD_META.format(id="ecosoc-2000-2")
REL = "resolutions/ecosoc-2000-2/en.md"

# (name, file content, expected line, a phrase the message must contain)
CASES = [
    ("yaml-syntax", "---\nid: ecosoc-2000-2\ntitle: [unclosed\nkind: resolution\n---\n", 4, "YAML syntax error"),
    ("unterminated", "---\nid: ecosoc-2000-2\nkind: resolution\n\n1. text\n", 1, "unterminated front matter"),
    ("not-mapping", "---\n- a\n- b\n---\n", 2, "must be a mapping"),
    ("scalar-front-matter", "---\njust text\n---\n", 2, "must be a mapping"),
    ("no-front-matter", "1. *Decides* something.\n", 1, "no front matter"),
    ("missing-keys", "---\nid: ecosoc-2000-2\n---\n", 1, "missing required key 'kind'"),
    ("wrong-type-title", META.replace("title: A resolution written for this test", "title: [1, 2]"), 4, "'title' must be a non-empty text"),
    ("wrong-type-related", META.replace("completeness: complete", "completeness: complete\nrelated: 5"), 6, "'related' must be a list"),
    ("unknown-kind", META.replace("kind: resolution", "kind: treaty"), 3, "unknown kind 'treaty'"),
    ("unknown-cluster", META.replace("completeness: complete", "completeness: complete\ncluster: weather"), 6, "unknown cluster 'weather'"),
    ("bad-date", META.replace("completeness: complete", "completeness: complete\nadopted_by: {body: ga, date: 27 July 1993}"), 6, "is not a date"),
    ("id-escapes", META.replace("id: ecosoc-2000-2", "id: ../../etc"), 2, "is not a lowercase slug"),
    ("id-mismatch", META.replace("id: ecosoc-2000-2", "id: ecosoc-2000-9"), 2, "does not match its folder"),
    ("empty", "", 1, "the file is empty"),
    ("whitespace-only", "  \n\n", 1, "the file is empty"),
    ("alias-bomb", "---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\n",
     3, "YAML aliases"),
    ("script", META + "\n1. Text <script>alert(1)</script>.\n", 8, "raw <script>"),
    ("event-handler", META + "\n1. An <img src=x onerror=alert(1)> image.\n", 8, "event handler"),
    ("javascript-link", META + "\n1. A [link](javascript:alert(1)).\n", 8, "'javascript:' link"),
    ("duplicate-unit", META + "\n1. One.\n\n1. One again.\n", 10, "duplicate unit id 'para-1'"),
    ("partial-without-note", META.replace("completeness: complete", "completeness: partial") + "\n1. Text.\n", 5, "completeness_note"),
]


@pytest.mark.parametrize("name,text,line,phrase", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_with_file_and_line(tmp_path, name, text, line, phrase):
    content = tmp_path / "content"
    write(content, REL, text)
    good(content)  # a valid neighbour: it must still be checked and not be reported
    other_bad = write(content, "resolutions/ecosoc-2000-3/en.md", "no front matter here\n")
    code, out = run("validate", "--content", str(content))
    assert code == 1
    assert "Traceback" not in out
    errors = [l for l in out.splitlines() if ": error: " in l]
    mine = [l for l in errors if l.startswith(str(content / REL) + ":")]
    assert mine, out
    assert any(phrase in l and re.match(rf".*en\.md:{line}:\d+: error: ", l) for l in mine), mine
    assert all("(" in l and l.endswith(")") for l in mine), "every error says what to do"
    # the rest of the corpus is still checked
    assert any(l.startswith(str(other_bad)) for l in errors)
    assert not any("ecosoc-2000-1" in l for l in errors)


@pytest.mark.parametrize("name,data,phrase", [
    ("invalid-utf8", b"---\nid: ecosoc-2000-2\ntitle: caf\xe9\n---\n", "invalid UTF-8"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
])
def test_undecodable_files(tmp_path, name, data, phrase):
    content = tmp_path / "content"
    write(content, REL, data)
    code, out = run("validate", "--content", str(content))
    assert code == 1 and "Traceback" not in out
    assert phrase in out
    if name == "invalid-utf8":
        assert f"{content / REL}:3:11: error: invalid UTF-8" in out


def test_bom_and_crlf_are_valid(tmp_path):
    content = tmp_path / "content"
    text = (GOOD_META.format(id="ecosoc-2000-2") + "\n*Recalling* x,\n\n1. *Decides* y.\n").replace("\n", "\r\n")
    write(content, REL, "\ufeff".encode() + text.encode())
    code, out = run("validate", "--content", str(content))
    assert code == 0, out


def test_unknown_language_and_duplicate_id(tmp_path):
    content = tmp_path / "content"
    good(content)
    write(content, "resolutions/ecosoc-2000-1/xx.md", GOOD_META.format(id="ecosoc-2000-1"))
    write(content, "instruments/ecosoc-2000-1/en.md", GOOD_META.format(id="ecosoc-2000-1").replace(
        "kind: resolution", "kind: rules\ncluster: custody"))
    code, out = run("validate", "--content", str(content))
    assert code == 1
    assert "'xx.md' is not named after a known language" in out
    assert "duplicate id 'ecosoc-2000-1'" in out


def test_warnings_fail_only_with_strict(tmp_path):
    content = tmp_path / "content"
    good(content, body="1. *Decides* something.[^7]\n")  # footnote without text: a warning
    code, out = run("validate", "--content", str(content))
    assert code == 0 and "warning: footnote [^7] has no text" in out
    code, out = run("validate", "--content", str(content), "--strict")
    assert code == 1


def test_catalogue_record_is_valid(tmp_path):
    content = tmp_path / "content"
    write(content, "instruments/tokyo-rules/en.md",
          "---\nid: tokyo-rules\nkind: rules\ntitle: United Nations Standard Minimum Rules for Non-custodial Measures\n"
          "cluster: custody\ncompleteness: none\n---\n")
    code, out = run("validate", "--content", str(content))
    assert code == 0, out
