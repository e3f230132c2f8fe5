"""A translation must have its source's structure: the same units, in the same places, holding the same parts.

Ids come from the structure (compendium.body), so a paragraph a translator deletes, inserts, merges or splits
does not fail to parse: it moves the text onto other ids, silently. Each such break is an error here, at the
line where it happened, with what to do:

- a unit of the source that the translation lacks, where the translation was made from a source that had it
  (its hash is recorded) or its history is unknown; a source that gained a unit since is only a warning
  (`compendium status` calls it outdated). Where the unit's number is there but malformed ("4)" for "4."),
  or its text was joined to the unit before, the message says so;
- a unit holding more or fewer paragraphs than in the source (a paragraph split in two, or one merged in);
- a footnote call of the source that the translation never makes;
- unnumbered preambular paragraphs, whose ids are their positions: an inserted or deleted one shifts every
  later id. A sequence alignment (`align_preamble`) of the translation's preambular paragraphs with the source's
  names the one inserted or deleted, from the recorded source hashes, untranslated text, footnote calls,
  numbers and symbols, and lengths;
- untranslated text under an id whose source is another unit's text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..diagnostics import Report
from ..model import Document, Unit
from ..unitid import unit_label
from .alignment import Alignment, recorded_hashes
from .markers import is_untranslated, strip_marker
from .signals import calls, excerpt, numbers, visible_length

_UNTRANSLATED_WEIGHT = 12.0
_PARTS = re.compile(r"\n\n")


def name(uid: str) -> str:
    """'para-4' → "paragraph 4 ('para-4')": how a message names a unit."""
    label = unit_label(uid, lambda s: s)
    return f"{label} ('{uid}')" if label != uid else f"'{uid}'"


@dataclass
class _Context:
    doc: Document
    source: Document
    report: Report
    alignment: Alignment
    handled: set[str] = field(default_factory=set)  # ids whose missing/extra state is explained already
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        """The translation file's lines, read only when a problem needs a line inside a unit."""
        if self._lines is None:
            try:
                self._lines = self.doc.path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
            except (OSError, UnicodeDecodeError):
                self._lines = []
        return self._lines


def check_structure(doc: Document, source: Document, alignment: Alignment, report: Report) -> set[str]:
    """Report every structural difference as an error; return the ids whose missing/extra state it explained."""
    ctx = _Context(doc, source, report, alignment)
    for prefix in _preamble_groups(source) | _preamble_groups(doc):
        _check_preamble(ctx, prefix)
    _check_missing(ctx)
    _check_parts(ctx)
    _check_calls(ctx)
    _check_placeholders(ctx)
    return ctx.handled


# -- preambular paragraphs ------------------------------------------------------------------------------

def _preamble_groups(doc: Document) -> set[str]:
    return {u.id.rsplit("-", 1)[0] for u in doc.walk() if u.kind == "preamble"}


def _preamble(doc: Document, prefix: str) -> list[Unit]:
    return sorted((u for u in doc.walk() if u.kind == "preamble" and u.id.rsplit("-", 1)[0] == prefix),
                  key=lambda u: int(u.id.rsplit("-", 1)[1]))


def _ratio(doc: Document, source: Document) -> float:
    """How much longer the translation's text runs than the source's, from the units they share by id."""
    mine = {u.id: u for u in doc.walk() if u.kind != "preamble" and not is_untranslated(u)}
    t = s = 0
    for unit in source.walk():
        other = mine.get(unit.id)
        if other is not None and unit.kind != "preamble":
            t += visible_length(other.text)
            s += visible_length(unit.text)
    return t / s if s > 200 and t > 0 else 0.0


