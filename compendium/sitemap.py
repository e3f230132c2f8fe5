"""sitemap.xml of one language, with the other languages of each page as hreflang alternates."""

from __future__ import annotations

from typing import Mapping

from .addresses import absolute, in_site
from .languages import known_languages
from .markup import template
from .model import Corpus
from .versions import own_version


def alternates(corpus: Corpus, doc_id: str | None) -> list[str]:
    """Languages in which a page exists in its own language (not as a fallback)."""
    return [l for l in known_languages() if doc_id is None or own_version(corpus, doc_id, l)]


def sitemap_xml(corpus: Corpus, lang: str, pages: Mapping[str, object], site_url: str) -> str:
    """`pages`: path inside the language's site → page. `site_url`: the root of all languages' sites."""
    root = site_url.rstrip("/")
    if root.rsplit("/", 1)[-1] == lang:  # the site URL of one language
        root = root[: -len(lang) - 1]
    urls = []
    for path, page in sorted(pages.items()):
        if getattr(page, "fallback", False):
            continue
        doc = getattr(page, "document", None)
        langs = alternates(corpus, doc.id if doc is not None else None)
        urls.append((absolute(root, in_site(lang, path)), [(alt, absolute(root, in_site(alt, path))) for alt in langs]))
    return template("sitemap.xml").render(urls=urls).rstrip("\n") + "\n"
