"""The parts of PDF/UA tagging that WeasyPrint 70 leaves out, added while it writes the PDF.

WeasyPrint (`weasyprint/pdf/tags.py`) maps HTML elements to structure elements, but:
- the text of the page margin boxes (running heads, page numbers) is marked as a `/Span` with an MCID whose
  structure element hangs outside the tree: it is neither content nor an artifact;
- no structure element carries a language, only the catalog (`<html lang>`);
- a footnote is a plain `/NonStruct`, its call a bare number glued to the word in the text layer;
- a link annotation's `/Contents` is its raw target ("ecosoc-1993-34/para-3");
- an automatic hyphenation break leaves the hyphen glyph in the text layer ("recog‐" / "nized").

Here, in the same pass (on WeasyPrint's own objects, before they are written, so no PDF is parsed again
and the bytes stay deterministic):
- margin-box text becomes `/Artifact` marked content (`/Type /Pagination`, `/Subtype /Header` or `/Footer`)
  and leaves the structure tree;
- a structure element whose HTML element has a `lang` other than its parent's gets `/Lang`;
- a footnote becomes a `/Note` with an `/ID` (listed in the tree's `/IDTree`), its call a `/Reference` whose
  text reads "[1]" (`/ActualText` on its marked content), so that copied text is "Rights,[1] and";
- a link's `/Contents` is the link's text (or its `title`, where its text has no letter);
- the line before an automatic hyphenation break reads as the whole word (`/ActualText` without the hyphen
  and with the rest of the word), the next line as the rest of its text, so copying or extracting gives
  "recognized".

It needs WeasyPrint's internals (`add_tags`, `_build_box_tree`, the stream's `_tags`): `install()` refuses
any other WeasyPrint version than the one pinned in pyproject.toml and checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

VERSION = "1"  # part of the editions' cache key: a change here renders the PDFs again
WEASYPRINT = "70.0"

NOTE_CALL = "[{}]"  # how a footnote call reads when the text is copied or read aloud


@dataclass
class _State:
    """What one `add_tags` call learns before WeasyPrint builds the tree, and what the tree adds."""
    note_boxes: set[int] = field(default_factory=set)  # id() of the boxes of footnote bodies
    owner: dict[int, object] = field(default_factory=dict)  # id() of a structure element → its HTML element
    langs: dict[int, str] = field(default_factory=dict)  # id() of a structure element → the language it is in
    lang: str = ""  # the document's
    ids: dict[str, object] = field(default_factory=dict)  # /ID → structure element
    pages_nulls: dict[int, tuple[list[int], int]] = field(default_factory=dict)


_state: _State | None = None


def install() -> None:
    """Wrap WeasyPrint's tagging; idempotent, once per process."""
    import weasyprint
    import weasyprint.pdf as wpdf
    from weasyprint.pdf import tags

    if getattr(wpdf.add_tags, "_compendium", False):
        return
    if weasyprint.__version__ != WEASYPRINT:
        raise RuntimeError(f"compendium/editions/tagging.py is written for WeasyPrint {WEASYPRINT}, found "
                           f"{weasyprint.__version__}: check weasyprint/pdf/tags.py and update it")
    original_add_tags, original_build = wpdf.add_tags, tags._build_box_tree

    def add_tags(pdf, document, pdf_version, page_streams):
        global _state
        _state = _State(lang=(document.metadata.lang or "").lower())
        try:
            _before(document, page_streams)
            original_add_tags(pdf, document, pdf_version, page_streams)
            _after(pdf)
        finally:
            _state = None

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, tags_):
        from weasyprint.formatting_structure import boxes

        if _state is None:
            yield from original_build(box, parent, pdf, page_number, nums, annotations, tags_)
            return
        if isinstance(box, boxes.MarginBox):
            return  # its text is an artifact now (see _before), not content
        if isinstance(box, boxes.FootnoteAreaBox):
            _state.note_boxes.update(id(child) for child in box.children)
        passthrough = box.element is None or box.element_tag in ("html", "body") or isinstance(box, boxes.PageBox)
        for element in original_build(box, parent, pdf, page_number, nums, annotations, tags_):
            if not passthrough:
                _annotate(element, box, parent)
            yield element

    add_tags._compendium = True
    wpdf.add_tags = add_tags
    tags._build_box_tree = build_box_tree


# -- before the tree: the content streams ----------------------------------------------------------------------
def _marked(stream) -> dict[int, int]:
    """MCID → index of its property list in the page's content stream."""
    import pydyf

    out = {}
    for i, item in enumerate(stream.stream):
        if isinstance(item, pydyf.Dictionary) and "MCID" in item:
            out[item["MCID"]] = i
    return out


def _text_boxes(box, skip_margins=True):
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
        return
    if skip_margins and isinstance(box, boxes.MarginBox):
        return
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, skip_margins)


