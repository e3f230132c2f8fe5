"""Quality checks of a translation unit by unit (warnings; errors with `validate --qa-errors`), on the English and
French texts of General Assembly resolution 80/226 as shipped in content/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compendium.translating.signals import facts
from helpers import copy_shipped, run

REPO = Path(__file__).resolve().parent.parent
DOC = "resolutions/ga-80-226"


@pytest.fixture
def content(tmp_path) -> Path:
    return copy_shipped(tmp_path, DOC)


def edit(content: Path, old: str, new: str, lang: str = "fr") -> None:
    path = content / DOC / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(content: Path, needle: str) -> int:
    text = (content / DOC / "fr.md").read_text(encoding="utf-8")
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def qa(content: Path, *options: str) -> tuple[int, list[str]]:
    code, out = run("validate", "--content", str(content), *options)
    return code, sorted({line for line in out.splitlines() if "QA: " in line})


def test_the_official_french_text_is_clean(content):
    code, found = qa(content, "--qa-errors")
    assert (code, found) == (0, [])


def test_a_changed_year_is_a_warning_and_with_qa_errors_an_error(content):
    edit(content, "12\u00a0mars 2021", "12\u00a0mars 2012")
    at = line_of(content, "12\u00a0mars 2012")
    code, found = qa(content)
    assert code == 0 and any(f"fr.md:{at}:1: warning: QA: the year 2021 of preamble, paragraph 2" in f for f in found)
    code, found = qa(content, "--qa-errors")
    assert code == 1 and any(f"fr.md:{at}:1: error: QA: the year 2021" in f for f in found)


def test_a_changed_document_symbol(content):
    edit(content, "[E/CN.15/2024/15](https://docs.un.org/fr/E/CN.15/2024/15)", "E/CN.15/2024/16")
    assert any("QA: the document symbol E/CN.15/2024/15 of note 2 ('fn-2')" in f for f in qa(content)[1])


def test_arabic_indic_digits_and_digit_grouping_are_the_same_numbers():
    assert facts("في ٢٠٢١، 10 000 شخص")["number"] == facts("in 2021, 10,000 persons")["number"] == {"2021", "10000"}
    assert facts("第五十七条")["number"] == {"57"}
    assert facts("résolution 1993/34 et A/RES/70/175")["resolution"] == {"1993/34"}


def test_a_different_adoption_date_in_the_front_matter(content):
    edit(content, "  date: '2025-12-18'", "  date: '2025-12-19'")
    at = line_of(content, "  date: '2025-12-19'")
    assert any(f"fr.md:{at}:1: warning: QA: adopted_by.date is '2025-12-19' here but '2025-12-18' in en.md" in f
               for f in qa(content)[1])


def test_source_text_left_without_the_marker(content):
    english = next(line for line in (content / DOC / "en.md").read_text(encoding="utf-8").split("\n")
                   if line.startswith("2. *Adopts*"))
    french = next(line for line in (content / DOC / "fr.md").read_text(encoding="utf-8").split("\n")
                  if line.startswith("2. *Adopte*"))
    edit(content, french, english)
    assert any("QA: paragraph 2 ('para-2') is the source's text, not a translation" in f for f in qa(content)[1])


def test_untranslated_units_are_read_with_the_sources_citation_wording(tmp_path):
    # Every unit of a fresh scaffold is the English text: its citations are checked as English, so the French
    # file has exactly the English file's citation warnings, no more.
    folder = tmp_path / "content"
    doc = "resolutions/ga-80-229"
    (folder / doc).mkdir(parents=True)
    shutil.copy(REPO / "content" / doc / "en.md", folder / doc / "en.md")
    code, out = run("translate-init", "ga-80-229", "--lang", "fr", "--content", str(folder))
    assert code == 0, out
    _, out = run("validate", "--content", str(folder))
    cited = {line for line in out.splitlines() if "is not in the compendium" in line or "no certain" in line}
    english = {line.split(": warning: ", 1)[1] for line in cited if "/en.md:" in line}
    french = {line.split(": warning: ", 1)[1] for line in cited if "/fr.md:" in line}
    assert english and french == english


def test_a_build_counts_the_quality_warnings_in_one_line_and_validate_lists_them(content, capsys):
    from compendium.cli import print_report
    from compendium.diagnostics import Report
    from compendium.loader import load

    edit(content, "12\u00a0mars 2021", "12\u00a0mars 2012")
    report = Report()
    load(content, report)
    report.warning(content / DOC / "en.md", 3, 1, "another warning")
    assert print_report(report, summarise=("qa",)) == 0
    build_out = capsys.readouterr().err
    assert "QA: the year 2021" not in build_out and "another warning" in build_out
    assert "1 translation quality warning(s) not listed here: run 'compendium validate'" in build_out
    print_report(report)
    assert "QA: the year 2021" in capsys.readouterr().err
