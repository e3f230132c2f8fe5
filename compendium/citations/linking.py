"""Wrap mentions in the rendered HTML of a unit in links, touching only text outside links.

The fragment comes from the renderer: sanitized, well-formed, no comments or scripts. Tags are copied
as they are; a text node is split only where it holds a mention, and its pieces are escaped again, so
an entity is never cut in two. Nothing inside <a> (a Markdown link, a footnote reference), <sup> or
<code> is linked.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup
from typing import Callable, Iterable

_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
_SKIP = {"a", "sup", "code"}

# (start, end, href, title) in the plain text of one text node
Link = tuple[int, int, str, str]


def link_html(fragment: str, find: Callable[[str], Iterable[Link]], may: Callable[[str], bool]) -> str:
    """`may(text)` is a cheap test that the text can hold a mention; `find(text)` gives the links."""
    if not may(fragment):
        return fragment
    out: list[str] = []
    skipping: list[str] = []
    for token in _TOKEN.findall(fragment):
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag:
                closing, name = tag.group(1) == "/", tag.group(2).lower()
                if name in _SKIP and not token.rstrip().endswith("/>"):
                    if closing:
                        if name in skipping:
                            del skipping[len(skipping) - 1 - skipping[::-1].index(name):]
                    else:
                        skipping.append(name)
            out.append(token)
            continue
        if skipping or not may(token):
            out.append(token)
            continue
        out.append(_link_text(token, find))
    return "".join(out)


def _link_text(node: str, find: Callable[[str], Iterable[Link]]) -> str:
    text = html.unescape(node)
    links = sorted(find(text))
    if not links:
        return node
    pieces, at = [], 0
    for start, end, href, title in links:
        if start < at or end <= start:
            continue  # overlapping: the first one wins
        pieces.append(html.escape(text[at:start], quote=False))
        pieces.append(Markup('<a class="cmp-cite" href="{}"{}>{}</a>').format(
            href, Markup(' title="{}"').format(title) if title else "", text[start:end]))
        at = end
    pieces.append(html.escape(text[at:], quote=False))
    return "".join(pieces)