def similarity(t: Unit, s: Unit, ratio: float) -> float:
    """How likely the translation's paragraph `t` renders the source's `s` (higher is likelier)."""
    if is_untranslated(t):
        same = " ".join(strip_marker(t.text).split()) == " ".join(s.text.split())
        return _UNTRANSLATED_WEIGHT if same else -_UNTRANSLATED_WEIGHT
    score = 0.0
    ct, cs = calls(t.text), calls(s.text)
    if ct or cs:
        score += 4.0 * len(set(ct) & set(cs)) - 3.0 * len(set(ct) ^ set(cs))
    nt, ns = set(numbers(t.text)), set(numbers(s.text))
    if nt or ns:
        score += 2.0 * len(nt & ns) - 1.5 * len(ns - nt) - 0.5 * len(nt - ns)
    if ratio:
        expected = ratio * visible_length(s.text)
        score -= 3.0 * abs(math.log((visible_length(t.text) + 30) / (expected + 30)))
    score += 1.0 if _ends_with_colon(t.text) == _ends_with_colon(s.text) else -1.0
    score += 0.5 * min(len(t.children), len(s.children)) - 1.0 * abs(len(t.children) - len(s.children))
    return score


def _ends_with_colon(text: str) -> bool:
    return text.rstrip().rstrip("*_").endswith((":", "：", "："))


def align_preamble(mine: list[Unit], theirs: list[Unit], ratio: float) -> list[tuple[int | None, int | None]]:
    """The best monotone alignment of two lists of paragraphs with |len difference| gaps on the longer side:
    pairs (index in mine, index in theirs), None for the gap side."""
    n, m = len(mine), len(theirs)
    short, long_, flip = (mine, theirs, False) if n <= m else (theirs, mine, True)
    a, b = len(short), len(long_)
    gaps = b - a
    sim = [[(similarity(short[i], long_[j], ratio) if not flip else similarity(long_[j], short[i], ratio))
            for j in range(b)] for i in range(a)]
    neg = float("-inf")
    # best[i][k]: short[:i] aligned, k gaps used (so long_[:i+k] consumed)
    best = [[neg] * (gaps + 1) for _ in range(a + 1)]
    back: list[list[str]] = [[""] * (gaps + 1) for _ in range(a + 1)]
    best[0][0] = 0.0
    for k in range(1, gaps + 1):
        best[0][k], back[0][k] = 0.0, "gap"
    for i in range(1, a + 1):
        for k in range(gaps + 1):
            j = i + k - 1  # the long side's index matched with short[i-1]
            match = best[i - 1][k] + sim[i - 1][j] if best[i - 1][k] > neg else neg
            skip = best[i][k - 1] if k > 0 else neg
            if skip > match:
                best[i][k], back[i][k] = skip, "gap"
            else:
                best[i][k], back[i][k] = match, "match"
    pairs: list[tuple[int | None, int | None]] = []
    i, k = a, gaps
    while i > 0 or k > 0:
        if back[i][k] == "gap":
            pairs.append((None, i + k - 1))
            k -= 1
        else:
            pairs.append((i - 1, i + k - 1))
            i -= 1
    pairs.reverse()
    return [(l, s) for s, l in pairs] if flip else pairs


def _by_hash(recorded: list[str], current: list[str]) -> list[tuple[int | None, int | None]] | None:
    """Align the source's preamble when the translation was made (recorded hashes) with the source now."""
    import difflib

    pairs: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, recorded, current, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2)))
        elif op == "replace" and i2 - i1 == j2 - j1:
            pairs.extend(zip(range(i1, i2), range(j1, j2)))  # paragraphs corrected in place: outdated, not moved
        else:
            pairs.extend((i, None) for i in range(i1, i2))
            pairs.extend((None, j) for j in range(j1, j2))
    return pairs


