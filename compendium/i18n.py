"""Interface strings and locale formatting: gettext catalogs from translations/, dates by Babel."""

from __future__ import annotations

import datetime as dt
import gettext
import os
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.support import NullTranslations, Translations

from .languages import locale_of

TRANSLATIONS_DIR = Path(os.environ.get("COMPENDIUM_TRANSLATIONS") or Path(__file__).resolve().parent.parent / "translations")
DOMAIN = "messages"


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """Compiled catalog for a language; English (the source strings) needs none."""
    if not (TRANSLATIONS_DIR / lang).is_dir():
        return NullTranslations()
    return Translations.load(str(TRANSLATIONS_DIR), [lang], DOMAIN)


def gettext_for(lang: str):
    return translations(lang).gettext


def format_iso_date(value: str, lang: str) -> str:
    """'1993-07-27' → '27 July 1993' in the reader's language; a bare year stays a year."""
    parts = str(value).split("-")
    if len(parts) != 3:
        return str(value)
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return str(value)
    return format_date(day, format="long", locale=locale_of(lang))
