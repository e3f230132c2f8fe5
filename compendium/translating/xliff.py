"""Exchange a translation with CAT tools (Trados, memoQ, OmegaT, Weblate) as XLIFF 1.2.

One trans-unit per unit of the text, keyed by the unit's id (`para-3`, `rule-43-1-a`, `fn-2`); a unit with both
a heading and a text (an article, a rule) gives two, `rule-43/heading` and `rule-43`. Markdown that a translator
must not break (a footnote call, a link, emphasis, an escape) travels as inline tags holding the Markdown itself
(`<ph>`, `<bpt>`/`<ept>`), a paragraph break inside a unit as `<x/>`, so the text of a segment is exactly the
unit's Markdown again once the tags' contents are put back.

Each trans-unit records, in a context group, the hash of the source unit it was made from and the hash of the
translation as it was exported: the import refuses a file made from an older source, and a unit changed in the
content file since the export, unless told otherwise. The import changes only the units whose text changed.
translate-toolkit (translate.storage.xliff) writes and reads the file; lxml fills and reads the segments' inline tags.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from translate.storage import xliff as tt_xliff

from ..model import Document, Unit
from .alignment import recorded_hashes
from .markers import MARKER, TRANSLATABLE_KEYS, is_untranslated
from ..xmltext import append_text as _append_text

NS = "urn:oasis:names:tc:xliff:document:1.2"
TOOL = "compendium"
DATATYPE = "x-compendium-markdown"
CONTEXT_GROUP = "compendium"
SOURCE_HASH = "x-source-hash"  # the source unit's hash (Unit.hash) when the file was made
TARGET_HASH = "x-target-hash"  # the hash of the segment's translation as exported: detects a later edit
HEADING_PART = "/heading"
FRONT_MATTER = "front-matter/"  # the segment of a front matter text: front-matter/title

# The translation's state of a unit → XLIFF 1.2 `state`.
STATE_NEW, STATE_TRANSLATED, STATE_REVIEW = "new", "translated", "needs-review-translation"
STATE_SIGNED_OFF, STATE_FINAL = "signed-off", "final"
_RECORDED_STATE = {"reviewed": STATE_SIGNED_OFF, "official": STATE_FINAL}
# States in which a translator says the segment is done: the import records the unit as up to date.
DONE_STATES = {STATE_TRANSLATED, STATE_SIGNED_OFF, STATE_FINAL}


class XliffError(Exception):
    """The file cannot be exported or imported; the message names the file (and segment) and what to do."""


class _Unit12(tt_xliff.xliffunit):
    namespace = NS


class Xliff12(tt_xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing version 1.2 (it writes 1.1 by default and reads both)."""

    UnitClass = _Unit12
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{NS}'>
<file original='NoName' source-language='en' datatype='{DATATYPE}'>
<body>
</body>
</file>
</xliff>"""
    namespace = NS


# -- Markdown inline text <-> XLIFF inline tags ------------------------------------------------------------

_LINK = re.compile(r"\[(?!\^)((?:[^\[\]]|\[[^\[\]]*\])*)\](\([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+\"[^\"]*\")?\))")
_CODE = re.compile(
    r"(?P<fn>\[\^[^\]\s]+\])"  # a footnote call
    r"|(?P<esc>\\[\\`*_{}\[\]()#+\-.!|<>])"  # a Markdown escape
    r"|(?P<html></?[A-Za-z][^<>]*>)"  # an inline HTML tag
    r"|(?P<strong>\*\*(?=\S)(?:.+?)(?<=\S)\*\*)"
    r"|(?P<em>\*(?=[^\s*])(?:.+?)(?<=[^\s*])\*)"
    r"|(?P<pb>\n\n)|(?P<lb>\n)"
)
# ctype of each tag (XLIFF 1.2 names where one exists, x- names otherwise) → how it is written back.
_BREAKS = {"x-paragraph-break": "\n\n", "lb": "\n"}


@dataclass
class _Tags:
    counter: int = 0

    def next(self) -> str:
        self.counter += 1
        return str(self.counter)



def _tag(parent: etree._Element, name: str, tag_id: str, ctype: str | None, code: str | None = None) -> None:
    element = etree.SubElement(parent, f"{{{NS}}}{name}", id=tag_id)
    if ctype:
        element.set("ctype", ctype)
    if code is not None:
        element.text = code


def fill(parent: etree._Element, text: str, tags: _Tags | None = None) -> None:
    """Write Markdown `text` into a <source> or <target>, its markup as protected inline tags."""
    tags = tags or _Tags()
    pos = 0
    for link in _LINK.finditer(text):
        _fill_plain(parent, text[pos:link.start()], tags)
        pair = tags.next()
        _tag(parent, "bpt", pair, "link", "[")
        _fill_plain(parent, link.group(1), tags)
        _tag(parent, "ept", pair, None, "]" + link.group(2))
        pos = link.end()
    _fill_plain(parent, text[pos:], tags)


def _fill_plain(parent: etree._Element, text: str, tags: _Tags) -> None:
    pos = 0
    for m in _CODE.finditer(text):
        _append_text(parent, text[pos:m.start()])
        kind, code = m.lastgroup, m.group()
        if kind in ("strong", "em"):
            mark = "**" if kind == "strong" else "*"
            pair = tags.next()
            _tag(parent, "bpt", pair, "bold" if kind == "strong" else "italic", mark)
            _fill_plain(parent, code[len(mark):-len(mark)], tags)
            _tag(parent, "ept", pair, None, mark)
        elif kind in ("pb", "lb"):
            _tag(parent, "x", tags.next(), "x-paragraph-break" if kind == "pb" else "lb")
        else:
            ctype = {"fn": "x-footnote-call", "esc": "x-escape", "html": "x-html"}[kind]
            _tag(parent, "ph", tags.next(), ctype, code)
        pos = m.end()
    _append_text(parent, text[pos:])


def read_segment(element: etree._Element, where: str) -> tuple[str, list[str]]:
    """The Markdown a <source> or <target> holds, and its tags (each as its ctype and code) in order."""
    out = [element.text or ""]
    tags: list[str] = []
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction a tool added
            out.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name in ("bpt", "ept", "ph", "it"):
            code = "".join(child.itertext())
            out.append(code)
            tags.append(f"{name}:{code}")
        elif name == "x" and child.get("ctype") in _BREAKS:
            out.append(_BREAKS[child.get("ctype")])
            tags.append(f"x:{child.get('ctype')}")
        elif name == "mrk":  # a CAT tool's own marking (terms, segmentation): its text counts, not the mark
            text, inner = read_segment(child, where)
            out.append(text)
            tags += inner
        else:
            raise XliffError(f"{where}: the inline tag <{name}> is not one this file was made with; "
                             "keep the tags of the source as they are (a CAT tool shows them as protected codes)")
        out.append(child.tail or "")
    return "".join(out), tags


# -- the units of a document, as segments ------------------------------------------------------------------

@dataclass
class Segment:
    id: str  # the trans-unit id: a unit id, or a unit id + "/heading"
    unit: str  # the unit it belongs to
    part: str  # "heading" or "text"
    source: str
    target: str | None  # None when the unit is not yet translated
    state: str
    source_hash: str
    note: str
    group: str | None = None


_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z])\\?\.\s+(?=\S)")


def _split_heading(unit: Unit) -> tuple[str, str]:
    """A heading's structural number ("IV. ", "A\\. "), which stays out of the segment, and its words."""
    title = unit.heading or ""
    if title.startswith(MARKER + " "):  # a draft's "[untranslated] A\\. Introduction": the marker goes, the number stays
        title = title[len(MARKER) + 1:]
    number = _NUMBER.match(title) if unit.kind in ("section", "subsection", "heading") else None
    return (title[:number.end()], title[number.end():]) if number else ("", title)


