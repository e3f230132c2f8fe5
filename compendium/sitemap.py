"""sitemap.xml of one language, with the other languages of each page as hreflang alternates; and the same
alternates, with a canonical address, for the head of each page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .addresses import absolute, feed, in_site, relative
from .languages import known_languages
from .markup import template
from .model import Corpus
from .versions import own_version, pick


def alternates(corpus: Corpus, doc_id: str | None) -> list[str]:
    """Languages in which a page exists in its own language (not as a fallback)."""
    return [l for l in known_languages() if doc_id is None or own_version(corpus, doc_id, l)]


def site_root(site_url: str, lang: str) -> str:
    """The root of all languages' sites, from the site URL of all sites or of one language ("" if unknown)."""
    root = site_url.rstrip("/")
    if root.rsplit("/", 1)[-1] == lang:  # the site URL of one language
        root = root[: -len(lang) - 1]
    return root


def sitemap_xml(corpus: Corpus, lang: str, pages: Mapping[str, object], site_url: str) -> str | None:
    """`pages`: path inside the language's site → page. `site_url`: the root of all languages' sites.
    None without a site URL: the sitemap protocol wants absolute addresses, and a sitemap of relative ones
    is invalid; the build then publishes none (and says so)."""
    root = site_root(site_url, lang)
    if not root:
        return None
    urls = []
    for path, page in sorted(pages.items()):
        if getattr(page, "fallback", False):
            continue
        doc = getattr(page, "document", None)
        langs = alternates(corpus, doc.id if doc is not None else None)
        urls.append((absolute(root, in_site(lang, path)), [(alt, absolute(root, in_site(alt, path))) for alt in langs]))
    return template("sitemap.xml").render(urls=urls).rstrip("\n") + "\n"


@dataclass(frozen=True)
class HeadLinks:
    """The canonical address of one page and its hreflang alternates (x-default last): absolute when the
    site URL is known, else relative to the page."""
    canonical: str
    alternates: list[tuple[str, str]]
    feed: str = ""  # the language's Atom feed of new and changed documents
    lang: str = ""  # the page's language, the feed's


def head_links(corpus: Corpus, lang: str, path: str, doc_id: str | None, site_url: str) -> HeadLinks:
    """`path`: the page inside the language's site ("resolutions/ecosoc-1993-34/"). The alternates are the
    languages that have a text of the page's document (every language for other pages), as in the sitemap,
    and x-default, the root language chooser."""
    root = site_root(site_url, lang)
    here = in_site(lang, path)

    def href(target: str) -> str:
        return absolute(root, target) if root else relative(here, target)

    langs = alternates(corpus, doc_id)
    links = [(alt, href(in_site(alt, path))) for alt in langs]
    links.append(("x-default", href("")))
    canonical = here
    if doc_id is not None and corpus is not None:
        shown, fallback = pick(corpus, doc_id, lang)
        if fallback:  # the text in another language: that language's page is the one to index
            canonical = in_site(shown.lang, path)
    return HeadLinks(href(canonical), links, href(feed(lang)), lang)
