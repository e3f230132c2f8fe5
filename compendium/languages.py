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
