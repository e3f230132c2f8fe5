"""Read a United Nations resolution in Akoma Ntoso (AKN4UN) XML into a content file.

One XML file is one language of one resolution. `read_akn` turns it into an `AknDocument`: the facts of its
FRBR work (id, symbol, adopting body, date), its title, and a Markdown body in the grammar of compendium.body,
built in the document's own order:

- the enacting formula and every preambular paragraph (`container`), with the italic lead words as `*...*`;
- every numbered `paragraph` as `1. ...`, its `list`/`point` or `blockList`/`item` sub-paragraphs as `(a) ...`;
- headings (`paragraph` with a `subheading`) as `## I. ...`, `### A. ...` or `### ...`; an annex heading as `## Annex`;
- footnotes (`authorialNote`) as `[^n]` at their call and `[^n]: text` at the end;
- the adoption line (`conclusions`) as `69th plenary meeting` / date;
- a draft resolution that an ECOSOC resolution recommends to the General Assembly (`embeddedStructure`,
  `components`) in place, after the paragraph that recommends it: its units follow on in the same sequence
  (the grammar has no nested document), and the eId map says which units belong to it;
- tables (boxes such as the core principles of the Kyoto Model Strategies) as paragraphs of text, one per cell line.

Nothing is invented: every word of the body is from the XML. What the Markdown cannot show (underline, the
presentation of a paragraph number such as "24 -") is listed in `AknDocument.losses`.

Every failure is an `AknError` naming the file: the XML cannot be read, is not Akoma Ntoso, or lacks the facts
a content file needs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from ..akn.names import AKN_NS, our_body, our_language  # one home, shared with the exporter
from ..body import ADOPTION
from ..unitid import ARABIC_ITEM_LETTERS

_UNDOCS_SLIP = re.compile(r"(https?://)undocs/")  # a slip in some UN files
_WS = re.compile(r"[ \t\r\n]+")
_ANNEX_WORD = re.compile(r"^(?:Annex|Annexe|Anexo|Приложение|附件|المرفق)(?:\s+([IVXLC]+|\d+))?\.?$", re.I)
_ROMAN = re.compile(r"^([IVXLC]+)\.?$")
_LETTER = re.compile(r"^([A-Z])\.?$")
_ITEM = re.compile(r"^\(?([a-z]{1,2}|[ivxlc]+)\)$")
# Sub-paragraph letters of the Arabic texts, in the order UN documents use (abjad): the parser's ids are Latin.
ARABIC_LETTERS = list(ARABIC_ITEM_LETTERS)  # one home: compendium/unitid.py
_ARABIC_ITEM = re.compile(r"^\(?\s*(" + "|".join(sorted(ARABIC_LETTERS + ["ه"], key=len, reverse=True)) + r")\s*\)$")
# "1 -", "٤ –", "12." at the start of a paragraph's text (a paragraph with no <num>)
_TEXT_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[-\u2013\u2014.\uff0e]\s+")
_TEXT_BARE_NUMBER = re.compile(r"^[ \t]*(\d{1,3})\t+")
# "(a)", "a)", "(أ)" at the start of a paragraph's text (a sub-paragraph marked up as a paragraph with no <num>)
_TEXT_ITEM = re.compile(r"^\s*\(?\s*([a-z]{1,2}|[ivxlc]+|" + "|".join(sorted(ARABIC_LETTERS + ["ه"], key=len, reverse=True))
                        + r")\s*\)\s+")
_BODY_ARABIC_ITEM = re.compile(r"^\((?:" + "|".join(sorted(ARABIC_ITEM_LETTERS + ("ه",), key=len, reverse=True))
                               + r")\)\s")
_CALL = re.compile(r"\[\^([^\]]+)\]")
# the title's note starts with the asterisk printed at its call, then a space ("*Official Records*" is italics)
_STAR = re.compile(r"^\s*\*\s+(?=\S)")
_NOTE_PARENS = re.compile(r"\(\s*(\[\^[^\]]+\])\s*\)")
_FRBR = re.compile(r"^/akn/un/statement/deliberation/(?P<body>[a-z]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<number>[^/]+)/")


class AknError(Exception):
    """The file cannot be imported; the message names the file and says why."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path, self.message = Path(path), message


@dataclass
class AknDocument:
    path: Path
    id: str  # ecosoc-2025-16, ga-80-226, ga-s32-1
    lang: str
    body: str  # ga / ecosoc
    number: str  # 80/226, 2025/16, S-32/1
    date: str  # adoption, from FRBRWork
    symbol: str
    title: str
    meeting: str | None  # the adoption line's meeting, in the file's language
    markdown: str  # the body
    eids: dict[str, str] = field(default_factory=dict)  # our unit id -> AKN eId (filled in by `map_eids`)
    draft_units: list[str] = field(default_factory=list)  # unit ids inside an embedded draft resolution
    footnotes: int = 0
    losses: list[str] = field(default_factory=list)
    # (block index, eId, in draft) for each emitted block, before unit ids are known
    block_eids: list[tuple[int, str | None, bool]] = field(default_factory=list)
    annexes: list[tuple[int, int]] = field(default_factory=list)  # block index ranges of each annex
    title_from_cover: bool = False  # the preface has no title; the cover page's "Resolution adopted by..." is used
    # the unnumbered paragraphs written as headings, as (region, position): region 0 is the resolution, n its n-th
    # attachment; position counts the region's <paragraph>s. A region's signature is its paragraphs' numbers.
    heading_keys: set[tuple[int, int]] = field(default_factory=set)
    region_signatures: dict[int, list[str | None]] = field(default_factory=dict)
    has_formula: bool = True  # the resolution's preamble has its enacting formula ("The General Assembly,")
    completeness_note: str | None = None  # text of the XML left out so that the units pair with the English ones
    renumbered: list[str] = field(default_factory=list)  # paragraph numbers of the XML replaced by the English ones
    # faults of the XML worked around (stray end tags left out, a repeated line written once), each named
    repairs: list[str] = field(default_factory=list)
    xml_notes: int = 0  # <authorialNote>s anywhere in the statement, the title's included
    # the title's note (printed "*" after the term it explains), taken from the <docTitle> or from a first note
    # that the XML misplaces at the first call of the text; and the labels of calls whose note text is not here
    title_note: str | None = None
    missing_notes: list[str] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # editors' fixes applied on import (akn_files.apply_fixes)


