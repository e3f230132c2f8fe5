"""What readers see of the state of a translation: the draft label, outdated paragraphs, the status matrix."""

from __future__ import annotations

from typing import Callable

from .addresses import DocRef
from .languages import info
from .markup import Markup, macro
from .translating import CatalogStatus, TranslationState

def state_label(status: str, _: Callable[[str], str]) -> str:
    labels = {
        # TRANSLATORS: the state of one document's translation in one language, in the status table's cells:
        # words describing "the translation" (agree with it where the language needs it).
        "missing": _("not translated"), "invalid": _("being corrected"), "outdated": _("outdated"),
        # TRANSLATORS: states of a translation, as above ("draft": a translation still being made).
        "untracked": _("not tracked"), "draft": _("draft"), "translated": _("translated"),
        # TRANSLATORS: states of a translation, as above ("official text": the United Nations' own text).
        "reviewed": _("reviewed"), "official": _("official text"), "no-source-text": _("no text yet"),
        # TRANSLATORS: states of a translation, as above ("source text": this language is the original).
        "no-source": _("source missing"), "source": _("source text")}
    return labels.get(status, status)


def banner(state: TranslationState | None, _: Callable[[str], str]) -> Markup:
    """A notice at the top of a translated page that is a draft or has outdated paragraphs."""
    if state is None:
        return Markup("")
    if state.status == "draft" or state.recorded_status == "draft":
        return macro("page.html", "draft_banner")(_)
    if state.status == "outdated":
        return macro("page.html", "outdated_banner")(_)
    return Markup("")


def status_matrix(states: list[TranslationState], catalogs: list[CatalogStatus], languages: list[str],
                  titles: dict[str, str], _: Callable[[str], str], href: Callable[[DocRef], str]) -> Markup:
    """The documents × languages table of the status page."""
    by_doc: dict[str, dict[str, TranslationState]] = {}
    for s in states:
        by_doc.setdefault(s.document, {})[s.lang] = s
    rows = []
    for doc_id, cells in by_doc.items():
        first = next(iter(cells.values()))
        states_row = [(cells[l].status, state_label(cells[l].status, _),
                       len(cells[l].outdated_units) if cells[l].status == "outdated" else 0) if l in cells else None
                      for l in languages]
        rows.append((href(DocRef(first.collection, doc_id)), titles.get(doc_id, doc_id), states_row))
    cat = {c.lang: c for c in catalogs}
    catalog_row = [(cat[l].status, _catalog_label(cat[l], _)) if l in cat else None for l in languages]
    names = [(l, info(l)["name"]) for l in languages]
    return macro("status.html", "matrix")(_, names, rows, catalog_row)


def _catalog_label(c: CatalogStatus, _: Callable[[str], str]) -> str:
    if c.status == "incomplete":
        # TRANSLATORS: an interface catalog's progress, e.g. "63 of 146 strings" translated.
        return _("%(done)d of %(total)d strings") % {"done": c.total - c.untranslated - c.fuzzy, "total": c.total}
    return {"complete": _("complete"), "missing": _("not translated"), "source": _("source text"),
            "invalid": _("being corrected")}.get(c.status, c.status)