def _before(document, page_streams) -> None:
    import pydyf
    from weasyprint.formatting_structure import boxes

    pending: dict[int, tuple[pydyf.Dictionary, str, object]] = {}  # id(element) → the line before its break
    for number, (page, stream) in enumerate(zip(document.pages, page_streams)):
        tags = stream._tags
        index = _marked(stream)
        # 1. Running heads and page numbers: artifacts.
        for margin in page._page_box.children:
            if not isinstance(margin, boxes.MarginBox):
                continue
            where = "/Header" if margin.at_keyword.startswith("@top") else "/Footer"
            for text in _text_boxes(margin, skip_margins=False):
                kid = tags.pop(text, None)
                if kid is None:
                    continue
                i = index.pop(kid["mcid"])
                stream.stream[i - 1] = "/Artifact"
                stream.stream[i] = pydyf.Dictionary({"Type": "/Pagination", "Subtype": where})
        # 2. What the text layer reads: footnote calls, automatic hyphenation breaks.
        for text in _text_boxes(page._page_box):
            kid = tags.get(text)
            if kid is None or kid["mcid"] not in index:
                continue
            props = stream.stream[index[kid["mcid"]]]
            if text.element_tag.endswith("::footnote-call"):
                props["ActualText"] = pydyf.String(NOTE_CALL.format(text.text.strip()))
                continue
            _hyphenation(text, props, pending)
        # 3. MCIDs numbered again without the artifacts, so that the parent tree's array has no holes.
        remaining = sorted(kid["mcid"] for kid in tags.values())
        if all(m in index for m in remaining):
            renumber = {old: new for new, old in enumerate(remaining)}
            for kid in tags.values():
                stream.stream[index[kid["mcid"]]]["MCID"] = renumber[kid["mcid"]]
                kid["mcid"] = renumber[kid["mcid"]]
        elif remaining:  # some marked content is in a nested stream (opacity): keep the numbers, nulls between
            assert _state is not None
            _state.pages_nulls[number] = (remaining, max(remaining) + 1)


_WORD_END = re.compile(r"\S*$")
_WORD_START = re.compile(r"^\S*")


def _source_text(element) -> str:
    return "".join(element.itertext()).replace("\xad", "")


def _hyphenation(text, props, pending) -> None:
    """A line that ends in an inserted hyphen reads as the whole word; the next line as the rest of its text."""
    import pydyf

    element = text.element
    effective = text.text
    before = pending.pop(id(element), None)
    if before is not None:
        first_props, first_text, _ = before
        fragment = _WORD_START.match(effective).group()
        word = _WORD_END.search(first_text).group() + fragment
        if fragment and word in _source_text(element):  # not a hyphen of the text itself ("non-governmental")
            first_props["ActualText"] = pydyf.String(first_text + fragment)
            effective = effective[len(fragment):].lstrip(" ")
            props["ActualText"] = pydyf.String(effective)
    hyphen = text.style["hyphenate_character"]
    if hyphen and effective.endswith(hyphen) and len(effective) > len(hyphen):
        pending[id(element)] = (props, effective[:-len(hyphen)], element)


# -- while WeasyPrint builds the tree: one structure element ----------------------------------------------------
def _readable(element) -> str:
    text = " ".join("".join(element.itertext()).split())
    title = " ".join((element.get("title") or "").split())
    if title and not any(c.isalpha() for c in text):
        return title
    return text or title


def _annotate(element, box, parent) -> None:
    import pydyf

    assert _state is not None
    html = box.element
    anonymous = _state.owner.get(id(parent)) is html  # a box WeasyPrint made inside the same HTML element
    _state.owner[id(element)] = html
    inherited = _state.langs.get(id(parent), _state.lang)
    lang = (html.get("lang") or "").lower()
    if lang and lang != inherited and not anonymous and "::" not in box.element_tag:
        element["Lang"] = pydyf.String(html.get("lang"))
    _state.langs[id(element)] = lang if lang and not anonymous else inherited
    if id(box) in _state.note_boxes and element["S"] != "/Note":
        element["S"] = "/Note"
        base = html.get("id") or f"note-{len(_state.ids) + 1}"
        ident, n = base, 1
        while ident in _state.ids:
            n += 1
            ident = f"{base}~{n}"  # a note split over two pages
        element["ID"] = pydyf.String(ident)
        _state.ids[ident] = element
    elif box.element_tag.endswith("::footnote-call"):
        element["S"] = "/Reference"
    annotation = getattr(box, "link_annotation", None)
    if annotation is not None:
        name = _readable(html)
        if name:
            annotation["Contents"] = pydyf.String(name)


# -- after the tree -------------------------------------------------------------------------------------------
def _after(pdf) -> None:
    import pydyf

    assert _state is not None
    root = pdf.objects[int(pdf.catalog["StructTreeRoot"].split()[0])]
    if _state.ids:
        names = pydyf.Array()
        for ident in sorted(_state.ids, key=lambda s: s.encode("utf-16-be")):
            names.extend([pydyf.String(ident), _state.ids[ident].reference])
        root["IDTree"] = pydyf.Dictionary({"Names": names})
    if _state.pages_nulls:
        nums = pdf.objects[int(root["ParentTree"].split()[0])]["Nums"]
        for number, (mcids, size) in _state.pages_nulls.items():
            compact = nums[2 * number + 1]
            full = pydyf.Array([b"null"] * size)
            for mcid, ref in zip(mcids, compact):
                full[mcid] = ref
            nums[2 * number + 1] = full