def _local(tag) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, name: str):
    return [c for c in el if _local(c.tag) == name]


def _child(el, name: str):
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _digits(text: str) -> str | None:
    """The paragraph number in '1.', '24 -', '٢٤ -', '1．': its decimal digits, or None."""
    digits = "".join(str(unicodedata.digit(ch)) for ch in text if unicodedata.digit(ch, None) is not None)
    return str(int(digits)) if digits else None


def _plain(el) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip()


class _Writer:
    def __init__(self, path: Path):
        self.path = path
        self.blocks: list[str] = []
        self.notes: list[tuple[str, str]] = []
        self.note_labels: set[str] = set()
        self.losses: list[str] = []
        self.block_eids: list[tuple[int, str | None, bool]] = []
        self.annexes: list[tuple[int, int]] = []
        self.draft = 0  # depth of embedded draft resolutions
        self.meeting: str | None = None
        self.in_section = False  # a roman-numbered section is open: "C." below it is its sub-section
        self.annex_lead: str | None = None  # "start" at the first paragraph of an annex, "title" after its heading
        self.pending_number: str | None = None
        self.paragraph_keys: dict[int, tuple[int, int]] = {}  # id(<paragraph>) -> (region, position)
        self.current_key: tuple[int, int] | None = None
        self.skip: set[int] = set()  # id() of elements left out
        self.english_numbers: dict[tuple[int, int], str] = {}  # (region, position) -> English paragraph number
        self.renumber: dict[tuple[int, int], str] = {}  # (region, position) -> the English paragraph number
        self.renumbered: list[str] = []
        self.heading_keys: set[tuple[int, int]] = set()  # unnumbered paragraphs written as headings
        # the unnumbered headings of the English file, in the regions whose paragraphs are the same sequence of
        # numbered and unnumbered paragraphs here: the paragraph in the same place is a heading here too
        self.english_headings: set[tuple[int, int]] = set()  # the number of an empty numbered paragraph, for the next one
        self.body_meeting: str | None = None  # the adoption meeting written as the body's last paragraph
        self.proponent: str | None = None  # the cover page's "[On the recommendation of ...]", its words only
        self.repairs: list[str] = []
        self.title_note: tuple[str, str] | None = None  # (XML marker, text) of the <docTitle>'s note
        self.missing_notes: list[str] = []  # labels called in the text whose note text is not in the file
        self.item_label: str | None = None  # the Arabic sub-paragraph label whose block is to be emitted next

    # -- inline ------------------------------------------------------------
    def inline(self, el, top: bool = True) -> str:
        parts: list[str] = [el.text or ""]
        for child in el:
            parts.append(self._inline_child(child))
            parts.append(child.tail or "")
        text = _NOTE_PARENS.sub(r"\1", "".join(parts))  # superscript "([^1])" (Arabic) is one call
        return _WS.sub(" ", text).strip() if top else text

    def _inline_child(self, child) -> str:
        name = _local(child.tag)
        if name == "authorialNote":
            label = (child.get("marker") or "").strip() or str(len(self.notes) + 1)
            if label in self.note_labels:
                raise AknError(self.path, f"two footnotes are marked '{label}' (eId {child.get('eId')})")
            self.note_labels.add(label)
            self.notes.append((label, self.note_text(child)))
            return f"[^{label}]"
        if name == "embeddedStructure":
            raise _Embedded(child)
        if name == "eol":
            return "\n"
        inner = self.inline(child, top=False)
        if name == "span":
            cls = set((child.get("class") or "").split())
            if "underline" in cls:
                self.losses.append(f"underline (not representable) kept as plain text: {_plain(child)[:40]!r}")
            mark = "***" if {"bold", "italic"} <= cls else "**" if "bold" in cls else "*" if "italic" in cls else ""
            return _emphasis(inner, mark)
        if name == "a":
            href = (child.get("href") or "").strip().replace(" ", "%20")
            if _UNDOCS_SLIP.match(href):  # "https://undocs/fr/E/2014/30": the host lost its ".org"
                self.losses.append(f"link host 'undocs' read as 'undocs.org': {href}")
                href = _UNDOCS_SLIP.sub(r"\1undocs.org/", href, count=1)
            label = _WS.sub(" ", inner).strip()
            if href.startswith(("http://", "https://")) and label and "]" not in label:
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()):]
                return f"{lead}[{label}]({href}){trail}"
            return inner
        if name == "sup":
            if inner.strip() not in ("(", ")", ""):
                self.losses.append(f"superscript (not representable) kept as plain text: {inner.strip()!r}")
            return inner.strip()
        if name == "img":
            return ""
        return inner  # docDate, location, inline, event, docTitle...: their text

    def note_text(self, note) -> str:
        text = " ".join(self.inline(p) for p in note if _local(p.tag) == "p") or self.inline(note)
        return re.sub(r"^\(\)\s*", "", text)  # the Arabic texts' empty "()" where the number is printed

    def take_title_note(self) -> str | None:
        """The title's note, printed "*" after the term it explains. From the <docTitle> (its marker is the first
        label: the notes after it are numbered from 1, as in print); else a first note whose text starts with
        "*" is the title's, misplaced at the text's first call (E/RES/2024/12 in five languages): the call stays,
        with no note text in this file."""
        if self.title_note is not None:
            label, text = self.title_note
            numbers = [n for n, _ in self.notes]
            if label == "1" and numbers == [str(i) for i in range(2, len(numbers) + 2)]:
                shift = {str(i): str(i - 1) for i in range(2, len(numbers) + 2)}
                self.blocks = [_CALL.sub(lambda m: f"[^{shift.get(m.group(1), m.group(1))}]", b) for b in self.blocks]
                self.notes = [(shift[n], t) for n, t in self.notes]
                self.repairs.append("the title's note (marked *) is the XML's note 1: the notes after it are "
                                    "numbered from 1")
            return _STAR.sub("", text)
        if self.notes and _STAR.match(self.notes[0][1]):
            label, text = self.notes.pop(0)
            self.missing_notes.append(label)
            self.repairs.append(f"note {label}'s text in the XML is the title's note (marked *), placed at the "
                                f"call of note {label}: shown as the title's note; the text of note {label} is "
                                "not in this file")
            return _STAR.sub("", text)
        return None

    # -- blocks ------------------------------------------------------------
    def emit(self, text: str, eid: str | None) -> None:
        text = text.strip()
        if not text:
            return
        if _BODY_ARABIC_ITEM.match(text):
            if self.item_label is not None and text.startswith(self.item_label):
                self.item_label = None  # a sub-paragraph, its label as the text has it
            else:  # a paragraph that starts with "(أ)" but is no sub-paragraph ("(أ) انظر القسم هاء."): text
                text = "\\" + text
        self.block_eids.append((len(self.blocks), eid, self.draft > 0))
        self.blocks.append(text)

    def paragraph_text(self, p) -> tuple[str, object | None]:
        """A <p>'s text, and the embeddedStructure it holds (its text stops there), if any."""
        try:
            return self.inline(p), None
        except _Embedded as emb:
            # the text before the embedded structure: rebuild from the children that come before it
            parts = [p.text or ""]
            for child in p:
                if child is emb.element:
                    break
                parts.append(self._inline_child(child))
                parts.append(child.tail or "")
            tail = (emb.element.tail or "").strip()
            if tail:
                self.losses.append(f"text after an embedded draft resolution kept after it: {tail[:40]!r}")
            return _WS.sub(" ", "".join(parts)).strip(), emb.element

    def ps(self, container, prefix: str = "", eid: str | None = None) -> None:
        """Each <p> of `container` as a block; the first gets `prefix` ('1. ', '(a) ')."""
        first = True
        for child in container:
            name = _local(child.tag)
            if name == "p":
                text, emb = self.paragraph_text(child)
                self.emit((prefix if first else "") + text if text else "", eid)
                if text:
                    first = False
                if emb is not None:
                    self.embedded(emb)
            elif name in ("blockList", "list"):
                self.block_list(child, eid)
            elif name == "table":
                self.table(child, eid)
            elif name in ("content", "intro", "listIntroduction"):
                self.ps(child, prefix if first else "", eid)
                first = False

    def embedded(self, emb) -> None:
        self.draft += 1
        try:
            self.walk(emb)
        finally:
            self.draft -= 1

    def table(self, table, eid: str | None) -> None:
        for tr in _children(table, "tr"):
            for td in _children(tr, "td"):
                self.ps(td, "", table.get("eId") or eid)

    def block_list(self, lst, eid: str | None) -> None:
        for child in lst:
            name = _local(child.tag)
            if name in ("intro", "listIntroduction"):
                if _child(child, "p") is not None:
                    self.ps(child, "", child.get("eId") or eid)
                else:
                    self.emit(self.inline(child), child.get("eId") or eid)
            elif name in ("point", "item"):
                self.point(child)

    def point(self, point) -> None:
        num = _child(point, "num")
        mark = _plain(num) if num is not None else ""
        prefix = self.item_prefix(mark)
        if prefix is None:
            # a numbered list inside a paragraph (a provisional agenda: "1. Opening of the Congress."): text
            # of the paragraph, its number escaped so that the parser does not take it for a paragraph
            prefix = re.sub(r"^(\d+)\.", r"\1\\.", mark) + " " if mark else ""
        eid = point.get("eId")
        holder = _child(point, "content")
        holder = point if holder is None else holder
        first = True
        for child in holder:
            name = _local(child.tag)
            if name == "p":
                text, emb = self.paragraph_text(child)
                self.emit((prefix if first else "") + text, eid)
                first = False
                if emb is not None:
                    self.embedded(emb)
        for child in point:
            if _local(child.tag) in ("list", "blockList"):
                self.block_list(child, eid)

    def item_prefix(self, mark: str) -> str | None:
        m = _ITEM.match(mark)
        if m:
            return f"({m.group(1)}) "
        m = _ARABIC_ITEM.match(mark)
        if m:  # written as the text has it; its id is the Latin letter in the same place (unitid.item_mark)
            self.item_label = f"({'هـ' if m.group(1) == 'ه' else m.group(1)})"
            return self.item_label + " "
        return None

    def paragraph(self, par) -> None:
        eid = par.get("eId")
        self.current_key = self.paragraph_keys.get(id(par))
        num = _child(par, "num")
        sub = _child(par, "subheading")
        if sub is not None and num is None and self.proponent and _words(_plain(sub)) == self.proponent:
            # the cover page's "[On the recommendation of the Commission (E/2023/30)]" repeated as the body's
            # heading (the Arabic ecosoc-2023-23, its brackets the other way round): it is the cover's line
            self.repairs.append(f"{eid}: a heading repeating the cover page's proponent ({_plain(sub)!r}) left out")
            self.losses.append(self.repairs[-1])
            return
        if sub is not None:
            self.heading(num, sub, eid)
            return
        number = _plain(num) if num is not None else ""
        content = _child(par, "content")
        if self.current_key in self.renumber and number:
            fixed = self.renumber[self.current_key]
            self.renumbered.append(f"{eid}: {number} written {fixed}. (the English number in the same place)")
            self.losses.append(f"paragraph {eid} numbered {number!r} in the XML written {fixed}., as in English")
            number = f"{fixed}."
        pending, self.pending_number = self.pending_number, None
        if number and sub is None and not any(_plain(c) for c in par if _local(c.tag) != "num"):
            # a number with no text: the paragraph after it has the text (the Chinese markup of some texts)
            self.pending_number = number
            return
        if not number and pending:
            number = pending
            self.losses.append(f"paragraph number {pending!r} on an empty paragraph given to the paragraph after it")
        if not number:
            number = self._number_in_text(par) or ""
        if not number and content is not None and self._adoption_line(content, eid):
            return
        lead, self.annex_lead = self.annex_lead, None
        if lead and not number and content is not None and _one_line(content) and (
                lead == "title" or _ANNEX_WORD.match(_plain(content))):
            # the first paragraphs of an annex, whatever their style: its heading ("附件") and its title
            self.heading(None, content, eid)
            self.annex_lead = "title" if lead == "start" else None
            return
        if not number and content is not None and self.current_key in self.english_headings and _one_line(content):
            self.losses.append(f"paragraph {eid} written as a heading, as the English file's paragraph in the same "
                               "place is")
            self.heading(None, content, eid)
            return
        if not number and content is not None and _bold_only(content):
            self.heading(None, content, eid)  # a heading marked up as a bold paragraph (the Arabic texts)
            return
        if not number and content is not None and _heading_style(par, content):
            self.heading(None, content, eid)  # a heading by its paragraph style H1, H23... (the Chinese texts)
            return
        if (_ROMAN.match(number) or _LETTER.match(number)) and content is not None and _child(par, "list") is None:
            self.heading(num, content, eid)  # a heading marked up as a numbered paragraph (the Chinese texts)
            return
        prefix = ""
        if number:
            digits = _digits(number)
            if digits is not None:
                prefix = f"{digits}. "
                if number.rstrip(".") != digits:
                    self.losses.append(f"paragraph number {number!r} written '{digits}.'")
            elif self.item_prefix(number) is not None:
                prefix = self.item_prefix(number)
            else:
                raise AknError(self.path, f"paragraph number {number!r} (eId {eid}) is neither 1. nor (a)")
        for child in par:
            name = _local(child.tag)
            if name == "content":
                self.ps(child, prefix, eid)
                prefix = ""
            elif name == "list":
                self.block_list(child, eid) if not prefix else self._list_with_number(child, prefix, eid)
                prefix = ""

    def _adoption_line(self, content, eid: str | None) -> bool:
        """An adoption line marked up as a paragraph, its ordinal a superscript in its own span ("*39* e *séance
        plénière 29 juillet 2025*"): written as plain text with the superscript joined to its number, so that it
        reads as the adoption line it is. False (nothing written) for any other paragraph."""
        ps = _children(content, "p")
        if len(ps) != 1 or len(content) != 1 or not any(_local(d.tag) == "sup" for d in ps[0].iter()):
            return False
        if any(_local(d.tag) not in ("p", "span", "sup", "eol") for d in ps[0].iter()):
            return False
        parts = [ps[0].text or ""]
        for child in ps[0]:
            if _local(child.tag) == "sup":
                parts[-1] = parts[-1].rstrip()
            parts.append("\n" if _local(child.tag) == "eol" else "".join(child.itertext()))
            parts.append(child.tail or "")
        lines = [_WS.sub(" ", line).strip() for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line)
        if not ADOPTION.match(text):
            return False
        self.losses.append(f"adoption line {text!r}: its italics and superscript ordinal written as plain text")
        self.emit(text, eid)
        return True

    def _number_in_text(self, par) -> str | None:
        """A paragraph with no <num> whose text begins with its number ("1 -", "٤ –", "5."), as the Arabic texts
        often have: the number, taken out of the text (the structure is the paragraph's, the number its own)."""
        holder = _child(par, "content")
        if holder is None:
            lst = _child(par, "list")
            holder = _child(lst, "intro") if lst is not None else None
        first = _child(holder, "p") if holder is not None else None
        if first is None:
            return None
        slots = _leading_text_slots(first)  # the text before the first word may run over spans: "10 <span>-</span>"
        lead = "".join(getattr(node, attr) or "" for node, attr in slots)
        m = _TEXT_NUMBER.match(lead) or _TEXT_ITEM.match(lead)
        if m is None:
            # a bare number before a tab ("\t28\tEngage..."): a number only where the English paragraph in the
            # same place has that number
            m = _TEXT_BARE_NUMBER.match(lead)
            if m is None or self.english_numbers.get(self.current_key) != str(int(m.group(1))):
                return None
        left = m.end()
        for node, attr in slots:  # take the number out of the text, slot by slot
            text = getattr(node, attr) or ""
            cut = min(left, len(text))
            setattr(node, attr, text[cut:])
            left -= cut
            if not left:
                break
        self.losses.append(f"paragraph number {m.group(0).strip()!r} in the text (no <num>) taken as the number")
        return f"({m.group(1)})" if m.re is _TEXT_ITEM else m.group(1)

    def _list_with_number(self, lst, prefix: str, eid: str | None) -> None:
        intro = _child(lst, "intro")
        if intro is not None:
            self.ps(intro, prefix, eid)
        else:
            self.emit(prefix.strip(), eid)
        for child in lst:
            if _local(child.tag) == "point":
                self.point(child)

    def heading(self, num, sub, eid: str | None) -> None:
        if num is None and self.current_key is not None:
            self.heading_keys.add(self.current_key)
        title = self.inline(sub)
        number = _plain(num) if num is not None else ""
        title = title.strip("*").strip()
        if not number and _ANNEX_WORD.match(title):
            self.in_section = False
            self.emit(f"## {title}", eid)
            return
        if not number:
            self.emit(f"### {title}", eid)
            return
        if _ROMAN.match(number) and not (not self.in_section and _LETTER.match(number)):
            self.in_section = True
            self.emit(f"## {_ROMAN.match(number).group(1)}. {title}", eid)
        elif _LETTER.match(number) and self.in_section:
            self.emit(f"### {_LETTER.match(number).group(1)}. {title}", eid)
        elif _LETTER.match(number):
            # lettered headings with no numbered section above them (the Kyoto Model Strategies, A to G): plain
            # headings, the point escaped so that "C." is not read as section 100
            self.emit(f"### {_LETTER.match(number).group(1)}\\. {title}", eid)
        else:
            self.losses.append(f"heading number {number!r} kept in the heading's text")
            self.emit(f"### {number} {title}", eid)

    def conclusions(self, el) -> None:
        body_meeting, self.body_meeting = self.body_meeting, None
        for p in _children(el, "p"):
            text = "\n".join(_WS.sub(" ", line).strip() for line in re.sub(r"<sup>|</sup>", "", self.inline(p, top=False)).split("\n"))
            text = "\n".join(line for line in text.split("\n") if line)
            if body_meeting:
                text, body_meeting = f"{body_meeting}\n{text}", None
            meeting = p.find(f".//{{{AKN_NS}}}location")
            meeting = p.find(f".//{{{AKN_NS}}}inline") if meeting is None else meeting
            if meeting is not None and self.meeting is None:
                self.meeting = _plain(meeting)
            self.emit(text, el.get("eId") or "conclusions")

    @staticmethod
    def _repeats_meeting(parent, body) -> bool:
        """The last paragraph of `body` (no number) is only the meeting of the <conclusions> after it (a Chinese
        text marks its adoption meeting up twice)."""
        conclusions = _child(parent, "conclusions")
        if conclusions is None or not len(body) or _local(body[-1].tag) != "paragraph" or _child(body[-1], "num") is not None:
            return False
        meeting = conclusions.find(f".//{{{AKN_NS}}}inline[@name='adoptionMeeting']")
        return meeting is not None and bool(_plain(meeting)) and _plain(body[-1]) == _plain(meeting)

    @staticmethod
    def _repeats_formula(before, par) -> bool:
        """`par`, an unnumbered paragraph with no sub-parts, has the same words as the formula (a <formula>, or
        a <container name="formula">) just before it."""
        if before is None or not (_local(before.tag) == "formula" or (
                _local(before.tag) == "container" and before.get("name") == "formula")):
            return False
        if _child(par, "num") is not None or _child(par, "subheading") is not None or _child(par, "list") is not None:
            return False
        return bool(_plain(par)) and _words(_plain(par)) == _words(_plain(before))

    @staticmethod
    def _meeting_in_body(parent, body) -> bool:
        """The last paragraph of `body` (no number, one line) is the adoption meeting, and the <conclusions> after
        it have no meeting, only the date (the Spanish A/RES/S-32/1: "Primera sesión plenaria")."""
        conclusions = _child(parent, "conclusions")
        if conclusions is None or not len(body) or _local(body[-1].tag) != "paragraph":
            return False
        last = body[-1]
        if _child(last, "num") is not None or _child(last, "content") is None or not _one_line(_child(last, "content")):
            return False
        if any(_local(d.tag) in ("inline", "location") for d in conclusions.iter()):
            return False  # the conclusions name a meeting: the paragraph is something else
        if not any(_local(d.tag) == "docDate" for d in conclusions.iter()):
            return False
        return bool(ADOPTION.match(_plain(last)))

    def walk_except(self, el, skipped) -> None:
        holder = ET.Element(el.tag)
        holder.extend(c for c in el if c is not skipped)
        self.walk(holder)

    def walk(self, el) -> None:
        """The text-bearing parts of a statement, doc or embedded structure, in order."""
        previous = None
        for child in el:
            name = _local(child.tag)
            before, previous = previous, child
            if name == "paragraph" and self._repeats_formula(before, child):
                # the Arabic ecosoc-2024-11: the draft's formula "إن الجمعية العامة،" as its formula container
                # and again as an unnumbered paragraph right after it: written once
                self.repairs.append(f"{child.get('eId')}: an unnumbered paragraph repeating the enacting formula "
                                    f"just before it ({_plain(child)!r}) left out")
                self.losses.append(self.repairs[-1])
                continue
            if name in ("meta", "coverPage", "preface"):
                continue
            if name not in ("preamble", "mainBody", "paragraph"):
                self.annex_lead = None  # the annex's heading and title are its first paragraphs or none
            if name == "mainBody" and self._meeting_in_body(el, child):
                last = child[-1]
                self.body_meeting = _plain(last)
                self.repairs.append(f"{last.get('eId')}: the adoption meeting ({_plain(last)!r}) is the body's last "
                                    "paragraph, the conclusions after it have only the date: written as one "
                                    "adoption line, in plain text")
                self.losses.append(self.repairs[-1])
                self.walk_except(child, last)
            elif name == "mainBody" and self._repeats_meeting(el, child):
                self.losses.append(f"the body's last paragraph repeats the adoption meeting ({_plain(child[-1])!r}) "
                                   "of the conclusions that follow: written once, as the adoption line")
                self.walk_except(child, child[-1])
            elif name in ("preamble", "mainBody", "embeddedStructure"):
                self.walk(child)
            elif name == "formula" and id(child) in self.skip:
                continue
            elif name == "formula":
                self.ps(child, "", child.get("eId"))
            elif name == "container":
                self.ps(child, "", child.get("eId"))
            elif name == "paragraph":
                self.paragraph(child)
            elif name == "conclusions":
                self.conclusions(child)
            elif name == "components":
                for comp in _children(child, "component"):
                    for st in comp:
                        self.draft += 1
                        try:
                            self.walk(st)
                        finally:
                            self.draft -= 1
            elif name == "attachments":
                for att in _children(child, "attachment"):
                    for doc in att:
                        start = len(self.blocks)
                        self.annex_lead = "start"
                        self.walk(doc)
                        self.annexes.append((start, len(self.blocks)))
            elif name in ("p",):
                text, emb = self.paragraph_text(child)
                self.emit(text, el.get("eId"))
                if emb is not None:
                    self.embedded(emb)
            elif name in ("blockList", "list"):
                self.block_list(child, child.get("eId"))
            else:
                raise AknError(self.path, f"unexpected element <{name}> in <{_local(el.tag)}>: not imported")


