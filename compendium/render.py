"""Render a document: its text with stable unit ids, footnotes, metadata panel, lineage and "Cited by".

One render tree (templates/document.html) serves the web page and the printed chapter. What differs per
output is given, never patched afterwards: a link policy (compendium.addresses.WebLinks, or
compendium.editions.book.PrintLinks) makes every href and every id, and an `Output` says whether
paragraphs carry permalinks, where footnotes go (listed after the text, or at their call so that print
sets them at the foot of that page) and at which level headings start.

Citations become links here: `Renderer.inline` hands each text's HTML to the citation index, which finds
the mentions and asks the link policy for their hrefs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import markdown
import nh3

from .addresses import DocRef, LinkPolicy, WebLinks, undocs
from .body import FOOTNOTE_REF
from .cite import cite_unit, document_name
from . import facts
from .i18n import format_iso_date, gettext_for, list_separator
from .language_data import meeting_words
from .languages import direction, info, known_languages
from .markup import Markup, escape, macro
from .model import HEADED_KINDS, Adoption, Document, Unit
from .translating.markers import is_untranslated, strip_marker
from .unitid import unit_label
from .vocabulary import DEFAULT_SOURCE_LANGUAGE, body_name, cluster_name, completeness_name, status_name

if TYPE_CHECKING:
    from .citations import CitationIndex

# What an editor may write in a text. No ids or classes: those are the renderer's (unit anchors, notes).
ALLOWED_TAGS = {"a", "em", "strong", "sup", "sub", "br", "span", "code", "abbr", "p"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "sup": {"title"}, "span": {"lang"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_MARKUP = re.compile(r"[*_`\[<&\\]")
_md = markdown.Markdown(extensions=[], output_format="html")
# A footnote call is held as a placeholder (private-use characters) while the text is sanitised and its
# citations linked, then replaced by the call's HTML.
_CALL = re.compile("\ue000([^\ue001]*)\ue001")

# The units a text may call "this rule", "this article": a rule's paragraphs are not among them.
_THIS_UNIT = frozenset(HEADED_KINDS) - {"paragraph"}


def _esc(value: object) -> str:
    """Escape a value for the unit markup built in Python (tests/test_architecture.py checks every value is)."""
    return html.escape(str(value))


HEADING_KINDS = {"section": 2, "annex": 2, "subsection": 3, "heading": 3, "article": 3, "rule": 3,
                 "principle": 3, "guideline": 3, "recommendation": 3, "prelim": 3}


@dataclass(frozen=True)
class Output:
    """What an output does with the render tree."""
    permalinks: bool = True  # a ¶ link on every unit
    notes_at_call: bool = False  # print: each note set at its first call (float: footnote), not listed after
    heading_offset: int = 0  # print: a chapter's sections sit under the chapter's own title
    note_semantics: bool = False  # EPUB: calls and notes say what they are (epub:type noteref/footnote), with back links


WEB = Output()
PRINT = Output(permalinks=False, notes_at_call=True, heading_offset=1)
EPUB = Output(permalinks=False, heading_offset=1, note_semantics=True)  # an e-book's content document
COLUMN = Output(permalinks=False)  # the side-by-side view's second column: its rows link to the pair instead


def sanitize(fragment: str) -> str:
    """Whatever an editor typed, no script, handler, id or javascript: link reaches a page."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None)


@lru_cache(maxsize=32768)
def _markdown_inline(text: str) -> str:
    """Markdown inline text → sanitized HTML; footnote calls left as placeholders. Cached: a site build renders
    each text for its page, and again for its Akoma Ntoso XML (compendium/akn/export.py)."""
    if not _MARKUP.search(text):
        return html.escape(text, quote=False)  # plain text, escaped: no tag, entity or note call can be in it
    _md.reset()
    out = _md.convert(text).removeprefix("<p>").removesuffix("</p>")
    out = FOOTNOTE_REF.sub(lambda m: f"\ue000{html.unescape(m.group(1))}\ue001", out)
    return sanitize(out)


