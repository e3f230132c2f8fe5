"""Step 3: what each paragraph is, judged on its own (context is the assembler's job).

The input's own Markdown hints (`####`, `**…**`, list dashes) are read and removed here; the
emphasis inside a paragraph (`*Recalling*`) is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..body import ADOPTION, ANNEX
from ..language_data import all_data, cached
from ..labels import is_roman
from .paragraphs import Para, closed, is_division_line, is_label_line

FOOTNOTE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$", re.S)
# "1993/34. Implementation of ..." (ECOSOC numbers a resolution year/number, the GA session/number).
TITLE = re.compile(r"^(\d{4}/\d{1,3}|\d{1,3}/\d{1,3}(?:\s?[A-Z])?)\.\s+(\S.*)$", re.S)
HEADER = re.compile(
    r"^(?:(ECOSOC|Economic and Social Council|General Assembly|GA)\s+)?"
    r"(?:resolution|résolution|resolución|резолюция)\s+(\d{4}/\d{1,3}|\d{1,3}/\d{1,3})$", re.I)
CHAPEAU = re.compile(
    r"^(The Economic and Social Council|The General Assembly|Le Conseil économique et social|L['’]Assemblée générale"
    r"|El Consejo Económico y Social|La Asamblea General|Экономический и Социальный Совет|Генеральная Ассамблея"
    r"|经济及社会理事会|大会|إن المجلس الاقتصادي والاجتماعي|إن الجمعية العامة)\s*[,،，]?$", re.I)
# The same names inside a line run together ("…, The General Assembly Proclaims …"), up to where the name ends.
CHAPEAU_IN_LINE = re.compile(CHAPEAU.pattern[1:].replace(r"\s*[,،，]?$", r"\s*[,،，]?(?=\s+\S)"), re.I)
CHAPEAU_BODY = {"economic": "ecosoc", "conseil": "ecosoc", "consejo": "ecosoc", "экономический": "ecosoc",
                "经济及社会理事会": "ecosoc", "المجلس": "ecosoc"}
SECTION = re.compile(r"^([IVXLC]+)\.?(?:\s+(\S.*))?$", re.S)
SUBSECTION = re.compile(r"^([A-Z])\.\s+(\S.*)$", re.S)
NUMBERED = re.compile(r"^(?:[-•–]\s+)?(\d+)\.\s+(\S.*)$", re.S)
ITEM = re.compile(r"^(?:[-•–]\s+)?\(([a-z]{1,2}|[ivxlc]+)\)\s+(\S.*)$", re.S)
DATE = re.compile(r"^\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d_]+(?:\s+de)?\s+\d{4}(?:\s*(?:года|г\.))?$"
                  r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
GLUED_NOTE = re.compile(r"\b((?:19|20)\d\d),(\d{1,3})(?=[\s,;.]|$)")
HEADING_MAX_WORDS = 25


@cached
def preamble_words() -> frozenset[str]:
    """The heading of a preamble in every language (`preamble:` in the language data), in lower case."""
    return frozenset(w.lower() for d in all_data().values() for w in d.get("preamble") or ())


@cached
def open_words() -> frozenset[str]:
    """Words a heading does not end on, since they need a continuation (`open_words:` in the language data)."""
    return frozenset(w.lower() for d in all_data().values() for w in d.get("open_words") or ())


@dataclass
class Piece:
    kind: str  # footnote title header chapeau annex section subsection label division heading numbered item adoption date text separator
    line: int
    text: str  # as it will stand in the body, without the input's list and heading markers
    end: int = 0  # the last input line it covers
    number: str | None = None  # paragraph number, item letter, section numeral, footnote label, resolution number
    alone: bool = False
    opens_block: bool = False
    headlike: bool = False  # short, unfinished, capitalised: could be a title or heading
    marked: bool = False  # the input marked it as a heading (`#`, `**`)
    body: str | None = None  # the adopting body the piece names (chapeau, header)
    notes: list[tuple[int, str]] = field(default_factory=list)


def _unwrap(text: str) -> tuple[str, bool]:
    """Remove the input's heading markers: `#### I. TITLE`, `**1993/34. Title**`."""
    marked = False
    m = re.match(r"^#{1,6}\s+(.*)$", text, re.S)
    if m:
        text, marked = m.group(1).strip(), True
    if text.startswith("**") and text.endswith("**") and len(text) > 4:
        text, marked = text[2:-2].strip(), True
    return text, marked


def headlike(text: str) -> bool:
    words = text.split()
    # Scripts without capitals (Arabic, Chinese) only need not to start in lower case.
    if not words or len(words) > HEADING_MAX_WORDS or closed(text) or not text[:1].isalpha() or text[:1].islower():
        return False
    return words[-1].lower().strip("*") not in open_words()


def _chapeau_body(text: str) -> str:
    """ECOSOC or the General Assembly, from the first word after the article: "The Economic and…"."""
    words = re.sub(r"^(the|le|el|إن)\s+", "", text.lower()).split()
    return CHAPEAU_BODY.get(words[0], "ga") if words else "ga"


def classify(para: Para) -> Piece:
    text, marked = _unwrap(para.text)
    piece = Piece("text", para.line, text, para.end, alone=para.alone, opens_block=para.opens_block, marked=marked, notes=list(para.notes))
    bare = text.strip("*").strip()  # emphasis around a whole line says nothing about what it is
    for m in GLUED_NOTE.finditer(text):
        piece.notes.append((para.line, f"'{m.group(0)}' may be a footnote number glued to a year by OCR; check"))
    if not re.search(r"[^\W_]", text):  # "---", "_", "* * *": rules and page furniture
        piece.kind = "separator"
    elif m := FOOTNOTE.match(text):
        piece.kind, piece.number, piece.text = "footnote", m.group(1), m.group(2).strip()
    elif m := TITLE.match(bare):
        piece.kind, piece.number, piece.text = "title", m.group(1).replace(" ", ""), m.group(2).strip()
    elif m := HEADER.match(bare):
        piece.kind, piece.number = "header", m.group(2)
        piece.body = ("ga" if m.group(1).lower() in ("ga", "general assembly") else "ecosoc") if m.group(1) else None
    elif CHAPEAU.match(bare):
        piece.kind, piece.body = "chapeau", _chapeau_body(bare)
    elif ANNEX.match(bare):
        piece.kind, piece.text = "annex", bare
    elif (m := SECTION.match(bare)) and is_roman(m.group(1)) and (m.group(2) is None or headlike(m.group(2))):
        piece.kind, piece.number, piece.text = "section", m.group(1), (m.group(2) or "").strip()
    elif (m := SUBSECTION.match(bare)) and headlike(m.group(2)):
        piece.kind, piece.number, piece.text = "subsection", m.group(1), m.group(2).strip()
    elif is_label_line(bare):
        piece.kind, piece.text = "label", bare
    elif is_division_line(bare):
        piece.kind, piece.text = "division", bare
    elif bare.lower().rstrip(".:") in preamble_words():
        piece.kind, piece.text = "heading", bare
    elif m := NUMBERED.match(text):
        piece.kind, piece.number, piece.text = "numbered", m.group(1), m.group(2).strip()
    elif m := ITEM.match(text):
        piece.kind, piece.number, piece.text = "item", m.group(1), m.group(2).strip()
    elif ADOPTION.match(bare):
        piece.kind, piece.text = "adoption", bare
    elif DATE.match(bare):
        piece.kind, piece.text = "date", bare
    elif marked:
        piece.kind = "heading"
    piece.headlike = piece.kind in ("text", "heading") and headlike(bare)
    return piece
