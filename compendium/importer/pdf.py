"""Import a born-digital UN PDF (a General Assembly resolution and its annexed instrument), read character by
character with pdfplumber.

What the text layer alone cannot say, the characters' positions and fonts do:

- page furniture: the band above the rule under the running title (title, symbol), the page number in the
  bottom band, and on the first page the masthead above its second rule, the job number, the barcode line and
  "Please recycle";
- footnotes: a call is a raised number in a smaller size after a word (`[^n]`); the notes stand under the
  "_____" line at the foot of a page, each after its raised number; a note with no number at the top of a
  page's notes continues the note before it;
- structure: bold lines are headings ("Annex", "I. …", "A. …", "Preliminary observation 1", subheadings),
  "Rule 1" stands alone, a paragraph starts after a larger gap, on an indented line or with its number;
- emphasis: italic words (the lead words of preambular and operative paragraphs) become `*…*`.

Hard-wrapped lines are joined; a line-end hyphen is undone only where the document shows it is a break
(importer/hyphenation.py): "well-being" and "non-custodial" keep theirs.

The input gives two documents: the resolution (with its annex, as the PDF prints it) and the annexed
instrument, each naming the other in `related`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..body import ADOPTION, ANNEX, ITEM, NUMBERED, SECTION, SUBSECTION
from ..labels import parse_label
from . import ImportedDocument
from .dates import iso_date
from .hyphenation import HYPHENS, join
from .metadata import dump, slug
from .vocabulary import Vocabulary

__all__ = ["PdfImportError", "import_pdf", "read_pdf"]

SEPARATOR = re.compile(r"^_{5,}$")  # the rule above a page's footnotes, set as underscores
PAGE_NUMBER = re.compile(r"^\d+/\d+$")  # "7/33"
JOB_NUMBER = re.compile(r"^\d{2}-\d{5,6}\s*\([A-Z]\)$")  # "15-16929 (E)"
RECYCLE = re.compile(r"^Please recycle$", re.I)
TITLE = re.compile(r"^(\d{1,3})/(\d{1,4})\.\s+(.+)$", re.S)  # "70/175. United Nations …"
CHAPEAU = re.compile(r"^The General Assembly\s*,$")
PRELIM = re.compile(r"^Preliminary observation \d+$")
SHORT = re.compile(r"\(the ([^()]+)\)\s*$")  # "(the Nelson Mandela Rules)"
DATE_LINE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
_MD_SPECIAL = re.compile(r"([\\*_`])")


class PdfImportError(Exception):
    """The file cannot be imported; `str()` is one line naming the file."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool
    bold: bool


