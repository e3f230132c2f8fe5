"""sitemap.xml of one language, with the other languages of each page as hreflang alternates."""

from __future__ import annotations

from typing import Mapping
from xml.sax.saxutils import escape, quoteattr

from .addresses import absolute, in_site
from .languages import known_languages
from .model import Corpus
from .versions import own_version


def alternates(corpus: Corpus, doc_id: str | None) -> list[str]:
    """Languages in which a page exists in its own language (not as a fallback)."""
    return [l for l in known_languages() if doc_id is None or own_version(corpus, doc_id, l)]


def sitemap_xml(corpus: Corpus, lang: str, pages: Mapping[str, object], site_url: str) -> str:
    """`pages`: path inside the language's site → page. `site_url`: the root of all languages' sites."""
    root = site_url.rstrip("/")
    if root.endswith(f"/{lang}"):
        root = root[: -len(lang) - 1]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path, page in sorted(pages.items()):
        if getattr(page, "fallback", False):
            continue
        doc = getattr(page, "document", None)
        langs = alternates(corpus, doc.id if doc is not None else None)
        lines.append(f"  <url><loc>{escape(absolute(root, in_site(lang, path)))}</loc>")
        for alt in langs:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt}" href={quoteattr(absolute(root, in_site(alt, path)))}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
