"""The languages the compendium is published in, from languages.yml (a seventh is a configuration entry).

Which file is the active settings' (`Settings.languages`): a national edition may keep its own list, and a
test may switch to another in-process; everything read from it is cached per file.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from . import LANGUAGES, settings
from .settings import Settings, read_languages


def config_path() -> Path:
    """The active languages file; per-language data files live beside it."""
    return settings.current().languages


def load_config() -> dict:
    """The active languages file, checked (SettingsError names the file and line of a problem)."""
    return _read(config_path())


@lru_cache(maxsize=None)
def _read(path: Path) -> dict:
    return read_languages(path)


def known_languages() -> tuple[str, ...]:
    return tuple(load_config()["languages"].keys()) or LANGUAGES


def info(lang: str) -> dict:
    return load_config()["languages"][lang]


# Scripts written right to left; a language's direction follows its script unless languages.yml says `dir`.
RTL_SCRIPTS = {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Samr", "Mand"}


def locale_of(lang: str) -> str:
    """The language's Babel locale (languages.yml `locale`), else its code."""
    try:
        return info(lang).get("locale", lang)
    except KeyError:
        return lang


def script_of(lang: str) -> str:
    """ISO 15924 code of the language's script: from its locale, else from CLDR's likely subtags."""
    return _script_of(config_path(), lang)


@lru_cache(maxsize=None)
def _script_of(config: Path, lang: str) -> str:
    from babel.core import Locale, get_global

    try:
        locale = Locale.parse(locale_of(lang))
    except (ValueError, TypeError):
        return "Latn"
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language, "")
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 else "Latn"


def direction(lang: str) -> str:
    """`rtl` or `ltr`: languages.yml may say so; otherwise the script decides."""
    try:
        configured = info(lang).get("dir")
    except KeyError:
        configured = None
    return configured or ("rtl" if script_of(lang) in RTL_SCRIPTS else "ltr")


def _settings_changed(previous: Settings, new: Settings) -> None:
    """Another languages file: forget what was read from the last one, and what was built from its data."""
    if new.languages == previous.languages:
        return
    _read.cache_clear()
    _script_of.cache_clear()
    if "compendium.language_data" in sys.modules:
        sys.modules["compendium.language_data"].clear_caches()


settings.on_change(_settings_changed)