class _Embedded(Exception):
    def __init__(self, element):
        super().__init__("embeddedStructure")
        self.element = element


def _paragraph_regions(statement) -> tuple[dict[int, tuple[int, int]], dict[int, list[str | None]]]:
    """Each <paragraph>'s (region, position) by id(), and each region's signature: the number (digits) of each
    of its paragraphs, None when it has none. Region 0 is the resolution, n its n-th attachment."""
    keys: dict[int, tuple[int, int]] = {}
    signatures: dict[int, list[str | None]] = {}
    attachments = [att for atts in _children(statement, "attachments") for att in _children(atts, "attachment")]
    inside = {id(p) for att in attachments for p in att.iter(f"{{{AKN_NS}}}paragraph")}
    regions = [(0, [p for p in statement.iter(f"{{{AKN_NS}}}paragraph") if id(p) not in inside])]
    regions += [(n, list(att.iter(f"{{{AKN_NS}}}paragraph"))) for n, att in enumerate(attachments, 1)]
    for region, paragraphs in regions:
        signatures[region] = []
        for position, par in enumerate(paragraphs):
            keys[id(par)] = (region, position)
            num = _child(par, "num")
            signatures[region].append(_digits(_plain(num)) if num is not None else None)
    return keys, signatures


def _leading_text_slots(p, limit: int = 6) -> list[tuple[object, str]]:
    """The first text slots ((element, "text"|"tail")) of a <p> in document order, through spans only."""
    slots: list[tuple[object, str]] = []

    def visit(el) -> bool:
        slots.append((el, "text"))
        for child in el:
            if len(slots) >= limit or _local(child.tag) != "span" or not visit(child):
                return False
            slots.append((child, "tail"))
        return True

    visit(p)
    return slots[:limit]


