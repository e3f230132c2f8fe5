"""Load the content folder into a Corpus, checking every file and reporting every problem at once."""

from __future__ import annotations

import re
from pathlib import Path

from . import COLLECTIONS
from .body import parse_body
from .diagnostics import Report
from .frontmatter import read
from .history import HISTORY_FILE, read_history
from .languages import known_languages
from .model import Corpus, Document
from .schema import SLUG, check_metadata, typed_metadata
from .translating.checks import check_translations

# Raw HTML that could run in a reader's browser. The renderer neutralises it too; here it is refused.
UNSAFE = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> in the text"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "an HTML event handler attribute (on...=)"),
    (re.compile(r"javascript\s*:", re.I), "a 'javascript:' link"),
    (re.compile(r"<\s*(iframe|object|embed|style)\b", re.I), "raw <iframe>, <object>, <embed> or <style>"),
]


def _check_unsafe(path: Path, body: str, first_line: int, report: Report) -> None:
    for offset, line in enumerate(body.split("\n")):
        for pattern, what in UNSAFE:
            m = pattern.search(line)
            if m:
                report.error(path, first_line + offset, m.start() + 1, f"{what} is not allowed",
                             "remove it: content is text; use Markdown for emphasis and links")


def load_file(path: Path, collection: str, report: Report) -> Document | None:
    folder_id, lang = path.parent.name, path.stem
    raw = read(path, report)
    if raw is None or raw.metadata is None:
        return None
    if not check_metadata(path, collection, folder_id, lang, raw.metadata, raw.key_lines, report):
        return None
    _check_unsafe(path, raw.body, raw.body_line, report)
    meta = typed_metadata(raw.metadata)
    units = parse_body(path, raw.body, raw.body_line, report, meta.numbering, meta.footnotes_missing,
                       meta.translation.absent if meta.translation is not None else ())
    doc = Document(folder_id, collection, lang, path, raw.metadata, units, raw.key_lines, raw.body_line)  # id == folder, checked
    if meta.completeness == "none" and doc.has_text:
        report.warning(path, raw.key_lines.get("completeness", 1), 1, "'completeness: none' but the file has a text",
                       "set 'completeness: complete' or 'partial'")
    if meta.completeness in ("complete", "partial") and not doc.has_text:
        report.error(path, raw.key_lines.get("completeness", 1), 1,
                     f"'completeness: {meta.completeness}' but the file has no text",
                     "add the text below the front matter, or set 'completeness: none' for a catalogue record")
    ids = {u.id for top in units for u in top.walk()}
    for unit_id in meta.breaks_off:
        if unit_id not in ids:
            report.error(path, raw.key_lines.get("breaks_off", 1), 1, f"'breaks_off' names '{unit_id}', a unit the text "
                         "does not have", "write the id of the unit after which the source breaks off, e.g. 'para-2-f'")
    return doc