def _parts(unit: Unit) -> list[tuple[str, str]]:
    """The unit's segments' texts: its heading's words (no number), its text."""
    parts = []
    if unit.heading is not None:
        parts.append(("heading", _split_heading(unit)[1]))
    if unit.text or unit.heading is None:
        parts.append(("text", unit.text))
    return parts


def _full(unit: Unit, part: str, text: str) -> str:
    """A segment's text as the unit has it: a heading gets its number back."""
    return _split_heading(unit)[0] + text if part == "heading" and unit.heading is not None else text


def _segment_id(unit: Unit, part: str) -> str:
    return unit.id + HEADING_PART if part == "heading" and unit.text else unit.id


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def segments(translation: Document, source: Document) -> list[Segment]:
    """The segments of `translation` in the source's order, with the state of each unit."""
    mine = {u.id: u for u in translation.walk()}
    recorded = recorded_hashes(translation)
    status = translation.meta.translation.status if translation.meta.translation is not None else None
    context = " ".join(filter(None, [source.meta.symbol, source.title]))
    absent = set(translation.meta.translation.absent) if translation.meta.translation is not None else set()
    out: list[Segment] = front_matter_segments(translation, source, status, context)
    calls: dict[str, str] = {}
    for top in source.units:
        group = top.id if top.children and top.kind in ("annex", "section") else None
        section = ""
        for unit in top.walk():
            if unit.kind in ("annex", "section", "subsection"):
                section = unit.heading or section
            for label in re.findall(r"\[\^([^\]\s]+)\]", f"{unit.heading or ''} {unit.text}"):
                calls.setdefault(label, unit.id)
            if unit.id in absent:
                continue  # the official translation has no such unit (translation.absent): nothing to translate
            theirs = mine.get(unit.id)
            done = theirs is not None and not is_untranslated(theirs)
            if not done:
                state = STATE_NEW
            elif recorded.get(unit.id) != unit.hash:
                state = STATE_REVIEW
            else:
                state = _RECORDED_STATE.get(status or "", STATE_TRANSLATED)
            where = f"footnote {unit.number}, called from {calls.get(unit.number or '', '?')}" \
                if unit.kind == "footnote" else (f"section: {section}" if section else "")
            note = "; ".join(filter(None, [context, where,
                                           "the source changed since this was translated" if state == STATE_REVIEW else ""]))
            translated = dict(_parts(theirs)) if done else {}
            for part, text in _parts(unit):
                target = translated.get(part)
                # A draft's part still as the source has it (a label the scaffold left, "Annex") is not translated yet.
                copied = target == text and status in (None, "draft")
                out.append(Segment(_segment_id(unit, part), unit.id, part, text, None if copied else target,
                                   STATE_NEW if copied else state, unit.hash, note, group if unit is not top else None))
    return out


