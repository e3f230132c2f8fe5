"""Step 5: one document's pieces, in context, to the Markdown body of content/README.md.

Context decides what a piece alone cannot: whether "V." is section V or sub-section V, whether a
short line is a heading or the first half of a paragraph that a page break (or a block of
footnotes) cut, whether numbering has gaps. Text that fits nowhere is kept as a paragraph and
reported: the importer never drops a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..labels import parse_label, roman_value
from .classify import Piece, headlike
from .documents import Draft
from .hyphenation import join
from .paragraphs import DIVISION, closed
from .vocabulary import Vocabulary

CONTENT = ("text", "chapeau", "numbered", "item")  # pieces a page break can cut
TITLE_MAX_WORDS = 12  # the title of an article or a part, on a line of its own under its heading
FORMULA_MAX_WORDS = 8  # "Have agreed as follows", a heading: not a sentence that breaks off
# "…15 April 1992,49": a footnote number that OCR glued after the clause's comma ends the clause.
GLUED_NOTE_END = re.compile(r"[,;.]\d{1,3}$")


@dataclass
class Entry:
    kind: str
    text: str
    line: int
    number: str | None = None

    def markdown(self) -> str:
        if self.kind == "section":
            return f"## {self.number}. {self.text}" if self.text else f"## {self.number}"
        if self.kind == "subsection":
            return f"### {self.number}. {self.text}"
        if self.kind == "annex":
            return f"## {self.text}"
        if self.kind in ("heading", "label"):
            return f"### {self.text}"
        if self.kind == "numbered":
            return f"{self.number}. {self.text}"
        if self.kind == "item":
            return f"({self.number}) {self.text}"
        if self.kind == "footnote":
            return f"[^{self.number}]: {self.text}"
        return self.text


@dataclass
class Result:
    entries: list[Entry] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    meeting: str | None = None
    date: str | None = None
    body: str | None = None  # from the chapeau
    cut_at: list[int] = field(default_factory=list)  # lines where the text breaks off mid-sentence
    gaps: list[str] = field(default_factory=list)  # numbering gaps, in words
    starts_mid: bool = False

    def markdown(self) -> str:
        return "\n\n".join(e.markdown() for e in self.entries) + "\n"


def _mid_sentence(text: str) -> bool:
    """Ends on a word with no closing punctuation: "called upon to". A final number ("de 1948") is not counted,
    nor a short line that reads like a heading or a formula ("Have agreed as follows", "Definitions")."""
    return not closed(text) and not GLUED_NOTE_END.search(text) and bool(re.search(r"[^\W\d_][*]*$", text)) \
        and not (headlike(text) and len(text.split()) <= FORMULA_MAX_WORDS)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


class _Assembler:
    def __init__(self, draft: Draft, vocab: Vocabulary):
        self.draft, self.vocab, self.r = draft, vocab, Result()
        self.last: Entry | None = None  # the last unit a page break could have cut
        self.section: str | None = None
        self.sub: str | None = None
        self.region = 0  # 0: the main text; n: the n-th annex
        self.operative = False  # past the preamble
        self.after_label = False  # inside an article, rule...: unnumbered paragraphs are its text
        self.label: str | None = None
        self.adopted = False
        self.numbers: dict[int, list[tuple[str, int, int]]] = {}  # region -> (scope, number, line)
        self.scopes: dict[str, str] = {}  # scope -> where it is, in words

    def emit(self, entry: Entry) -> Entry:
        self.r.entries.append(entry)
        self.last = entry if entry.kind in CONTENT else None
        return entry

    def warn(self, line: int, message: str) -> None:
        self.r.notes.append((line, message))

    # -- pieces ----------------------------------------------------------------
    def run(self) -> Result:
        pieces = self.draft.pieces
        first = next((p for p in pieces if p.kind not in ("separator", "footnote")), None)
        self.r.starts_mid = first is not None and first.kind in ("text", "numbered", "item") and not first.text[:1].isupper()
        for piece in pieces:
            self.r.notes.extend(piece.notes)
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            i += 1 + self.place(piece, nxt)
        self.finish()
        return self.r

    def place(self, p: Piece, nxt: Piece | None) -> int:
        """Emit one piece; return how many following pieces it consumed."""
        if p.kind == "separator":
            self.warn(p.line, f"removed a line that holds no text: '{p.text}'")
            return 0
        if p.kind == "footnote":
            self.r.entries.append(Entry("footnote", p.text, p.line, p.number))
            return 0
        if p.kind in ("text", "chapeau", "date") and self._continues(p):
            return 0
        if self.last is not None and p.kind not in ("text", "date"):
            self._cut(self.last)
        if p.kind == "adoption":
            return self.adoption(p, nxt)
        if p.kind in ("section", "subsection"):
            return self.section_heading(p, nxt)
        if p.kind == "annex":
            self.region += 1
            self.section = self.sub = None
            self.operative, self.adopted = True, False
            self.emit(Entry("annex", p.text, p.line))
            if nxt is not None and nxt.kind in ("text", "heading") and nxt.headlike:
                self.emit(Entry("heading", nxt.text, nxt.line))  # the annex's title
                return 1
            return 0
        if p.kind == "label":
            self.operative = self.after_label = True
            text, used = self._titled(p, nxt, not (parse_label(p.text) or ("", 0, ""))[2].strip())
            self.label = text
            self.emit(Entry("label", text, p.line))
            return used
        if p.kind == "division":
            self.operative, self.after_label, self.label = True, False, None
            m = DIVISION.match(p.text.strip("#* "))
            text, used = self._titled(p, nxt, m is not None and not (m.group("rest") or m.group("zh")))
            self.emit(Entry("heading", text, p.line))
            return used
        if p.kind == "heading":
            self.emit(Entry("heading", p.text, p.line))
            return 0
        if p.kind == "numbered":
            self.operative = True
            self._count(p)
            self.emit(Entry("numbered", p.text, p.line, p.number))
            return 0
        if p.kind == "item":
            self.emit(Entry("item", p.text, p.line, p.number))
            return 0
        if p.kind == "chapeau":
            self.r.body = self.r.body or p.body
        return self.text(p)

    def _titled(self, p: Piece, nxt: Piece | None, bare: bool) -> tuple[str, int]:
        """"Article 3" (or "PART I") with its title on the next line, "Definitions": one heading,
        "Article 3. Definitions"; return it and how many pieces it took."""
        if not bare or nxt is None or nxt.kind not in ("text", "heading") or not nxt.headlike \
                or len(nxt.text.split()) > TITLE_MAX_WORDS:
            return p.text, 0
        self.r.notes.extend(nxt.notes)
        joint = " " if re.search(r"[\u3000-\u9fff]", p.text + nxt.text[:1]) else ". "
        return f"{p.text}{joint}{nxt.text}", 1

    def text(self, p: Piece) -> int:
        if p.kind != "chapeau" and p.alone and p.headlike and (self.operative or self.region):
            self.emit(Entry("heading", p.text, p.line))
            return 0
        if self.adopted:
            self.warn(p.line, "text after the adoption line; kept as a paragraph (check where it belongs)")
        elif self.operative and not self.after_label and self.r.entries and self.r.entries[-1].kind in CONTENT:
            self.warn(p.line, "a paragraph without a number among numbered paragraphs; kept as a further "
                              "paragraph of the one above (check)")
        self.emit(Entry("text", p.text, p.line))
        return 0

    def _continues(self, p: Piece) -> bool:
        """Join a piece to the unit a page break cut (its text does not end like a sentence)."""
        last = self.last
        # Lines of one block were split on purpose; only a blank line (a page break) can cut a unit.
        if last is None or not p.opens_block or closed(last.text) or GLUED_NOTE_END.search(last.text) \
                or p.kind == "chapeau":
            return False
        joint = join(last.text, p.text, self.vocab)
        last.text = joint.text
        self.warn(p.line, f"joined to the paragraph at line {last.line}, which a page break (or footnotes) "
                          "cut mid-sentence")
        if joint.message:
            self.warn(p.line, joint.message)
        return True

    def _cut(self, entry: Entry) -> None:
        if _mid_sentence(entry.text):
            self.r.cut_at.append(entry.line)
            self.warn(entry.line, "this paragraph breaks off mid-sentence and the text that follows does not "
                                  "continue it: text is missing here")
        self.last = None

    def adoption(self, p: Piece, nxt: Piece | None) -> int:
        text, used = p.text, 0
        if nxt is not None and nxt.kind == "date":
            text, used = f"{p.text}\n{nxt.text}", 1
        self.emit(Entry("adoption", text, p.line))
        self.r.meeting, self.r.date = p.text, (nxt.text if used else None)
        self.adopted, self.section, self.sub = True, None, None
        return used

    def section_heading(self, p: Piece, nxt: Piece | None) -> int:
        number = p.number or ""
        expected_section = _roman(roman_value(self.section) + 1) if self.section else "I"
        expected_sub = chr(ord(self.sub) + 1) if self.sub else "A"
        is_sub = p.kind == "subsection" and not (number == expected_section and self.sub is None)
        if p.kind == "section" and len(number) == 1 and self.section and number == expected_sub \
                and number != expected_section:
            is_sub = True  # "C." after "B." is a sub-section, not section 100
        title, used = p.text, 0
        if not title and nxt is not None and nxt.alone and nxt.headlike:
            title, used = nxt.text, 1  # "VII" and "FOLLOW-UP" on lines of their own
        self.operative = True
        if is_sub:
            self.sub = number
            self.emit(Entry("subsection", title, p.line, number))
        else:
            if number != expected_section:
                self.warn(p.line, f"section {number} follows {self.section or 'the preamble'}: "
                                  f"sections before it seem to be missing")
                self.r.gaps.append(f"the sections before section {number}")
            self.section, self.sub = number, None
            self.emit(Entry("section", title, p.line, number))
        return used

    def _count(self, p: Piece) -> None:
        scope = f"{self.region}.{self.section or ''}.{self.sub or ''}.{self.label or ''}"
        where = [f"annex {self.region}" if self.region else "", f"section {self.section}" if self.section else "",
                 f"sub-section {self.sub}" if self.sub else "", self.label or ""]
        self.scopes[scope] = ", ".join(w for w in where if w) or "the paragraphs before the first section heading"
        self.numbers.setdefault(self.region, []).append((scope, int(p.number or 0), p.line))

    # -- the end -----------------------------------------------------------------
    def finish(self) -> None:
        if self.last is not None and _mid_sentence(self.last.text):
            self.r.cut_at.append(self.last.line)
            self.warn(self.last.line, "the text ends mid-sentence: the rest of the document is missing")
        for region, numbers in self.numbers.items():
            restarting = any(b <= a for (_, a, _), (_, b, _) in zip(numbers, numbers[1:]))
            expected: dict[str, int] = {}
            for scope, number, line in numbers:
                key = scope if restarting else ""
                want = expected.get(key, 1)
                if number != want:
                    where = self.scopes[scope] if restarting else ("the annex" if region else "the text")
                    self.warn(line, f"numbering in {where} starts at {number}" if want == 1 else
                              f"numbering in {where} goes from {want - 1} to {number}")
                    if number > want:  # a repeated or falling number is an error of the source, not a gap
                        missing = f"paragraph {want}" if number == want + 1 else f"paragraphs {want} to {number - 1}"
                        self.r.gaps.append(f"{missing} of {where}")
                expected[key] = number + 1


def assemble(draft: Draft, vocab: Vocabulary) -> Result:
    return _Assembler(draft, vocab).run()
