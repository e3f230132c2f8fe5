"""Step 2: lines to paragraphs, undoing hard line breaks.

Two kinds of input exist. In a hard-wrapped text (OCR of a printed page) a paragraph runs over
many short lines and a line end is usually not a paragraph end. In a "one paragraph per line"
text (web pages, PDF extraction, the UDHR files) every line end is a paragraph end. Which kind
the input is follows from the whole text, not from one line: in wrapped text most lines stop
mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..body import ADOPTION
from ..labels import parse_label
from .cleanup import Line
from .hyphenation import HYPHENS, join
from .vocabulary import Vocabulary

# A line that starts a unit of its own: "1. ", "- 2. ", "(a) ", a footnote text, a Markdown heading.
UNIT_START = re.compile(r"^(?:[-•–]\s+)?(?:\d+\.\s|\([a-z]{1,2}\)\s|\([ivxlc]+\)\s)|^\[\^[^\]\s]+\]:|^#{1,6}\s")
_TRAILING_REFS = re.compile(r"(?:\[\^[^\]\s]+\]|[*_\s])+$")
CLOSED_END = re.compile(r"[.;:,!?。；：，、،؛][\"'”’)\]]*$")
_OPEN_END = re.compile(r"[\w\-‐\u00ad]$")
WRAPPED_SHARE = 0.4  # share of mid-sentence line ends above which a text is hard-wrapped
MAX_WRAP_WIDTH = 120  # a printed line is shorter than this; longer lines are paragraphs


@dataclass
class Para:
    line: int  # the input line it starts on
    text: str
    end: int = 0  # the input line it ends on
    alone: bool = False  # a block of its own: blank lines (or the text's edges) around it
    opens_block: bool = False  # a blank line (or the text's start) before it: where a page break shows
    indented: bool = False
    notes: list[tuple[int, str]] = field(default_factory=list)  # repairs made while joining lines


def closed(text: str) -> bool:
    """The text ends like a sentence or a clause (footnote markers and emphasis aside)."""
    return bool(CLOSED_END.search(_TRAILING_REFS.sub("", text)))


def is_label_line(text: str) -> bool:
    label = parse_label(text.strip("#* "))
    return label is not None and len(label[2].split()) <= 12 and not closed(label[2])


def starts_unit(text: str) -> bool:
    return bool(UNIT_START.match(text)) or is_label_line(text) or bool(ADOPTION.match(text.lstrip("*")))


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks, current = [], []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def wrap_width(blocks: list[list[Line]]) -> int | None:
    """The usual line length of a hard-wrapped text, or None when lines are paragraphs."""
    pairs = [(a, b) for block in blocks for a, b in zip(block, block[1:])
             if not starts_unit(b.text) and not is_label_line(a.text)]
    if len(pairs) < 5:
        return None
    open_ends = sum(1 for a, _ in pairs if _OPEN_END.search(a.text))
    if open_ends / len(pairs) < WRAPPED_SHARE:
        return None
    lengths = sorted(len(a.text) for a, _ in pairs)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= MAX_WRAP_WIDTH else None


def marks_word_ends(blocks: list[list[Line]]) -> bool:
    """OCR output often ends a line with a space exactly when its last word is whole."""
    inner = [a for block in blocks for a in block[:-1]]
    if len(inner) < 5:
        return False
    share = sum(1 for a in inner if a.spaced_end) / len(inner)
    return 0.5 <= share < 0.97


def _breaks(a: Line, b: Line, width: int | None) -> bool:
    """Does a new paragraph start at line b?"""
    if ADOPTION.match(a.text.lstrip("*")) or is_label_line(a.text):
        return True
    if width is None:  # one paragraph per line: only a line-end hyphen joins two lines
        return not (a.text[-1] in HYPHENS and b.text[:1].islower())
    if starts_unit(b.text):
        return closed(a.text) or len(a.text) < 0.6 * width
    if not closed(a.text):
        return False
    # A clause end followed by a capital on a short line (or an indented one) starts a paragraph.
    return b.text[:1].isupper() and (b.indented or len(a.text) < 0.8 * width)


def paragraphs(lines: list[Line], vocab: Vocabulary) -> list[Para]:
    blocks = _blocks(lines)
    width = wrap_width(blocks)
    marked = marks_word_ends(blocks)
    out: list[Para] = []
    for block in blocks:
        start = len(out)
        for i, line in enumerate(block):
            if i == 0 or _breaks(block[i - 1], line, width):
                out.append(Para(line.number, line.text, line.number, indented=line.indented, opens_block=i == 0))
                continue
            para = out[-1]
            para.end = line.number
            previous = block[i - 1]
            joint = join(para.text, line.text, vocab, (not previous.spaced_end) if marked else None)
            para.text = joint.text
            if joint.message:
                para.notes.append((previous.number, joint.message))
        if len(out) - start == 1:
            out[start].alone = True
    return out