def export(translation: Document, source: Document, original: str) -> bytes:
    """The XLIFF 1.2 file of `translation` (its `original` is the translation file's path in the content)."""
    store = Xliff12(sourcelanguage=source.lang, targetlanguage=translation.lang)
    filenode = next(store.document.getroot().iterchildren(f"{{{NS}}}file"))
    store.setfilename(filenode, original)
    filenode.set("target-language", translation.lang)
    filenode.set("product-name", TOOL)
    header = store.getheadernode(filenode, createifmissing=True)
    filenode.remove(header)
    filenode.insert(0, header)  # the header comes before the body
    etree.SubElement(header, f"{{{NS}}}tool", {"tool-id": TOOL, "tool-name": "compendium translate-export"})
    note = etree.SubElement(header, f"{{{NS}}}note")
    note.text = (f"Document {translation.id} ({source.meta.symbol or 'no symbol'}): {source.title}. Source "
                 f"{source.path.name}, translation {translation.path.name}. Import the translated file with "
                 f"'compendium translate-import FILE'; keep every inline tag.")
    groups: dict[str, etree._Element] = {}
    for seg in segments(translation, source):
        unit = store.addsourceunit(seg.id, filename=original)  # its text is replaced below, with the inline tags
        unit.setid(seg.id)
        unit.xmlelement.set("resname", seg.id)
        source_el = unit.xmlelement.find(f"{{{NS}}}source")
        source_el.text = None
        fill(source_el, seg.source)
        target_el = etree.Element(f"{{{NS}}}target", state=seg.state)
        if seg.target is not None:
            fill(target_el, seg.target, _Tags())
        source_el.addnext(target_el)
        if seg.state in (STATE_SIGNED_OFF, STATE_FINAL):
            unit.xmlelement.set("approved", "yes")
        if seg.note:
            unit.addnote(seg.note, origin="developer")
        unit.createcontextgroup(CONTEXT_GROUP, [(SOURCE_HASH, seg.source_hash),
                                                (TARGET_HASH, text_hash(seg.target or ""))], purpose="information")
        if seg.group:
            if seg.group not in groups:
                groups[seg.group] = etree.SubElement(store.body, f"{{{NS}}}group", id=seg.group, resname=seg.group)
            groups[seg.group].append(unit.xmlelement)
    return bytes(store)


