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
from .classify import CHAPEAU_IN_LINE, Piece, classify
from .cleanup import clean_lines
from .documents import place_footnotes, split
from .metadata import dump, front_matter
from .paragraphs import _blocks, marks_word_ends, paragraphs, split_items, split_run_on
from .vocabulary import Vocabulary

__all__ = ["ImportedDocument", "duplicate_ids", "import_text", "problems"]


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


def problems(doc: ImportedDocument) -> Report:
    """What `compendium validate` would say of the file on its own (errors and warnings), as
    `loader.load_file` reads a file, from the text in memory: an imported file is written only if it
    validates as it is."""
    from ..frontmatter import load_yaml
    from ..loader import _check_unsafe
    from ..schema import check_metadata, typed_metadata

    report = Report()
    path = Path(doc.collection) / doc.id / f"{doc.lang}.md"
    lines = doc.markdown.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    loaded = load_yaml(path, "\n".join(lines[1:end]), 2, report) if lines[0] == "---" and end else None
    if loaded is None or not isinstance(loaded[0], dict):
        report.error(path, 1, 1, "the front matter cannot be read", "report this as a bug of the importer")
        return report
    meta, key_lines = loaded
    if not check_metadata(path, doc.collection, doc.id, doc.lang, meta, key_lines, report):
        return report
    body, body_line = "\n".join(lines[end + 1:]), end + 2
    _check_unsafe(path, body, body_line, report)
    typed = typed_metadata(meta)
    units = parse_body(path, body, body_line, report, typed.numbering, typed.footnotes_missing)
    if typed.completeness in ("complete", "partial") and not any(u.kind != "footnote" for u in units):
        report.error(path, key_lines.get("completeness", 1), 1, f"'completeness: {typed.completeness}' but the file "
                     "has no text", "check that the input holds the text")
    return report


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


# What a translation takes from the file of its source language: the facts about the document as a work.
IDENTITY_KEYS = ("id", "kind", "symbol", "adopted_by", "cluster", "status", "supersedes", "superseded_by", "related",
                 "source", "source_language", "numbering", "verified", "verification_note")
_ORDER = ("id", "kind", "title", "short_title", "symbol", "adopted_by", "cluster", "status", "supersedes",
          "superseded_by", "related", "source", "source_language", "completeness", "completeness_note", "verified",
          "verification_note", "footnotes_missing", "numbering")


def _identity(meta: dict, doc_id: str | None, cluster: str | None, source: dict | None) -> dict:
    """The front matter with the identity the caller knows: the source-language file's (a translation), then
    `doc_id` and `cluster`. The importer's own guesses about the identity give way to them."""
    meta = dict(meta)
    if source:
        for key in ("symbol", "adopted_by", "verified", "verification_note"):
            meta.pop(key, None)  # guessed from this text; the source file's facts replace them
        meta.update({k: source[k] for k in IDENTITY_KEYS if k in source})
    if doc_id:
        meta["id"] = doc_id
    if cluster:
        meta["cluster"] = cluster
    return {k: meta[k] for k in _ORDER if k in meta} | {k: v for k, v in meta.items() if k not in _ORDER}


def import_text(text: str, lang: str, kind: str | None = None, *, doc_id: str | None = None,
                cluster: str | None = None, source: dict | None = None) -> list[ImportedDocument]:
    """Every document in the text; `kind` ("resolution" or "instrument") overrides the guess. `doc_id` and
    `cluster` set those keys; `source` is the front matter of the document's source-language file, when the
    text is a translation: its identity (id, kind, symbol, adoption, cluster…) is taken from there."""
    if source and kind is None and isinstance(source.get("kind"), str):
        kind = "resolution" if source["kind"] == "resolution" else "instrument"
    if kind not in (None, "resolution", "instrument"):
        raise ValueError(f"kind must be 'resolution' or 'instrument', not {kind!r}")
    lines = clean_lines(text)
    marked = marks_word_ends(_blocks(lines))
    vocab = Vocabulary(((line.text, marked and line.spaced_end) for line in lines), lang)
    pieces = [classify(p) for p in split_items(split_run_on(paragraphs(lines, vocab), CHAPEAU_IN_LINE))]
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
        meta = _identity(meta, doc_id, cluster, source)
        if source or cluster:
            notes = [n for n in notes if "needs a 'cluster'" not in n[1] or "cluster" not in meta]
        if source or doc_id:
            notes = [n for n in notes if "no id can be made" not in n[1] and "imported as '" not in n[1]]
        repeated = _repeated_units(result, meta.get("numbering", "auto"))
        warnings = sorted(set(draft.notes + result.notes + notes + repeated))
        docs.append(ImportedDocument(meta["id"], collection, lang, dump(meta) + "\n" + result.markdown(), warnings,
                                     sorted(draft.front_lines), draft.line))
    return docs
