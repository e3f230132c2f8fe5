"""Search entries per language: one per paragraph, so that a result leads to the paragraph itself.

The site writes them as the language's own index; a reader downloads only the language being read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from .model import Document, Unit

_MARKUP = re.compile(r"\[\^[^\]]+\]|[*_`]|\[([^\]]*)\]\([^)]*\)|<[^>]+>")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def plain(text: str) -> str:
    """Unit text without Markdown markup or footnote markers."""
    return re.sub(r"\s+", " ", _MARKUP.sub(lambda m: m.group(1) or "", text)).strip()


@lru_cache(maxsize=1)
def _jieba():
    import jieba  # loaded only for Chinese; its dictionary takes a second to load

    jieba.setLogLevel(60)
    return jieba


def segment(text: str, lang: str) -> str:
    """Chinese has no spaces: cut it into words, separated by zero-width spaces the search splits on.

    Dictionary-only cutting (no HMM) is four times faster and finds the words a reader types."""
    if not lang.startswith("zh"):
        return text
    return _HAN.sub(lambda m: "\u200b" + "\u200b".join(_jieba().cut(m.group(0), HMM=False)) + "\u200b", text).strip("\u200b")


def unit_label(path: list[Unit]) -> str:
    """A short reference to a unit from its place: 'III 7 (c)', 'Article 3', 'Annex 23'."""
    parts = []
    for unit in path:
        if unit.kind in ("section", "subsection"):
            parts.append(unit.number or "")
        elif unit.kind in ("paragraph",):
            parts.append(unit.number or "")
        elif unit.kind in ("item", "subitem"):
            parts.append(f"({unit.number})")
        elif unit.heading:
            parts.append(plain(unit.heading))
    return " ".join(p for p in parts if p)


def _walk_with_path(units: Iterable[Unit], path: list[Unit]):
    for unit in units:
        yield unit, path + [unit]
        yield from _walk_with_path(unit.children, path + [unit])


def entries(doc: Document, lang: str) -> list[dict[str, Any]]:
    base = f"{doc.collection}/{doc.id}/"
    title = segment(plain(doc.title), lang)
    out = [{"location": base, "title": title, "text": segment(plain(doc.metadata.get("short_title", "")), lang)}]
    for unit, path in _walk_with_path(doc.units, []):
        text = plain(" ".join(t for t in (unit.heading or "", unit.text) if t))
        if not text:
            continue
        label = unit_label(path) or (f"[{unit.number}]" if unit.kind == "footnote" else "")
        # The page's own entry carries the title; a paragraph's entry needs only its place.
        out.append({"location": f"{base}#{unit.id}", "title": label, "text": segment(text, lang)})
    return out