# -- import ------------------------------------------------------------------------------------------------

@dataclass
class Incoming:
    """What a translated XLIFF file holds, read and checked against its own structure."""

    original: str
    source_language: str
    target_language: str
    segments: dict[str, "IncomingSegment"] = field(default_factory=dict)


@dataclass
class IncomingSegment:
    id: str
    source: str
    source_tags: list[str]
    target: str | None
    target_tags: list[str]
    state: str | None
    source_hash: str | None
    target_hash: str | None


def read(path: Path, data: bytes) -> Incoming:
    try:
        store = tt_xliff.xlifffile.parsestring(data)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise XliffError(f"{path}: not a well-formed XLIFF file ({exc}); export it again with "
                         "'compendium translate-export', or save it from the CAT tool as XLIFF 1.2") from exc
    except Exception as exc:  # translate-toolkit raises many kinds on a file that is not XLIFF
        raise XliffError(f"{path}: cannot be read as XLIFF ({exc.__class__.__name__}: {exc})") from exc
    root = store.document.getroot()
    files = [f for f in root.iter() if isinstance(f.tag, str) and etree.QName(f).localname == "file"]
    if len(files) != 1:
        raise XliffError(f"{path}: holds {len(files)} <file> elements; import the file made by "
                         "'compendium translate-export' (one document in one language)")
    node = files[0]
    ns = etree.QName(node).namespace
    incoming = Incoming(node.get("original") or "", node.get("source-language") or "",
                        node.get("target-language") or "")
    for unit in store.units:
        if unit.isheader():
            continue
        uid = unit.xmlelement.get("id") or ""
        if uid in incoming.segments:
            raise XliffError(f"{path}: segment '{uid}' appears twice; keep each segment once")
        element = unit.xmlelement
        line = f"{path}:{element.sourceline}" if element.sourceline else str(path)
        src = element.find(f"{{{ns}}}source")
        tgt = element.find(f"{{{ns}}}target")
        if src is None:
            raise XliffError(f"{line}: segment '{uid}' has no <source>")
        source, source_tags = read_segment(src, f"{line}: segment '{uid}' (source)")
        target, target_tags = (read_segment(tgt, f"{line}: segment '{uid}' (target)")
                               if tgt is not None else (None, []))
        contexts = {}
        for group in element.iter(f"{{{ns}}}context-group"):
            if group.get("name") == CONTEXT_GROUP:
                contexts.update({c.get("context-type"): (c.text or "").strip() for c in group.iter(f"{{{ns}}}context")})
        incoming.segments[uid] = IncomingSegment(uid, source, source_tags, target, target_tags,
                                                 tgt.get("state") if tgt is not None else None,
                                                 contexts.get(SOURCE_HASH), contexts.get(TARGET_HASH))
    return incoming


@dataclass
class Plan:
    """What an import would change: new texts per (unit id, part), and the units recorded as up to date."""

    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    record: dict[str, str] = field(default_factory=dict)  # unit id → the source hash its translation was made from
    stale: list[str] = field(default_factory=list)  # units whose source changed since the export
    front: dict[str, str] = field(default_factory=dict)  # front matter key → its new text (the title...)
    conflicts: list[str] = field(default_factory=list)  # units changed in the content file since the export


