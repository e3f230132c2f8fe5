"""A cited place ("section III, paragraph 7 (c)", "annex, paragraph 23", "rule 43"): read it, find its unit.

A place is found in a document by its structure, never by building an id string, so that it works both
where paragraph numbers restart in every section (`sec-III-para-7-c`) and where they run on
(`annex-para-14` inside the annex's section II).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..labels import roman_value, zh_number
from ..language_data import cached
from ..model import HEADED_KINDS, Document, Unit
from ..scripts_data import ascii_digits
from .patterns import Language, language

_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_CYRILLIC_LOOKALIKE = str.maketrans("асеохі", "aceoxi")  # Cyrillic letters that look like Latin ones
_ITEM = re.compile(r"[(（]?\s*([a-zасеохі]{1,5}|هـ|[\u0621-\u064a])\s*[)）]")


@dataclass(frozen=True)
class Place:
    """Where in a document a mention points. Empty fields are not stated."""

    annex: str | None = None  # "" for "annex", "II" for "annex II"
    section: str | None = None  # a roman numeral
    subsection: str | None = None  # "A"
    paragraph: str | None = None
    items: tuple[str, ...] = ()  # ("c",), ("a", "ii")
    headed: tuple[str, str] | None = None  # ("rule", "43")

    def describe(self) -> str:
        """In English, for messages: 'annex, section II, paragraph 7 (c)'."""
        parts = []
        if self.annex is not None:
            parts.append(f"annex {self.annex}".strip())
        if self.section:
            parts.append(f"section {self.section}{'.' + self.subsection if self.subsection else ''}")
        if self.headed:
            parts.append(f"{self.headed[0]} {self.headed[1]}")
        if self.paragraph:
            parts.append(f"paragraph {self.paragraph}")
        text = ", ".join(parts)
        return text + "".join(f" ({i})" for i in self.items)


_NEVER = re.compile(r"(?!)")


@cached
def place_regexes(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a whole place, a place right before a mention, a place right after one) for a language; for a
    language without citation wording, patterns that match nothing."""
    spec = language(lang)
    if spec is None:
        return _NEVER, _NEVER, _NEVER
    part = _part_pattern(spec)
    place = rf"(?:{part})(?:(?:{spec.place_sep})(?:{part}))*"
    flags = 0  # the patterns say themselves where case does not matter ("[Ss]ection")
    whole = re.compile(place, flags)
    lead = re.compile(rf"(?P<place>{place})(?:{spec.lead})", flags)
    trail = re.compile(rf"(?:{spec.trail})(?P<place>{place})", flags)
    return whole, lead, trail


def _part_pattern(spec: Language) -> str:
    headed = "|".join(w for w, _k in spec.headed)
    strip = re.compile(r"\(\?P<\w+>")  # the parts are combined; only `parse_place` needs their groups
    parts = [spec.annex, spec.section, spec.paragraph, spec.item, rf"(?:{headed})\s*\d+"]
    return "|".join(f"(?:{strip.sub('(?:', p)})" for p in parts)


@cached
def _part_regexes(lang: str) -> list[tuple[str, re.Pattern]]:
    spec = language(lang)
    if spec is None:
        return []
    flags = 0  # the patterns say themselves where case does not matter ("[Ss]ection")
    regexes = [("annex", re.compile(spec.annex, flags)), ("section", re.compile(spec.section, flags)),
               ("paragraph", re.compile(spec.paragraph, flags)), ("item", re.compile(spec.item, flags))]
    regexes += [(f"headed:{kind}", re.compile(rf"(?:{word})\s*(?P<n>\d+)", flags)) for word, kind in spec.headed]
    return regexes


def _section_number(raw: str, spec: Language) -> str:
    raw = raw.strip()
    if raw in spec.ordinals:
        return _ROMANS[spec.ordinals.index(raw)]
    n = zh_number(raw) if not raw.isascii() else None
    if n and 0 < n <= len(_ROMANS):
        return _ROMANS[n - 1]
    return raw.upper()


