"""Interface strings and locale formatting: gettext catalogs from translations/, dates by Babel."""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date, get_date_format
from babel.support import NullTranslations, Translations

from . import settings
from .languages import locale_of

DOMAIN = "messages"


def translations_dir() -> Path:
    """The active catalogs folder (`Settings.translations`): <lang>/LC_MESSAGES/messages.po."""
    return settings.current().translations


def translations(lang: str) -> gettext.NullTranslations:
    """Compiled catalog for a language; English (the source strings) needs none."""
    return _translations(translations_dir(), lang)


@lru_cache(maxsize=None)
def _translations(folder: Path, lang: str) -> gettext.NullTranslations:
    if not (folder / lang).is_dir():
        return NullTranslations()
    po = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if po.is_file() and (not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime):
        # not compiled yet (a fresh clone, before any build) or edited since: compiled in memory, so that the
        # engine speaks the language without a build having run first
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        return Translations(fp=buffer, domain=DOMAIN)
    return Translations.load(str(folder), [lang], DOMAIN)


translations.cache_clear = _translations.cache_clear  # type: ignore[attr-defined]  (catalogs compiled anew)


def gettext_for(lang: str):
    return translations(lang).gettext


def pgettext_for(lang: str):
    """pgettext(context, message): for a string that is ambiguous out of context ("Cite" the verb)."""
    return translations(lang).pgettext


def format_iso_date(value: str, lang: str) -> str:
    """'1993-07-27' → '27 July 1993' in the reader's language; a bare year stays a year."""
    parts = str(value).split("-")
    if len(parts) != 3:
        return str(value)
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return str(value)
    return format_day(day, lang)


def format_day(day: dt.date, lang: str) -> str:
    """A day in the reader's language, long form ("27 July 1993"): Babel's pattern for the locale, with the
    month as the language data's `months_written` gives it where the UN writes months its own way (Arabic
    "كانون الأول/ديسمبر", where CLDR has "ديسمبر")."""
    from .language_data import language_data

    locale = locale_of(lang)
    written = language_data(lang).get("months_written")
    if not written:
        return format_date(day, format="long", locale=locale)
    name = written[day.month - 1].replace("'", "''")
    pattern = get_date_format("long", locale=locale).pattern.replace("MMMM", f"'{name}'")
    return format_date(day, format=pattern, locale=locale)



def list_separator(lang: str) -> str:
    """What stands between the items of a list in the reader's language: its data file's `comma` (Arabic
    "، ", Chinese "，"), else ", "."""
    from .language_data import language_data

    return language_data(lang).get("comma") or ", "