@dataclass
class Line:
    page: int
    words: list[Word]
    calls: list[tuple[float, str]] = field(default_factory=list)  # (x, footnote number)
    label: str | None = None  # a footnote's own number, in the notes under the rule

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return Counter(round(w.size, 1) for w in self.words).most_common(1)[0][0]

    @property
    def text(self) -> str:
        return _plain(self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass
class Pages:
    """What the reader found: the lines of the text, the lines of the notes, and the first page's heading."""
    body: list[Line]
    notes: list[Line]
    heading: list[Line]  # first page, between the masthead and the resolution's title
    furniture: list[str]  # the text that was dropped, line by line (for the report and the tests)


# -- reading -----------------------------------------------------------------------------------------------

def _open(path: Path):
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise PdfImportError(f"{path}: cannot read PDF files: pdfplumber is not installed",
                             "install the project's dependencies (bash .ci/setup)") from exc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfImportError(f"{path}: cannot read the file: {exc.strerror or exc}", "check the path") from exc
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfImportError(f"{path}: not a PDF file (it does not start with '%PDF')",
                             "pass a PDF, or a text file without the .pdf ending")
    try:
        import io
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise PdfImportError(f"{path}: the PDF is damaged or cannot be read ({type(exc).__name__})",
                             "get an undamaged copy of the file") from exc


def read_pdf(path: Path) -> Pages:
    """The lines of a born-digital PDF, page furniture removed. PdfImportError for anything but such a PDF."""
    pdf = _open(path)
    body: list[Line] = []
    notes: list[Line] = []
    heading: list[Line] = []
    furniture: list[str] = []
    any_text = False
    try:
        for number, page in enumerate(pdf.pages, 1):
            words = page.extract_words(extra_attrs=["fontname", "size"], use_text_flow=True)
            any_text = any_text or bool(words)
            lines = _lines(number, words)
            top_rule = _top_rule(page)
            in_notes = False
            for line in lines:
                if _is_furniture(line, top_rule, page.height):
                    furniture.append(line.text)
                    continue
                if SEPARATOR.match(line.text):
                    in_notes = True
                    continue
                (notes if in_notes else body).append(line)
    except PdfImportError:
        raise
    except Exception as exc:
        raise PdfImportError(f"{path}: the PDF is damaged or cannot be read ({type(exc).__name__})",
                             "get an undamaged copy of the file") from exc
    finally:
        pdf.close()
    if not any_text:
        raise PdfImportError(f"{path}: the PDF has no text layer (a scanned image?); nothing can be read from it",
                             "get the born-digital PDF from the UN's documents system, or run OCR and import the text")
    # The first page's heading: from after the masthead to the resolution's title.
    first_title = next((i for i, line in enumerate(body) if line.bold and TITLE.match(line.text)), None)
    if first_title is not None:
        heading, body = body[:first_title], body[first_title:]
    return Pages(body, notes, heading, furniture)


def _top_rule(page) -> float:
    """The lowest horizontal rule in the top quarter of the page (under the running title; on page 1 under the
    masthead); 0 if there is none."""
    tops = [r["top"] for r in list(page.rects) + list(page.lines)
            if r["x1"] - r["x0"] > 50 and r["bottom"] - r["top"] < 3 and r["top"] < page.height / 4]
    return max(tops, default=0.0)


def _is_furniture(line: Line, top_rule: float, height: float) -> bool:
    text = line.text
    if line.bottom <= top_rule + 1:
        return True  # running title and symbol; the masthead of page 1
    if line.words[0].top > height - 60 and (PAGE_NUMBER.match(text) or line.bold):
        return True  # "7/33"
    return bool(JOB_NUMBER.match(text) or RECYCLE.match(text) or text.startswith("*") and text.endswith("*")
                and text.strip("*").isdigit())  # job number, "Please recycle", the barcode's "*1516929*"


def _word(raw: dict[str, Any]) -> Word:
    font = raw.get("fontname", "")
    return Word(raw["text"], raw["x0"], raw["x1"], raw["top"], raw["bottom"], float(raw.get("size", 0)),
                "Italic" in font or "Oblique" in font, "Bold" in font)


def _lines(page: int, raw: list[dict[str, Any]]) -> list[Line]:
    words = [_word(r) for r in raw if r["text"].strip()]
    if not words:
        return []
    size = Counter(round(w.size) for w in words).most_common(1)[0][0]
    small = [w for w in words if w.size < 0.75 * size and w.text.isdigit()]
    main = [w for w in words if not (w.size < 0.75 * size and w.text.isdigit())]
    lines: list[Line] = []
    for w in sorted(main, key=lambda w: (round(w.bottom), w.x0)):
        if lines and abs(lines[-1].bottom - w.bottom) <= 1.5:
            lines[-1].words.append(w)
        else:
            lines.append(Line(page, [w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    for w in small:
        below = [ln for ln in lines if 0.5 < ln.bottom - w.bottom <= 8 and ln.words[-1].x1 + 5 >= w.x0]
        if not below:
            lines.append(Line(page, [w]))  # kept as text: never dropped
            continue
        line = min(below, key=lambda ln: ln.bottom - w.bottom)
        if w.x1 <= line.x0 + 1:
            line.label = w.text  # a footnote's own number, before its text
        else:
            line.calls.append((w.x0, w.text))
    lines.sort(key=lambda ln: ln.bottom)
    return lines


# -- text ----------------------------------------------------------------------------------------------------

@dataclass
class Token:
    text: str
    italic: bool = False
    space: bool = True  # a space before it
    call: bool = False  # a footnote call


def _plain(words: list[Word]) -> str:
    out = ""
    for i, w in enumerate(words):
        out += (" " if i and w.x0 - words[i - 1].x1 > 0.2 * w.size else "") + w.text
    return out


def _tokens(line: Line) -> list[Token]:
    tokens: list[Token] = []
    calls = sorted(line.calls)
    for i, w in enumerate(line.words):
        while calls and calls[0][0] < w.x0:
            tokens.append(Token(calls.pop(0)[1], space=False, call=True))
        gap = w.x0 - line.words[i - 1].x1 if i else 99
        tokens.append(Token(w.text, w.italic, space=bool(i == 0 or gap > 0.2 * w.size)))
    tokens.extend(Token(label, space=False, call=True) for _x, label in calls)
    return tokens


def _join_lines(lines: list[Line], vocab: Vocabulary, warnings: list[str]) -> list[Token]:
    out: list[Token] = []
    for line in lines:
        tokens = _tokens(line)
        if out and tokens:
            last, first = out[-1], tokens[0]
            if not last.call and last.text[-1:] in HYPHENS and first.text[:1].isalpha():
                joint = join(last.text, first.text, vocab)
                if joint.message:
                    warnings.append(joint.message)
                closed = not joint.text.startswith(last.text)  # the hyphen went
                word = re.sub(r"\W", "", last.text[:-1].split("-")[-1] + re.match(r"\w*", first.text).group(0))
                if closed and not (vocab.has(word) or vocab.form_of(word)):
                    closed = False  # a born-digital text hyphenates little: keep the hyphen the text gives
                    warnings.append(f"kept the line-end hyphen in '{last.text}' + '{first.text}': "
                                    f"'{word}' is not used elsewhere in the text")
                last.text = last.text[:-1] if closed else last.text
                first.space = False
            else:
                first.space = True
        out.extend(tokens)
    return out


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _markdown(tokens: list[Token]) -> str:
    """Tokens → one line of Markdown: italic runs as *…*, calls as [^n]."""
    out = ""
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.call:
            out += f"[^{t.text}]"
            i += 1
            continue
        if t.italic:
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].italic and not tokens[j + 1].call:
                j += 1
            run = "".join((" " if k > i and tokens[k].space else "") + _escape(tokens[k].text) for k in range(i, j + 1))
            # Emphasis may not start or end on a space or punctuation that Markdown would misread.
            out += (" " if t.space and out else "") + f"*{run}*"
            i = j + 1
            continue
        out += (" " if t.space and out else "") + _escape(t.text)
        i += 1
    # "(*a*)" at the start is the item's mark, not emphasis.
    return re.sub(r"^\(\*([a-z]{1,2}|[ivxlc]+)\*\)", r"(\1)", out)


def _words_only(tokens: list[Token]) -> str:
    return "".join((" " if t.space and k else "") + t.text for k, t in enumerate(tokens) if not t.call)


# -- paragraphs ---------------------------------------------------------------------------------------------

@dataclass
class Block:
    kind: str  # heading, label, text, adoption
    lines: list[Line]


def _blocks(lines: list[Line]) -> list[Block]:
    if not lines:
        return []
    margin = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    gaps = Counter(round(b.bottom - a.bottom) for a, b in zip(lines, lines[1:]) if a.page == b.page)
    spacing = gaps.most_common(1)[0][0] if gaps else 12
    blocks: list[Block] = []
    for line in lines:
        text = line.text
        kind = "heading" if line.bold else "label" if parse_label(text) and len(text.split()) <= 3 else \
            "adoption" if ADOPTION.match(text) else "text"
        prev = blocks[-1] if blocks else None
        if prev is not None:
            last = prev.lines[-1]
            same_page = last.page == line.page
            gap = line.bottom - last.bottom if same_page else 0
            close = same_page and gap <= spacing * 1.3
            if prev.kind == "adoption" and close and DATE_LINE.match(text):
                prev.lines.append(line)
                continue
            if prev.kind == kind == "heading" and close:
                prev.lines.append(line)
                continue
            starts = line.x0 > margin + 5 or NUMBERED.match(text) or ITEM.match(text)
            if prev.kind == kind == "text" and not starts and (close or not same_page):
                prev.lines.append(line)
                continue
        blocks.append(Block(kind, [line]))
    return blocks


# -- documents ------------------------------------------------------------------------------------------------

@dataclass
class Parsed:
    number: tuple[str, str] | None  # ("70", "175")
    title: str | None
    heading_text: str  # the first page's heading, as printed
    res_body: list[str]  # Markdown blocks of the resolution (with its annex)
    annex_title: str | None
    annex_body: list[str]  # Markdown blocks of the annexed instrument
    notes: dict[str, str]
    meeting: str | None
    date: str | None
    warnings: list[str]


def _notes(lines: list[Line], vocab: Vocabulary, warnings: list[str]) -> dict[str, str]:
    groups: list[tuple[str, list[Line]]] = []
    for line in lines:
        if line.label is not None:
            groups.append((line.label, [line]))
        elif groups:
            groups[-1][1].append(line)  # a note's next line, or its continuation on the next page
        else:
            warnings.append(f"text under the footnote rule on page {line.page} belongs to no note: "
                            f"'{line.text[:60]}'; kept as note '0'")
            groups.append(("0", [line]))
    notes: dict[str, str] = {}
    for label, group in groups:
        text = _markdown(_join_lines(group, vocab, warnings))
        if label in notes:
            warnings.append(f"footnote {label} is printed twice; the texts are kept one after the other")
            notes[label] += " " + text
        else:
            notes[label] = text
    return notes


def parse(pages: Pages, lang: str) -> Parsed:
    warnings: list[str] = []
    vocab = Vocabulary([(ln.text, False) for ln in pages.body + pages.notes], lang)
    number = title = annex_title = meeting = date = None
    res_body: list[str] = []
    annex_body: list[str] | None = None
    for block in _blocks(pages.body):
        tokens = _join_lines(block.lines, vocab, warnings)
        text = _words_only(tokens)
        md = _markdown(tokens)
        if block.kind == "heading":
            if title is None and (m := TITLE.match(text)) is not None:
                number, title = (m.group(1), m.group(2)), m.group(3)
                continue
            if ANNEX.match(text):
                res_body.append(f"## {text}")
                annex_body = []
                continue
            if annex_body is not None and annex_title is None and not annex_body:
                annex_title = text
                res_body.append(f"### {text}")
                continue
            section, sub = SECTION.match(text), SUBSECTION.match(text)
            # "I." is a section (Part I), "A." a lettered section inside a part; C. and D. are letters here too.
            level = "##" if section and (not sub or sub.group(1) in "IVX") else "###"
            out = f"{level} {md if '[^' in md else text}"
        elif block.kind == "label":
            out = f"### {text}"
        elif block.kind == "adoption":
            lines = [_words_only(_tokens(ln)) for ln in block.lines]
            meeting = lines[0]
            date = iso_date(lines[1]) if len(lines) > 1 else None
            out = "\n".join(lines)
            res_body.append(out)
            continue
        else:
            out = md
            if PRELIM.match(text):  # pragma: no cover - printed in bold in the UN's layout
                out = f"### {text}"
        res_body.append(out)
        if annex_body is not None:
            annex_body.append(out)
    notes = _notes(pages.notes, vocab, warnings)
    heading_text = " ".join(_words_only(_join_lines([ln], vocab, warnings)) for ln in pages.heading)
    return Parsed(number, title, heading_text, res_body, annex_title, annex_body or [], notes, meeting, date,
                  warnings)


def _called(blocks: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for block in blocks:
        for label in re.findall(r"\[\^([^\]\s]+)\](?!:)", block):
            seen.setdefault(label, None)
    return list(seen)


def _with_notes(blocks: list[str], notes: dict[str, str]) -> str:
    called = _called(blocks)
    defs = [f"[^{label}]: {notes[label]}" for label in called if label in notes]
    return "\n\n".join(blocks + defs) + "\n"


def import_pdf(path: Path, lang: str, kind: str | None = None, cluster: str | None = None) -> list[ImportedDocument]:
    """The documents of a UN resolution PDF: the resolution, and its annexed instrument when it has one (in
    `cluster`, which the text does not say)."""
    pages = read_pdf(path)
    parsed = parse(pages, lang)
    if parsed.number is None or parsed.title is None:
        raise PdfImportError(f"{path}: no resolution title ('70/175. Title', in bold) found on the first page",
                             "the PDF importer reads UN General Assembly resolutions; import other texts as text")
    session, number = parsed.number
    symbol = f"A/RES/{session}/{number}"
    res_id = f"ga-{session}-{number}"
    short = SHORT.search(parsed.annex_title or "")
    inst_id = slug(short.group(1)) if short else slug(parsed.annex_title or "")
    adopted: dict[str, Any] = {"body": "ga", "resolution": f"{session}/{number}"}
    if parsed.meeting:
        adopted["meeting"] = parsed.meeting
    if parsed.date:
        adopted["date"] = parsed.date
    source = f"{symbol}, the United Nations' English PDF ({path.name})"
    if parsed.heading_text:
        source += f"; its heading: {parsed.heading_text}"
    warnings = [(1, message) for message in parsed.warnings]
    docs: list[ImportedDocument] = []
    if kind != "instrument":
        meta: dict[str, Any] = {"id": res_id, "kind": "resolution", "title": parsed.title, "symbol": symbol,
                                "adopted_by": adopted, "source": source}
        if parsed.annex_body and inst_id:
            meta["related"] = [inst_id]
        meta["completeness"] = "complete"
        missing = [label for label in _called(parsed.res_body) if label not in parsed.notes]
        if missing:
            meta["footnotes_missing"] = True
        docs.append(ImportedDocument(res_id, "resolutions", lang,
                                     dump(meta) + "\n" + _with_notes(parsed.res_body, parsed.notes), list(warnings)))
    if parsed.annex_body and kind != "resolution":
        inst: dict[str, Any] = {"id": inst_id, "kind": "rules" if "Rules" in (parsed.annex_title or "") else
                                "instrument", "title": parsed.annex_title}
        if short:
            inst["short_title"] = short.group(1)
        inst.update(symbol=symbol, adopted_by=[{**adopted, "text": f"GA {session}/{number}, annex"}],
                    related=[res_id], source=f"Annex to {source}")
        if cluster:
            inst["cluster"] = cluster
        inst["completeness"] = "complete"
        notes = [] if cluster else [(1, "an instrument needs a 'cluster' (custody, cooperation, prevention or "
                                        "governance): the text does not say which, so none is set (pass --cluster)")]
        docs.append(ImportedDocument(inst_id, "instruments", lang,
                                     dump(inst) + "\n" + _with_notes(parsed.annex_body, parsed.notes),
                                     warnings + notes))
    return docs