def _one_line(content) -> bool:
    """A content of one <p> of text with no footnote."""
    ps = _children(content, "p")
    return (len(ps) == 1 and len(content) == 1 and bool(_plain(ps[0]))
            and not any(_local(d.tag) == "authorialNote" for d in ps[0].iter()))


def _heading_style(par, content) -> bool:
    """A paragraph in a heading style (class H1 or H23, the UN's styles of the annex and section headings) of one line of text with
    no footnote: a heading, whatever its typography."""
    return (par.get("class") or "") in ("H1", "H23") and _one_line(content)


def _bold_only(content) -> bool:
    """A content whose only text is in bold spans (one paragraph): a heading in the Arabic markup."""
    ps = _children(content, "p")
    if len(ps) != 1 or (ps[0].text or "").strip():
        return False
    spans = list(ps[0])
    return bool(spans) and all(_local(c.tag) == "span" and "bold" in (c.get("class") or "").split()
                               and "italic" not in (c.get("class") or "").split() and not (c.tail or "").strip()
                               and len(c) == 0 for c in spans)


def _words(text: str) -> str:
    """A line's words and signs without spaces and brackets, to see a line repeated with other spacing or
    brackets ("]...[(E/2023/30)" and "[... (E/2023/30)]")."""
    return re.sub(r"[\s\[\]()]+", "", text)


