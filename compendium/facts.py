"""Facts about a document read from its front matter: who adopted it, when, under which symbol.

Shared by the indexes, the citation index and anything else that orders or labels documents.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Document

BODIES = ("ga", "ecosoc", "congress", "commission")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def as_list(value: Any) -> list:
    """A front-matter value that may be one item or a list of them."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def adoptions(doc: Document) -> list[dict]:
    return [e for e in as_list(doc.metadata.get("adopted_by")) if isinstance(e, dict)]


def adoption_year(doc: Document) -> int | None:
    """The year of the first adoption: from its date, or from an ECOSOC number such as 1993/34."""
    for entry in adoptions(doc):
        for key in ("date", "resolution", "text"):
            match = _YEAR.search(str(entry.get(key) or ""))
            if match:
                return int(match.group(1))
    match = _YEAR.search(doc.id)
    return int(match.group(1)) if match and doc.collection == "resolutions" else None


def adopting_symbol(doc: Document) -> str | None:
    symbols = as_list(doc.metadata.get("symbol"))
    if symbols:
        return str(symbols[0])
    for entry in adoptions(doc):
        if entry.get("resolution"):
            return str(entry["resolution"])
    return None


def adopting_bodies(doc: Document) -> list[str]:
    bodies = [e["body"] for e in adoptions(doc) if e.get("body")]
    if not bodies and doc.collection == "resolutions" and doc.id.split("-")[0] in BODIES:
        bodies = [doc.id.split("-")[0]]
    return list(dict.fromkeys(bodies))
