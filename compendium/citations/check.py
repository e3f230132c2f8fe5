"""`compendium validate`: every mention that cannot be linked, or whose cited place is not there, is a warning;
so is a language with texts but no citation wording in its data file (once, at its first text)."""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Report
from ..language_data import data_file, languages_file
from ..model import Corpus, Document
from ..translating.markers import is_untranslated
from ..versions import source_language_of
from .index import CitationIndex, citation_index, unit_text
from .mentions import Mention
from .patterns import language

# A link the editor made by hand: whatever it names is already linked.
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|<https?://[^>]*>")


def check_citations(corpus: Corpus, report: Report, index: CitationIndex | None = None) -> int:
    """Add a warning for every unresolved mention in every file; return how many."""
    index = index or citation_index(corpus)
    count = check_wording(corpus, report)
    for doc in corpus.documents:
        lines: list[str] | None = None
        source = _source_of(corpus, doc)
        for unit in doc.walk():
            text = unit_text(unit)
            # A unit still in the source's words (marked untranslated) is read with the source language's wording.
            as_doc = source if source is not None and is_untranslated(unit) else doc
            if not text or not index.may_mention(text, as_doc.lang):
                continue
            linked = [m.span() for m in _MARKDOWN_LINK.finditer(text)]
            for resolution in index.resolve(text, as_doc):
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


def _source_of(corpus: Corpus, doc: Document) -> Document | None:
    """The source text of a translation (None for a source)."""
    versions = corpus.versions(doc.id)
    source = versions.get(source_language_of(versions))
    return source if source is not None and source is not doc and source.lang != doc.lang else None


def check_wording(corpus: Corpus, report: Report) -> int:
    """A warning for each language that has texts but no citation wording; return how many."""
    first: dict[str, Path] = {}
    for doc in corpus.documents:
        if doc.lang not in first or str(doc.path) < str(first[doc.lang]):
            first[doc.lang] = doc.path
    count = 0
    for lang, path in sorted(first.items()):
        if language(lang) is not None:
            continue
        name = _data_name(lang)
        report.warning(path, 1, 1, f"no citation wording for language '{lang}': resolution mentions and cited "
                                   "places in its texts are not linked", f"add citations: to {name}")
        count += 1
    return count


def _data_name(lang: str) -> str:
    """The language's data file as a translator would name it: `languages/pt.yml`."""
    where, folder = data_file(lang), languages_file().parent
    if where is None:
        return f"languages/{lang}.yml (beside {languages_file().name})"
    try:
        return where.relative_to(folder).as_posix()
    except ValueError:
        return str(where)


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
