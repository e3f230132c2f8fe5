"""Find instruments named by their title or short title in a text, in the text's language.

Titles come from the front matter of that language's instrument files. Whitespace, case and quote marks
may differ; nothing else may. Besides the title as written, a title is also matched without its
trailing parenthesis ("... Non-custodial Measures" for "... (the Tokyo Rules)") and without a leading
"United Nations" (each language's `title_prefix`, in its data file): such a variant is dropped when it
is another instrument's title or variant ("Standard Minimum Rules for the Treatment of Prisoners" stays the 1955 rules').
The longest title wins where two overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language_data import language_data
from ..model import Corpus
from .mentions import Mention
from .patterns import title_prefixes
from .places import parse_place, place_regexes

_QUOTES = "'\"‘’“”«»《》「」"
_DASHES = "-‐‑–—"
_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def normalise(title: str) -> str:
    text = re.sub(r"\s+", " ", title).strip().strip(_QUOTES).strip()
    for ch in _QUOTES:
        text = text.replace(ch, "'")
    for ch in _DASHES:
        text = text.replace(ch, "-")
    return text.casefold()


def variants(title: str, short_title: str | None) -> list[tuple[str, bool]]:
    """(wording, exact) pairs: the title and short title are exact; derived forms are not."""
    out = [(title, True)]
    if short_title:
        out.append((short_title, True))
    bare = _PAREN.sub("", title)
    derived = [bare] if bare != title else []
    for base in [title, bare]:
        for prefix in title_prefixes():  # "United Nations " in every language (its data file's title_prefix)
            if base.startswith(prefix):
                derived.append(base[len(prefix):])
    out += [(d, False) for d in derived if len(d) >= 12]
    return out


def _pattern(wording: str, inflection: dict | None = None) -> str:
    """A regex for the wording: any whitespace, any quote or dash, any case; in a language whose data gives
    `title_inflection` (Russian), each long word with any case ending ("Правил Нельсона Манделы" for
    "Правила Нельсона Манделы")."""
    if inflection:
        return r"\s+".join(_word_pattern(w, inflection) for w in re.sub(r"\s+", " ", wording.strip()).split(" "))
    parts = []
    for ch in re.sub(r"\s+", " ", wording.strip()):
        if ch == " ":
            parts.append(r"\s+")
        elif ch in _QUOTES:
            parts.append(f"[{re.escape(_QUOTES)}]")
        elif ch in _DASHES:
            parts.append(f"[{re.escape(_DASHES)}]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _word_pattern(word: str, inflection: dict) -> str:
    letters = len(word) >= inflection["min"] and word.isalpha()
    if not letters:
        return _pattern(word)
    return _pattern(word[: len(word) - inflection["cut"]]) + r"\w{0,%d}" % inflection["ending"]


def _anchor_word(word: str, inflection: dict | None) -> str:
    if inflection and len(word) >= inflection["min"] and word.isalpha():
        return word[: len(word) - inflection["cut"]]
    return word


@dataclass
class _Entry:
    wording: str
    doc_id: str
    anchor: str  # a lowercase piece of the wording that a text must hold for it to match
    exact: bool  # a title as written matches in any case; a derived form only as capitalised
                 # ("a declaration on crime and public security" is no title)
    inflection: dict | None = None

    def pattern(self) -> str:
        if self.exact:
            return f"(?i:{_pattern(self.wording, self.inflection)})"
        first = self.wording[0]
        head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]" if first.isalpha() else re.escape(first)
        if self.inflection:  # the first word's case ending too: the pattern from its second letter
            return head + _pattern(self.wording, self.inflection)[len(re.escape(first)):]
        return head + _pattern(self.wording[1:])


def _anchor(wording: str, inflection: dict | None = None) -> str:
    words = normalise(wording).split(" ")
    if len(words) == 1:  # Chinese: no spaces
        return words[0][:4]
    return _anchor_word(max(words, key=len), inflection)


class TitleMatcher:
    """The titles of one language's instruments, compiled once."""

    def __init__(self, corpus: Corpus, lang: str):
        self.lang = lang
        inflection = language_data(lang).get("title_inflection")
        owners: dict[str, set[str]] = {}
        exact: dict[str, str] = {}
        derived: set[str] = set()
        wordings: dict[str, str] = {}
        for doc in corpus.documents:
            if doc.lang != lang or doc.collection != "instruments":
                continue
            for wording, is_exact in variants(doc.title, doc.meta.short_title):
                key = normalise(wording)
                if not key:
                    continue
                if is_exact:
                    exact.setdefault(key, doc.id)
                else:
                    derived.add(key)
                owners.setdefault(key, set()).add(doc.id)
                wordings.setdefault(key, wording)
        entries = []
        for key, ids in owners.items():
            doc_id = exact.get(key) if key in exact else (next(iter(ids)) if len(ids) == 1 else None)
            if doc_id is not None:
                entries.append(_Entry(wordings[key], doc_id, _anchor(wordings[key], inflection), key in exact,
                                      inflection))
        entries.sort(key=lambda e: len(e.wording), reverse=True)  # the longest first
        self.entries = entries
        self._by_key = {normalise(e.wording): e.doc_id for e in entries}
        # where words inflect, a mention is told by the pattern it matches, not by its wording
        self._inflected = [(re.compile(e.pattern()), e.doc_id) for e in entries] if inflection else []
        # One regex per anchor word: a text is searched only for the titles whose anchor it holds.
        letter = r"[^\W\d\u00b9\u00b2\u00b3\u2070-\u2079]"  # a footnote number may touch a title; a letter may not
        self.groups: dict[str, re.Pattern] = {}
        for anchor in sorted({e.anchor for e in entries}):
            body = "|".join(f"(?:{e.pattern()})" for e in entries if e.anchor == anchor)  # longest first
            self.groups[anchor] = re.compile(rf"(?<!{letter})(?:{body})(?!{letter})" if lang != "zh" else f"(?:{body})")
        self._lead = place_regexes(lang)[1] if entries else None

    def _hits(self, text: str) -> list[str]:
        low = text.casefold()
        return [anchor for anchor in self.groups if anchor in low]

    def may_mention(self, text: str) -> bool:
        return bool(self.groups) and bool(self._hits(text))

    def find(self, text: str, exclude: str | None = None) -> list[Mention]:
        """Title mentions in `text`; `exclude` is the citing instrument (a text naming itself is no citation)."""
        hits = self._hits(text) if self.groups else []
        if not hits:
            return []
        candidates = [m for anchor in hits for m in self.groups[anchor].finditer(text)]
        candidates.sort(key=lambda m: m.end() - m.start(), reverse=True)  # the longest title wins
        chosen: list[re.Match] = []
        for m in candidates:
            if all(m.end() <= c.start() or c.end() <= m.start() for c in chosen):
                chosen.append(m)
        chosen.sort(key=lambda m: m.start())
        out = []
        for m in chosen:
            doc_id = self._by_key.get(normalise(m.group()))
            if doc_id is None and self._inflected:
                doc_id = next((d for rx, d in self._inflected if rx.fullmatch(m.group())), None)
            if doc_id is None or doc_id == exclude:
                continue
            place = span = None
            lead = self._lead.search(text, max(0, m.start() - 120), m.start())
            if lead and lead.end() == m.start():
                span = (lead.start("place"), lead.end("place"))
                place = parse_place(text[span[0]:span[1]], self.lang)
            out.append(Mention("title", m.start(), m.end(), m.group(), doc_id=doc_id, place=place,
                               place_span=span if place else None))
        return out
