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
        elif token == "item" and following is not None and names:
            items.append(f"({following})")  # a lettered item outside a numbered paragraph: annex (a)
            i += 2
        elif re.fullmatch(r"[A-Z]", token) and names:
            names[-1] += f".{token}"  # a sub-section: section IV.A
            i += 1
        elif re.fullmatch(r"[a-z]{1,5}", token) and names:
            items.append(f"({token})")
            i += 1
        else:
            return uid
    return comma.join(names) + "".join(f" {item}" for item in items)


# -- Akoma Ntoso eIds ---------------------------------------------------------------------------------------------
# A unit id read as AKN's naming convention writes an eId: each level `<element>_<number>`, levels joined by "__"
# ("sec-III-para-7-c" → "sec_III__para_7__item_c"). The words are AKN's abbreviations of the element names
# (section → sec, article → art, the unnamed containers → hcontainer, a note → authorialNote as the UN's own files
# name it); a sub-section letter is a `subsec`, a sub-paragraph's letter an `item`. Reversible: `from_eid`.
EID_LEVELS = "__"
EID_NUMBER = "_"
_EID_NAMES = {"sec": "sec", "para": "para", "rule": "rule", "article": "art", "principle": "principle",
              "guideline": "guideline", "prelim": "prelim", "recommendation": "recommendation",
              "preamble": "preamble", "fn": "authorialNote", "annex": "annex", "h": "hcontainer", "text": "text",
              "adoption": "adoption"}
_ID_NAMES = {v: k for k, v in _EID_NAMES.items()}
_BARE = ("annex", "adoption")  # levels that may stand without a number
_SUBSECTION, _ITEM = "subsec", "item"


def to_eid(uid: str) -> str:
    """A unit id as an Akoma Ntoso eId: "sec-III-para-7-c" → "sec_III__para_7__item_c"."""
    tokens, levels, i = parts(uid), [], 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token in _EID_NAMES and following is not None and _numbers(token, following):
            levels.append(_EID_NAMES[token] + EID_NUMBER + following)
            i += 2
        elif token in _BARE:
            levels.append(_EID_NAMES[token])
            i += 1
        elif re.fullmatch(r"[A-Z]", token) and levels:
            levels.append(_SUBSECTION + EID_NUMBER + token)
            i += 1
        elif token and EID_NUMBER not in token:
            levels.append(_ITEM + EID_NUMBER + token)
            i += 1
        else:
            raise ValueError(f"unit id {uid!r} has no eId")
    return EID_LEVELS.join(levels)


def _numbers(token: str, following: str) -> bool:
    """Whether `following` is the number of the level `token` ("para", "7"), not a level of its own ("h", "i")."""
    if token == "adoption" or following in _EID_NAMES:
        return False
    if token == "fn":
        return True  # a note's label, whatever it is
    if token in ("sec", "annex"):
        return bool(_ROMAN_OR_NUMBER.fullmatch(following))
    return following[:1].isdigit()


def from_eid(eid: str) -> str:
    """The unit id of an eId made by `to_eid`: "sec_III__para_7__item_c" → "sec-III-para-7-c"."""
    out: list[str] = []
    for level in eid.split(EID_LEVELS):
        name, _, number = level.partition(EID_NUMBER)
        if name in (_SUBSECTION, _ITEM) and number:
            out.append(number)
        elif name in _ID_NAMES and (number or _ID_NAMES[name] in _BARE):
            out.extend([_ID_NAMES[name], number] if number else [_ID_NAMES[name]])
        else:
            raise ValueError(f"eId {eid!r} is not one of a compendium unit")
    return unit_id(*out)
