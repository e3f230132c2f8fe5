"""Dates in the reader's language, formatted by Babel for the language's locale."""

from __future__ import annotations

import pytest

from compendium.i18n import format_iso_date


@pytest.mark.parametrize("lang, expected", [
    ("en", "27 July 1993"), ("fr", "27 juillet 1993"), ("zh", "1993年7月27日"), ("ru", "27 июля 1993\u202fг."),  # a narrow no-break space before г.
    ("es", "27 de julio de 1993"),
    # United Nations Arabic documents write years with European digits; CLDR's Arabic default agrees.
    ("ar", "27 يوليو 1993"),
])
def test_adoption_dates_in_six_languages(lang, expected):
    assert format_iso_date("1993-07-27", lang) == expected


def test_a_bare_year_or_a_bad_date_stays_as_written():
    assert format_iso_date("1997", "fr") == "1997"
    assert format_iso_date("1997-02-30", "fr") == "1997-02-30"
