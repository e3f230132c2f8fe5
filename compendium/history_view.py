"""A document's recorded history as its page shows it: "Last changed" by the facts, and the changes at the
foot of the page, newest first, each with its day, what happened, the units it changed and their word diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .addresses import HISTORY_ANCHOR, WebLinks
from .i18n import format_iso_date, list_separator
from .languages import direction, info
from .markup import Markup, macro
from .model import Change, Corpus, Document
from .unitid import unit_label
from .versions import source_language


def kind_words(kind: str, _: Callable[[str], str]) -> str:
    return {"document-added": _("Document added"), "translation-added": _("Translation added"),
            "text-changed": _("Text changed"), "metadata-changed": _("Details changed"),
            "status-changed": _("Status changed")}[kind]


@dataclass
class UnitRow:
    label: str
    href: str
    pieces: tuple[tuple[str, str], ...]


@dataclass
class ChangeRow:
    anchor: str
    date: str  # the day, in the reader's language
    iso: str
    what: str
    note: str | None
    units: list[UnitRow]
    more: list[tuple[str, str]]  # (label, href) of further units changed, without their diff


@dataclass
class HistoryView:
    _: Callable[[str], str]
    anchor: str
    last_changed: str  # the newest change's day, in the reader's language
    last_iso: str
    rows: list[ChangeRow]
    text_lang: str  # the language of the text whose history this is
    text_dir: str
    source_note: str = ""  # a translation: the source changed after its last change


def history_view(corpus: Corpus, doc: Document, lang: str, links: WebLinks, _: Callable[[str], str]) -> HistoryView | None:
    """The history of the text `doc` (in its own language), in the words of `lang`; None where none is recorded."""
    history = corpus.histories.get(doc.id)
    changes = history.of(doc.lang) if history is not None else ()
    if not changes:
        return None
    comma = list_separator(lang)
    present = set(doc.unit_ids())

    def href(unit_id: str) -> str:
        """A unit the text still has is linked; one a change removed is named only."""
        return links.unit(unit_id) if unit_id in present else ""

    def row(c: Change) -> ChangeRow:
        units = [UnitRow(unit_label(u.unit_id, _, comma), href(u.unit_id), u.diff) for u in c.units]
        more = [(unit_label(u, _, comma), href(u)) for u in c.more_units]
        return ChangeRow(c.anchor, format_iso_date(c.date, lang), c.date, kind_words(c.kind, _), c.note, units, more)

    last = changes[-1]
    view = HistoryView(_, HISTORY_ANCHOR, format_iso_date(last.date, lang), last.date,
                       [row(c) for c in reversed(changes)], doc.lang, direction(doc.lang))
    source = source_language(corpus, doc.id)
    if source != doc.lang and history is not None:
        changed = history.last(source)
        if changed is not None and changed.date > last.date:
            view.source_note = _("The source text (%(language)s) changed on %(date)s, after this translation's last change.") % {
                "language": info(source)["name"], "date": format_iso_date(changed.date, lang)}
    return view


def last_changed(view: HistoryView | None) -> Markup:
    return macro("page.html", "last_changed")(view) if view is not None else Markup("")


def history_section(view: HistoryView | None) -> Markup:
    return macro("page.html", "history_section")(view) if view is not None else Markup("")