def _item(raw: str, spec: Language) -> str:
    raw = raw.replace("ـ", "")
    if spec.item_letters and raw in spec.item_letters:
        return chr(ord("a") + spec.item_letters.index(raw))
    return raw.lower().translate(_CYRILLIC_LOOKALIKE)


def parse_place(text: str, lang: str) -> Place | None:
    """The parts of a place, in any order: "paragraph 7 (c) of section III" = "section III, paragraph 7 (c)"."""
    spec = language(lang)
    if spec is None:
        return None
    found: dict = {}
    items: list[str] = []
    taken: list[tuple[int, int]] = []
    for name, regex in _part_regexes(lang):
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            if name == "annex":
                found["annex"] = (m.group("n") or "").upper()
            elif name == "section":
                found["section"] = _section_number(m.group("n"), spec)
                if m.groupdict().get("sub"):
                    found["subsection"] = m.group("sub").upper()
            elif name == "paragraph":
                found["paragraph"] = ascii_digits(m.group("n"))
                raw = (m.group("items") or "") + (m.groupdict().get("items2") or "")
                items = [_item(i, spec) for i in _ITEM.findall(raw)] + items
            elif name == "item":
                items.append(_item(m.group("i"), spec))
            else:
                found["headed"] = (name.split(":", 1)[1], m.group("n"))
    if not found and not items:
        return None
    return Place(items=tuple(items), **found)


# -- finding the unit ------------------------------------------------------------------------------
class PlaceNotFound(Exception):
    """The place is not in the document (or is there more than once); the message says which."""


def _descend(units: list[Unit], match) -> list[Unit]:
    """Units matching `match` below `units`, not looking inside annexes or inside a match."""
    out: list[Unit] = []
    for unit in units:
        if match(unit):
            out.append(unit)
            continue
        if unit.kind != "annex":
            out.extend(_descend(unit.children, match))
    return out


def _one(candidates: list[Unit], what: str) -> Unit:
    if not candidates:
        raise PlaceNotFound(f"there is no {what}")
    if len(candidates) > 1:
        raise PlaceNotFound(f"there is more than one {what} ({', '.join(u.id for u in candidates[:3])})")
    return candidates[0]


def locate(doc: Document, place: Place) -> Unit:
    """The unit a place names in `doc`; raises PlaceNotFound."""
    scope = [u for u in doc.units if u.kind != "footnote"]
    found: Unit | None = None
    if place.annex is not None:
        annexes = [u for u in doc.units if u.kind == "annex"]
        if place.annex:
            annexes = [u for u in annexes if (u.number or "").upper() == place.annex
                       or (u.number or "").isdigit() and place.annex.isalpha() and int(u.number) == roman_value(place.annex)]
        found = _one(annexes, f"annex {place.annex}".strip() if place.annex else "annex")
        scope = found.children
    if place.section:
        found = _one(_descend(scope, lambda u: u.kind == "section" and (u.number or "").upper() == place.section),
                     f"section {place.section}")
        scope = found.children
    if place.subsection:
        found = _one(_descend(scope, lambda u: u.kind == "subsection" and u.number == place.subsection),
                     f"sub-section {place.subsection}")
        scope = found.children
    if place.headed:
        kind, number = place.headed
        found = _one(_descend(scope, lambda u: u.kind == kind and u.number == number), f"{kind} {number}")
        scope = found.children
    if place.paragraph:
        def is_para(u: Unit) -> bool:
            return u.kind == "paragraph" and u.number == place.paragraph
        if place.headed:
            candidates = [u for u in scope if is_para(u)]
        else:  # a paragraph of an article is named by its article, not alone
            candidates = _descend([u for u in scope if u.kind not in HEADED_KINDS or u.kind == "paragraph"], is_para)
        found = _one(candidates, f"paragraph {place.paragraph}")
    for item in place.items:
        if found is None:
            raise PlaceNotFound(f"there is no ({item}) without a paragraph")
        found = _one([u for u in found.children if u.kind in ("item", "subitem") and u.number == item],
                     f"({item}) in {found.id}")
    if found is None:
        raise PlaceNotFound("the place names nothing")
    return found
