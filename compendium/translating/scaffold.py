"""Write the starting file of a translation: the source, every translatable part marked, hashes recorded.

The body is the source file's own lines with the marker inserted after each structural prefix ("1. ",
"(a) ", "## I. ", "[^3]: "), so the parser gives the translation exactly the source's unit ids. Labels that
the parser reads in every language (Annex, Article 1, Rule 43) stay as they are for the translator to replace.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..body import ADOPTION, ANNEX, FOOTNOTE_DEF, HEADING, ITEM, NUMBERED, SECTION, SUBSECTION, flow, parse_body, split_blocks
from ..diagnostics import Report
from ..frontmatter import decode, load_yaml
from ..labels import is_roman, parse_label
from ..languages import info, known_languages
from ..model import Document
from .markers import MARKER, TRANSLATABLE_KEYS

_SAFE_KEY = re.compile(r"^[a-z][A-Za-z0-9-]*$")


class ScaffoldError(Exception):
    """The scaffold could not be made; the message says why."""


def _split(text: str) -> tuple[list[str], int]:
    """The file's lines and the 0-based index of the line closing the front matter."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if lines[0].strip() != "---" or end is None:
        raise ScaffoldError("the source has no front matter between two '---' lines")
    return lines, end


def _heading_insert(title: str) -> int | None:
    """Where the marker goes in a heading's title, or None for a label every language's parser reads."""
    if ANNEX.match(title):
        return None
    label = parse_label(title)
    if label:
        rest = label[2]
        return len(title) - len(rest) if rest else None
    section = SECTION.match(title)
    if section and is_roman(section.group(1)):
        # After "IV. "; a bare "VI" (a source that lost the section's title) has nothing to translate.
        at = re.match(r"[IVXLC]+\.?\s*", title).end()
        return at if at < len(title) else None
    sub = SUBSECTION.match(title)
    return sub.start(2) if sub else 0


def _mark_body(lines: list[str], body_start: int) -> None:
    """Insert the marker in place into each block of the body (lines[body_start:] is the body)."""
    body = "\n".join(lines[body_start:])
    for block in split_blocks(body, body_start + 1):
        first = block.line - 1  # index in `lines`
        text = block.text
        head = HEADING.match(text.split("\n")[0])
        if head:
            title = flow(text[len(head.group(1)):])
            at = _heading_insert(title)
            if at is not None:
                lines[first] = f"{head.group(1)} {title[:at]}{MARKER} {title[at:]}"
            continue
        match = FOOTNOTE_DEF.match(text) or NUMBERED.match(text) or ITEM.match(text)
        if match:
            _insert(lines, first, text, match.start(2))
        elif ADOPTION.match(flow(text)):
            last = first + text.count("\n")  # the line ends the adoption line: its start must stay as it is
            lines[last] = f"{lines[last].rstrip()} {MARKER}"
        else:
            _insert(lines, first, text, 0)


def _insert(lines: list[str], first: int, block_text: str, pos: int) -> None:
    """Insert the marker at `pos` of the block's text (its lines are stripped; the file's are not)."""
    row = block_text.count("\n", 0, pos)
    col = pos - (block_text.rfind("\n", 0, pos) + 1)
    original = lines[first + row]
    col += len(original) - len(original.lstrip())
    if not original[col:].strip():  # an empty footnote ("[^3]:"): nothing to put the marker before
        lines[first + row] = f"{original.rstrip()} {MARKER}"
        return
    lines[first + row] = f"{original[:col]}{MARKER} {original[col:]}"


def _front_matter(source: Document, lines: list[str], end: int, lang: str) -> list[str]:
    """The source's front matter, translatable values marked, `lang` and `translation` rewritten."""
    name = info(lang).get("name", lang) if lang in known_languages() else lang
    out = [
        f"# Translation into {name} ({lang}), made by 'compendium translate-init' from {source.path.name}.",
        f"# Text marked {MARKER} is still the source's: replace it with the translation and remove the mark.",
        "# The other keys are facts of the source; change them only where the translated source gives them otherwise.",
    ]
    starts = sorted((line, key) for key, line in source.key_lines.items())
    out.extend(lines[1:starts[0][0] - 1] if starts else lines[1:end])
    for i, (line, key) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else end + 1  # file line of what follows
        value = source.front_matter(key)
        if key in ("translation", "lang"):
            continue
        if key in TRANSLATABLE_KEYS and isinstance(value, str):
            out.append(f"{key}: {json.dumps(f'{MARKER} {value}', ensure_ascii=False)}")
        else:
            out.extend(lines[line - 1:stop - 1])
    out.append("translation:")
    out.append("  status: draft")
    out.extend(hash_lines({u.id: u.hash for u in source.walk()}))
    return out


def hash_lines(hashes: dict[str, str]) -> list[str]:
    """`source_hashes` as YAML lines; hashes quoted (an all-digit one would load as a number)."""
    if not hashes:
        return ["  source_hashes: {}"]
    lines = ["  source_hashes:"]
    for uid, digest in hashes.items():
        key = uid if _SAFE_KEY.match(uid) else json.dumps(uid, ensure_ascii=False)
        lines.append(f'    {key}: "{digest}"')
    return lines


def scaffold(source: Document, lang: str) -> str:
    """The text of `<lang>.md` for the source document; checked to parse to the source's unit ids."""
    report = Report()
    raw = decode(source.path, source.path.read_bytes(), report)
    if raw is None:
        raise ScaffoldError("; ".join(d.message for d in report.items))
    lines, end = _split(raw)
    _mark_body(lines, end + 1)
    front = _front_matter(source, lines, end, lang)
    text = "\n".join(["---", *front, "---", *lines[end + 1:]])
    if not text.endswith("\n"):
        text += "\n"
    ids = parsed_ids(source.path.with_name(f"{lang}.md"), text, source.metadata)
    if ids != source.unit_ids():
        # A safety net: a translation whose ids differ from its source would break every link between them.
        raise ScaffoldError(f"the scaffold's unit ids differ from the source's (first difference: "
                            f"{_first_difference(ids, source.unit_ids())}); please report this source file")
    return text


def parsed_ids(path: Path, text: str, meta: dict) -> list[str]:
    lines, end = _split(text)
    report = Report()
    loaded = load_yaml(path, "\n".join(lines[1:end]), 2, report)
    if loaded is None:
        raise ScaffoldError("the scaffold's front matter does not load: " + "; ".join(d.message for d in report.items))
    units = parse_body(path, "\n".join(lines[end + 1:]), end + 2, report, meta.get("numbering", "auto"),
                       bool(meta.get("footnotes_missing", False)))
    return [u.id for top in units for u in top.walk()]


def _first_difference(a: list[str], b: list[str]) -> str:
    for x, y in zip(a, b):
        if x != y:
            return f"{x!r} instead of {y!r}"
    return f"{len(a)} units instead of {len(b)}"
