"""One document as a chapter of a printed edition, made from the site's Renderer output.

The Renderer writes a web page; a book needs three changes, made here on its HTML rather than by a second
renderer: ids made unique across the book (`para-1` is in every document), footnotes moved to where they are
called (`float: footnote` puts them at the foot of that page), and web-only parts (permalinks) removed.
"""

from __future__ import annotations

import html
import re

from ..model import Document
from ..render import Renderer, inline
from .plan import Entry
from ..languages import direction

_TAG = re.compile(r"<[^>]+>")
_ID_ATTR = re.compile(r'\b(id|aria-labelledby)="([^"]+)"')
_LOCAL_HREF = re.compile(r'\bhref="#([^"]+)"')
_ANCHOR = re.compile(r'\s?<a class="cmp-anchor"[^>]*>¶</a>')
_FNREF = re.compile(r'<sup class="cmp-fnref"><a href="#fn-([^"]+)">[^<]*</a></sup>')
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_SITE_LINK = re.compile(r'href="\.\./\.\./(?:instruments|resolutions)/([a-z0-9-]+)/"')


def doc_anchor(doc_id: str) -> str:
    return f"doc-{doc_id}"


def prefix_ids(fragment: str, prefix: str) -> str:
    """Every id and same-page link of one document gets the document's prefix; only inside tags, never in text."""
    def tag(m: re.Match) -> str:
        t = _ID_ATTR.sub(lambda a: f'{a.group(1)}="{prefix}{a.group(2)}"', m.group(0))
        return _LOCAL_HREF.sub(lambda a: f'href="#{prefix}{a.group(1)}"', t)
    return _TAG.sub(tag, fragment)


def shift_headings(fragment: str, by: int = 1) -> str:
    """The web page's h2 sections sit under the chapter's own h2 title in the book."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + by)}", fragment)


def lang_attrs(doc: Document, fallback: bool) -> str:
    """A text shown in its source language says so, for fonts, hyphenation, direction and screen readers."""
    return f' lang="{doc.lang}" dir="{direction(doc.lang)}"' if fallback else ""


def running_title(doc: Document) -> str:
    """The running header: the short title, else the symbol, else the title."""
    symbol = doc.metadata.get("symbol")
    symbol = symbol[0] if isinstance(symbol, list) and symbol else symbol
    return str(doc.metadata.get("short_title") or symbol or doc.title)


class Chapter:
    """The HTML of one document for one language's editions (the same in the full, cluster and own edition)."""

    def __init__(self, entry: Entry, lang: str):
        self.entry = entry
        self.doc = entry.doc
        self.lang = lang
        self.renderer = Renderer(entry.doc, lang)
        self._ = self.renderer._

    def body(self) -> str:
        r = self.renderer
        if not self.doc.has_text:
            return r.body()  # the "text not yet available" note
        units = "".join(r.unit(u) for u in self.doc.units)
        used: set[str] = set()

        def note(m: re.Match) -> str:
            label = html.unescape(m.group(1))
            if label in used:  # called twice: the second call points at the first
                return m.group(0)
            used.add(label)
            text = inline(r.footnotes[label].text, r.footnotes, r.missing)
            safe = html.escape(label)
            return f'<span class="cmp-fn" id="fn-{safe}" data-call="{safe}">{text}</span>'

        units = _FNREF.sub(note, units)
        # A note nobody calls still belongs to the text: it is listed after it, as on the web page.
        orphans = [u for u in self.doc.units if u.kind == "footnote" and u.number not in used]
        notes = ""
        if orphans:
            items = "".join(f'<li id="fn-{html.escape(u.number or "")}"><span class="cmp-num">'
                            f'{html.escape(u.number or "")}</span> {inline(u.text, r.footnotes, r.missing)}</li>'
                            for u in orphans)
            notes = f'<section class="cmp-footnotes"><h2 class="cmp-notes-title">{html.escape(self._("Notes"))}</h2>' \
                    f'<ol>{items}</ol></section>'
        return f'<div class="cmp-body">{units}</div>{notes}'

    def metadata(self) -> str:
        # Links to other documents' pages become links to their chapters (dropped later if not in the edition).
        return _SITE_LINK.sub(lambda m: f'href="#{doc_anchor(m.group(1))}"', self.renderer.metadata())

    def notice(self) -> str:
        if not self.entry.fallback:
            return ""
        _ = self._
        return (f'<div class="cmp-fallback"><p class="cmp-fallback-title">{html.escape(_("Not yet available in this language"))}'
                f'</p><p>{html.escape(_("This text is shown in its source language until a translation is published."))}</p></div>')

    def html(self) -> str:
        doc, attrs = self.doc, lang_attrs(self.doc, self.entry.fallback)
        body = shift_headings(_ANCHOR.sub("", prefix_ids(self.body(), f"{doc.id}--")))
        short = doc.metadata.get("short_title")
        short_html = f'<p class="cmp-short-title"{attrs}>{html.escape(short)}</p>' if short else ""
        return (f'<article class="cmp-doc cmp-{doc.collection}" id="{doc_anchor(doc.id)}">'
                f'<h2 class="cmp-doc-title"{attrs} data-running="{html.escape(running_title(doc))}">'
                f'{html.escape(doc.title)}</h2>{short_html}{self.metadata()}{self.notice()}'
                f'<div class="cmp-document"{attrs}>{body}</div></article>')
