"""The languages the compendium is published in, from languages.yml (a seventh is a configuration entry)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

from . import LANGUAGES

# A national edition may keep its own list of languages (and `compendium` tests use one).
CONFIG = Path(os.environ.get("COMPENDIUM_LANGUAGES") or Path(__file__).with_name("languages.yml"))


@lru_cache(maxsize=None)
def load_config() -> dict:
    with CONFIG.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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


@lru_cache(maxsize=None)
def script_of(lang: str) -> str:
    """ISO 15924 code of the language's script: from its locale, else from CLDR's likely subtags."""
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
