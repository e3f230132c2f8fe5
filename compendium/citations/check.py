"""`compendium validate`: every mention that cannot be linked, or whose cited place is not there, is a warning."""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Report
from ..model import Corpus
from .index import CitationIndex, citation_index, unit_text
from .mentions import Mention

# A link the editor made by hand: whatever it names is already linked.
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|<https?://[^>]*>")


def check_citations(corpus: Corpus, report: Report, index: CitationIndex | None = None) -> int:
    """Add a warning for every unresolved mention in every file; return how many."""
    index = index or citation_index(corpus)
    count = 0
    for doc in corpus.documents:
        lines: list[str] | None = None
        for unit in doc.walk():
            text = unit_text(unit)
            if not text or not index.may_mention(text, doc.lang):
                continue
            linked = [m.span() for m in _MARKDOWN_LINK.finditer(text)]
            for resolution in index.resolve(text, doc):
                mention = resolution.mention
                if resolution.problem is None or any(s <= mention.start < e for s, e in linked):
                    continue
                if lines is None:
                    lines = _lines(doc.path)
                line, col = position(lines, unit.line, mention)
                message, hint = resolution.problem
                report.warning(doc.path, line, col, message, hint)
                count += 1
    return count


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def position(lines: list[str], first: int, mention: Mention) -> tuple[int, int]:
    """Line and column of the mention in the file, searched from the unit's first line (a paragraph may
    be wrapped over several lines); the unit's line when it cannot be found."""
    window = lines[max(0, first - 1):first + 199]
    for needle in (mention.text, mention.text.split()[-1] if mention.text.split() else "", mention.number or ""):
        if not needle:
            continue
        for offset, line in enumerate(window):
            col = line.find(needle)
            if col >= 0:
                return first + offset, col + 1
    return first, 1
