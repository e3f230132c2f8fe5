"""Render a document to HTML: metadata panel, units with permalinks, footnotes. Used by the site and the PDFs."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Callable

import markdown
import nh3

from .body import FOOTNOTE_REF
from .citations.sections import cited_by_html, lineage_html
from .i18n import format_iso_date, gettext_for
from .model import Document, Unit

if TYPE_CHECKING:
    from .citations import CitationIndex

ALLOWED_TAGS = {"a", "em", "strong", "sup", "sub", "br", "span", "code", "abbr", "p"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "id", "class"}, "sup": {"class", "id", "title"}, "span": {"class", "lang"},
                      "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_MARKUP = re.compile(r"[*_`\[<&\\]")
_md = markdown.Markdown(extensions=[], output_format="html")

HEADING_TAG = {"section": "h2", "annex": "h2", "subsection": "h3", "heading": "h3", "article": "h3", "rule": "h3",
               "principle": "h3", "guideline": "h3", "recommendation": "h3"}


def sanitize(fragment: str) -> str:
    """Whatever an editor typed, no script, handler or javascript: link reaches a page."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None)


def inline(text: str, footnotes: dict[str, Unit], missing_title: str) -> str:
    """Markdown inline text → safe HTML, footnote references → links to the notes."""
    if _MARKUP.search(text):
        _md.reset()
        out = _md.convert(text)
        out = out.removeprefix("<p>").removesuffix("</p>")
    else:
        out = html.escape(text, quote=False)

    def ref(m: re.Match) -> str:
        label = m.group(1)
        safe = html.escape(label)
        if label in footnotes:
            return f'<sup class="cmp-fnref"><a href="#fn-{safe}">{safe}</a></sup>'
        return f'<sup class="cmp-fnref cmp-fnref-missing" title="{html.escape(missing_title)}">{safe}</sup>'

    out = FOOTNOTE_REF.sub(ref, out)
    return sanitize(out)


def paragraphs(text: str, footnotes: dict[str, Unit], missing: str,
               post: Callable[[str], str] | None = None) -> str:
    """Paragraphs split on blank lines; a line break kept in a paragraph (the adoption line) stays one.
    `post` is applied to each line's HTML (the renderer links citations with it)."""
    parts = [p for p in text.split("\n\n") if p.strip()]
    post = post or (lambda out: out)
    return "".join("<p>" + "<br>".join(post(inline(line, footnotes, missing)) for line in p.split("\n")) + "</p>"
                   for p in parts)