def _emphasis(inner: str, mark: str) -> str:
    if not mark:
        return inner
    core = inner.strip()
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{mark}{core}{mark}{trail}"


_TAG_MISMATCH = 7  # expat's XML_ERROR_TAG_MISMATCH
_END_TAG = re.compile(rb"</([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*>")


def _open_elements(data: bytes) -> list[str] | None:
    """The local names of the elements open at the end of `data` (a well-formed prefix), or None."""
    parser = ET.XMLPullParser(events=("start", "end"))
    stack: list[str] = []
    try:
        parser.feed(data)
        for event, el in parser.read_events():
            if event == "start":
                stack.append(_local(el.tag))
            else:
                stack.pop()
    except ET.ParseError:
        return None
    return stack


def _drop_stray_end_tag(data: bytes, exc: ET.ParseError) -> tuple[bytes, str] | None:
    """The data without the end tag where a tag-mismatch error stands, when that end tag closes no element that
    is open there (markup left over from an element that was never opened): only that tag is taken out, no
    character of text. None for any other error, or an end tag that closes an open element."""
    if getattr(exc, "code", None) != _TAG_MISMATCH or not getattr(exc, "position", None):
        return None
    line, column = exc.position
    starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]
    if not 0 < line <= len(starts):
        return None
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(data)
    text = data[start:end].decode("utf-8", "replace")

    def at_error(m) -> bool:  # expat points at the tag's "<" or at its name, in bytes or in characters
        offset = m.start() - start
        chars = len(data[start:m.start()].decode("utf-8", "replace"))
        return column in (offset, offset + 2, chars, chars + 2)

    tags = [m for m in _END_TAG.finditer(data, start, end) if at_error(m)]
    if len(tags) != 1 or not text:
        return None
    tag = tags[0]
    stack = _open_elements(data[:start] + data[start:tag.start()])
    name = tag.group(1).decode("ascii").split(":")[-1]
    if stack is None or name in stack:
        return None
    note = (f"line {line}: end tag </{name}> closes no open element (open: {'/'.join(stack[-3:])}); "
            "left out to make the file well-formed (no text changed)")
    return data[:tag.start()] + data[tag.end():], note


