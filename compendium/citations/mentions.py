"""Find the resolutions and documents a text mentions: pure functions of the text and its language.

    find_mentions("Recalling its resolution 1992/22, section VI,", "en", own_body="ecosoc")

gives one Mention: resolution 1992/22 of the Economic and Social Council, place "section VI". A list
("resolutions 1986/11 of 21 May 1986, 1987/53 and 1988/44") gives one mention per number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language_data import cached
from ..scripts_data import ascii_digits
from .patterns import DIGIT, NUMBER, SYMBOL, Language, language
from .places import Place, parse_place, place_regexes

_NUMBER = re.compile(NUMBER)
_SYMBOL = re.compile(SYMBOL)
_HAS_DIGIT = re.compile(f"[{DIGIT}]")
_OLD_STYLE = re.compile(r"^(\d+)\s?([A-Z])?\s?\(([IVXLC]+)\)$")
BODIES = ("ga", "ecosoc", "commission", "other")


@dataclass(frozen=True)
class Mention:
    """One mention of a resolution, a document symbol or an instrument's title in a text."""

    kind: str  # "resolution", "symbol" or "title"
    start: int  # the words to link: text[start:end]
    end: int
    text: str
    number: str | None = None  # "1993/34", "46/152", "155 C (VII)"
    body: str | None = None  # "ga", "ecosoc", "commission", "other"; None when the text does not say
    body_source: str | None = None  # "stated", "its" (the citing text's own body) or "shape" (the number's form)
    body_words: str | None = None  # the body as the text names it
    symbol: str | None = None  # a document symbol as written, "E/CN.15/1994/6"
    doc_id: str | None = None  # a title mention: the instrument
    place: Place | None = None
    place_span: tuple[int, int] | None = None  # the words of the place, linked too

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end),) + ((self.place_span,) if self.place_span else ())

    def label(self) -> str:
        """For messages: 'resolution 1993/34, section III'."""
        what = self.symbol if self.kind == "symbol" else f"resolution {self.number}" if self.number else self.text
        return f"{what}, {self.place.describe()}" if self.place else what


def normalise_number(raw: str) -> str:
    """'１９９３ / 34' → '1993/34'; '155C(VII)' → '155 C (VII)'."""
    text = re.sub(r"\s+", " ", ascii_digits(raw)).strip()
    old = _OLD_STYLE.match(text)
    if old:
        return f"{old.group(1)} {old.group(2) + ' ' if old.group(2) else ''}({old.group(3)})"
    return re.sub(r"\s*/\s*", "/", text)


def number_shape(number: str) -> str | None:
    """'year' (1993/34: ECOSOC since 1978), 'session' (46/152: GA since 1976, the Commission), 'old' (155 C (VII))."""
    if _OLD_STYLE.match(number):
        return "old"
    first, _, second = number.partition("/")
    if not (first.isdigit() and second.isdigit()) or int(second) == 0:
        return None
    if len(first) == 4 and 1946 <= int(first) <= 2100:
        return "year"
    if 1 <= int(first) <= 99 and len(first) <= 2:
        return "session"
    return None


def infer_body(stated: str | None, its: bool, antecedent: str | None, number: str,
               own_body: str | None) -> tuple[str | None, str | None]:
    """(body, how it was known). 'its resolution' is the citing body's own; an unstated body is read
    from the number where its form allows only one (1993/34 is ECOSOC's; 46/152 in a GA text is the GA's)."""
    if stated:
        return stated, "stated"
    if its:
        body = antecedent or own_body
        return (body, "its") if body else (None, None)
    shape = number_shape(number)
    if shape == "year":
        return "ecosoc", "shape"
    if shape == "session" and own_body in ("ga", "commission"):
        return own_body, "shape"
    if shape == "old" and own_body in ("ga", "ecosoc"):
        return own_body, "shape"
    return None, None


def _alternatives(pairs: tuple[tuple[str, str], ...]) -> str:
    return "|".join(f"(?:{w})" for w, _b in pairs)


def _body_of(words: str | None, pairs: tuple[tuple[str, str], ...]) -> str | None:
    if not words:
        return None
    for wording, body in pairs:
        if re.fullmatch(wording, words.strip()) or re.fullmatch(wording, words):
            return body
    return None


@dataclass(frozen=True)
class _Compiled:
    spec: Language
    mention: re.Pattern
    antecedent: re.Pattern
    lead: re.Pattern
    trail: re.Pattern