def _front_text(doc: Document, key: str) -> str | None:
    value = doc.front_matter(key)
    return value if isinstance(value, str) and value.strip() else None


def front_matter_segments(translation: Document, source: Document, status: str | None, context: str) -> list[Segment]:
    """The front matter's texts a translator translates (the title, the short title...), as segments
    `front-matter/title`: the same states as a unit's, with the hash of the source's value."""
    out = []
    for key in TRANSLATABLE_KEYS:
        text = _front_text(source, key)
        if text is None:
            continue
        theirs = _front_text(translation, key)
        copied = theirs is None or MARKER in theirs or (theirs == text and status in (None, "draft"))
        state = STATE_NEW if copied else _RECORDED_STATE.get(status or "", STATE_TRANSLATED)
        out.append(Segment(FRONT_MATTER + key, FRONT_MATTER + key, "text", text, None if copied else theirs, state,
                           text_hash(text), "; ".join(filter(None, [context, f"front matter: {key}"]))))
    return out


def plan(path: Path, incoming: Incoming, translation: Document, source: Document) -> Plan:
    """Compare the file with the content as it is now; raise XliffError for what cannot be imported."""
    if incoming.target_language and incoming.target_language.lower() != translation.lang:
        raise XliffError(f"{path}: the file is a translation into '{incoming.target_language}', not "
                         f"'{translation.lang}'; import it for its own language")
    expected = {(_segment_id(u, part)): (u, part, text) for u in source.walk() for part, text in _parts(u)}
    fronts = {FRONT_MATTER + key: text for key in TRANSLATABLE_KEYS if (text := _front_text(source, key)) is not None}
    unknown = [sid for sid in incoming.segments if sid not in expected and sid not in fronts]
    if unknown:
        raise XliffError(f"{path}: segment(s) {', '.join(unknown[:8])}{' ...' if len(unknown) > 8 else ''} are not "
                         f"units of {source.path} ({translation.id}); was the file made for another document?")
    mine = {u.id: u for u in translation.walk()}
    result = Plan()
    for sid, seg in incoming.segments.items():
        if sid in fronts:
            _plan_front(path, sid, seg, fronts[sid], translation, result)
            continue
        unit = expected[sid][0]
        if seg.source_hash is None:
            raise XliffError(f"{path}: segment '{sid}' has lost its source hash (context group '{CONTEXT_GROUP}'); "
                             "export the file again and translate in the new file")
        if seg.source_hash != unit.hash and unit.id not in result.stale:
            result.stale.append(unit.id)
    for sid, seg in incoming.segments.items():
        if sid in fronts:
            continue
        unit, part, _text = expected[sid]
        if seg.target is None or not seg.target.strip() or seg.state == STATE_NEW:
            continue  # not translated in this file
        theirs = mine.get(unit.id)
        if theirs is None:
            raise XliffError(f"{path}: segment '{sid}': {translation.path} has no unit '{unit.id}'; "
                             "run 'compendium validate' and add it, then export again")
        old = dict(_parts(theirs)).get(part, "")
        changed = seg.target != old or MARKER in old
        done = seg.state in DONE_STATES
        if not changed and not (done and recorded_hashes(translation).get(unit.id) != seg.source_hash):
            continue
        if changed:
            _check_tags(path, sid, seg, old, theirs)
            if seg.target_hash is not None and seg.target_hash != text_hash("" if is_untranslated(theirs) else old):
                result.conflicts.append(unit.id)
            result.texts[(unit.id, part)] = _full(theirs, part, seg.target)
        if done and seg.source_hash:
            result.record[unit.id] = seg.source_hash
    return result