def _check_preamble(ctx: _Context, prefix: str) -> None:
    mine, theirs = _preamble(ctx.doc, prefix), _preamble(ctx.source, prefix)
    block = ctx.doc.meta.translation
    if block is not None and block.absent:  # units the official translation does not have
        theirs = [u for u in theirs if u.id not in set(block.absent)]
    recorded = recorded_hashes(ctx.doc)
    was = [recorded[k] for k in sorted((k for k in recorded if k.rsplit("-", 1)[0] == prefix and
                                         k.rsplit("-", 1)[1].isdigit()), key=lambda k: int(k.rsplit("-", 1)[1]))]
    now = [u.hash for u in theirs]
    if len(mine) == len(theirs) or not theirs:
        return
    src = ctx.source.path.name
    if was and len(was) == len(mine) and len(was) != len(theirs):
        pairs = _by_hash(was, now)  # the source gained or lost a preambular paragraph since the translation
        gained = True
    else:
        pairs = align_preamble(mine, theirs, _ratio(ctx.doc, ctx.source))
        gained = False
    _mark_handled(ctx, mine, theirs)
    for index, (i, j) in enumerate(pairs):
        if i is None and j is not None:  # a source paragraph with no translation
            s = theirs[j]
            following = next((mine[p] for p, _ in pairs[index + 1:] if p is not None), None)
            before = next((mine[p] for p, _ in reversed(pairs[:index]) if p is not None), None)
            if following is not None:
                where, line = f"before line {following.line}", following.line
            elif before is not None:
                where, line = f"after line {before.line}", before.line
            else:
                where, line = "at the start of the text", ctx.doc.body_line
            shifted = ""
            partner = theirs[_partner(pairs, mine.index(following))] if following is not None else None
            if partner is not None and following.id != partner.id:
                shifted = (f"; the paragraphs after it take the wrong ids (line {following.line} has the id "
                           f"'{following.id}' but renders the source's '{partner.id}')")
            if gained:
                message = (f"the source gained {name(s.id)} ({src} line {s.line}: '{excerpt(s.text)}') since this "
                           f"translation was made: it is missing here, {where}{shifted}")
                hint = (f"translate it {where} as a paragraph of its own, then 'compendium translate-mark "
                        f"{ctx.doc.id} --lang {ctx.doc.lang} --all' once the translation is checked")
            else:
                message = (f"{name(s.id)} of the source ({src} line {s.line}: '{excerpt(s.text)}') is missing here, "
                           f"{where}{shifted}")
                hint = f"translate it {where}, as a paragraph of its own between blank lines"
            ctx.report.error(ctx.doc.path, line, 1, message, hint)
        elif j is None and i is not None:  # a translation paragraph with no source
            t = mine[i]
            prev = next((theirs[q].id for _, q in reversed(pairs[:index]) if q is not None), None)
            nxt = next((theirs[q].id for _, q in pairs[index + 1:] if q is not None), None)
            between = (f"between the translations of '{prev}' and '{nxt}'" if prev and nxt else
                       f"after the translation of '{prev}'" if prev else f"before the translation of '{nxt}'")
            what = ("the source lost a preambular paragraph since this translation was made" if gained else
                    f"{src} has {len(theirs)} preambular paragraphs here, this file {len(mine)}")
            ctx.report.error(ctx.doc.path, t.line, 1,
                             f"this preambular paragraph ('{excerpt(t.text)}') has no counterpart in the source "
                             f"({what}): it comes {between}",
                             "remove it; if it is the second half of a paragraph split in two, join it to the "
                             "paragraph before it (no blank line between them)")


def _partner(pairs: list[tuple[int | None, int | None]], i: int) -> int:
    return next(j for p, j in pairs if p == i and j is not None)


def _mark_handled(ctx: _Context, mine: list[Unit], theirs: list[Unit]) -> None:
    for unit in (*mine, *theirs):
        ctx.handled.update(u.id for u in unit.walk())


# -- missing units -----------------------------------------------------------------------------------------

_MALFORMED_NUMBER = r"^\s*(?:\*\*)?(?:{n}\s*[)\]:\-–—]|{n}\.(?=\S)|\({n}\)|{n}\s+(?=\S)|{n}\.?$)"
_MALFORMED_ITEM = r"^\s*(?:{n}\)|{n}\.\s|\({n}\)(?=\S)|\[{n}\]|{n}\s*[-–—]\s)"


