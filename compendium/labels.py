"""Unit labels in every language: "Article 1", "Article premier", "Статья 1", "第一条", "المادة 1".

The words come from each language's data file (`labels`, `labels_joined`, `label_frames`, `label_ordinals`).

Shared by the body parser and the importer, so both read a headed unit the same way.
"""

from __future__ import annotations

import re

from .language_data import UNIT_KINDS, all_data, cached
from .scripts_data import ARABIC_INDIC, ascii_digits


@cached
def label_words() -> dict[str, tuple[str, ...]]:
    """Words that head a numbered unit, per kind, from every language's data (`labels:`); a languages.yml
    entry's own `labels:` is read too."""
    from .languages import load_config

    words: dict[str, tuple[str, ...]] = {kind: () for kind in UNIT_KINDS}
    entries = load_config()["languages"]
    for lang, data in all_data().items():
        for source in (data.get("labels"), (entries.get(lang) or {}).get("labels")):
            for kind, found in (source or {}).items():
                if kind in words:
                    words[kind] = tuple(dict.fromkeys(words[kind] + tuple(found)))
    return words


def _merged(key: str) -> dict:
    """One mapping kind → [entries] over every language's data (`labels_joined`, `label_frames`)."""
    out: dict[str, list] = {}
    for data in all_data().values():
        for kind, items in (data.get(key) or {}).items():
            out.setdefault(kind, []).extend(items)
    return out


@cached
def ordinal_words() -> dict[str, int]:
    """Numbers written as words after a label: "Article premier" (`label_ordinals`)."""
    return {word: n for data in all_data().values() for word, n in (data.get("label_ordinals") or {}).items()}


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}


def zh_number(text: str) -> int | None:
    """Chinese numerals up to 9999: 一 → 1, 十三 → 13, 二十五 → 25, 一百零三 → 103."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


_ZH_NUM = "[0-9〇零一二两三四五六七八九十百千]+"


@cached
def _label_regexes() -> tuple[re.Pattern | None, list[tuple[str, re.Pattern]]]:
    """(spaced words: "Article 5", "Article premier"; [(kind, regex)] for joined words and frames: 规则43, 第一条)."""
    words = sorted((w for ws in label_words().values() for w in ws), key=len, reverse=True)
    numbers = "|".join([r"\d+", f"[{ARABIC_INDIC}]+"] + [re.escape(w) for w in ordinal_words()])
    spaced = re.compile(
        r"^(?P<word>" + "|".join(map(re.escape, words)) + rf")\s+(?P<num>{numbers})\b\.?\s*(?P<rest>.*)$",
        re.IGNORECASE,
    ) if words else None
    joined: list[tuple[str, re.Pattern]] = []
    for kind, frames in _merged("label_frames").items():
        for before, after in frames:
            joined.append((kind, re.compile(rf"^{re.escape(before)}(?P<num>{_ZH_NUM}){re.escape(after)}\s*(?P<rest>.*)$")))
    for kind, found in _merged("labels_joined").items():
        alternatives = "|".join(map(re.escape, found))
        joined.append((kind, re.compile(rf"^(?:{alternatives})\s*(?P<num>{_ZH_NUM})\s*(?P<rest>.*)$")))
    return spaced, joined


def parse_label(text: str) -> tuple[str, int, str] | None:
    """Return (kind, number, rest of the line) for a unit label, or None."""
    text = text.strip()
    spaced, joined = _label_regexes()
    m = spaced.match(text) if spaced else None
    if m:
        word = m.group("word").lower()
        kind = next(k for k, ws in label_words().items() if word in (w.lower() for w in ws))
        raw = m.group("num").lower()
        number = ordinal_words().get(raw) or int(ascii_digits(raw))
        return kind, number, m.group("rest")
    for kind, regex in joined:
        m = regex.match(text)
        if m:
            number = zh_number(m.group("num"))
            return (kind, number, m.group("rest")) if number else None
    return None


ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
ROMAN_LOWER = re.compile(r"^(?=[ivxlc])(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")


def is_roman(text: str) -> bool:
    return bool(ROMAN.match(text))


def roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total, prev = 0, 0
    for ch in reversed(text.lower()):
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total