def _plan_front(path: Path, sid: str, seg: "IncomingSegment", source_text: str, translation: Document,
                result: Plan) -> None:
    """A front-matter segment: its translation replaces the value of the key, on one line."""
    key = sid[len(FRONT_MATTER):]
    if seg.source_hash is None:
        raise XliffError(f"{path}: segment '{sid}' has lost its source hash (context group '{CONTEXT_GROUP}'); "
                         "export the file again and translate in the new file")
    if seg.source_hash != text_hash(source_text):
        result.stale.append(sid)
    if seg.target is None or not seg.target.strip() or seg.state == STATE_NEW:
        return
    if seg.target_tags or "\n" in seg.target:
        raise XliffError(f"{path}: segment '{sid}': the {key} is one line of plain text; remove the tags and line "
                         "breaks from its translation")
    old = _front_text(translation, key) or ""
    if seg.target == old:
        return
    if seg.target_hash is not None and seg.target_hash != text_hash("" if MARKER in old else old):
        result.conflicts.append(sid)
    result.front[key] = seg.target


def _required(tags: list[str]) -> list[str]:
    """The tags a translation must keep: footnote calls (as they are), links and breaks (their number).
    Emphasis and escapes may differ between languages."""
    out = []
    for tag in tags:
        if tag.startswith("ph:[^") or tag.startswith("x:"):
            out.append(tag)
        elif tag.startswith("bpt:[") or tag.startswith("ept:]("):
            out.append(tag[:5])
    return sorted(out)


def _check_tags(path: Path, sid: str, seg: IncomingSegment, old: str, theirs: Unit) -> None:
    target = _required(seg.target_tags)
    allowed = [_required(seg.source_tags)]
    if not is_untranslated(theirs):
        other = etree.Element(f"{{{NS}}}target")
        fill(other, old)
        allowed.append(_required(read_segment(other, sid)[1]))
    if target not in allowed:
        want, have = allowed[0], target
        lost = [t for t in want if t not in have] or want
        raise XliffError(f"{path}: segment '{sid}': the translation's inline tags differ from the source's "
                         f"(source: {', '.join(want) or 'none'}; translation: {', '.join(have) or 'none'}; "
                         f"check {', '.join(lost[:4])}); keep every tag of the source, moved where the "
                         "translation needs it")


# -- writing the translation file back ---------------------------------------------------------------------

def apply(text: str, translation: Document, changes: Plan, source_order: list[str]) -> str:
    """`text` (the translation file as read) with the planned units rewritten and their hashes recorded.

    Only the lines of a changed unit are replaced (its structural prefix, "12. ", "(a) ", "[^3]: ", "## ", kept);
    the result is parsed again and must give the same units, changed exactly as planned, or nothing is written."""
    from ..atomic import line_ending, split_lines
    from ..body import FOOTNOTE_DEF, HEADING, ITEM, NUMBERED
    from .record import rewrite, updated_block

    pairs = split_lines(text)
    lines, ends = [p[0] for p in pairs], [p[1] for p in pairs]
    eol = line_ending(text)
    units = sorted(translation.walk(), key=lambda u: u.line)
    stops = {u.id: (units[i + 1].line - 1 if i + 1 < len(units) else len(lines)) for i, u in enumerate(units)}
    edits: list[tuple[int, int, list[str]]] = []
    for unit in units:
        heading, body = changes.texts.get((unit.id, "heading")), changes.texts.get((unit.id, "text"))
        if heading is None and body is None:
            continue
        start, stop = unit.line - 1, stops[unit.id]
        while stop > start + 1 and not lines[stop - 1].strip():
            stop -= 1
        if unit.heading is not None:
            if heading is not None:
                if "\n" in heading:
                    raise XliffError(f"segment '{_segment_id(unit, 'heading')}': a heading is one line; "
                                     "remove the line break from its translation")
                mark = HEADING.match(lines[start].strip()).group(1)
                indent = lines[start][:len(lines[start]) - len(lines[start].lstrip())]
                edits.append((start, start + 1, [f"{indent}{mark} {heading}"]))
            start += 1
            while start < stop and not lines[start].strip():
                start += 1
            if body is not None:
                edits.append((start, stop, body.split("\n")))
            continue
        first = lines[start]
        stripped = first.lstrip()
        match = {"footnote": FOOTNOTE_DEF, "paragraph": NUMBERED, "item": ITEM, "subitem": ITEM}.get(unit.kind)
        m = match.match(stripped) if match else None
        prefix = first[:len(first) - len(stripped)] + (stripped[:m.start(2)] if m else "")
        edits.append((start, stop, (prefix + body).split("\n")))
    for start, stop, new in sorted(edits, reverse=True):
        lines[start:stop] = new
        ends[start:stop] = [eol] * len(new)
    body_text = "".join(line + end for line, end in zip(lines, ends))
    _verify(body_text, translation, changes)
    if changes.record:
        block = updated_block(translation, None, changes.record, set(), source_order)
        body_text = rewrite(body_text, translation, block)
    return set_front_matter(body_text, translation.path, changes.front)