def inline_text(text: str) -> Markup:
    """A text quoted outside its document (a cluster's definition): no notes, no citation links."""
    return Markup(_CALL.sub("", _markdown_inline(text)))


def quoted_paragraphs(text: str) -> Markup:
    return Markup("".join(f"<p>{inline_text(p)}</p>" for p in text.split("\n\n") if p.strip()))


class Target(NamedTuple):
    """Another document, as a page names it: what to link and the words to show (in `lang`, where known)."""
    ref: DocRef
    title: str
    lang: str | None = None


class Place(NamedTuple):
    unit_id: str
    label: str


class BacklinkEntry(NamedTuple):
    target: Target
    places: list[Place]


class BacklinkGroup(NamedTuple):
    css: str
    anchor: str
    heading: str
    entries: list[BacklinkEntry]


class LineageLine(NamedTuple):
    later: bool  # True: this document is superseded by the target
    before: str
    target: Target
    title: str
    after: str


class Renderer:
    def __init__(self, doc: Document, lang: str | None = None, citations: "CitationIndex | None" = None,
                 links: LinkPolicy | None = None, output: Output = WEB, outdated: frozenset[str] = frozenset(),
                 source_language: str | None = None, elsewhere: dict[str, tuple[str, str]] | None = None):
        """`citations` is the corpus-level index (compendium.citations.citation_index(corpus)), built once per
        build: with it, mentions of resolutions and instruments are linked, and the document gets its
        lineage banner and its "Cited by" lists. `links` makes hrefs and ids (the web page's by default);
        `outdated` are the units whose source changed since they were translated from `source_language`."""
        self.doc = doc
        self.lang = lang or doc.lang
        self.citations = citations
        self.links: LinkPolicy = links or WebLinks(self.lang, doc.ref.page(self.lang))
        self.output = output
        self.outdated = outdated
        self.source_language = source_language
        # print: annexes whose text the edition prints as an instrument of its own, unit id -> (title, href)
        self.elsewhere = elsewhere or {}
        self._ = gettext_for(self.lang)
        self.footnotes = {u.number: u for u in doc.units if u.kind == "footnote" and u.number}
        self.missing = self._("The text of this footnote is not in the source.")
        self.label_permalink = self._("Permalink to this paragraph")
        self._cite_name: str | None = None
        self.heading_kinds = HEADING_KINDS
        self._called: set[str] = set()
        self._within: Unit | None = None  # the rule (article…) being rendered: "paragraph 1 of this rule"

    @property
    def comma(self) -> str:
        """Between the items of a list, as the reader's language writes it (its data's `comma`)."""
        return list_separator(self.lang)

    # -- output choices ------------------------------------------------------------------------------------
    @property
    def permalinks(self) -> bool:
        return self.output.permalinks

    def level(self, n: int) -> int:
        return min(6, n + self.output.heading_offset)

    def heading_tag(self, unit: Unit, depth: int) -> str:
        return f"h{self.level(HEADING_KINDS[unit.kind] if depth < 2 else 4)}"

    @property
    def source_language_name(self) -> str:
        try:
            return info(self.source_language)["name"] if self.source_language else ""
        except KeyError:
            return self.source_language or ""

    def source_href(self, unit_id: str) -> str | None:
        """The same unit in the current source text (an outdated paragraph links to it)."""
        return self.links.document(self.doc.ref, unit_id, self.source_language) if self.source_language else None

    # -- text ------------------------------------------------------------------------------------------------
    def inline(self, text: str) -> Markup:
        """A unit's inline Markdown → sanitized HTML, with its citations linked and its footnote calls."""
        return Markup(self._inline(text))

    def _inline(self, text: str) -> str:
        out = _markdown_inline(text)
        if self.citations is not None:
            out = self.citations.link(out, self.doc, self.lang, self.links, self._within)
        if "\ue000" in out:
            out = _CALL.sub(lambda m: self.footnote_call(m.group(1)), out)
        return out

    def paragraphs(self, text: str) -> Markup:
        """Paragraphs split on blank lines; a line break kept in a paragraph (the adoption line) stays one."""
        return Markup(self._paragraphs(text))

    def _paragraphs(self, text: str) -> str:
        return "".join(["<p>" + "<br>".join([self._inline(line) for line in p.split("\n")]) + "</p>"
                        for p in text.split("\n\n") if p.strip()])

    def footnote_call(self, label: str) -> str:
        note = self.footnotes.get(label)
        if note is None:
            self._missing_called = True
            reason = f"missing-note-{label}"  # print: the reason at the foot of the page of the first call
            if self.output.notes_at_call and label not in self._called:
                # Print: the reason stands at the foot of the page, numbered as the call, where a reader looks for the note.
                self._called.add(label)
                return str(Markup('<span class="cmp-fn cmp-fn-missing" id="{}" data-call="{}" {}>{}</span>').format(
                    self.links.anchor(reason), label, self.reader_attrs, self.missing))
            # The reason is text a reader reaches by touch and keyboard too: the call links to it (after the notes on
            # a page; in print, where the first call set it).
            target = reason if self.output.notes_at_call else "missing-notes"
            return str(Markup('<sup class="cmp-fnref cmp-fnref-missing"><a href="{}" title="{}">{}</a></sup>').format(
                self.links.unit(target), self.missing, label))
        if self.output.notes_at_call and label not in self._called:
            self._called.add(label)  # the first call carries the note; print sets it at the foot of the page
            return str(Markup('<span class="cmp-fn" id="{}" data-call="{}">{}</span>').format(
                self.links.anchor(note.id), label, self.note(note)))
        if self.output.note_semantics:
            return str(self._noteref(note.id, label))
        return str(Markup('<sup class="cmp-fnref"><a href="{}">{}</a></sup>').format(self.links.unit(note.id), label))

    def _noteref(self, note_id: str, label: str) -> Markup:
        """An e-book's note call: a reader opens the note in a pop-up; the first call has the id the note links back to."""
        first = note_id not in self._called
        self._called.add(note_id)
        if first:
            return Markup('<sup class="cmp-fnref"><a epub:type="noteref" role="doc-noteref" href="{}" id="{}">{}</a>'
                          '</sup>').format(self.links.unit(note_id), self.links.anchor(self.call_id(note_id)), label)
        return Markup('<sup class="cmp-fnref"><a epub:type="noteref" role="doc-noteref" href="{}">{}</a></sup>').format(
            self.links.unit(note_id), label)

    @staticmethod
    def call_id(note_id: str) -> str:
        """The unit id of a note's first call, which the note links back to (e-books)."""
        return "ref-" + note_id

    def note_called(self, note_id: str) -> bool:
        """Whether the text called the note (after units() has run): an e-book's note then links back to the call."""
        # The title's call is drawn with the title, after the text: every chapter template draws it.
        return note_id in self._called or (note_id == "fn-title" and bool(self.doc.meta.title_note))

    def title_call(self) -> Markup:
        """The call of the title's note ("*"): on the web a link to it in the notes; in print the note itself,
        which the stylesheet sets at the foot of the page."""
        note = self.doc.meta.title_note
        if not note:
            return Markup("")
        if self.output.notes_at_call:
            return Markup('<span class="cmp-fn" id="{}" data-call="*">{}</span>').format(
                self.links.anchor("fn-title"), note)
        if self.output.note_semantics:
            return self._noteref("fn-title", "*")
        return Markup('<sup class="cmp-fnref cmp-title-call"><a href="{}">*</a></sup>').format(
            self.links.unit("fn-title"))

    @property
    def missing_called(self) -> bool:
        """Whether the text calls a note the source does not give (after units() has run)."""
        return getattr(self, "_missing_called", False)

    @property
    def missing_listed(self) -> bool:
        """Whether the reason for missing notes is listed after the notes (the web; print sets it at each call)."""
        return self.missing_called and not self.output.notes_at_call

    def listed_notes(self) -> list[Unit]:
        """The notes listed after the text: all of them on the web; in print, those no text calls."""
        notes = [u for u in self.doc.units if u.kind == "footnote"]
        if self.output.notes_at_call:
            return [u for u in notes if u.number not in self._called]
        return notes

    # -- the text's units ------------------------------------------------------------------------------------
    # Units are the bulk of every page (tens of thousands per language), so they are built here rather than
    # by a template macro per unit, which cost twice the time; the rest of the tree is templates/document.html.
    def units(self) -> Markup:
        """Every unit of the text, in order, with its id, number, permalink and outdated mark."""
        return Markup("".join([self._unit(u, 0) for u in self.doc.units]))

    def _permalink(self, unit_id: str) -> str:
        if not self.output.permalinks:
            return ""
        label = _esc(self.label_permalink)
        if self._cite_name is None:
            self._cite_name = document_name(self.doc, self._)
        cite = _esc(cite_unit(self._cite_name, unit_id, self._))  # compendium/cite.py; the Cite button (compendium.js)
        return (f' <a class="cmp-anchor" href="{_esc(self.links.unit(unit_id))}" title="{label}" aria-label="{label}"'
                f' data-cite="{cite}">¶</a>')

    def _outdated_note(self, unit_id: str) -> str:
        if unit_id not in self.outdated:
            return ""
        note = _esc(self._("Outdated: the source of this paragraph has changed."))
        if self.source_href(unit_id) is None:  # print without the site's address: the note alone
            return f'<p class="cmp-outdated-note">{note}</p>'
        return (f'<p class="cmp-outdated-note">{note} '
                f'<a href="{_esc(self.source_href(unit_id))}" hreflang="{_esc(self.source_language)}">'
                f'{_esc(self._("Current source text"))} ({_esc(self.source_language_name)})</a></p>')

    def _number(self, u: Unit) -> str:
        """A paragraph's "3.", a sub-paragraph's "(b)" as the text writes it ("(ب)" in Arabic); else nothing."""
        if u.kind == "paragraph":
            return f'<span class="cmp-num">{_esc(u.number or "")}.</span>'
        if u.kind in ("item", "subitem"):
            return f'<span class="cmp-num">({_esc(u.label or u.number or "")})</span>'
        return ""

    def _elsewhere(self, u: Unit) -> str:
        """An annex the edition prints as an instrument: where to find it, not its text a second time. Its notes'
        calls count as made (they are printed with the instrument)."""
        title, href = self.elsewhere[u.id]
        for part in u.walk():
            self._called.update(m.group(1) for m in FOOTNOTE_REF.finditer(f"{part.heading or ''} {part.text}"))
        message = escape(self._("The text of this annex is printed in this edition: {title}, page {page}."))
        return str(Markup('<p class="cmp-elsewhere" {}>{}</p>').format(self.reader_attrs, Markup(message).format(
            title=Markup('<a href="{}">{}</a>').format(href, title),
            page=Markup('<a class="cmp-page-ref" href="{}"></a>').format(href))))

    def _unit(self, u: Unit, depth: int) -> str:
        if u.kind in _THIS_UNIT:
            outer, self._within = self._within, u
            try:
                return self._unit_html(u, depth)
            finally:
                self._within = outer
        return self._unit_html(u, depth)

    def _unit_html(self, u: Unit, depth: int) -> str:
        kind = u.kind
        if kind == "footnote":
            return ""
        anchor = _esc(self.links.anchor(u.id))
        outdated = " cmp-outdated" if u.id in self.outdated else ""
        if is_untranslated(u):
            return self._untranslated_html(u, depth)
        if kind in HEADING_KINDS:
            tag = self.heading_tag(u, depth)
            head = (f'<{tag} class="cmp-heading{outdated}" id="{anchor}">{self._inline(u.heading or "")}'
                    f'{self._permalink(u.id)}</{tag}>{self._outdated_note(u.id)}')
            if kind == "heading":
                return head
            if u.id in self.elsewhere:
                return f'<section class="cmp-{_esc(kind)}" aria-labelledby="{anchor}">{head}{self._elsewhere(u)}</section>'
            text = self._paragraphs(u.text) if u.text else ""  # in reading order: a note goes with its first call
            children = "".join([self._unit(c, depth + 1) for c in u.children])
            return f'<section class="cmp-{_esc(kind)}" aria-labelledby="{anchor}">{head}{text}{children}</section>'
        number = self._number(u)
        text = self._paragraphs(u.text)
        kids = f'<div class="cmp-children">{"".join([self._unit(c, depth + 1) for c in u.children])}</div>' \
            if u.children else ""
        return (f'<div class="cmp-unit cmp-{_esc(kind)}{outdated}" id="{anchor}">{self._outdated_note(u.id)}{number}'
                f'<div class="cmp-text">{text}</div>{self._permalink(u.id)}{kids}</div>{self._breaks_off(u)}')

    def _breaks_off(self, u: Unit) -> str:
        """Where the source's text breaks off (a partial text), a reader is told so at that place."""
        if u.id not in self.doc.meta.breaks_off:
            return ""
        last = [x for top in self.doc.units if top.kind != "footnote" for x in top.walk()][-1]
        words = self._("[The text in the source ends here.]") if u is last else \
            self._("[The text in the source breaks off here.]")
        return (f'<p class="cmp-notice cmp-breaks-off" lang="{_esc(self.lang)}" dir="{_esc(direction(self.lang))}">'
                f'{_esc(words)}</p>')

    @property
    def reader_attrs(self) -> Markup:
        """The reader's language and direction: an interface text inside a text in another language."""
        return Markup('lang="{}" dir="{}"').format(self.lang, direction(self.lang))

    # -- a draft's untranslated units: the source's words, marked, in the source's language -----------------
    @property
    def untranslated_language(self) -> str:
        """The language an untranslated unit's words are in: the source the draft was made from."""
        return self.source_language or self.doc.meta.source_language or DEFAULT_SOURCE_LANGUAGE

    def note(self, u: Unit) -> Markup:
        """A footnote's text; one a draft still holds in the source's words is labelled and tagged like a unit."""
        if not is_untranslated(u):
            return self.inline(u.text)
        source = self.untranslated_language
        return Markup('<span class="cmp-untranslated-label">{}</span> <span lang="{}" dir="{}">{}</span>').format(
            self._("Not yet translated"), source, direction(source), self.inline(strip_marker(u.text)))

    def _untranslated_note(self) -> str:
        """The reader's label over a unit still in the source's words (text, not only colour)."""
        source = self.untranslated_language
        name = info(source)["name"] if source in known_languages() else source
        return (f'<p class="cmp-untranslated-note"><span class="cmp-untranslated-label">'
                f'{_esc(self._("Not yet translated"))}</span> {_esc(self._("Source text"))} '
                f'(<span lang="{_esc(source)}" dir="{_esc(direction(source))}">{_esc(name)}</span>)</p>')

    def _untranslated_html(self, u: Unit, depth: int) -> str:
        """A unit a draft still holds in the source's words: shown as the source text, tagged with the
        source's lang and dir under a label in the reader's language; the marker itself is never shown."""
        source = self.untranslated_language
        anchor = _esc(self.links.anchor(u.id))
        tagged = f' lang="{_esc(source)}" dir="{_esc(direction(source))}"'
        kind = u.kind
        if kind in HEADING_KINDS:
            tag = self.heading_tag(u, depth)
            head = (f'<{tag} class="cmp-heading cmp-untranslated" id="{anchor}"><span{tagged}>'
                    f'{self._inline(strip_marker(u.heading or ""))}</span>{self._permalink(u.id)}</{tag}>'
                    f'{self._untranslated_note()}')
            if kind == "heading":
                return head
            text = f'<div{tagged}>{self._paragraphs(strip_marker(u.text))}</div>' if u.text else ""
            children = "".join([self._unit(c, depth + 1) for c in u.children])
            return f'<section class="cmp-{_esc(kind)}" aria-labelledby="{anchor}">{head}{text}{children}</section>'
        number = self._number(u)
        kids = f'<div class="cmp-children">{"".join([self._unit(c, depth + 1) for c in u.children])}</div>' \
            if u.children else ""
        return (f'<div class="cmp-unit cmp-{_esc(kind)} cmp-untranslated" id="{anchor}">{self._untranslated_note()}'
                f'{number}<div class="cmp-text"{tagged}>{self._paragraphs(strip_marker(u.text))}</div>'
                f'{self._permalink(u.id)}{kids}</div>')

    def body(self) -> Markup:
        self._called = set()
        self._missing_called = False
        return macro("document.html", "body")(self)

    def text(self) -> Markup:
        """The text alone (or the notice that there is none), without "Cited by": a web page marks it with
        the text's language and sets the backlinks, in the reader's language, outside it."""
        self._called = set()
        self._missing_called = False
        return macro("document.html", "text")(self)

    def cited_by(self) -> Markup:
        return macro("document.html", "cited_by")(self)

    def metadata(self) -> Markup:
        return macro("document.html", "metadata")(self)

    def column(self) -> Markup:
        """The text and its notes alone: a column of the side-by-side view (with compendium.addresses.ColumnLinks)."""
        self._called = set()
        return macro("document.html", "column")(self)

    # -- other documents -----------------------------------------------------------------------------------
    def target(self, doc_id: str, short: bool = False) -> Target:
        index = self.citations
        other = index.document(doc_id, self.lang) if index is not None else None
        ref = other.ref if other is not None else DocRef("instruments", doc_id)
        title = index.title(doc_id, self.lang, short=short) if index is not None else doc_id
        return Target(ref, title, other.lang if other is not None else None)

    def title_attrs(self, target: Target) -> Markup:
        """A title in another language than the reader's is marked with its language and direction."""
        if target.lang and target.lang != self.lang:
            return Markup(' lang="{}" dir="{}"').format(target.lang, direction(target.lang))
        return Markup("")

    def direction_mark(self, target: Target) -> Markup:
        """After a title in the other direction, a mark of the reader's direction (RLM in Arabic), so that what
        follows ("(1955)", a comma) stays on the reader's side of it. A browser isolates the title by its `dir`;
        the PDF renderer does not, and without the mark a year after an English title joins the English run."""
        if target.lang and direction(target.lang) != direction(self.lang):
            return Markup("&rlm;" if direction(self.lang) == "rtl" else "&lrm;")
        return Markup("")

    def backlink_groups(self) -> list[BacklinkGroup]:
        """For an instrument: the resolutions that adopted, amended or recalled it, then other citing texts.
        For a resolution: every citing text."""
        if self.citations is None:
            return []
        links = self.citations.backlinks.get(self.doc.id, [])
        related = [(d, None, "related") for d in self.citations.related(self.doc.id)]
        if not links and not related:
            return []
        _ = self._
        if self.doc.collection == "instruments":
            groups = [("cmp-adopted-by", "adopted-by", _("Adopted, amended or recalled by"),
                       [link for link in links if link[2] == "resolutions"]),
                      ("cmp-cited-by", "cited-by", _("Cited by"), [link for link in links if link[2] != "resolutions"])]
        else:
            groups = [("cmp-cited-by", "cited-by", _("Cited by"), links)]
        groups.append(("cmp-related", "related", _("Related documents"), related))
        out = []
        for css, anchor, heading, group in groups:
            if not group:
                continue
            by_doc: dict[str, list] = {}
            for link in group:
                by_doc.setdefault(link[0], []).append(link)
            entries = []
            for doc_id in sorted(by_doc, key=lambda d: (self.citations.year(d) or "", d)):
                places = [Place(unit_id, unit_label(unit_id, _, self.comma)) for _d, unit_id, _c in by_doc[doc_id] if unit_id]
                entries.append(BacklinkEntry(self.target(doc_id), places))
            out.append(BacklinkGroup(css, anchor, heading, entries))
        return out

    def lineage_lines(self) -> list[LineageLine]:
        """'Superseded by the Nelson Mandela Rules (2015)' / 'Replaces the Standard Minimum Rules … (1955)'."""
        index = self.citations
        if index is None:
            return []
        _ = self._
        lines = []
        for later, others in ((True, index.superseded_by.get(self.doc.id, [])),
                              (False, index.supersedes.get(self.doc.id, []))):
            for other in others:
                year = index.year(other)
                if later:
                    template = _("Superseded by the %(title)s (%(year)s)") if year else _("Superseded by the %(title)s")
                else:
                    template = _("Replaces the %(title)s (%(year)s)") if year else _("Replaces the %(title)s")
                before, _sep, after = template.partition("%(title)s")
                target = self.target(other, short=True)
                lines.append(LineageLine(later, before.replace("%(year)s", year or ""), target, target.title,
                                         after.replace("%(year)s", year or "")))
        return lines

    # -- metadata ------------------------------------------------------------------------------------------
    def _other(self, text: str) -> Markup:
        """A text of the document's language (a note, the source's own wording) inside the reader's panel:
        isolated with its own language and direction, so that an English run reads whole in an Arabic line."""
        return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(self.doc.lang, direction(self.doc.lang), text)

    def metadata_rows(self) -> list[tuple[str, Markup]]:
        """The facts panel: what a reader cites and checks. What the editors record about the transcription
        (its corrections, unconfirmed facts, the project's source file) is in editorial_notes()."""
        _ = self._
        meta = self.doc.meta

        def mark(key: str) -> Markup:
            return Markup(' <span class="cmp-unverified">{}</span>').format(_("unverified")) \
                if meta.unverified(key) else Markup("")

        def note(text: str | None) -> Markup:
            return Markup('<br><span class="cmp-note">{}</span>').format(self._other(text)) if text else Markup("")

        rows: list[tuple[str, Markup]] = []
        if meta.adoptions:
            rows.append((_("Adopted by"), Markup("<br>").join(self.adoption(a) for a in meta.adoptions) + mark("adopted_by")))
        if meta.symbols:
            links = Markup(list_separator(self.lang)).join(Markup('<a href="{}" rel="noopener" dir="ltr">{}</a>').format(
                self.links.external(undocs(s)) or "", s) if self.links.external(undocs(s))
                else Markup('<bdi dir="ltr">{}</bdi>').format(s) for s in meta.symbols)
            rows.append((_("Symbol"), links + mark("symbol")))
        if meta.cluster:
            rows.append((_("Cluster"), escape(cluster_name(meta.cluster, _)) + mark("cluster")))
        rows.append((_("Status"), escape(status_name(meta.status, _))))
        for other, label in ((meta.supersedes, _("Supersedes")), (meta.superseded_by, _("Superseded by"))):
            if other and self.citations is not None:  # without the index only the id is known: no raw id for a title
                target = self.target(other)
                href = self.links.document(target.ref)
                attrs = self.title_attrs(target)
                rows.append((label, Markup('<a href="{}"{}>{}</a>').format(href, attrs, target.title) if href
                             else Markup('<span{}>{}</span>').format(attrs, target.title)))
        completeness = escape(completeness_name(meta.completeness, _))
        if meta.footnotes_missing:
            completeness += Markup('<br><span class="cmp-note">{}</span>').format(
                _("The text of some of its footnotes is not in the source."))
        rows.append((_("Completeness"), completeness + note(meta.completeness_note)))
        source = self.source_citation()
        if source:
            rows.append((_("Source"), source))
        return rows

    def meeting(self, entry: Adoption) -> Markup:
        """'43rd plenary meeting' as the reader's language writes it (its data's `meeting`); as written otherwise."""
        words = meeting_words(self.lang, entry.plenary) if entry.plenary else None
        if words is None:
            return self._other(entry.meeting)
        before, number, suffix, raised, after = words
        ordinal = Markup("<sup>{}</sup>").format(suffix) if raised and suffix else escape(suffix)
        return escape(before) + escape(number) + ordinal + escape(after)

    def source_citation(self) -> Markup | None:
        """The Source row: the official records citation where the content records it, else what kind of copy the
        text is, in the reader's language. Never the project's file name (that is editorial provenance)."""
        _ = self._
        meta = self.doc.meta
        if meta.official_record:
            return self._other(meta.official_record)
        kind = facts.source_kind(self.doc)
        if kind == facts.TRANSCRIPTION:
            return escape(_("Transcription of the printed resolution; official records citation not yet recorded"))
        if kind == facts.ELECTRONIC:
            return escape(_("Unofficial copy prepared by the United Nations from its official electronic file "
                            "(Akoma Ntoso XML); official records citation not yet recorded"))
        if kind == facts.PUBLISHED_PDF:
            return escape(_("The United Nations' PDF of the document; official records citation not yet recorded"))
        if kind == facts.TITLE_ONLY:
            return escape(_("Title as the United Nations writes it in a later resolution; the text is not yet in "
                            "the compendium"))
        return None

    def editorial_notes(self) -> list[tuple[str, Markup]]:
        """What the editors record about this text, written for a reader: how it was transcribed, what the source
        lacks, which facts are not yet confirmed and what was corrected. Set at the foot of the web page and in the
        back matter of a printed edition."""
        _ = self._
        meta = self.doc.meta
        rows: list[tuple[str, Markup]] = []
        if facts.source_kind(self.doc) == facts.TRANSCRIPTION and self.doc.has_text:
            rows.append((_("Transcription"), escape(_(
                "This text was transcribed from a printed copy of the resolution, not taken from an official "
                "electronic file. Its official records citation is not yet recorded."))))
        if meta.completeness == "partial" and meta.completeness_note:
            rows.append((_("What the source lacks"), self._other(meta.completeness_note)))
        if meta.footnotes_missing:
            rows.append((_("Footnotes"), escape(_(
                "The source calls some footnotes without giving their text; each call is marked where it stands."))))
        if not meta.fully_verified:
            text = escape(_("The facts marked \"unverified\" are not yet confirmed against an official source."))
            if meta.verification_note:
                text += Markup(" ") + self._other(meta.verification_note)
            rows.append((_("Unconfirmed facts"), text))
        if meta.corrections:
            items = Markup("").join(Markup('<li lang="{}" dir="{}">{}</li>').format(
                self.doc.lang, direction(self.doc.lang), c) for c in meta.corrections)
            rows.append((_("Corrections made to the source text"), Markup("<ul>{}</ul>").format(items)))
        return rows

    def editorial(self) -> Markup:
        return macro("document.html", "editorial")(self)

    def adoption(self, entry: Adoption) -> Markup:
        """'Economic and Social Council, resolution 1993/34, 43rd plenary meeting, 27 July 1993' in the reader's
        language; the number and the source's own words are isolated runs (whole in a right-to-left line)."""
        parts: list[Markup] = []
        if entry.body:
            parts.append(escape(body_name(entry.body, self._)))
        if entry.resolution:
            before, _sep, after = self._("resolution %(number)s").partition("%(number)s")
            parts.append(escape(before) + Markup('<bdi dir="ltr">{}</bdi>').format(entry.resolution) + escape(after))
        if entry.meeting:
            parts.append(self.meeting(entry))
        if entry.date:
            parts.append(escape(format_iso_date(entry.date, self.lang)))
        if not parts and entry.text:
            parts.append(self._other(entry.text))
        text = Markup(list_separator(self.lang)).join(parts)
        if entry.text and (entry.body or entry.resolution):
            # The brackets go inside the run: outside it, a right-to-left line would pair them across the run.
            text += Markup(' <span class="cmp-note">{}</span>').format(self._other(f"({entry.text})"))
        return text
