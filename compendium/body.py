"""Parse a content file's body into units with stable, structure-derived ids.

The grammar is documented for editors in content/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Report
from .language_data import is_adoption_line
from .labels import ROMAN_LOWER, is_roman, parse_label, roman_value
from .unitid import ARABIC_ITEM_LETTERS, child_id, footnote_id, item_mark, unit_id
from .model import Unit

HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*#*\s*$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$", re.S)
ITEM = re.compile(r"^\((" + "|".join(sorted(ARABIC_ITEM_LETTERS + ("ه",), key=len, reverse=True))
                  + r"|[a-z]{1,2}|[ivxlc]+)\)\s+(.*)$", re.S)
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$", re.S)
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
ANNEX = re.compile(r"^(?:Annex|Annexe|Anexo|Приложение|附件|المرفق)(?:\s+([IVXLC]+|\d+))?\.?$", re.I)
# "I. TITLE", or a bare "VI" where the source has lost the section's title (resolution 1992/22).
SECTION = re.compile(r"^([IVXLC]+)(?:\.?\s+(.*)|\.)?$")
SUBSECTION = re.compile(r"^([A-Z])\.\s+(.*)$")


class _AdoptionLine:
    """The adoption line ("43rd plenary meeting", "第43次全体会议"...), optionally in italics, as each configured
    language's data writes a plenary meeting (`meeting.read` in compendium/languages/<code>.yml)."""

    @staticmethod
    def match(text: str) -> bool:
        return is_adoption_line(text)


ADOPTION = _AdoptionLine()
_STRUCTURAL_LINE = re.compile(r"^(#{2,6}\s|\d+\.\s|\([a-z]{1,2}\)\s|\([ivxlc]+\)\s|\[\^[^\]\s]+\]:)")


@dataclass
class Block:
    line: int
    text: str


def split_blocks(body: str, first_line: int) -> list[Block]:
    """Blank lines separate blocks; a structural line (heading, '1.', '(a)', footnote) starts one too."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for offset, raw in enumerate(body.split("\n")):
        line = raw.rstrip()
        number = first_line + offset
        if not line.strip():
            if current:
                blocks.append(Block(start, "\n".join(current)))
                current = []
            continue
        if current and (_STRUCTURAL_LINE.match(line.lstrip()) or HEADING.match(current[0])):
            blocks.append(Block(start, "\n".join(current)))
            current = []
        if not current:
            start = number
        current.append(line.strip())
    if current:
        blocks.append(Block(start, "\n".join(current)))
    return blocks


def flow(text: str) -> str:
    """Hard-wrapped lines of one paragraph flow into one line."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _auto_section_numbering(blocks: list[Block]) -> set[int]:
    """Regions (0 = main text, n = n-th annex) whose paragraph numbers restart in every section."""
    restarting: set[int] = set()
    region, last = 0, 0
    for block in blocks:
        h = HEADING.match(block.text)
        if h and ANNEX.match(h.group(2)):
            region, last = region + 1, 0
            continue
        if h and parse_label(h.group(2)):
            last = 0  # paragraphs inside an article number themselves
            continue
        m = NUMBERED.match(block.text)
        if m:
            n = int(m.group(1))
            if n <= last:
                restarting.add(region)
            last = n
    return restarting



def letter_index(mark: str) -> int | None:
    """The place of a lettered sub-item: (a) 1 … (z) 26, then (aa) 27, (bb) 28 … (zz) 52; None for other marks."""
    if len(mark) == 1 and "a" <= mark <= "z":
        return ord(mark) - ord("a") + 1
    if len(mark) == 2 and mark[0] == mark[1] and "a" <= mark[0] <= "z":
        return ord(mark[0]) - ord("a") + 27
    return None