def _parse(path: Path, data: bytes | None = None, repairs: list[str] | None = None):
    """The root element. A file that is not well-formed only through end tags that close no open element (the
    Arabic ecosoc-2023-23: `</embeddedStructure></p></content></paragraph>` with no start tags) is read without
    them, each one named in `repairs`; any other fault of well-formedness is an error."""
    try:
        if data is None:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise AknError(path, f"cannot read the file: {exc.strerror}") from None
    fixes: list[str] = []
    first_error = None
    while True:
        try:
            root = ET.fromstring(data)
            break
        except ET.ParseError as exc:
            first_error = first_error or exc
            fixed = _drop_stray_end_tag(data, exc) if len(fixes) < 20 else None
            if fixed is None:
                raise AknError(path, f"not well-formed XML ({first_error})") from None
            data, note = fixed
            fixes.append(note)
        except (ValueError, RecursionError) as exc:
            raise AknError(path, f"cannot read the XML ({exc.__class__.__name__})") from None
    if repairs is not None:
        repairs.extend(fixes)
    if _local(root.tag) != "akomaNtoso":
        raise AknError(path, f"the root element is <{_local(root.tag)}>, not <akomaNtoso>")
    return root


def read_akn(path: Path | str, data: bytes | None = None, english: AknDocument | None = None) -> AknDocument:
    """One AKN4UN resolution file; an `AknError` naming the file when it cannot be read or lacks a fact.

    `english`, for a translation: the English file read already. When the two files' <paragraph> eIds are the
    same sequence (the markup is parallel), an unnumbered paragraph of one line whose eId is a heading in the
    English file is a heading here too, whatever its typography."""
    path = Path(path)
    try:
        repairs: list[str] = []
        doc = _read(path, _parse(path, data, repairs), english)
        doc.repairs[:0] = repairs
        return doc
    except AknError:
        raise
    except RecursionError:
        raise AknError(path, "the XML is nested too deeply to import") from None


