"""Read an Akoma Ntoso file that compendium/akn/export.py wrote back into the engine's model: a `Document` whose
units have the same ids (from their eIds, unitid.from_eid), kinds, numbers and order, and whose texts are
Markdown inline text in the grammar of compendium/body.py (`*italics*`, `[^3]` for a note's call, the notes as
footnote units after the text). What the XML says of its work (FRBR names) is in `AknText.identity`.

The UN's own AKN files are another dialect (their eIds are not ours): compendium/importer/akn.py reads those.
Every failure is a `ReadError` naming the file and the line and saying what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from markupsafe import Markup

from ..model import Document, Unit
from ..render import HEADING_KINDS
from ..unitid import from_eid, parts
from .names import AKN_NS, our_language

NS = "{%s}" % AKN_NS
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KINDS = {"section": "section", "subsection": "subsection", "paragraph": "paragraph", "article": "article",
         "rule": "rule", "point": "item"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
# What Markdown cannot write but the content format allows as inline HTML (compendium/render.py ALLOWED_TAGS).
_RAW_HTML = {"sup": Markup("<sup>{}</sup>"), "sub": Markup("<sub>{}</sub>")}
_UNNUMBERED = ("preamble", "heading", "text", "adoption", "footnote")


# What a line of a unit's text may not start with, unescaped, or the body's grammar reads a new unit (a numbered
# paragraph, a sub-paragraph, a heading) or Markdown a list or a quotation.
_BLOCK_START = re.compile(r"^(\d+)\.(\s)|^([#>+-])(?=\s)|^\((?=[^)\s]{1,4}\)\s)")


def _line_start(line: str) -> str:
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\.{m.group(2)}" if m.group(1) else "\\" + (m.group(3) or "("),
                            line, count=1)


class ReadError(Exception):
    """The file is not a compendium Akoma Ntoso document; the message names the file and line."""

    def __init__(self, source: str, line: int | None, message: str):
        super().__init__(f"{source}:{line or 1}: {message}")
        self.source, self.line, self.message = source, line or 1, message


@dataclass
class AknText:
    document: Document
    work: str  # FRBRuri of the work
    this: str  # FRBRthis of the work
    language: str  # FRBRlanguage as written


def _local(el) -> str:
    return el.tag[len(NS):] if isinstance(el.tag, str) and el.tag.startswith(NS) else ""


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


class _Reader:
    def __init__(self, name: str):
        self.name = name
        self.notes: list[Unit] = []

    def fail(self, el, message: str) -> ReadError:
        return ReadError(self.name, getattr(el, "sourceline", None), message)

    # inline -> Markdown
    def inline(self, el) -> str:
        out = [_escape(el.text or "")]
        for child in el:
            out.append(self.element(child))
            out.append(_escape(child.tail or ""))
        return "".join(out)

    def element(self, el) -> str:
        name = _local(el)
        if name == "eol":
            return "\n"
        if name == "authorialNote":
            marker = el.get("marker") or ""
            if marker != "*":
                self.notes.append(self.note(el))
            return f"[^{marker}]" if marker != "*" else ""
        if name == "noteRef":
            return f"[^{el.get('marker') or ''}]"
        inner = self.inline(el)
        if name == "i":
            return f"*{inner}*"
        if name == "b":
            return f"**{inner}**"
        if name in ("sup", "sub"):
            return str(_RAW_HTML[name].format(Markup(inner)))  # inner: Markdown, its text escaped already
        if name == "a":
            return f"[{inner}]({el.get('href') or ''})"
        if name == "inline" and el.get("name") == "code":
            return f"`{el.text or ''}`"
        if name == "span" and el.get(XML_LANG):
            return str(Markup('<span lang="{}">{}</span>').format(el.get(XML_LANG), Markup(inner)))
        return inner  # ref, span, abbr…: their words

    def note(self, el) -> Unit:
        eid = self.eid(el)
        return Unit(eid, "footnote", el.get("marker"), self.paragraphs(el), line=el.sourceline or 0)

    def paragraphs(self, el) -> str:
        return "\n\n".join("\n".join(_line_start(line) for line in self.inline(p).split("\n"))
                           for p in el if _local(p) == "p")

    def eid(self, el) -> str:
        value = el.get("eId")
        if not value:
            raise self.fail(el, f"<{_local(el)}> has no eId (every unit of a compendium document has one)")
        try:
            return from_eid(value)
        except ValueError as exc:
            raise self.fail(el, str(exc)) from None

    # units
    def number(self, uid: str, kind: str) -> str | None:
        if kind in _UNNUMBERED:
            return None
        last = parts(uid)[-1]
        return None if last == "annex" else last

    def preamble(self, el) -> Unit:
        uid = self.eid(el)
        unit = Unit(uid, "preamble", None, self.paragraphs(el), line=el.sourceline or 0)
        for child in el:
            if _local(child) == "blockList":
                unit.children.extend(self.items(child, "item"))
        return unit

    def items(self, block, kind: str) -> list[Unit]:
        units = []
        for item in block:
            if _local(item) != "item":
                continue
            uid = self.eid(item)
            unit = Unit(uid, kind, self.number(uid, kind), self.paragraphs(item), line=item.sourceline or 0)
            unit.label = self.label(item, unit.number)
            for child in item:
                if _local(child) == "blockList":
                    unit.children.extend(self.items(child, "subitem"))
            units.append(unit)
        return units

    def label(self, el, number: str | None) -> str | None:
        num = next((c for c in el if _local(c) == "num"), None)
        written = (num.text or "").strip().strip("()") if num is not None else None
        return written if written and written != number else None

    def unit(self, el, parent_kind: str | None) -> Unit:
        name = _local(el)
        kind = el.get("name") if name == "hcontainer" else KINDS.get(name)
        if kind is None:
            raise self.fail(el, f"<{name}> is not a unit of a compendium document")
        if kind == "item" and parent_kind in ("item", "subitem"):
            kind = "subitem"
        uid = self.eid(el)
        unit = Unit(uid, kind, self.number(uid, kind), "", line=el.sourceline or 0)
        num = next((c for c in el if _local(c) == "num"), None)
        head = next((c for c in el if _local(c) == "heading"), None)
        if kind in HEADING_KINDS:
            unit.heading = " ".join(self.inline(x) for x in (num, head) if x is not None)
        elif kind in ("item", "subitem"):
            unit.label = self.label(el, unit.number)
        for child in el:
            local = _local(child)
            if local in ("content", "intro"):
                unit.text = self.paragraphs(child)
            elif local not in ("num", "heading", "") :
                unit.children.append(self.unit(child, kind))
        return unit


def read_akn(source: Path | bytes, name: str | None = None) -> AknText:
    """A file (or bytes, named `name` in messages) → the document it holds."""
    label = name or str(source)
    try:
        root = etree.fromstring(source, etree.XMLParser(resolve_entities=False, no_network=True)) \
            if isinstance(source, bytes) else etree.parse(str(source), etree.XMLParser(
                resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise ReadError(label, line, f"not well-formed XML: {exc.msg} (repair the file, or export it again)") from None
    except OSError as exc:
        raise ReadError(label, None, f"cannot be read: {exc}") from None
    reader = _Reader(label)
    if root.tag != NS + "akomaNtoso":
        raise reader.fail(root, f"the root element is <{etree.QName(root).localname}>, not Akoma Ntoso 3.0's "
                                f"<akomaNtoso> in {AKN_NS}")
    statement = next((c for c in root if isinstance(c.tag, str)), None)
    if statement is None:
        raise reader.fail(root, "the file holds no document")

    def find(el, path: str):
        return el.find("/".join(NS + p for p in path.split("/")))

    work_this, work_uri = find(statement, "meta/identification/FRBRWork/FRBRthis"), \
        find(statement, "meta/identification/FRBRWork/FRBRuri")
    language = find(statement, "meta/identification/FRBRExpression/FRBRlanguage")
    if work_this is None or work_uri is None or language is None:
        raise reader.fail(statement, "the document has no FRBR identification (FRBRWork, FRBRlanguage)")
    lang = our_language(language.get("language") or "")
    if lang is None:
        raise reader.fail(language, f"unknown FRBRlanguage '{language.get('language')}'")
    alias = next((a for a in statement.iterfind(f"{NS}meta/{NS}identification/{NS}FRBRWork/{NS}FRBRalias")
                  if a.get("name") == "compendium"), None)
    if alias is None or "/" not in (alias.get("value") or ""):
        raise reader.fail(statement, "no <FRBRalias name=\"compendium\"> names the document (collection/id)")
    collection, doc_id = (alias.get("value") or "").split("/", 1)
    metadata: dict = {"id": doc_id}
    preface = find(statement, "preface")
    if preface is not None:
        for p in preface:
            cls = p.get("class")
            if cls == "title":
                title = p.find(NS + "docTitle")
                metadata["title"] = reader.inline(title) if title is not None else ""
                note = p.find(NS + "authorialNote")
                if note is not None:
                    metadata["title_note"] = reader.paragraphs(note)
            elif cls == "shortTitle":
                metadata["short_title"] = "".join(p.itertext())
            elif cls == "symbol":
                metadata.setdefault("symbol", []).append("".join(p.itertext()))
    if "symbol" in metadata and len(metadata["symbol"]) == 1:
        metadata["symbol"] = metadata["symbol"][0]
    units: list[Unit] = []
    preamble = find(statement, "preamble")
    if preamble is not None:
        units.extend(reader.preamble(c) for c in preamble if _local(c) == "container")
    body = find(statement, "mainBody")
    if body is None:
        raise reader.fail(statement, "the document has no <mainBody>")
    units.extend(reader.unit(c, None) for c in body if _local(c) and _local(c) != "p")
    conclusions = find(statement, "conclusions")
    if conclusions is not None:
        for container in conclusions:
            if _local(container) == "container" and container.get("name") == "adoption":
                units.append(Unit(reader.eid(container), "adoption", None, reader.paragraphs(container),
                                  line=container.sourceline or 0))
    attachments = find(statement, "attachments")
    for attached in attachments.iterfind(f"{NS}attachment/{NS}doc/{NS}mainBody") if attachments is not None else ():
        units.extend(reader.unit(c, None) for c in attached if _local(c) and _local(c) != "p")
    notes = find(statement, "meta/notes")
    called = reader.notes
    if notes is not None:
        called = called + [reader.note(n) for n in notes if _local(n) == "note"]
    doc = Document(doc_id, collection, lang, Path(label), metadata, units + called)
    return AknText(doc, work_uri.get("value") or "", work_this.get("value") or "", language.get("language") or "")
