"""One language's Atom feed (RFC 4287) of new documents, new translations and changed texts, from the recorded
history only (compendium/history.py): the same content gives the same bytes, whenever it is built.

Each entry links to its change on the document's page (`…/<id>/#change-…`). With the site's address known
(settings.site_url) ids and links are absolute URLs; without it the ids are `tag:` URIs under the reserved
name `compendium.invalid` (stable, but not a web address) and the links are relative to the feed.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from feedgen.feed import FeedGenerator

from . import addresses
from .history import day_stamp
from .history_view import kind_words
from .model import Corpus
from .sitemap import site_root
from .versions import title_version
from .vocabulary import site_title

LIMIT = 50  # the newest entries a feed keeps
IN_FEED = ("document-added", "translation-added", "text-changed")
TAG = "tag:compendium.invalid,2026:"


def feed_entries(corpus: Corpus, lang: str) -> list[tuple[str, str, object]]:
    """(day, document id, change) of this language's files worth a reader's notice, newest first."""
    found = []
    for doc_id, history in corpus.histories.items():
        if corpus.get(doc_id, lang) is None:
            continue
        for change in history.of(lang):
            if change.kind in IN_FEED:
                found.append((change.date, doc_id, change))
    found.sort(key=lambda e: (e[0], e[1], e[2].anchor), reverse=True)
    return found[:LIMIT]


def feed_xml(corpus: Corpus, lang: str, site_url: str, _: Callable[[str], str]) -> bytes:
    root = site_root(site_url, lang)
    here = addresses.feed(lang)

    def href(target: str) -> str:
        return addresses.absolute(root, target) if root else addresses.relative(addresses.home(lang), target)

    def ident(target: str) -> str:
        return addresses.absolute(root, target) if root else TAG + target

    entries = feed_entries(corpus, lang)
    newest = entries[0][0] if entries else "1970-01-01"
    fg = FeedGenerator()
    fg.id(ident(here))
    fg.title(site_title(_))
    fg.language(lang)
    fg.link(href=href(here), rel="self", type="application/atom+xml")
    fg.link(href=href(addresses.home(lang)), rel="alternate", type="text/html")
    fg.updated(_when(newest))
    fg.author(name=site_title(_))
    fg.generator("compendium")  # not the library's own name and web address
    for day, doc_id, change in entries:
        doc = corpus.get(doc_id, lang)
        target = addresses.change_page(doc.ref, lang, change.anchor)
        fe = fg.add_entry(order="append")
        fe.id(ident(target))
        fe.title(f"{title_version(corpus, doc, lang).display_title} — {kind_words(change.kind, _)}")
        fe.link(href=href(target), rel="alternate", type="text/html")
        fe.updated(_when(day))
        if change.note:
            fe.summary(change.note)
    return fg.atom_str(pretty=True)


def _when(day: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(day_stamp(day), dt.timezone.utc)