def _read(path: Path, root, english: AknDocument | None = None) -> AknDocument:
    statement = _child(root, "statement")
    if statement is None:
        raise AknError(path, "no <statement> under <akomaNtoso>: not an AKN4UN resolution")
    ns = {"a": AKN_NS}
    work = statement.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", ns)
    m = _FRBR.match(work.get("value", "")) if work is not None else None
    if m is None:
        raise AknError(path, "no FRBRWork FRBRthis of the form /akn/un/statement/deliberation/<body>/<date>/<number>/")
    body = our_body(m.group("body"))
    if body is None:
        raise AknError(path, f"unknown adopting body '{m.group('body')}' in the FRBR work")
    date_el = statement.find("a:meta/a:identification/a:FRBRWork/a:FRBRdate", ns)
    date = date_el.get("date") if date_el is not None else m.group("date")
    lang_el = statement.find("a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage", ns)
    code = lang_el.get("language") if lang_el is not None else None
    if code is None or our_language(code) is None:
        raise AknError(path, f"unknown or missing FRBRlanguage {code!r}")
    raw_number = m.group("number")  # 80-226, 2025-16, S-32-1
    first, _, last = raw_number.rpartition("-")
    if not first or not last:
        raise AknError(path, f"cannot read the resolution number from '{raw_number}'")
    number = f"{first}/{last}"
    doc_id = f"{body}-{raw_number.lower().replace('s-', 's')}"
    symbol_el = statement.find("a:coverPage//a:docNumber", ns)
    symbol = _plain(symbol_el) if symbol_el is not None else ""
    if not symbol:
        raise AknError(path, "no document symbol (coverPage docNumber)")
    title_el = statement.find("a:preface//a:docTitle", ns)
    writer = _Writer(path)
    formula = statement.find("a:preamble/a:formula", ns)
    completeness_note = None
    if english is not None and not english.has_formula and formula is not None and _plain(formula):
        # the English XML lacks the enacting formula (A/RES/78/225): left out here too, or every preambular
        # paragraph would pair with the one before it in English
        writer.skip = {id(formula)}
        writer.losses.append(f"enacting formula {_plain(formula)!r} left out: the English file has none")
        completeness_note = (f"The enacting formula of this language's XML ({_plain(formula)}) is not shown: the "
                             "English XML, the source, has none, and the paragraphs are paired with the English ones.")
    keys, signatures = _paragraph_regions(statement)
    writer.paragraph_keys = keys
    if english is not None:
        writer.english_headings = {key for key in english.heading_keys
                                   if english.region_signatures.get(key[0]) == signatures.get(key[0])}
        for region, mine in signatures.items():
            theirs = english.region_signatures.get(region)
            if theirs is not None and len(theirs) == len(mine):
                writer.english_numbers.update({(region, i): n for i, n in enumerate(theirs) if n is not None})
            # a numbering slip ("27. 29." or "11. 13. 13."): the same paragraphs, numbered and unnumbered in the
            # same places, only the numbers differ: the English numbers, paragraph by paragraph
            if (theirs is not None and mine != theirs and len(mine) == len(theirs)
                    and [n is None for n in mine] == [n is None for n in theirs]):
                for position, (a, b) in enumerate(zip(mine, theirs)):
                    if a != b:
                        writer.renumber[(region, position)] = b
    title = _title(writer, title_el) if title_el is not None else ""
    title_from_cover = False
    if not title:
        cover = statement.find("a:coverPage//a:docTitle", ns)
        title = _plain(cover) if cover is not None else ""
        title_from_cover = True
        writer.losses.append("no resolution title in the preface: the cover page's title is used")
    if not title:
        raise AknError(path, "no title (preface or cover page docTitle)")
    proponent = statement.find("a:coverPage//a:docProponent", ns)
    writer.proponent = _words(_plain(proponent)) if proponent is not None and _plain(proponent) else None
    writer.walk(statement)
    title_note = writer.take_title_note()
    if title_note:
        title = re.sub(r"\s+(?=[,，、])|(?<=[，、])\s+", "", _WS.sub(" ", title.replace("*", ""))).strip()
    if not writer.blocks:
        raise AknError(path, "no text: the resolution has no preamble or paragraph")
    notes = [f"[^{label}]: {text}" for label, text in writer.notes]
    markdown = "\n\n".join(writer.blocks + notes) + "\n"
    return AknDocument(path, doc_id, our_language(code) or "", body, number, date, symbol, title, writer.meeting, markdown,
                       footnotes=len(writer.notes), losses=writer.losses, block_eids=writer.block_eids,
                       annexes=writer.annexes, title_from_cover=title_from_cover,
                       heading_keys=writer.heading_keys, region_signatures=signatures,
                       has_formula=formula is not None, completeness_note=completeness_note,
                       renumbered=writer.renumbered, repairs=writer.repairs,
                       xml_notes=sum(1 for _ in statement.iter(f"{{{AKN_NS}}}authorialNote")),
                       title_note=title_note, missing_notes=writer.missing_notes)


def _title(writer: _Writer, title_el) -> str:
    """The title without the footnote a docTitle may carry (kept as the writer's title note)."""
    parts = [title_el.text or ""]
    for child in title_el:
        if _local(child.tag) == "authorialNote":
            writer.title_note = ((child.get("marker") or "").strip(), writer.note_text(child))
        else:
            parts.append(_plain(child) if _local(child.tag) != "span" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return _WS.sub(" ", "".join(parts)).strip()
