"""The parts of a page the citation index adds: the lineage banner and the "Cited by" lists.

Interface strings go through the page's gettext `_`; titles are the other documents' titles in the
page's language where that version exists.
"""

from __future__ import annotations

import html
import re
from typing import Callable

from .index import Backlink, CitationIndex

_Gettext = Callable[[str], str]


def unit_label(unit_id: str, _: _Gettext) -> str:
    """A reader's name for a unit id: 'sec-III-para-8-a' → 'section III, paragraph 8 (a)'."""
    tokens = unit_id.split("-")
    parts: list[str] = []
    items: list[str] = []
    words = {"sec": _("section %(n)s"), "para": _("paragraph %(n)s"), "rule": _("rule %(n)s"),
             "article": _("article %(n)s"), "principle": _("principle %(n)s"), "guideline": _("guideline %(n)s"),
             "preamble": _("preamble, paragraph %(n)s"), "fn": _("note %(n)s")}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token == "annex":
            roman = following if following and re.fullmatch(r"[IVXLC]+|\d+", following) else None
            parts.append(_("annex %(n)s") % {"n": roman} if roman else _("annex"))
            i += 2 if roman else 1
        elif token in words and following is not None:
            parts.append(words[token] % {"n": following})
            i += 2
        elif token == "adoption":
            parts.append(_("adoption"))
            i += 1
        elif token in ("h", "text") and following is not None and parts:
            i += 2  # a heading or loose text: its number means nothing to a reader; its container names it
        elif re.fullmatch(r"[A-Z]", token) and parts:
            parts[-1] += f".{token}"  # a sub-section: section IV.A
            i += 1
        elif re.fullmatch(r"[a-z]{1,5}", token) and parts:
            items.append(f"({token})")
            i += 1
        else:
            return unit_id
    return ", ".join(parts) + "".join(f" {item}" for item in items)


def _link(index: CitationIndex, doc_id: str, collection: str, lang: str, unit_id: str | None = None,
          text: str | None = None) -> str:
    href = f"../../{collection}/{doc_id}/" + (f"#{unit_id}" if unit_id else "")
    return f'<a href="{html.escape(href)}">{html.escape(text or index.title(doc_id, lang))}</a>'


def _entries(index: CitationIndex, links: list[Backlink], lang: str, _: _Gettext) -> str:
    by_doc: dict[str, list[Backlink]] = {}
    for link in links:
        by_doc.setdefault(link[0], []).append(link)
    items = []
    for doc_id in sorted(by_doc, key=lambda d: (index.year(d) or "", d)):
        group = by_doc[doc_id]
        collection = group[0][2]
        places = [_link(index, doc_id, collection, lang, unit_id, unit_label(unit_id, _))
                  for _d, unit_id, _c in group if unit_id]
        where = f' <span class="cmp-cited-at">({", ".join(places)})</span>' if places else ""
        items.append(f"<li>{_link(index, doc_id, collection, lang)}{where}</li>")
    return "".join(items)


def cited_by_html(index: CitationIndex, doc_id: str, collection: str, lang: str, _: _Gettext) -> str:
    """For an instrument: the resolutions that adopted, amended or recalled it, then other citing texts.
    For a resolution: every citing text."""
    links = index.backlinks.get(doc_id, [])
    if not links:
        return ""
    groups: list[tuple[str, str, list[Backlink]]] = []
    if collection == "instruments":
        resolutions = [link for link in links if link[2] == "resolutions"]
        others = [link for link in links if link[2] != "resolutions"]
        groups.append(("cmp-adopted-by", _("Adopted, amended or recalled by"), resolutions))
        groups.append(("cmp-cited-by", _("Cited by"), others))
    else:
        groups.append(("cmp-cited-by", _("Cited by"), links))
    out = []
    for css, heading, group in groups:
        if group:
            out.append(f'<section class="{css}"><h2 id="{css[4:]}">{html.escape(heading)}</h2>'
                       f'<ul>{_entries(index, group, lang, _)}</ul></section>')
    return "".join(out)


def lineage_html(index: CitationIndex, doc_id: str, lang: str, _: _Gettext) -> str:
    """'Superseded by the Nelson Mandela Rules (2015)' / 'Replaces the Standard Minimum Rules … (1955)'."""
    lines = []
    for later in index.superseded_by.get(doc_id, []):
        lines.append(("warning", _sentence(index, later, lang, _("Superseded by the %(title)s (%(year)s)"),
                                           _("Superseded by the %(title)s"))))
    for earlier in index.supersedes.get(doc_id, []):
        lines.append(("info", _sentence(index, earlier, lang, _("Replaces the %(title)s (%(year)s)"),
                                        _("Replaces the %(title)s"))))
    if not lines:
        return ""
    kind = "warning" if any(k == "warning" for k, _s in lines) else "info"
    body = "".join(f"<p>{sentence}</p>" for _k, sentence in lines)
    return f'<div class="admonition {kind} cmp-lineage">{body}</div>'


def _sentence(index: CitationIndex, other: str, lang: str, with_year: str, without_year: str) -> str:
    doc = index.document(other, lang)
    collection = doc.collection if doc else "instruments"
    link = _link(index, other, collection, lang, text=index.title(other, lang, short=True))
    year = index.year(other)
    template = with_year if year else without_year
    return html.escape(template).replace("%(title)s", link).replace("%(year)s", html.escape(year or ""))
