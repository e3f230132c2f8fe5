"""A document's references to its own units: "rules 7 and 8", "rules 50 to 52", "paragraph 2 of rule 47",
"paragraphs 1 and 2 of rule 71", "paragraph 1 of this rule".

The words come from the language's data file (`citations:` `headed`, `paragraph`, `sep`, and the optional
`internal`, `this_unit` and `range`); a language without them links none. A reference is linked only where the
document has the unit it names (found by structure, compendium/citations/places.py), so "rule 43" in a
resolution that has no rules stays text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..language_data import cached
from ..model import Document, Unit
from .patterns import language
from .places import Place, PlaceNotFound, locate

_NUMBER = re.compile(r"\d+")


class Reference(NamedTuple):
    start: int
    end: int
    unit_id: str


class _Patterns(NamedTuple):
    with_paragraph: re.Pattern  # "paragraph(s) N (and M) of rule K" / "... of this rule"
    headed: re.Pattern  # "rule(s) N (and M, to P)"
    kinds: tuple[tuple[re.Pattern, str], ...]  # a headed word → its unit kind
    elsewhere: re.Pattern  # what joins a place to another document's name ("rule 67 of the United Nations …")


@cached
def _patterns(lang: str) -> _Patterns | None:
    spec = language(lang)
    if spec is None or not spec.internal or not spec.headed:
        return None
    words = "|".join(f"(?:{word})" for word, _kind in spec.headed)
    joins = f"(?:{spec.sep})" + (f"|(?:{spec.range})" if spec.range else "")
    numbers = rf"\d+(?:(?:{joins})\d+)*"
    paragraph = re.sub(r"\(\?P<(\w+)>", "(?:", spec.paragraph.split("(?P<items>")[0])  # the word and number only
    this = f"(?P<this>{spec.this_unit})(?P<tword>{words})\\b" if spec.this_unit else "(?!)"
    with_paragraph = re.compile(
        rf"(?P<paras>{paragraph}(?:(?:{spec.sep})\d+)*)(?:{spec.internal})"
        rf"(?:{this}|(?P<word>{words})\s+(?P<num>\d+)\b)")
    headed = re.compile(rf"\b(?P<word>{words})\s+(?P<nums>{numbers})\b")
    kinds = tuple((re.compile(f"(?:{word})"), kind) for word, kind in spec.headed)
    return _Patterns(with_paragraph, headed, kinds, re.compile(f"(?:{spec.place_sep})"))


def may_refer(text: str, lang: str) -> bool:
    patterns = _patterns(lang)
    return patterns is not None and patterns.headed.search(text) is not None


def _kind(patterns: _Patterns, word: str) -> str | None:
    return next((kind for rx, kind in patterns.kinds if rx.fullmatch(word)), None)


def _of_another_document(patterns: _Patterns, text: str, end: int) -> bool:
    """"rule 67 of the United Nations Rules for …": a place in a document named right after it."""
    join = patterns.elsewhere.match(text, end)
    return bool(join) and join.end() > end and join.end() < len(text) and text[join.end()].isupper()


def _unit(doc: Document, place: Place, within: Unit | None) -> str | None:
    """The unit's id; None where there is none, or where it is the unit the text heads ("Rule 43" itself)."""
    try:
        unit = locate(doc, place)
    except PlaceNotFound:
        return None
    return None if within is not None and unit.id == within.id else unit.id


def references(text: str, doc: Document, lang: str, within: Unit | None = None) -> list[Reference]:
    """The references in `text` to units of `doc` that exist; `within` is the headed unit ("this rule") the
    text belongs to."""
    patterns = _patterns(lang)
    if patterns is None:
        return []
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for m in patterns.with_paragraph.finditer(text):
        if m.group("this") is not None:
            kind = _kind(patterns, m.group("tword"))
            if within is None or within.kind != kind or not within.number:
                continue
            headed = (kind, within.number)
        else:
            kind = _kind(patterns, m.group("word"))
            if kind is None:
                continue
            headed = (kind, m.group("num"))
        taken.append(m.span())
        if m.group("this") is None and _of_another_document(patterns, text, m.end()):
            continue
        numbers = list(_NUMBER.finditer(m.group("paras")))
        for i, number in enumerate(numbers):  # "paragraphs 1" and "2 of rule 71": one link each
            unit_id = _unit(doc, Place(headed=headed, paragraph=number.group()), within)
            if unit_id is None:
                continue
            start = m.start("paras") if i == 0 else m.start("paras") + number.start()
            end = m.end() if i == len(numbers) - 1 else m.start("paras") + number.end()
            found.append(Reference(start, end, unit_id))
    for m in patterns.headed.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        kind = _kind(patterns, m.group("word"))
        if kind is None or _of_another_document(patterns, text, m.end()):
            continue
        for i, number in enumerate(_NUMBER.finditer(m.group("nums"))):
            unit_id = _unit(doc, Place(headed=(kind, number.group())), within)
            if unit_id is None:
                continue
            at = m.start("nums") + number.start()
            found.append(Reference(m.start() if i == 0 else at, m.start("nums") + number.end(), unit_id))
    return sorted(found)