class Renderer:
    def __init__(self, doc: Document, lang: str | None = None, citations: "CitationIndex | None" = None):
        """`citations` is the corpus-level index (compendium.citations.citation_index(corpus)), built once per
        build: with it, mentions of resolutions and instruments are linked, and the page gets its lineage
        banner and its "Cited by" lists."""
        self.doc = doc
        self.lang = lang or doc.lang
        self.citations = citations
        self._ = gettext_for(self.lang)
        self.footnotes = {u.number: u for u in doc.units if u.kind == "footnote" and u.number}
        self.missing = self._("The text of this footnote is not in the source.")

    def inline(self, text: str) -> str:
        """A unit's inline Markdown → sanitized HTML, with its citations linked."""
        out = inline(text, self.footnotes, self.missing)
        return self.citations.link(out, self.doc, self.lang) if self.citations else out

    def paragraphs(self, text: str) -> str:
        post = (lambda out: self.citations.link(out, self.doc, self.lang)) if self.citations else None
        return paragraphs(text, self.footnotes, self.missing, post)

    def lineage(self) -> str:
        """A banner: 'Superseded by the Nelson Mandela Rules (2015)' / 'Replaces the … (1955)'."""
        return lineage_html(self.citations, self.doc.id, self.lang, self._) if self.citations else ""

    def cited_by(self) -> str:
        """'Adopted, amended or recalled by' (instruments) and 'Cited by': the citing paragraphs, linked."""
        return cited_by_html(self.citations, self.doc.id, self.doc.collection, self.lang, self._) \
            if self.citations else ""

    def anchor(self, unit: Unit) -> str:
        label = self._("Permalink to this paragraph")
        return f'<a class="cmp-anchor" href="#{unit.id}" title="{html.escape(label)}" aria-label="{html.escape(label)}">¶</a>'

    def unit(self, unit: Unit, depth: int = 0) -> str:
        uid = html.escape(unit.id)
        if unit.kind in HEADING_TAG:
            tag = HEADING_TAG[unit.kind] if depth < 2 else "h4"
            head = f'<{tag} class="cmp-heading" id="{uid}">{self.inline(unit.heading or "")} ' \
                   f'{self.anchor(unit)}</{tag}>'
            body = self.paragraphs(unit.text) if unit.text else ""
            children = "".join(self.unit(c, depth + 1) for c in unit.children)
            if unit.kind == "heading":
                return head
            return f'<section class="cmp-{unit.kind}" aria-labelledby="{uid}">{head}{body}{children}</section>'
        if unit.kind == "footnote":
            return ""
        number = ""
        if unit.kind == "paragraph":
            number = f'<span class="cmp-num">{html.escape(unit.number or "")}.</span>'
        elif unit.kind in ("item", "subitem"):
            number = f'<span class="cmp-num">({html.escape(unit.number or "")})</span>'
        text = self.paragraphs(unit.text)
        children = "".join(self.unit(c, depth + 1) for c in unit.children)
        kids = f'<div class="cmp-children">{children}</div>' if children else ""
        return (f'<div class="cmp-unit cmp-{unit.kind}" id="{uid}">{number}<div class="cmp-text">{text}</div>'
                f'{self.anchor(unit)}{kids}</div>')

    def body(self) -> str:
        if not self.doc.has_text:
            return (f'<div class="admonition note cmp-notext"><p class="admonition-title">{self._("Text not yet available")}</p>'
                    f'<p>{self._("The text of this document is not yet in the compendium. Its facts are listed above.")}</p></div>'
                    f'{self.cited_by()}')
        units = "".join(self.unit(u) for u in self.doc.units)
        return f'<div class="cmp-body">{units}</div>{self.footnote_list()}{self.cited_by()}'

    def footnote_list(self) -> str:
        notes = [u for u in self.doc.units if u.kind == "footnote"]
        if not notes:
            return ""
        items = "".join(
            f'<li id="fn-{html.escape(u.number or "")}" class="cmp-footnote"><span class="cmp-num">{html.escape(u.number or "")}</span> '
            f'{self.inline(u.text)} {self.anchor(u)}</li>' for u in notes)
        return f'<section class="cmp-footnotes"><h2 id="notes">{self._("Notes")}</h2><ol>{items}</ol></section>'

    # -- metadata --------------------------------------------------------
    def metadata(self) -> str:
        _ = self._
        meta = self.doc.metadata
        unverified = meta.get("verified", True)
        flag = f' <span class="cmp-unverified">{_("unverified")}</span>'

        def mark(key: str) -> str:
            return flag if unverified is False or (isinstance(unverified, list) and key in unverified) else ""

        rows: list[tuple[str, str]] = []
        adopted = meta.get("adopted_by")
        if adopted:
            entries = adopted if isinstance(adopted, list) else [adopted]
            rows.append((_("Adopted by"), "<br>".join(self.adoption(e) for e in entries) + mark("adopted_by")))
        symbols = meta.get("symbol")
        if symbols:
            symbols = symbols if isinstance(symbols, list) else [symbols]
            links = ", ".join(f'<a href="https://undocs.org/{html.escape(s)}" rel="noopener">{html.escape(s)}</a>'
                              for s in symbols)
            rows.append((_("Symbol"), links + mark("symbol")))
        if meta.get("cluster"):
            rows.append((_("Cluster"), html.escape(cluster_name(meta["cluster"], _)) + mark("cluster")))
        rows.append((_("Status"), html.escape(status_name(meta.get("status", "in-force"), _))))
        for key, label in (("supersedes", _("Supersedes")), ("superseded_by", _("Superseded by"))):
            if meta.get(key):
                other = str(meta[key])
                name = self.citations.title(other, self.lang) if self.citations is not None else other
                rows.append((label, f'<a href="../../instruments/{html.escape(other)}/">{html.escape(name)}</a>'))
        completeness = completeness_name(meta.get("completeness", "none"), _)
        note = f'<br><bdi class="cmp-note" lang="{self.doc.lang}">{html.escape(meta["completeness_note"])}</bdi>' if meta.get("completeness_note") else ""
        rows.append((_("Completeness"), html.escape(completeness) + note))
        if meta.get("source"):
            rows.append((_("Source"), html.escape(meta["source"])))
        if unverified is not True:
            rows.append((_("Verification"), html.escape(_("Some facts on this page are not yet confirmed.")) +
                         (f'<br><bdi class="cmp-note" lang="{self.doc.lang}">{html.escape(meta["verification_note"])}</bdi>'
                          if meta.get("verification_note") else "")))
        if meta.get("corrections"):
            items = "".join(f'<li lang="{self.doc.lang}">{html.escape(c)}</li>' for c in meta["corrections"])
            rows.append((_("Corrections"), f"<ul>{items}</ul>"))
        body = "".join(f"<dt>{html.escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
        return f'{self.lineage()}<dl class="cmp-meta">{body}</dl>'

    def adoption(self, entry: dict) -> str:
        parts = []
        if entry.get("body"):
            parts.append(html.escape(body_name(entry["body"], self._)))
        if entry.get("resolution"):
            parts.append(html.escape(self._("resolution %(number)s") % {"number": entry["resolution"]}))
        if entry.get("meeting"):
            parts.append(html.escape(str(entry["meeting"])))
        if entry.get("date"):
            parts.append(html.escape(format_iso_date(entry["date"], self.lang)))
        if not parts and entry.get("text"):
            parts.append(f'<bdi lang="{self.doc.lang}">{html.escape(entry["text"])}</bdi>')
        text = ", ".join(parts)
        if entry.get("text") and (entry.get("body") or entry.get("resolution")):
            text += f' <bdi class="cmp-note" lang="{self.doc.lang}">({html.escape(entry["text"])})</bdi>'
        return text


def cluster_name(cluster: str, _: Callable[[str], str]) -> str:
    return {
        "custody": _("Persons in custody, non-custodial sanctions, juvenile and restorative justice"),
        "cooperation": _("International cooperation"),
        "prevention": _("Crime prevention and victim issues"),
        "governance": _("Good governance, independence of the judiciary, integrity of criminal justice personnel"),
    }.get(cluster, cluster)


def status_name(status: str, _: Callable[[str], str]) -> str:
    return {"in-force": _("in force"), "superseded": _("superseded"), "draft": _("draft")}.get(status, status)


def completeness_name(value: str, _: Callable[[str], str]) -> str:
    return {"complete": _("complete text"), "partial": _("partial text"),
            "none": _("catalogue record: text not yet in the compendium")}.get(value, value)


def body_name(body: str, _: Callable[[str], str]) -> str:
    return {"ecosoc": _("Economic and Social Council"), "ga": _("General Assembly"),
            "congress": _("United Nations Congress on the Prevention of Crime"),
            "commission": _("Commission on Crime Prevention and Criminal Justice")}.get(body, body)
