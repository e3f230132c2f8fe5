"""Dates in the reader's language, formatted by Babel for the language's locale."""

from __future__ import annotations

import pytest

from compendium.i18n import format_iso_date


@pytest.mark.parametrize("lang, expected", [
    ("en", "27 July 1993"), ("fr", "27 juillet 1993"), ("zh", "1993年7月27日"), ("ru", "27 июля 1993\u202fг."),  # a narrow no-break space before г.
    ("es", "27 de julio de 1993"),
    # United Nations Arabic documents write years with European digits, as CLDR's Arabic default does, and
    # months in both their names ("27 تموز/يوليه 1993"), where CLDR has "27 يوليو 1993": ar.yml months_written.
    ("ar", "27 تموز/يوليه 1993"),
])
def test_adoption_dates_in_six_languages(lang, expected):
    assert format_iso_date("1993-07-27", lang) == expected


def test_a_bare_year_or_a_bad_date_stays_as_written():
    assert format_iso_date("1997", "fr") == "1997"
    assert format_iso_date("1997-02-30", "fr") == "1997-02-30"


def test_the_arabic_months_are_written_as_the_uns_own_arabic_texts_write_them():
    # Each of the twelve names is found in the UN's Arabic texts of the resolutions (content/), after a day.
    import re
    from pathlib import Path

    from compendium.language_data import language_data

    text = "\n".join(p.read_text(encoding="utf-8") for p in
                     (Path(__file__).resolve().parent.parent / "content").glob("*/*/ar.md"))
    for month, name in enumerate(language_data("ar")["months_written"], 1):
        assert re.search(r"\d " + re.escape(name) + r" \d{4}", text), name
        assert name in format_iso_date(f"2001-{month:02d}-05", "ar")