def _check_missing(ctx: _Context) -> None:
    a, doc, source = ctx.alignment, ctx.doc, ctx.source
    recorded = recorded_hashes(doc)
    mine = {u.id: u for u in doc.walk()}
    src_units = {u.id: u for u in source.walk()}
    previous: Unit | None = None  # the translation's unit before the place of the missing one
    order = list(source.walk())
    for unit in order:
        if unit.id in mine:
            previous = mine[unit.id]
            continue
        if unit.id in ctx.handled or unit.id not in a.missing:
            continue
        if a.tracked and unit.id not in recorded:
            continue  # the source gained it since: alignment.py's warning (and `status`: outdated)
        ctx.handled.add(unit.id)
        line = previous.line if previous is not None else doc.body_line
        where = f"after {name(previous.id)} at line {previous.line}" if previous is not None else "at the start"
        head = f"{name(unit.id)} of the source ({source.path.name} line {unit.line}) is missing here"
        found = _malformed(ctx, unit, previous)
        if found is not None:
            at, text, fix = found
            ctx.report.error(doc.path, at, 1, f"{head}: line {at} reads '{excerpt(text, 40)}'",
                             f"write '{fix}' followed by a space at the start of line {at}, so that it starts "
                             f"{name(unit.id)}")
            ctx.handled.add(f"@{at}")
            continue
        merged = _merged_into(ctx, unit, previous, src_units)
        if merged:
            ctx.report.error(doc.path, line, 1, f"{head}: its text seems joined to {name(previous.id)} at line "
                             f"{previous.line} ({merged})",
                             f"split it there: start the text of {name(unit.id)} on a line of its own, after a "
                             f"blank line, with its number as in the source")
            continue
        ctx.report.error(doc.path, line, 1, f"{head} ({where}): the translation vanished from the page",
                         f"translate it {where}, in the same structure as the source; 'compendium translate-diff "
                         f"{doc.id} --lang {doc.lang}' shows its text")


def _unit_lines(ctx: _Context, unit: Unit) -> list[tuple[int, str]]:
    """The (line number, text) of the file's lines that belong to `unit` (up to the next unit's first line)."""
    starts = sorted(u.line for u in ctx.doc.walk() if u.line > unit.line)
    stop = starts[0] if starts else len(ctx.lines) + 1
    return [(n, ctx.lines[n - 1]) for n in range(unit.line, min(stop, len(ctx.lines) + 1))]


def _malformed(ctx: _Context, unit: Unit, previous: Unit | None) -> tuple[int, str, str] | None:
    """A line in the unit before that starts with the missing unit's number written the wrong way."""
    if previous is None or unit.number is None or unit.kind not in ("paragraph", "item", "subitem"):
        return None
    n = re.escape(unit.number)
    pattern = re.compile((_MALFORMED_NUMBER if unit.kind == "paragraph" else _MALFORMED_ITEM).format(n=n))
    lines = _unit_lines(ctx, previous)
    for index, (number, text) in enumerate(lines):
        if number == previous.line and previous.kind != "heading":
            continue
        starts_block = index == 0 or not lines[index - 1][1].strip() or previous.kind == "heading"
        if starts_block and pattern.match(text):
            return number, text.strip(), f"{unit.number}." if unit.kind == "paragraph" else f"({unit.number})"
    return None


def _merged_into(ctx: _Context, unit: Unit, previous: Unit | None, src_units: dict[str, Unit]) -> str:
    """Why the missing unit's text is probably inside `previous`, or '' when there is no sign of it."""
    if previous is None or previous.id not in src_units:
        return ""
    before = src_units[previous.id]
    own = set(calls(unit.text))
    if own and own <= set(calls(previous.text)) - set(calls(before.text)):
        return "it makes the missing unit's footnote call " + ", ".join(f"[^{c}]" for c in sorted(own))
    extra = len(_PARTS.findall(previous.text)) - len(_PARTS.findall(before.text))
    if extra > 0:
        return f"it holds {extra} paragraph(s) more than in the source"
    ratio = _ratio(ctx.doc, ctx.source)
    if ratio and visible_length(before.text) and not is_untranslated(previous):
        joined = ratio * (visible_length(before.text) + visible_length(unit.text))
        alone = ratio * visible_length(before.text)
        length = visible_length(previous.text)
        if abs(length - joined) < abs(length - alone) and length > 1.4 * alone:
            return f"it is {length / alone:.1f} times as long as the source's would make it"
    return ""