@cached
def compiled(lang: str) -> _Compiled | None:
    """The language's patterns, compiled once; None for a language without citation wording."""
    spec = language(lang)
    if spec is None:
        return None
    item = rf"(?:{spec.date_before})?{spec.item_prefix}(?:{NUMBER}){spec.item_suffix}(?:{spec.date})?"
    post = rf"(?P<post>{_alternatives(spec.post_bodies)})?" if spec.post_bodies else ""
    tail = rf"(?P<tail>{spec.tail_word})" if spec.tail_word else ""
    head = spec.head.replace("{bodies}", _alternatives(spec.bodies) or "(?!)")
    pattern = rf"{head}(?P<list>{item}(?:(?:{spec.sep}){item})*){tail}{post}(?:{spec.date})?"
    antecedent = spec.antecedent.replace("{bodies}", _alternatives(spec.antecedent_bodies))
    _whole, lead, trail = place_regexes(lang)
    return _Compiled(spec, re.compile(pattern), re.compile(antecedent), lead, trail)


def may_mention(text: str, lang: str) -> bool:
    """A fast test: False when the text cannot hold a resolution number or a document symbol."""
    return _HAS_DIGIT.search(text) is not None


def find_mentions(text: str, lang: str, own_body: str | None = None) -> list[Mention]:
    """Every resolution mention and document symbol in `text`, in order.

    `own_body` is the body of the citing text ("ecosoc" for an ECOSOC resolution): what "its resolution"
    means there. Title mentions need the corpus; see titles.TitleMatcher. A language without citation
    wording (language data) has only its document symbols found.
    """
    if not may_mention(text, lang):
        return []
    found = _resolution_mentions(text, lang, own_body) + _symbol_mentions(text)
    found.sort(key=lambda m: m.start)
    return found


def _resolution_mentions(text: str, lang: str, own_body: str | None) -> list[Mention]:
    comp = compiled(lang)
    if comp is None:
        return []
    spec = comp.spec
    if spec.keywords and not any(k in text for k in spec.keywords) and not any(k in text.lower() for k in spec.keywords):
        return []
    out: list[Mention] = []
    for m in comp.mention.finditer(text):
        groups = m.groupdict()
        stated_words = groups.get("pre") or groups.get("mid") or groups.get("post")
        stated = (_body_of(groups.get("pre"), spec.bodies) or _body_of(groups.get("mid"), spec.bodies)
                  or _body_of(groups.get("post"), spec.post_bodies))
        its = bool(groups.get("its"))
        antecedent = None
        if its and not stated:
            before = comp.antecedent.search(text[max(0, m.start() - 80):m.start()])
            antecedent = _body_of(before.group("body"), spec.antecedent_bodies) if before else None
        numbers = list(_NUMBER.finditer(text, m.start("list"), m.end("list")))
        lead_place = trail_place = None
        if numbers:
            window_start = max(0, m.start() - 160)
            lead = comp.lead.search(text, window_start, m.start())
            if lead and lead.end() == m.start():
                lead_place = (lead.start("place"), lead.end("place"))
            trail = comp.trail.match(text, m.end())
            if trail:
                trail_place = (trail.start("place"), trail.end("place"))
        for index, n in enumerate(numbers):
            number = normalise_number(n.group())
            body, source = infer_body(stated, its, antecedent, number, own_body)
            start = m.start() if index == 0 else n.start()
            end = n.end()
            if index == 0 and len(numbers) == 1 and groups.get("tail"):
                end = m.end("tail")
            span = lead_place if index == 0 else None
            if index == len(numbers) - 1 and trail_place and not span:
                span = trail_place
            place = parse_place(text[span[0]:span[1]], lang) if span else None
            out.append(Mention("resolution", start, end, text[start:end], number=number, body=body, body_source=source,
                               body_words=_words(stated_words, spec), place=place,
                               place_span=span if place else None))
    return out


def _words(stated: str | None, spec: Language) -> str | None:
    """A body as the text names it, for messages: 'Commission on Narcotic Drugs' (without the language's `post_link`)."""
    if not stated:
        return None
    words = " ".join(stated.split())
    return re.sub(rf"^(?:{spec.post_link})\s+", "", words) if spec.post_link else words


def _symbol_mentions(text: str) -> list[Mention]:
    if "/" not in text:
        return []
    return [Mention("symbol", m.start(), m.end(), m.group(), symbol=re.sub(r"\s+", "", m.group()))
            for m in _SYMBOL.finditer(text)]


def own_body_of(doc_id: str, metadata: dict | None = None) -> str | None:
    """The body whose text this is: from the id of a resolution (`ecosoc-1993-34`, `ga-70-175`)."""
    prefix = doc_id.split("-", 1)[0]
    return prefix if prefix in ("ecosoc", "ga", "commission") else None
