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
from ..body import letter_index
from ..labels import ROMAN_LOWER, parse_label, roman_value
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


# The divisions of a treaty above its articles: "PART I", "CHAPTER II", "Section 3", "Titre IV", "Глава 2", "第二章".
DIVISION = re.compile(
    r"^(?:part|chapter|section|title|partie|chapitre|titre|parte|cap[ií]tulo|secci[oó]n|t[ií]tulo|часть|глава|раздел"
    r"|الجزء|الفصل|الباب|القسم)\s+(?P<num>[IVXLC]+|\d+|[A-Z])\b\.?(?:\s*[.:—–-]?\s+(?P<rest>\S.*))?$"
    r"|^第[0-9〇零一二两三四五六七八九十百]+(?:部分|章|节|編|编)(?:\s*(?P<zh>\S.*))?$",
    re.I | re.S)
DIVISION_MAX_WORDS = 12


def is_division_line(text: str) -> bool:
    m = DIVISION.match(text.strip("#* "))
    rest = (m.group("rest") or m.group("zh") or "") if m else ""
    return m is not None and len(rest.split()) <= DIVISION_MAX_WORDS and not closed(rest)


def closed(text: str) -> bool:
    """The text ends like a sentence or a clause (footnote markers and emphasis aside)."""
    return bool(CLOSED_END.search(_TRAILING_REFS.sub("", text)))


def is_label_line(text: str) -> bool:
    label = parse_label(text.strip("#* "))
    return label is not None and len(label[2].split()) <= 12 and not closed(label[2])


def starts_unit(text: str) -> bool:
    return bool(UNIT_START.match(text)) or is_label_line(text) or is_division_line(text) \
        or bool(ADOPTION.match(text.lstrip("*")))


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


# -- one line, several units ------------------------------------------------------------------

# "…; (b) …", "…: a) …", "…; and (c) …", "…. (d) …": a sub-item mark after a clause end (and a short joining word).
_INLINE_ITEM = re.compile(r"(?<=[.;:；：。])(\s+(?:[^\W\d_]{1,4}\s+)?)\(?([a-z]{1,2}|[ivxlc]{1,6})\)\s+(?=\S)")
_LEADING_ITEM = re.compile(r"^(?:[-•–]\s+)?\(([a-z]{1,2}|[ivxlc]{1,6})\)\s")


class _MarkOrder:
    """Which sub-item mark may come next on a line: the next letter, or a roman numeral list inside a letter."""

    def __init__(self, leading: str | None):
        self.letter: str | None = None
        self.roman: str | None = None
        if leading is not None:  # "(v)" may be a letter or a roman numeral: either may follow
            self.letter = leading if letter_index(leading) is not None else None
            self.roman = leading if ROMAN_LOWER.match(leading) else None
        self.bare = leading is None

    def accept(self, mark: str) -> bool:
        after = letter_index(self.letter) if self.letter is not None else (0 if self.bare else None)
        if after is not None and letter_index(mark) == after + 1:
            # "(i)" after "(h)" may be the letter or the first roman numeral: "(ii)" may follow either way.
            self.letter, self.roman, self.bare = mark, "i" if mark == "i" else None, False
            return True
        if self.roman is not None and ROMAN_LOWER.match(mark) and roman_value(mark) == roman_value(self.roman) + 1:
            self.roman = mark
            return True
        if mark == "i" and self.roman is None:
            self.roman, self.bare = mark, False
            return True
        return False


def split_items(paras: list[Para]) -> list[Para]:
    """"(a) one; (b) two; and (c) three" on one line → three sub-items. A mark counts only after a clause
    end and in sequence: (a) first (or the one after the line's own leading mark), then (b)…, so that
    "paragraph 7 (c)" and other mentions stay where they are."""
    out: list[Para] = []
    for para in paras:
        leading = _LEADING_ITEM.match(para.text)
        order = _MarkOrder(leading.group(1) if leading else None)
        cuts: list[tuple[int, int, str]] = []  # (end of the text before, start of the item's text, mark)
        for m in _INLINE_ITEM.finditer(para.text):
            if order.accept(m.group(2)):
                cuts.append((m.start(1) + len(m.group(1).rstrip()), m.end(), m.group(2)))
        if not cuts or (leading is None and len(cuts) < 2):
            out.append(para)
            continue
        texts, start = [], 0
        for end, item_start, mark in cuts:
            texts.append(para.text[start:end].strip())
            start = item_start
        texts.append(para.text[start:].strip())
        texts = [texts[0]] + [f"({mark}) {text}" for (_, _, mark), text in zip(cuts, texts[1:])]
        notes = para.notes + [(para.line, f"split one line into {len(texts)} paragraphs at the sub-item marks "
                                          + ", ".join(f"({c[2]})" for c in cuts))]
        for index, text in enumerate(texts):
            out.append(Para(para.line, text, para.end, opens_block=para.opens_block and index == 0,
                            indented=para.indented, notes=notes if index == 0 else []))
    return out


# A clause of a preamble after a comma: "…, Whereas …", "…, Considering …", "…, Have agreed as follows:".
_CLAUSE = re.compile(r"(?<=[,;])\s+(?=([A-ZА-ЯЁÀ-Þ][^\W\d_]*)\b)")
_PARTICIPLE = re.compile(r"(?:ing|ant|ando|endo|ая|яя|ив)$", re.I)
RUN_ON_MIN = 200  # characters: a shorter line is one recital, however it is punctuated


def split_run_on(paras: list[Para], chapeau: re.Pattern) -> list[Para]:
    """A preamble run together on one line, cut into its recitals: before a word that opens two or more of
    its clauses ("Whereas"), a participle ("Considering", "Recalling"), the name of the adopting body
    ("The General Assembly") and the closing clause that ends on a colon ("Have agreed as follows:").
    Only before the first numbered paragraph, article or sub-item, and only where two cuts or more agree."""
    out: list[Para] = []
    for index, para in enumerate(paras):
        if starts_unit(para.text):
            return out + paras[index:]
        out.extend(_recitals(para, chapeau) if len(para.text) >= RUN_ON_MIN else [para])
    return out


def _recitals(para: Para, chapeau: re.Pattern) -> list[Para]:
    text = para.text
    found = [(m.end(), m.group(1)) for m in _CLAUSE.finditer(text)]
    first = re.match(r"[^\W\d_]+", text)
    counts: dict[str, int] = {}
    for _, word in found:
        counts[word] = counts.get(word, 0) + 1
    opener = {w for w, n in counts.items() if n >= 2 or (first is not None and w == first.group(0))}
    cuts = []
    for position, word in found:
        rest = text[position:]
        if word in opener or _PARTICIPLE.search(word) or chapeau.match(rest) or re.fullmatch(r"[^,;]*:", rest):
            cuts.append(position)
        # The adopting body's name stands as a line of its own: cut after it too.
        if (m := chapeau.match(rest)) is not None and position + m.end() < len(text):
            cuts.append(position + m.end())
    if len(cuts) < 2:
        return [para]
    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    pieces = [p for p in pieces if p]
    notes = para.notes + [(para.line, f"split one line of the preamble into {len(pieces)} paragraphs at its clauses")]
    return [Para(para.line, piece, para.end, opens_block=para.opens_block and i == 0, indented=para.indented,
                 notes=notes if i == 0 else []) for i, piece in enumerate(pieces)]