def load(content: Path, report: Report, languages: tuple[str, ...] | None = None,
         only: set[str] | None = None) -> Corpus:
    """Load every document; with `only`, just the files of those languages (a one-language preview)."""
    corpus = Corpus()
    langs = languages or known_languages()
    if not content.is_dir():
        what = "is not a folder" if content.exists() else "does not exist"
        report.error(content, 1, 1, f"the content folder {what}", "pass the right folder with --content")
        return corpus
    for entry in sorted(content.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            _check_stray(entry, content, langs, report)
            continue
        if entry.name not in COLLECTIONS:
            report.error(entry, 1, 1, f"unknown collection folder '{entry.name}'",
                         f"documents go in {' or '.join(COLLECTIONS)}")
            continue
        for folder in sorted(p for p in entry.iterdir() if not p.name.startswith(".")):
            if not folder.is_dir():
                report.error(folder, 1, 1, "a file directly in a collection folder",
                             f"move it to {entry.name}/<id>/<lang>.md")
                continue
            if not SLUG.match(folder.name):
                report.error(folder, 1, 1, f"folder name '{folder.name}' is not a valid id",
                             "use only a-z, 0-9 and single '-'")
                continue
            for path in sorted(folder.iterdir()):
                if path.name.startswith("."):
                    continue
                if path.name == HISTORY_FILE:  # the document's recorded history, not a language file
                    history = read_history(path, langs, report)
                    if history is not None:
                        corpus.histories[folder.name] = history
                    continue
                if only is not None and path.stem in langs and path.stem not in only:
                    continue
                if path.suffix != ".md" or path.stem not in langs:
                    report.error(path, 1, 1, f"'{path.name}' is not named after a known language",
                                 f"name content files <lang>.md with <lang> one of: {', '.join(langs)}")
                    continue
                doc = load_file(path, entry.name, report)
                if doc is not None:
                    corpus.documents.append(doc)
    _check_corpus(corpus, report)
    check_translations(corpus, report)  # needs every file parsed: a translation is checked against its source
    return corpus


# Files at the top of the content folder that are not documents: the editors' and translators' guides.
GUIDES = {"README.md", "TRANSLATING.md"}


def _check_stray(path: Path, content: Path, langs: tuple[str, ...], report: Report) -> None:
    """A file at the top of the content folder is never loaded: say so, unless it is a guide."""
    if path.name in GUIDES or path.suffix != ".md":
        return
    where = f"{' or '.join(f'{content}/{c}' for c in COLLECTIONS)}/<id>/<lang>.md"
    if path.stem in langs:
        report.error(path, 1, 1, "a content file at the top of the content folder is not loaded",
                     f"move it to {where}")
    else:
        report.warning(path, 1, 1, f"'{path.name}' at the top of the content folder is not loaded",
                       f"a document goes in {where}; a guide for editors belongs in README.md")


def _check_lineage(by_id: dict[str, Document], report: Report) -> None:
    """A document cannot supersede or be related to itself, and `supersedes` may not go round in a circle."""
    for doc in by_id.values():
        for key in ("supersedes", "superseded_by"):
            if getattr(doc.meta, key) == doc.id:
                report.error(doc.path, doc.key_lines.get(key, 1), 1, f"the document names itself in '{key}'",
                             f"remove '{key}' or name the other document")
        if doc.id in doc.meta.related:
            report.error(doc.path, doc.key_lines.get("related", 1), 1, "the document names itself in 'related'",
                         "remove its own id from 'related'")
    # Each document supersedes at most one other: the `supersedes` links form chains; a chain that comes back
    # to where it started is a cycle, reported once, on the file of its first member by id.
    later: dict[str, str] = {}
    for doc in by_id.values():
        if doc.meta.supersedes and doc.meta.supersedes != doc.id:
            later[doc.id] = doc.meta.supersedes
        if doc.meta.superseded_by and doc.meta.superseded_by != doc.id:
            later.setdefault(doc.meta.superseded_by, doc.id)
    done: set[str] = set()
    for start in sorted(later):
        path, seen = [], set()
        node = start
        while node in later and node not in seen and node not in done:
            seen.add(node)
            path.append(node)
            node = later[node]
        done.update(path)
        if node in seen:
            cycle = path[path.index(node):]
            first = by_id[min(cycle)] if min(cycle) in by_id else None
            if first is not None:
                chain = " → ".join(cycle + [cycle[0]])
                key = "supersedes" if first.meta.supersedes else "superseded_by"
                report.error(first.path, first.key_lines.get(key, 1), 1,
                             f"'supersedes' goes round in a circle: {chain}",
                             "a text can only supersede an older one: correct 'supersedes'/'superseded_by' in these files")


def _check_corpus(corpus: Corpus, report: Report) -> None:
    by_id: dict[str, Document] = {}
    for doc in corpus.documents:
        other = by_id.get(doc.id)
        if other is not None and other.collection != doc.collection:
            report.error(doc.path, doc.key_lines.get("id", 1), 1,
                         f"duplicate id '{doc.id}': also used in {other.path}", "give each document its own id")
        by_id.setdefault(doc.id, doc)
    for doc in corpus.documents:
        for key in ("supersedes", "superseded_by"):
            target = getattr(doc.meta, key)
            if target and target not in by_id:
                report.error(doc.path, doc.key_lines.get(key, 1), 1, f"'{key}: {target}' names no document",
                             "use the id of a document in content/")
        for target in doc.meta.related:
            if target not in by_id:
                report.warning(doc.path, doc.key_lines.get("related", 1), 1, f"related document '{target}' does not exist",
                               "use the id of a document in content/")
    _check_lineage(by_id, report)


_parsed: dict[tuple[str, float], Corpus] = {}


def load_parsed(path: Path) -> Corpus:
    """A corpus `compendium build` parsed and saved once; read once per process, whatever it builds."""
    import pickle

    key = (str(path), path.stat().st_mtime)
    if key not in _parsed:
        with path.open("rb") as fh:
            _parsed.clear()
            _parsed[key] = pickle.load(fh)
    return _parsed[key]