# -- paragraphs within a unit, footnote calls, untranslated text ---------------------------------------

def _check_parts(ctx: _Context) -> None:
    src = {u.id: u for u in ctx.source.walk()}
    for unit in ctx.doc.walk():
        theirs = src.get(unit.id)
        if theirs is None or unit.id in ctx.handled or unit.kind == "adoption":
            continue
        have, want = len(_PARTS.findall(unit.text)), len(_PARTS.findall(theirs.text))
        if have == want:
            continue
        starts = _paragraph_starts(ctx, unit)
        if have > want:
            extra = [n for n in starts[want + 1:] if f"@{n}" not in ctx.handled]
            if not extra:
                continue
            at = extra[0]
            ctx.report.error(ctx.doc.path, at, 1,
                             f"{name(unit.id)} has {have + 1} paragraphs here and {want + 1} in the source "
                             f"({ctx.source.path.name} line {theirs.line}): line {at} starts one more",
                             f"if a paragraph was split in two, remove the blank line before line {at}; if line {at} "
                             "begins a unit of its own, give it its number or letter as in the source")
        else:
            ctx.report.error(ctx.doc.path, unit.line, 1,
                             f"{name(unit.id)} has {have + 1} paragraph(s) here and {want + 1} in the source "
                             f"({ctx.source.path.name} line {theirs.line}): a paragraph was merged into another "
                             "or is missing",
                             "keep the source's paragraphs, each after a blank line")


def _paragraph_starts(ctx: _Context, unit: Unit) -> list[int]:
    out, blank = [], True
    for number, text in _unit_lines(ctx, unit):
        if text.strip() and blank:
            out.append(number)
        blank = not text.strip()
    return out


def _check_calls(ctx: _Context) -> None:
    """A footnote call of the source that the translation makes nowhere: the note is never called."""
    made: set[str] = set()
    for unit in ctx.doc.walk():
        if unit.kind != "footnote":
            made.update(calls(f"{unit.heading or ''} {unit.text}"))
    mine = {u.id: u for u in ctx.doc.walk()}
    for unit in ctx.source.walk():
        if unit.kind == "footnote" or unit.id not in mine or unit.id in ctx.handled:
            continue
        for label in calls(f"{unit.heading or ''} {unit.text}"):
            if label not in made:
                made.add(label)  # once per label
                here = mine[unit.id]
                ctx.report.error(ctx.doc.path, here.line, 1,
                                 f"footnote call [^{label}] of {name(unit.id)} is missing "
                                 f"({ctx.source.path.name} line {unit.line} makes it): note {label} is never called",
                                 f"put [^{label}] back in {name(unit.id)} (line {here.line}) where the translation "
                                 "renders the words that carry it in the source")


def _check_placeholders(ctx: _Context) -> None:
    """Untranslated text is the source's own: under another unit's id, the units have shifted."""
    recorded = recorded_hashes(ctx.doc)
    current = {u.id: u for u in ctx.source.walk()}
    by_hash = {u.hash: u.id for u in ctx.source.walk()}
    for unit in ctx.doc.walk():
        if unit.id in ctx.handled or not is_untranslated(unit) or unit.id not in current:
            continue
        own = Unit(unit.id, unit.kind, unit.number, strip_marker(unit.text),
                   heading=strip_marker(unit.heading) if unit.heading is not None else None).hash
        if own in (current[unit.id].hash, recorded.get(unit.id)):
            continue
        other = by_hash.get(own)
        if other is not None and other != unit.id:
            ctx.report.error(ctx.doc.path, unit.line, 1,
                             f"the untranslated text at line {unit.line} is the source's {name(other)} "
                             f"({ctx.source.path.name} line {current[other].line}), but here it has the id "
                             f"'{unit.id}': the units have shifted",
                             "put every unit back in the source's order and numbering")
