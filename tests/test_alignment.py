"""A translation whose structure differs from its source never validates: each break is an error naming the unit
and the line where it happened. Fixtures: the English and French texts of General Assembly resolution 80/226
(the Kyoto Model Strategies), as shipped in content/, broken the way a translator or a CAT tool breaks them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from compendium.diagnostics import Report
from compendium.loader import load
from compendium.translating.structure import align_preamble
from helpers import copy_shipped, run

REPO = Path(__file__).resolve().parent.parent
DOC = "resolutions/ga-80-226"


@pytest.fixture
def content(tmp_path) -> Path:
    return copy_shipped(tmp_path, DOC)


def fr(content: Path) -> Path:
    return content / DOC / "fr.md"


def edit(content: Path, old: str, new: str) -> None:
    path = fr(content)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(content: Path, needle: str) -> int:
    return next(i for i, line in enumerate(fr(content).read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def line_text(content: Path, start: str) -> str:
    return next(line for line in fr(content).read_text(encoding="utf-8").split("\n") if line.startswith(start))


def errors(content: Path) -> list[str]:
    code, out = run("validate", "--content", str(content))
    found = sorted({line for line in out.splitlines() if ": error: " in line})  # (stdout and stderr both hold it)
    assert (code == 1) == bool(found)
    return found


def one_error(content: Path, line: int, *phrases: str) -> str:
    """The error at `line` of fr.md that says every phrase; the build refuses the content too."""
    found = [e for e in errors(content) if f"fr.md:{line}:1: error: " in e and all(p in e for p in phrases)]
    assert found, (line, phrases, errors(content))
    report = Report()
    load(content, report)
    assert report.errors  # `compendium build` and the MkDocs preview stop on these
    return found[0]


def test_the_shipped_translation_is_valid(content):
    assert errors(content) == []


# -- preambular paragraphs: ids are positions ---------------------------------------------------------------

def test_a_deleted_preambular_paragraph_is_named_with_the_line_it_belongs_before(content):
    second = line_text(content, "*Rappelant* les conclusions")
    edit(content, second + "\n\n", "")
    after = line_of(content, "*Rappelant également*")
    message = one_error(content, after, "preamble, paragraph 2 ('preamble-2') of the source",
                        f"missing here, before line {after}", "renders the source's 'preamble-3'")
    assert "Recalling the outcome of the Fourteenth" in message  # the source's text, to find it by
    # Not the old, shifted report: "preamble-3 is missing" at the end of the preamble.
    assert not any("'preamble-3' of the source" in e for e in errors(content))


def test_an_inserted_preambular_paragraph_is_the_one_reported(content):
    third = line_text(content, "*Rappelant également*")
    moved = line_text(content, "5. *Invite*")[3:]  # an operative paragraph pasted into the preamble
    edit(content, third, moved + "\n\n" + third)
    inserted = line_of(content, moved[:40])
    assert inserted < line_of(content, "*Rappelant également*")
    one_error(content, inserted, "has no counterpart in the source", "between the translations of 'preamble-2' and "
              "'preamble-3'")
    assert not any("is not in the source en.md" in e for e in errors(content))


def test_preamble_alignment_uses_untranslated_text_footnote_calls_and_numbers():
    from compendium.model import Unit

    source = [Unit(f"preamble-{i}", "preamble", None, text) for i, text in enumerate([
        "*The General Assembly*,", "*Recalling* its resolution 70/175 of 17 December 2015,[^1]",
        "*Noting* the report of the Secretary-General,", "*Welcoming* the work of the Commission in 2019,"], 1)]
    mine = [Unit(f"preamble-{i}", "preamble", None, text) for i, text in enumerate([
        "*L’Assemblée générale*,", "*Prenant note* du rapport du Secrétaire général,",
        "[untranslated] *Welcoming* the work of the Commission in 2019,"], 1)]
    assert align_preamble(mine, source, 1.1) == [(0, 0), (None, 1), (1, 2), (2, 3)]


# -- the CAT tools' breaks -----------------------------------------------------------------------------------

def test_a_paragraph_merged_into_the_one_before(content):
    third = line_text(content, "3. *Approuve*")
    edit(content, "\n\n" + third, " " + third[3:])
    at = line_of(content, "2. *Adopte*")
    one_error(content, at, "paragraph 3 ('para-3') of the source", "joined to paragraph 2 ('para-2')")


def test_a_paragraph_split_in_two(content):
    first = line_text(content, "1. *Se félicite*")
    cut = first.index(" ", len(first) // 2)
    edit(content, first, first[:cut] + "\n\n" + first[cut + 1:])
    second_half = line_of(content, first[cut + 1:cut + 40])
    one_error(content, second_half, "paragraph 1 ('para-1') has 2 paragraphs here and 1 in the source",
              f"line {second_half} starts one more")


def test_a_dropped_footnote_call(content):
    first = line_text(content, "1. *Se félicite*")
    assert "[^2]" in first
    edit(content, first, first.replace("[^2]", ""))
    one_error(content, line_of(content, "1. *Se félicite*"), "footnote call [^2] of paragraph 1 ('para-1') is missing",
              "note 2 is never called")


def test_a_number_written_4_with_a_parenthesis(content):
    fifth = line_text(content, "5. *Invite*")
    edit(content, fifth, "5) " + fifth[3:])
    at = line_of(content, "5) *Invite*")
    message = one_error(content, at, "paragraph 5 ('para-5') of the source", f"line {at} reads '5) Invite")
    assert "write '5.' followed by a space" in message
    assert len([e for e in errors(content) if f"fr.md:{at}:" in e]) == 1  # one problem, said once


def test_a_deleted_paragraph_does_not_vanish_silently(content):
    third = line_text(content, "3. *Approuve*")
    edit(content, third + "\n\n", "")
    at = line_of(content, "2. *Adopte*")
    one_error(content, at, "paragraph 3 ('para-3') of the source", "is missing here (after paragraph 2 ('para-2') "
              f"at line {at})")


def test_untranslated_text_under_another_units_id_is_a_shift(content, tmp_path):
    # A scaffold whose untranslated paragraphs 2 and 3 were swapped: each carries the other's text.
    shutil.copy(REPO / "content" / DOC / "en.md", tmp_path / "en.md")
    fr(content).unlink()
    code, out = run("translate-init", "ga-80-226", "--lang", "fr", "--content", str(content))
    assert code == 0, out
    two, three = line_text(content, "2. [untranslated]"), line_text(content, "3. [untranslated]")
    edit(content, two, "2." + three[2:])
    edit(content, three, "3." + two[2:])
    at = line_of(content, "2. [untranslated] *Approves*")
    one_error(content, at, "is the source's paragraph 3 ('para-3')", "here it has the id 'para-2'")


def test_a_source_that_gained_a_preambular_paragraph_names_it(content):
    # The translation was made from the source as it was; the source then gained a paragraph in the middle.
    en = content / DOC / "en.md"
    text = en.read_text(encoding="utf-8")
    recalling = next(line for line in text.split("\n") if line.startswith("*Recalling also*"))
    en.write_text(text.replace(recalling, "*Noting* a paragraph added to the source after translation,\n\n"
                               + recalling), encoding="utf-8")
    at = line_of(content, "*Rappelant également*")
    message = one_error(content, at, "the source gained preamble, paragraph 3 ('preamble-3')", f"before line {at}")
    assert re.search(r"en\.md line \d+: '\*?Noting", message.replace("*", "")) or "Noting a paragraph" in message


def test_an_official_translation_may_lack_a_source_unit_it_declares_absent(tmp_path):
    # The French Universal Declaration has no paragraph "Now, therefore,": declared in translation.absent, the
    # paragraphs after it keep the source's ids and nothing is reported; undeclared, it is a shifted preamble.
    from compendium.diagnostics import Report
    from compendium.loader import load
    from helpers import run, write

    head = "---\nid: ecosoc-2000-9\nkind: resolution\ntitle: {t}\ncompleteness: complete\n{extra}---\n\n"
    write(tmp_path, "resolutions/ecosoc-2000-9/en.md", head.format(t="Nine", extra="") +
          "*Considering* one,\n\n*Now, therefore,*\n\n*Proclaims* three,\n\n1. *Decides* four.\n")
    french = ("*Considérant* un,\n\n*Proclame* trois,\n\n1. *Décide* quatre.\n")
    write(tmp_path, "resolutions/ecosoc-2000-9/fr.md", head.format(
        t="Neuf", extra="translation: {status: official, absent: [preamble-2]}\n") + french)
    corpus = load(tmp_path, Report())
    assert corpus.get("ecosoc-2000-9", "fr").unit_ids() == ["preamble-1", "preamble-3", "para-1"]
    code, out = run("validate", "--content", str(tmp_path))
    assert code == 0 and "error" not in out.replace("0 error(s)", ""), out
    write(tmp_path, "resolutions/ecosoc-2000-9/fr.md", head.format(
        t="Neuf", extra="translation: {status: official}\n") + french)
    code, out = run("validate", "--content", str(tmp_path))
    assert code == 1 and "preamble-2" in out, out
    write(tmp_path, "resolutions/ecosoc-2000-9/fr.md", head.format(
        t="Neuf", extra="translation: {status: official, absent: preamble-2}\n") + french)
    code, out = run("validate", "--content", str(tmp_path))
    assert code == 1 and "'absent' must be a list" in out, out