def _follows(mark: str | None, previous: str | None) -> tuple[bool, bool]:
    """Whether `mark` comes right after `previous` (as letters, as roman numerals); None comes after nothing."""
    if mark is None:
        return False, False
    if previous is None:
        return mark == "a", mark == "i"
    a, b = letter_index(previous), letter_index(mark)
    as_letter = a is not None and b is not None and b == a + 1
    as_roman = bool(ROMAN_LOWER.match(previous) and ROMAN_LOWER.match(mark)) and roman_value(mark) == roman_value(previous) + 1
    return as_letter, as_roman


def _sub_item(mark: str, lettered: Unit, last: Unit | None, following: str | None, roman_list: bool) -> bool:
    """Is `mark`, after the sub-item `lettered` (and `last`, the latest sub-item at any depth), a roman sub-sub-item
    of `lettered`? Roman marks are: "(ii)" after "(i)" … A mark that is both (i after h, v after u, x after w)
    is a letter unless the next mark continues it as a roman numeral ("(ii)" after "(i)").
    `roman_list`: the sub-items of the paragraph are numbered (i), (ii)… themselves; then they are siblings."""
    if not ROMAN_LOWER.match(mark):
        return False
    if roman_list and _follows(mark, lettered.number)[1]:
        return False
    if not _follows(mark, lettered.number)[0]:
        return True
    deeper = last if last is not None and last is not lettered else None
    next_as_letter, next_as_roman = _follows(following, mark)
    if deeper is not None and _follows(mark, deeper.number)[1]:
        return not next_as_letter  # "(v)" after "(iv)": roman, unless "(w)" follows it
    return next_as_roman and not next_as_letter

