"""Check a built site: every internal link leads to a page that exists and to an anchor on it.

Works on the HTML files alone, so it checks what readers get, whatever built them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Links the theme's scripts answer themselves, not pages or anchors.
SCRIPT_ANCHORS = {"", "__skip", "__search", "__drawer", "__consent"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # path of the page in the site, e.g. "en/resolutions/ecosoc-1993-34/index.html"
    href: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        href = values.get("href") if tag in ("a", "link") else values.get("src") if tag in ("script", "img") else None
        if href is None:
            return
        if urlsplit(href).scheme or href.startswith("//"):
            self.external.append(href)
        else:
            self.hrefs.append(href)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target(site: Path, page: str, href: str) -> tuple[str, str]:
    """The file a relative or root-relative link leads to, and its anchor."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        base = "" if path.startswith("/") else posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, unquote(parts.fragment)


def check_site(site: Path, allowed_hosts: tuple[str, ...] = ("undocs.org",)) -> tuple[list[BrokenLink], int]:
    """Broken internal links and anchors of every page; external links only to the allowed hosts' pages."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed: dict[str, _Links] = {}

    def links(rel: str) -> _Links:
        if rel not in parsed:
            parsed[rel] = _parse(pages[rel])
        return parsed[rel]

    broken: list[BrokenLink] = []
    checked = 0
    for rel in pages:
        if rel.endswith("404.html"):  # written for any address; its links are root-relative by design
            continue
        found = links(rel)
        for href in found.hrefs:
            checked += 1
            target, anchor = _target(site, rel, href)
            if target.startswith(".."):
                broken.append(BrokenLink(rel, href, "leads outside the site"))
            elif target.endswith(".html") and target not in pages:
                broken.append(BrokenLink(rel, href, "no such page"))
            elif not target.endswith(".html") and not (site / target).exists():
                broken.append(BrokenLink(rel, href, "no such file"))
            elif anchor and anchor not in SCRIPT_ANCHORS and target.endswith(".html") and anchor not in links(target).ids:
                broken.append(BrokenLink(rel, href, f"no element with id '{anchor}' on {target}"))
        for href in found.external:
            checked += 1
            host = urlsplit(href if "//" in href else "").hostname or ""
            if href.startswith(("mailto:",)):
                continue
            if host not in allowed_hosts:
                broken.append(BrokenLink(rel, href, f"external link to {host or href}"))
    return broken, checked
