"""Unit ids: how `sec-III-para-7-c` is built, read and named, in one place.

An id comes from a unit's place in the structure, never from its wording, so it is the same in every
language: the body parser builds it (`unit_id`), the citation linker and the side-by-side view read it
(`parts`), and pages name it for a reader (`unit_label`: "section III, paragraph 7 (c)").
"""

from __future__ import annotations

import re
from typing import Callable

SEPARATOR = "-"
_ROMAN_OR_NUMBER = re.compile(r"[IVXLC]+|\d+")


# Sub-paragraph letters of the Arabic texts, in the order UN documents use (abjad): written as the text has them,
# their ids are the Latin letter in the same place ("(ب)" is item b), so that an id is the same in every language.
ARABIC_ITEM_LETTERS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر",
                       "ش", "ت", "ث", "خ", "ذ", "ض")


def item_mark(label: str) -> str:
    """The Latin letter of a sub-paragraph's label: "(ب)" → "b"; a Latin label is its own."""
    label = "هـ" if label == "ه" else label
    if label in ARABIC_ITEM_LETTERS:
        return chr(ord("a") + ARABIC_ITEM_LETTERS.index(label))
    return label


def unit_id(*parts: str | int | None) -> str:
    """The id of a unit from its parts, outermost first: unit_id("sec", "III", "para", 7, "c")."""
    return SEPARATOR.join(str(p) for p in parts if p is not None and str(p) != "")


def child_id(parent: str, *parts: str | int | None) -> str:
    """The id of a unit inside `parent`: child_id("sec-III-para-7", "c") → "sec-III-para-7-c"."""
    return unit_id(parent, *parts)


def footnote_id(label: str) -> str:
    return unit_id("fn", label)


def parts(uid: str) -> list[str]:
    return uid.split(SEPARATOR)


def unit_label(uid: str, _: Callable[[str], str], comma: str = ", ") -> str:
    """A reader's name for a unit id: 'sec-III-para-8-a' → 'section III, paragraph 8 (a)'; `comma` is the
    reader's language's (i18n.list_separator)."""
    tokens = parts(uid)
    names: list[str] = []
    items: list[str] = []
    words = {"sec": _("section %(n)s"), "para": _("paragraph %(n)s"), "rule": _("rule %(n)s"),
             "article": _("article %(n)s"), "principle": _("principle %(n)s"), "guideline": _("guideline %(n)s"),
             "prelim": _("preliminary observation %(n)s"),
             "preamble": _("preamble, paragraph %(n)s"), "fn": _("note %(n)s")}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token == "annex":
            roman = following if following and _ROMAN_OR_NUMBER.fullmatch(following) else None
            names.append(_("annex %(n)s") % {"n": roman} if roman else _("annex"))
            i += 2 if roman else 1
        elif token in words and following is not None:
            names.append(words[token] % {"n": following})
            i += 2
        elif token == "adoption":
            names.append(_("adoption"))
            i += 1
        elif token in ("h", "text") and following is not None and names:
            i += 2  # a heading or loose text: its number means nothing to a reader; its container names it
        elif re.fullmatch(r"[A-Z]", token) and names:
            names[-1] += f".{token}"  # a sub-section: section IV.A
            i += 1
        elif re.fullmatch(r"[a-z]{1,5}", token) and names:
            items.append(f"({token})")
            i += 1
        else:
            return uid
    return comma.join(names) + "".join(f" {item}" for item in items)