class _Builder:
    def __init__(self, path: Path, report: Report, numbering: str):
        self.path, self.report, self.numbering = path, report, numbering
        self.absent: frozenset[str] = frozenset()  # source unit ids a translation does not have
        self.units: list[Unit] = []
        self.footnotes: list[Unit] = []
        self.seen: dict[str, int] = {}
        self.region_index = 0
        self.region: Unit | None = None  # the annex we are in
        self.section: Unit | None = None
        self.subsection: Unit | None = None
        self.headed: Unit | None = None  # article, rule...
        self.para: Unit | None = None
        self.item: Unit | None = None  # the last sub-item (lettered or roman)
        self.last: Unit | None = None
        self.counters: dict[str, int] = {}
        self.restarting: set[int] = set()
        self._item_parent: Unit | None = None
        self._roman_list = False

    # -- ids -------------------------------------------------------------
    def _prefix(self, *parts: str | None) -> str:
        return unit_id(*parts)

    def _region_prefix(self) -> str:
        return self.region.id if self.region else ""

    def _scope_prefix(self) -> str:
        if self.numbering == "section" or (self.numbering == "auto" and self.region_index in self.restarting):
            container = self.subsection or self.section
            if container:
                return container.id
        return self._region_prefix()

    def _count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        while child_id(key, self.counters[key]) in self.absent:  # a unit the translation does not have
            self.counters[key] += 1
        return self.counters[key]

    def _register(self, unit: Unit) -> Unit:
        if unit.id in self.seen:
            self.report.error(self.path, unit.line, 1, f"duplicate unit id '{unit.id}' (first at line {self.seen[unit.id]})",
                              "check the numbering of this paragraph or section")
        else:
            self.seen[unit.id] = unit.line
        return unit

    # -- placing ---------------------------------------------------------
    def _container(self) -> list[Unit]:
        holder = self.subsection or self.section or self.region
        return holder.children if holder else self.units

    def _add(self, unit: Unit, into: list[Unit] | None = None) -> Unit:
        (self._container() if into is None else into).append(self._register(unit))
        self.last = unit
        return unit

    def _in_preamble(self) -> bool:
        return self.section is None and self.headed is None and self.para is None and not any(
            u.kind not in ("preamble", "heading") for u in self._container())

    # -- blocks ----------------------------------------------------------
    def heading(self, block: Block, level: int, title: str) -> None:
        annex = ANNEX.match(title)
        label = parse_label(title)
        self.para = self.item = None
        if annex:
            self.region_index += 1
            number = annex.group(1)
            uid = unit_id("annex", number)
            self.section = self.subsection = self.headed = None
            self.region = None
            self.region = self._add(Unit(uid, "annex", number, "", heading=title, line=block.line), self.units)
            return
        if label:
            kind, number, _rest = label
            uid = self._prefix(self._region_prefix(), unit_id(kind, number))
            self.headed = self._add(Unit(uid, kind, str(number), "", heading=title, line=block.line))
            return
        self.headed = None
        section = SECTION.match(title)
        sub = SUBSECTION.match(title)
        if section and is_roman(section.group(1)) and not (sub and self._next_subsection(sub.group(1))):
            number = section.group(1)
            self.subsection = None
            self.section = None
            self.section = self._add(Unit(self._prefix(self._region_prefix(), unit_id("sec", number)), "section", number,
                                          "", heading=title, line=block.line))
            return
        if sub and self.section is not None:
            number = sub.group(1)
            self.subsection = None
            self.subsection = self._add(Unit(child_id(self.section.id, number), "subsection", number, "", heading=title, line=block.line))
            return
        key = self._prefix(self._region_prefix(), "h")
        self._add(Unit(child_id(key, self._count(key)), "heading", None, "", heading=title, line=block.line))

    def _next_subsection(self, letter: str) -> bool:
        """'C.' after 'B.' is sub-section C, not section C (100); 'V.' after 'IV.' stays section V."""
        if self.section is None or not self.section.number:
            return False
        expected = chr(ord(self.subsection.number) + 1) if self.subsection and self.subsection.number else "A"
        return letter == expected and (not is_roman(letter) or roman_value(letter) != roman_value(self.section.number) + 1)

    def numbered(self, block: Block, number: str, text: str) -> None:
        self.item = None
        if self.headed is not None:
            uid = child_id(self.headed.id, "para", number)
            self.para = self._add(Unit(uid, "paragraph", number, flow(text), line=block.line), self.headed.children)
            return
        uid = self._prefix(self._scope_prefix(), unit_id("para", number))
        self.para = self._add(Unit(uid, "paragraph", number, flow(text), line=block.line))

    def item_block(self, block: Block, written: str, text: str, following: str | None = None) -> None:
        """`written`: the label as the text has it ("b", or the Arabic "ب", which is item b); `following`: the mark
        of the next sub-item of the same paragraph, if any, which settles whether "(i)" after "(h)" is the letter i
        (then "(j)" follows) or the roman numeral (then "(ii)" follows)."""
        mark = item_mark(written)
        label = written if written != mark else None
        lettered = self._item_parent if self.item is not None else None
        if lettered is not None and _sub_item(mark, lettered, self.item, following, self._roman_list):
            self.item = self._add(Unit(child_id(lettered.id, mark), "subitem", mark, flow(text), line=block.line,
                                       label=label), lettered.children)
            return
        parent = self.para or self.headed or self._preamble_lead()
        if parent is None:
            self.report.warning(self.path, block.line, 1, f"sub-item ({mark}) has no numbered paragraph above it",
                                "put it after the paragraph it belongs to")
            key = self._prefix(self._scope_prefix(), "item")
            unit = self._add(Unit(child_id(key, mark), "item", mark, flow(text), line=block.line, label=label))
        else:
            unit = self._add(Unit(child_id(parent.id, mark), "item", mark, flow(text), line=block.line, label=label),
                             parent.children)
        # A list that starts at (i) (not after (h)) is numbered in roman numerals at this level.
        self._roman_list = mark == "i" and lettered is None or (self._roman_list and lettered is not None
                                                                 and _follows(mark, lettered.number)[1])
        self._item_parent = self.item = unit

    def _preamble_lead(self) -> Unit | None:
        """The preambular paragraph that (a), (b)… belong to: the unit just before, or the one holding the item
        before ("…in the following areas:" then (a) to (i))."""
        if self.last is not None and self.last.kind == "preamble":
            return self.last
        if self._item_parent is not None and self.para is None and self.headed is None:
            return next((u for u in reversed(self._container()) if u.kind == "preamble"
                         and self._item_parent in u.children), None)
        return None

    def plain(self, block: Block) -> None:
        text = flow(block.text)
        if ADOPTION.match(text):
            uid = self._prefix(self._region_prefix(), "adoption")
            self.para = self.item = self.headed = None
            self._add(Unit(uid, "adoption", None, block.text.replace("  \n", "\n"), line=block.line),
                      self.region.children if self.region else self.units)
            self.section = self.subsection = None
            return
        if self.headed is not None and self.para is None:
            # The text of an article or rule: its paragraphs belong to it.
            self.headed.text = f"{self.headed.text}\n\n{text}" if self.headed.text else text
            return
        if self._in_preamble():
            key = self._prefix(self._region_prefix(), "preamble")
            self._add(Unit(child_id(key, self._count(key)), "preamble", None, text, line=block.line))
            return
        target = self.item or self.para or self.last
        if target is not None and target.kind not in ("section", "subsection", "annex", "heading", "footnote"):
            target.text = f"{target.text}\n\n{text}"  # a further paragraph of the same unit
            return
        key = self._prefix(self._scope_prefix(), "text")
        self._add(Unit(child_id(key, self._count(key)), "text", None, text, line=block.line))

    def footnote(self, block: Block, label: str, text: str) -> None:
        unit = Unit(footnote_id(label), "footnote", label, flow(text), line=block.line)
        self.footnotes.append(self._register(unit))


