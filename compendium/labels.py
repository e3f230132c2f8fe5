"""Unit labels in the six languages: "Article 1", "Article premier", "Статья 1", "第一条", "المادة 1".

Shared by the body parser and the importer, so both read a headed unit the same way.
"""

from __future__ import annotations

import re

# Words that head a numbered unit, per kind, in ar, zh, en, fr, ru, es.
LABEL_WORDS: dict[str, tuple[str, ...]] = {
    "article": ("Article", "Artículo", "Articulo", "Статья", "المادة"),
    "rule": ("Rule", "Règle", "Regla", "Правило", "القاعدة"),
    "principle": ("Principle", "Principe", "Principio", "Принцип", "المبدأ"),
    "guideline": ("Guideline", "Directive", "Directriz", "Руководящее положение", "المبدأ التوجيهي"),
}


def _configured_words() -> None:
    """A further language brings its own label words in languages.yml (`labels: {article: [Artigo]}`)."""
    from .languages import load_config

    for entry in load_config()["languages"].values():
        for kind, words in (entry.get("labels") or {}).items():
            if kind in LABEL_WORDS:
                LABEL_WORDS[kind] = tuple(dict.fromkeys(LABEL_WORDS[kind] + tuple(words)))


_configured_words()
# Chinese writes 第N条 for an article and 规则N / 原则N / 准则N for the others.
ZH_SUFFIX = {"条": "article"}
ZH_PREFIX = {"规则": "rule", "原则": "principle", "准则": "guideline"}

ORDINAL_WORDS = {"premier": 1, "première": 1, "primero": 1, "primera": 1}

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


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


_words = sorted((w for ws in LABEL_WORDS.values() for w in ws), key=len, reverse=True)
_LATIN = re.compile(
    r"^(?P<word>" + "|".join(map(re.escape, _words)) + r")\s+(?P<num>\d+|[٠-٩۰-۹]+|premier|première|primero|primera)\b\.?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ZH_NUM = "[0-9〇零一二两三四五六七八九十百千]+"
_ZH_ARTICLE = re.compile(rf"^第(?P<num>{_ZH_NUM})(?P<suffix>条)\s*(?P<rest>.*)$")
_ZH_PREFIXED = re.compile(rf"^(?P<prefix>规则|原则|准则)\s*(?P<num>{_ZH_NUM})\s*(?P<rest>.*)$")


def parse_label(text: str) -> tuple[str, int, str] | None:
    """Return (kind, number, rest of the line) for a unit label, or None."""
    text = text.strip()
    m = _LATIN.match(text)
    if m:
        word = m.group("word").lower()
        kind = next(k for k, ws in LABEL_WORDS.items() if word in (w.lower() for w in ws))
        raw = m.group("num").lower()
        number = ORDINAL_WORDS.get(raw) or int(raw.translate(_ARABIC_INDIC))
        return kind, number, m.group("rest")
    m = _ZH_ARTICLE.match(text)
    if m:
        number = zh_number(m.group("num"))
        return (ZH_SUFFIX[m.group("suffix")], number, m.group("rest")) if number else None
    m = _ZH_PREFIXED.match(text)
    if m:
        number = zh_number(m.group("num"))
        return (ZH_PREFIX[m.group("prefix")], number, m.group("rest")) if number else None
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
