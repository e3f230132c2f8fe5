"""A compact search index per language: one entry per paragraph, so a result leads to the paragraph itself.

Instead of every paragraph's full text (what a lunr index ships), the index holds the language's
vocabulary, each word's stem group, and for each stem the paragraphs it occurs in, delta-coded. The
browser looks a query word up in the vocabulary, widens it to its stem group (Snowball stemming at build
time, so the browser needs no stemmer) or to the words it begins, and intersects the paragraphs.
A reader downloads only the index of the language being read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

from .languages import info
from .model import Document, Unit

_MARKUP = re.compile(r"\[\^[^\]]+\]|[*_`]|\[([^\]]*)\]\([^)]*\)|<[^>]+>")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"\w+")
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None})
SNIPPET_WORDS = 14


def plain(text: str) -> str:
    """Unit text without Markdown markup or footnote markers."""
    return re.sub(r"\s+", " ", _MARKUP.sub(lambda m: m.group(1) or "", text)).strip()


def fold(word: str) -> str:
    """What a reader may type for a word: lower case, no accents or Arabic vowel marks, one alef."""
    word = unicodedata.normalize("NFD", word.casefold().translate(_ARABIC_FORMS))
    return unicodedata.normalize("NFC", "".join(c for c in word if not unicodedata.combining(c)))


@lru_cache(maxsize=1)
def _jieba():
    import jieba  # loaded only for Chinese; its dictionary takes half a second to load

    jieba.setLogLevel(60)
    return jieba


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    name = info(lang).get("stemmer")
    if not name:
        return None
    import Stemmer  # PyStemmer: the Snowball algorithms in C

    return Stemmer.Stemmer(name)


def words(text: str, lang: str, is_plain: bool = False) -> list[str]:
    """The words of a text; Chinese is cut into words by dictionary (no HMM: four times faster)."""
    if not is_plain:
        text = plain(text)
    if not _HAN.search(text):
        return _WORD.findall(text)
    out: list[str] = []
    for token in _WORD.findall(text):
        if _HAN.search(token):
            for piece in _HAN.split(token):
                out.extend(_WORD.findall(piece))
            for han in _HAN.findall(token):
                out.extend(w for w in _jieba().cut_for_search(han, HMM=False) if w.strip())  # 预防犯罪 also as 预防, 犯罪
        else:
            out.append(token)
    return out


def unit_label(path: list[Unit]) -> str:
    """A short reference to a unit from its place: 'III 7 (c)', 'Article 3', 'Annex 23'."""
    parts = []
    for unit in path:
        if unit.kind in ("section", "subsection", "paragraph"):
            parts.append(unit.number or "")
        elif unit.kind in ("item", "subitem"):
            parts.append(f"({unit.number})")
        elif unit.kind == "footnote":
            parts.append(f"[{unit.number}]")
        elif unit.heading:
            parts.append(plain(unit.heading))
    return " ".join(p for p in parts if p)


def _walk_with_path(units: Iterable[Unit], path: list[Unit]):
    for unit in units:
        yield unit, path + [unit]
        yield from _walk_with_path(unit.children, path + [unit])


def _snippet(text: str, lang: str) -> str:
    if lang.startswith("zh") or _HAN.search(text[:20]):
        return text[:40] + ("…" if len(text) > 40 else "")
    parts = text.split(" ")
    return " ".join(parts[:SNIPPET_WORDS]) + (" …" if len(parts) > SNIPPET_WORDS else "")


def build_index(documents: Iterable[Document], lang: str) -> dict[str, Any]:
    stemmer = _stemmer(lang)
    docs: list[list[str]] = []
    units: list[list[Any]] = []
    stem_of: dict[str, str] = {}  # folded word -> stem
    seen: dict[str, tuple[str, str]] = {}  # word as written -> (folded, stem): each is worked out once
    postings: dict[str, list[int]] = {}
    for doc in documents:
        doc_index = len(docs)
        docs.append([doc.ref.path, plain(doc.display_title)])
        entries = [(None, [], plain(doc.title + " " + (doc.meta.short_title or "")))]
        entries += [(u, p, plain(" ".join(t for t in (u.heading or "", u.text) if t))) for u, p in _walk_with_path(doc.units, [])]
        for unit, path, text in entries:
            if not text:
                continue
            unit_index = len(units)
            units.append([doc_index, unit.id if unit else "", unit_label(path), _snippet(text, lang) if unit else ""])
            stems_here = set()
            for word in set(words(text, lang, is_plain=True)):
                known = seen.get(word)
                if known is None:
                    key = fold(word)
                    stem = stem_of.get(key) or (fold(stemmer.stemWord(word.casefold())) if stemmer else key)
                    stem_of[key] = stem
                    known = seen[word] = (key, stem)
                stems_here.add(known[1])
            for stem in stems_here:
                postings.setdefault(stem, []).append(unit_index)
    stems = sorted(postings)
    stem_number = {s: i for i, s in enumerate(stems)}
    terms = sorted(stem_of)

    def encode(ids: list[int]) -> str:
        # Ascending unit numbers as gaps: small numbers, a few bytes each.
        return ",".join(map(str, [ids[0]] + [b - a for a, b in zip(ids, ids[1:])]))

    return {
        "version": 1,
        "lang": lang,
        "docs": docs,
        "units": units,
        "terms": terms,
        "stems": [stem_number[stem_of[t]] for t in terms],
        "postings": [encode(postings[s]) for s in stems],
    }


def search(index: dict[str, Any], query: str) -> list[int]:
    """The same lookup as the browser's, for tests and tools: unit numbers matching every query word."""
    import bisect

    terms, stems = index["terms"], index["stems"]

    def units_of(stem: int) -> set[int]:
        out, n = set(), 0
        for part in index["postings"][stem].split(","):
            n += int(part)
            out.add(n)
        return out

    def lookup(key: str) -> set[int]:
        matched: set[int] = set()
        i = bisect.bisect_left(terms, key)
        if i < len(terms) and terms[i] == key:
            matched |= units_of(stems[i])
        if len(key) >= 3 or _HAN.search(key):
            while i < len(terms) and terms[i].startswith(key):
                matched |= units_of(stems[i])
                i += 1
        return matched

    result: set[int] | None = None
    lang = index["lang"]
    for word in words(query, lang):
        key = fold(word)
        matched = lookup(key)
        cut = 1  # another inflection than any in the texts: the word without its ending (as the browser does)
        while not matched and cut <= 2 and len(key) - cut >= 4 and not _HAN.search(key):
            matched, cut = lookup(key[:-cut]), cut + 1
        result = matched if result is None else result & matched
    return sorted(result or [])