def parse_body(path: Path, body: str, first_line: int, report: Report, numbering: str = "auto",
               footnotes_missing: bool = False, absent: tuple[str, ...] = ()) -> list[Unit]:
    """`absent`: the source's unit ids a translation does not have (its front matter's translation.absent)."""
    blocks = split_blocks(body, first_line)
    builder = _Builder(path, report, numbering)
    builder.absent = frozenset(absent)
    builder.restarting = _auto_section_numbering(blocks)
    following = _following_marks(blocks)
    for index, block in enumerate(blocks):
        text = block.text
        if (m := HEADING.match(text.split("\n")[0])) is not None:
            builder.heading(block, len(m.group(1)), flow(text[len(m.group(1)):]))
        elif (m := FOOTNOTE_DEF.match(text)) is not None:
            builder.footnote(block, m.group(1), m.group(2))
        elif (m := NUMBERED.match(text)) is not None:
            builder.numbered(block, m.group(1), m.group(2))
        elif (m := ITEM.match(text)) is not None:
            builder.item_block(block, m.group(1), m.group(2), following[index])
        else:
            builder.plain(block)
    units = builder.units + builder.footnotes
    _check_footnote_refs(path, units, report, footnotes_missing)
    return units


def _following_marks(blocks: list[Block]) -> list[str | None]:
    """For each block, the mark of the next sub-item before the next heading or numbered paragraph."""
    out: list[str | None] = [None] * len(blocks)
    upcoming: str | None = None
    for index in range(len(blocks) - 1, -1, -1):
        out[index] = upcoming
        text = blocks[index].text
        if HEADING.match(text.split("\n")[0]) or NUMBERED.match(text):
            upcoming = None
        elif (m := ITEM.match(text)) is not None:
            upcoming = item_mark(m.group(1))
    return out


def missing_footnotes(units: list[Unit]) -> list[tuple[str, int]]:
    """Footnote references whose text the document does not hold, as (label, line)."""
    defined = {u.number for u in units if u.kind == "footnote"}
    missing = []
    for unit in units:
        for u in unit.walk():
            for m in FOOTNOTE_REF.finditer(f"{u.heading or ''} {u.text}"):
                if m.group(1) not in defined:
                    missing.append((m.group(1), u.line))
    return missing


def _check_footnote_refs(path: Path, units: list[Unit], report: Report, allow_missing: bool) -> None:
    if allow_missing:
        return
    for label, line in missing_footnotes(units):
        report.warning(path, line, 1, f"footnote [^{label}] has no text",
                       f"add a line '[^{label}]: text', or set 'footnotes_missing: true' if the source gives none")
