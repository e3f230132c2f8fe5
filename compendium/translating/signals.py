"""What a translation keeps of its source, unit by unit, whatever the language: footnote calls, document
symbols, resolution numbers, numbers and years. The structure checks align with these; the quality checks
compare them."""

from __future__ import annotations

import re

# A call anywhere in a unit's text (the body parser's pattern refuses "[^10]:", which a call may end with).
_CALL = re.compile(r"\[\^([^\]\s]+)\]")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_MARKUP = re.compile(r"[*_`\\]|\[\^[^\]\s]+\]|\[|\]")
# UN document symbols: A/RES/70/175, E/CN.15/2019/L.2/Rev.1, A/CONF.234/16, WHA63/2010/REC/1.
_SYMBOL = re.compile(r"(?<![A-Za-z0-9/.])[A-Z]{1,6}\d*(?:\.\d+)?(?:/(?:[A-Z]+\.?)?[A-Za-z0-9]+(?:\.\d+)?(?:-\d+)?)+(?![A-Za-z0-9/])")
# Resolution and decision numbers: 1993/34, 70/175, S-32/1, 217 A (III) is read as numbers.
_RESOLUTION = re.compile(r"(?<![A-Za-z0-9/.])(?:S-)?\d{1,4}/\d{1,4}(?![A-Za-z0-9/])")
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f\u2009 '’]\d{3})+(?![\d])")
_NUMBER = re.compile(r"\d+")
# Arabic-Indic, extended Arabic-Indic (Persian) and full-width digits read as 0-9.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
# Full-width slash and Cyrillic letters that look like Latin ones do occur in symbols; they are compared as Latin.
_LATIN = str.maketrans("／АВСЕНКМОРТХ", "/ABCEHKMOPTX")


def calls(text: str) -> list[str]:
    """Footnote labels called in the text, in order."""
    return _CALL.findall(text)


def plain_text(text: str) -> str:
    """The words a reader sees: no link targets, no footnote calls, no emphasis marks."""
    return _MARKUP.sub("", _LINK_TARGET.sub("]", text))


def visible_length(text: str) -> int:
    return len(" ".join(plain_text(text).split()))


def excerpt(text: str, width: int = 60) -> str:
    flat = " ".join(plain_text(text).split())
    return flat if len(flat) <= width else flat[:width - 1].rstrip() + "…"


def symbols(text: str) -> set[str]:
    return {m.group() for m in _SYMBOL.finditer(plain_text(text).translate(_DIGITS))}


def facts(text: str, ordinals: dict[str, int] | None = None) -> dict[str, set[str]]:
    """The symbols, resolution numbers and other numbers of a text, each kind without the others' digits.

    `ordinals`: words the language writes for a number ("premier": 1, as in "article premier"); numbers written
    in Chinese numerals (第五十七条) count as numbers."""
    rest = plain_text(text)
    if not rest.isascii():
        rest = rest.translate(_DIGITS).translate(_LATIN)
    found_symbols = {m.group() for m in _SYMBOL.finditer(rest) if any(c.isdigit() for c in m.group())}
    rest = _SYMBOL.sub(lambda m: " " if any(c.isdigit() for c in m.group()) else m.group(), rest)
    # "S-23/2" is "دا-23/2" in Arabic: a special session's resolution is compared by its numbers.
    resolutions = {m.group().removeprefix("S-") for m in _RESOLUTION.finditer(rest)}
    rest = _RESOLUTION.sub(" ", rest)
    rest = _TIME.sub(" ", rest)  # "from 3 to 4.30 p.m." is "de 15 heures à 16 h 30": hours are not compared
    rest = _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group()), rest)
    found = {str(int(n)) for n in _NUMBER.findall(rest)}
    found.update(str(chinese_number(m.group())) for m in _CHINESE.finditer(rest))
    if ordinals:
        lowered = rest.lower()
        found.update(str(n) for word, n in ordinals.items() if re.search(rf"\b{re.escape(word.lower())}\b", lowered))
    return {"symbol": found_symbols, "resolution": resolutions, "number": found}


_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
_TIME = re.compile(rf"(?:{_CLOCK}\s*(?:a\.m\.|p\.m\.)?\s*(?:to|and|-|–)\s*)?{_CLOCK}\s*(?:a\.m\.|p\.m\.)|\bnoon\b")
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int:
    """五十七 → 57, 十二 → 12, 二〇二一 → 2021 (digit by digit when there is no unit)."""
    if not any(c in _CHINESE_UNITS for c in text):
        return int("".join(str(_CHINESE_DIGITS[c]) for c in text))
    total, digit = 0, 0
    for c in text:
        if c in _CHINESE_UNITS:
            total += (digit or 1) * _CHINESE_UNITS[c]
            digit = 0
        else:
            digit = _CHINESE_DIGITS[c]
    return total + digit


def numbers(text: str) -> list[str]:
    """Every symbol, resolution number and number of a text, as one list (for alignment)."""
    f = facts(text)
    return sorted(f["symbol"] | f["resolution"] | f["number"])
