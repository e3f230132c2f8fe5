"""Step 4: one input can hold several resolutions; cut it into documents.

A resolution starts at its title line ("1997/33. Elements of …") or at a header line
("ECOSOC Resolution 2003/30"). Text before the first title is a document of its own: the end
of a resolution whose beginning the source lacks. Footnote texts are printed where the page
ended, so a footnote can stand inside the next resolution; it is moved to the one that cites it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .classify import Piece

FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")


@dataclass
class Draft:
    pieces: list[Piece] = field(default_factory=list)
    number: str | None = None  # "1993/34"
    title: str | None = None
    body: str | None = None  # "ecosoc", "ga", from a header or the chapeau
    front_lines: list[int] = field(default_factory=list)  # input lines that went into the front matter
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def line(self) -> int:
        lines = self.front_lines + [p.line for p in self.pieces]
        return min(lines) if lines else 1

    def has_text(self) -> bool:
        return any(p.kind not in ("separator", "footnote") for p in self.pieces)


def split(pieces: list[Piece], resolution: bool) -> list[Draft]:
    """Cut at every title or header; an instrument is one document whatever it contains."""
    drafts = [Draft()]
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if resolution and piece.kind in ("title", "header"):
            draft = Draft() if drafts[-1].has_text() or drafts[-1].number else drafts[-1]
            if draft is not drafts[-1]:
                drafts.append(draft)
            draft.number, draft.body = piece.number, piece.body
            draft.front_lines.extend(range(piece.line, piece.end + 1))
            draft.notes.extend(piece.notes)
            if piece.kind == "title":
                draft.title = piece.text
            elif i + 1 < len(pieces) and pieces[i + 1].headlike:
                # "ECOSOC Resolution 2003/30" is followed by the title on a line of its own.
                draft.title = pieces[i + 1].text
                draft.front_lines.extend(range(pieces[i + 1].line, pieces[i + 1].end + 1))
                draft.notes.extend(pieces[i + 1].notes)
                i += 1
            i += 1
            continue
        drafts[-1].pieces.append(piece)
        i += 1
    if not resolution:
        _instrument_title(drafts[0])
    return [d for d in drafts if d.has_text() or d.number]


def _instrument_title(draft: Draft) -> None:
    """The first line of an instrument is its title when it reads like one."""
    first = next((p for p in draft.pieces if p.kind != "separator"), None)
    if first is not None and first.kind in ("text", "heading") and first.headlike:
        draft.title = first.text
        draft.front_lines.extend(range(first.line, first.end + 1))
        draft.notes.extend(first.notes)
        draft.pieces.remove(first)


def refs(draft: Draft) -> set[str]:
    found: set[str] = set()
    for piece in draft.pieces:
        if piece.kind != "footnote":
            found.update(FOOTNOTE_REF.findall(piece.text))
    return found


def place_footnotes(drafts: list[Draft]) -> None:
    """Move a footnote text that stands in one document but is cited only by another."""
    cited = [refs(d) for d in drafts]
    for index, draft in enumerate(drafts):
        for piece in list(draft.pieces):
            if piece.kind != "footnote" or piece.number in cited[index]:
                continue
            owners = [i for i, c in enumerate(cited) if piece.number in c]
            if len(owners) == 1:
                draft.pieces.remove(piece)
                drafts[owners[0]].pieces.append(piece)
                drafts[owners[0]].notes.append(
                    (piece.line, f"the text of footnote {piece.number} stands inside another document in the "
                                 "source; moved to the end of the document that cites it"))
            else:
                draft.notes.append((piece.line, f"footnote {piece.number} is not cited in this document; kept where it stands"))