def set_front_matter(text: str, path: Path, values: dict[str, str]) -> str:
    """`text` with each key of `values` given that value, on the key's own line (a JSON string, which YAML
    reads as it is); the lines around it, comments included, are kept. The result is read back and must
    give exactly those values."""
    import json

    from ..atomic import line_ending, split_lines
    from ..diagnostics import Report
    from ..frontmatter import load_yaml

    if not values:
        return text
    pairs = split_lines(text)
    lines, ends = [p[0] for p in pairs], [p[1] for p in pairs]
    close = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    loaded = load_yaml(path, "\n".join(lines[1:close]), 2, Report())
    if loaded is None:
        raise XliffError(f"the front matter of {path.name} cannot be read")
    starts = sorted(loaded[1].values())
    for key in sorted(values, key=lambda k: loaded[1].get(k, close + 1), reverse=True):
        line = f"{key}: {json.dumps(values[key], ensure_ascii=False)}"
        if key not in loaded[1]:
            lines[close:close] = [line]
            ends[close:close] = [line_ending(text)]
            continue
        first = loaded[1][key] - 1
        stop = next((n - 1 for n in starts if n - 1 > first), close)
        while stop - 1 > first and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
            stop -= 1  # comments and blank lines before the next key belong to it
        lines[first:stop] = [line]
        ends[first:stop] = [ends[stop - 1] if stop - 1 < len(ends) else line_ending(text)]
    out = "".join(line + end for line, end in zip(lines, ends))
    new_lines = [p[0] for p in split_lines(out)]
    new_close = next(i for i in range(1, len(new_lines)) if new_lines[i].strip() in ("---", "..."))
    check = load_yaml(path, "\n".join(new_lines[1:new_close]), 2, Report())
    got = check[0] if check else {}
    if not isinstance(got, dict) or any(got.get(k) != v for k, v in values.items()):
        raise XliffError(f"the new {', '.join(values)} cannot be written into the front matter of {path.name}")
    return out


def _verify(text: str, translation: Document, changes: Plan) -> None:
    from ..body import parse_body
    from ..diagnostics import Report

    lines = text.replace("\r\n", "\n").split("\n")
    first = translation.body_line - 1
    report = Report()
    absent = translation.meta.translation.absent if translation.meta.translation is not None else ()
    units = parse_body(translation.path, "\n".join(lines[first:]), first + 1, report,
                       translation.meta.numbering, translation.meta.footnotes_missing, absent)
    now = {u.id: u for top in units for u in top.walk()}
    before = {u.id: u for u in translation.walk()}
    if list(now) != list(before):
        extra = [uid for uid in now if uid not in before] + [uid for uid in before if uid not in now]
        raise XliffError(f"the translated text would change the structure of {translation.path.name} "
                         f"(units {', '.join(extra[:5]) or 'in another order'}): a segment's translation must not "
                         "begin with a paragraph number, a sub-item letter, a heading mark or a footnote label")
    for uid, unit in before.items():
        for part, old in _parts(unit):
            want = changes.texts.get((uid, part), _full(unit, part, old))
            got = _full(now[uid], part, dict(_parts(now[uid])).get(part, ""))
            if got != want:
                raise XliffError(f"segment '{_segment_id(unit, part)}': its translation cannot be written back as it "
                                 f"is (it would read {got!r}); check its line breaks and that it does not begin "
                                 "with a paragraph number, a letter in brackets or a heading mark")
