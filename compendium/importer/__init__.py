"""Import a plain-text or Markdown-ish UN text into content files (content/README.md).

The steps, one module each:

1. cleanup      raw text → numbered lines; footnote markers in Markdown spelling
2. paragraphs   lines → paragraphs, undoing hard line breaks and line-end hyphenation
                (hyphenation, with the evidence of vocabulary: the document's own words)
3. classify     what each paragraph is on its own: title, section, numbered paragraph…
4. documents    one input may hold several resolutions; footnotes go to the one citing them
5. assemble     a document's paragraphs in context → the Markdown body
6. metadata     the front matter, from what the text says; guesses marked unverified

Nothing is dropped: whatever cannot be placed is kept as a paragraph and reported as a warning
with its line in the input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..body import parse_body
from ..diagnostics import Report
from .assemble import Result, assemble
from .classify import Piece, classify
from .cleanup import clean_lines
from .documents import place_footnotes, split
from .metadata import dump, front_matter
from .paragraphs import _blocks, marks_word_ends, paragraphs
from .vocabulary import Vocabulary

__all__ = ["ImportedDocument", "duplicate_ids", "import_text"]


@dataclass
class ImportedDocument:
    id: str
    collection: str  # "resolutions" or "instruments"
    lang: str
    markdown: str  # the complete content file: front matter and body
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line in the input, message)
    front_lines: list[int] = field(default_factory=list)  # input lines whose text went into the front matter
    line: int = 1  # where the document starts in the input


def duplicate_ids(docs: list[ImportedDocument]) -> list[tuple[ImportedDocument, ImportedDocument]]:
    """Each document whose file would be another's of the same input, with the first one: (first, later)."""
    seen: dict[tuple[str, str, str], ImportedDocument] = {}
    found = []
    for doc in docs:
        key = (doc.collection, doc.id, doc.lang)
        if key in seen:
            found.append((seen[key], doc))
        else:
            seen[key] = doc
    return found


def _looks_like_resolution(pieces: list[Piece]) -> bool:
    kinds = {p.kind for p in pieces}
    if kinds & {"title", "header", "adoption"}:
        return True
    return "label" not in kinds and "chapeau" in kinds


def _repeated_units(result: Result, numbering: str = "auto") -> list[tuple[int, str]]:
    """Units the body parser would find twice ("Article 1" after "Article 1", paragraph 1 twice in one
    place), each with the input line of the repeat: the same parser as `compendium validate`, so that an
    import that would fail validation says so, and where, before the file is written."""
    starts: list[tuple[int, int]] = []  # (first line in the body, line in the input)
    line = 1
    for entry in result.entries:
        starts.append((line, entry.line))
        line += entry.markdown().count("\n") + 2  # entries are joined by blank lines
    report = Report()
    parse_body(Path("imported"), result.markdown(), 1, report, numbering, False)
    notes = []
    for diag in report.errors:
        if diag.message.startswith("duplicate unit id"):
            source = max((s for s in starts if s[0] <= diag.line), default=(1, 1))[1]
            first = diag.message.rsplit("line ", 1)[-1].rstrip(")")
            first_in = max((s for s in starts if str(s[0]) == first), default=(0, 0))[1] if first.isdigit() else 0
            where = f" (first at line {first_in})" if first_in else ""
            unit = diag.message.split("'")[1]
            notes.append((source, f"'{unit}' is numbered again{where}: the file would fail validation; "
                                  "correct the repeated number"))
    return notes


def import_text(text: str, lang: str, kind: str | None = None) -> list[ImportedDocument]:
    """Every document in the text; `kind` ("resolution" or "instrument") overrides the guess."""
    if kind not in (None, "resolution", "instrument"):
        raise ValueError(f"kind must be 'resolution' or 'instrument', not {kind!r}")
    lines = clean_lines(text)
    marked = marks_word_ends(_blocks(lines))
    vocab = Vocabulary(((line.text, marked and line.spaced_end) for line in lines), lang)
    pieces = [classify(p) for p in paragraphs(lines, vocab)]
    resolution = _looks_like_resolution(pieces) if kind is None else kind == "resolution"
    collection = "resolutions" if resolution else "instruments"
    drafts = split(pieces, resolution)
    place_footnotes(drafts)
    results = [assemble(d, vocab) for d in drafts]
    # An untitled fragment was most likely adopted by the same body as the rest of the file.
    bodies = {d.body or r.body for d, r in zip(drafts, results) if d.number} - {None}
    file_body = bodies.pop() if len(bodies) == 1 else None
    docs = []
    for index, (draft, result) in enumerate(zip(drafts, results)):
        meta, notes = front_matter(draft, result, lang, collection, index, file_body)
        repeated = _repeated_units(result, meta.get("numbering", "auto"))
        warnings = sorted(set(draft.notes + result.notes + notes + repeated))
        docs.append(ImportedDocument(meta["id"], collection, lang, dump(meta) + "\n" + result.markdown(), warnings,
                                     sorted(draft.front_lines), draft.line))
    return docs
