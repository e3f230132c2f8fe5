"""What readers see of the state of a translation: the draft label, outdated paragraphs, the status matrix."""

from __future__ import annotations

import html
import re
from typing import Callable

from .languages import info
from .translating import CatalogStatus, TranslationState

def state_label(status: str, _: Callable[[str], str]) -> str:
    labels = {"missing": _("not translated"), "invalid": _("being corrected"), "outdated": _("outdated"),
              "untracked": _("not tracked"), "draft": _("draft"), "translated": _("translated"),
              "reviewed": _("reviewed"), "official": _("official text"), "no-source-text": _("no text yet"),
              "no-source": _("source missing"), "source": _("source text")}
    return labels.get(status, status)


def banner(state: TranslationState | None, _: Callable[[str], str]) -> str:
    """A notice at the top of a translated page that is a draft or has outdated paragraphs."""
    if state is None:
        return ""
    if state.status == "draft" or state.recorded_status == "draft":
        return (f'<div class="admonition warning cmp-draft"><p class="admonition-title">{html.escape(_("Draft translation"))}</p>'
                f'<p>{html.escape(_("This translation is a draft: it has not been reviewed."))}</p></div>')
    if state.status == "outdated":
        return (f'<div class="admonition warning cmp-outdated-notice"><p class="admonition-title">'
                f'{html.escape(_("Parts of this translation are outdated"))}</p><p>'
                f'{html.escape(_("The source text changed after this translation was made. Outdated paragraphs are marked and link to the current source text."))}'
                f'</p></div>')
    return ""


def mark_outdated(page_html: str, state: TranslationState | None, source_page: str, _: Callable[[str], str]) -> str:
    """Mark each outdated unit on the page, with a link to the same unit in the current source text."""
    if state is None or not state.outdated_units:
        return page_html
    source_name = info(state.source_language)["name"] if state.source_language else ""
    for uid in state.outdated_units:
        note = (f'<p class="cmp-outdated-note">{html.escape(_("Outdated: the source of this paragraph has changed."))} '
                f'<a href="{html.escape(source_page)}#{html.escape(uid)}" hreflang="{state.source_language}">'
                f'{html.escape(_("Current source text"))} ({html.escape(source_name)})</a></p>')
        opening = re.search(rf'<(div|h[1-6])( class="([^"]*)")? id="{re.escape(uid)}">', page_html)
        if not opening:
            continue
        tag, classes = opening.group(1), opening.group(3) or ""
        new_open = f'<{tag} class="{classes} cmp-outdated" id="{uid}">'.replace('class=" ', 'class="')
        if tag == "div":
            page_html = page_html[:opening.start()] + new_open + note + page_html[opening.end():]
        else:  # a heading: the note goes after it
            close = page_html.index(f"</{tag}>", opening.end()) + len(f"</{tag}>")
            page_html = (page_html[:opening.start()] + new_open + page_html[opening.end():close] + note +
                         page_html[close:])
    return page_html


def status_matrix(states: list[TranslationState], catalogs: list[CatalogStatus], languages: list[str],
                  titles: dict[str, str], _: Callable[[str], str]) -> str:
    """The documents × languages table of the status page."""
    by_doc: dict[str, dict[str, TranslationState]] = {}
    for s in states:
        by_doc.setdefault(s.document, {})[s.lang] = s
    head = "".join(f'<th scope="col" lang="{l}">{html.escape(info(l)["name"])}</th>' for l in languages)
    rows = []
    for doc_id, cells in by_doc.items():
        first = next(iter(cells.values()))
        link = f'<a href="../{first.collection}/{doc_id}/">{html.escape(titles.get(doc_id, doc_id))}</a>'
        tds = "".join(f'<td class="cmp-state cmp-state-{html.escape(cells[l].status)}">'
                      f'{html.escape(state_label(cells[l].status, _))}'
                      f'{_count(cells[l], _)}</td>' if l in cells else "<td></td>" for l in languages)
        rows.append(f'<tr><th scope="row">{link}</th>{tds}</tr>')
    cat = {c.lang: c for c in catalogs}
    catalog_cells = "".join(
        f'<td class="cmp-state cmp-state-{html.escape(cat[l].status)}">{html.escape(_catalog_label(cat[l], _))}</td>'
        if l in cat else "<td></td>" for l in languages)
    rows.append(f'<tr class="cmp-catalog-row"><th scope="row">{html.escape(_("Interface (gettext catalog)"))}</th>'
                f'{catalog_cells}</tr>')
    return (f'<h1>{html.escape(_("Translation status"))}</h1>'
            f'<p>{html.escape(_("Each document in each language: whether its text is translated, reviewed or official, and whether the source changed since."))}</p>'
            f'<div class="md-typeset__table cmp-status"><table><thead><tr><th scope="col">{html.escape(_("Document"))}</th>'
            f'{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _count(state: TranslationState, _: Callable[[str], str]) -> str:
    if state.status == "outdated" and state.outdated_units:
        return f' <span class="cmp-note">({len(state.outdated_units)})</span>'
    return ""


def _catalog_label(c: CatalogStatus, _: Callable[[str], str]) -> str:
    if c.status == "incomplete":
        return _("%(done)d of %(total)d strings") % {"done": c.total - c.untranslated - c.fuzzy, "total": c.total}
    return {"complete": _("complete"), "missing": _("not translated"), "source": _("source text"),
            "invalid": _("being corrected")}.get(c.status, c.status)
