"""Check a built site: every internal link leads to a page that exists and to an anchor on it.

Works on the HTML files alone, so it checks what readers get, whatever built them.
"""

from __future__ import annotations

import json
import posixpath
import re
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


# The attribute by which each element makes the browser load something, and the links that load what they name.
LOADED = {"script": "src", "img": "src", "iframe": "src", "frame": "src", "source": "src", "video": "src",
          "audio": "src", "track": "src", "embed": "src", "object": "data", "link": "href", "input": "src"}
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                "manifest", "preconnect", "dns-prefetch", "mask-icon"}


def _loads(rel: str | None) -> bool:
    return bool(set((rel or "").lower().split()) & LOADING_RELS)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.external: list[str] = []
        self.columns: list[str] = []  # the side-by-side view's columns, fetched by compare.js (option data-src)
        self.loaded: list[str] = []  # what the page loads by itself: scripts, styles, images, frames, fonts
        self.modules: int = 0  # scripts of type="module"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        if tag == "option" and values.get("data-src"):
            self.columns.append(values["data-src"] or "")
        loaded = values.get(LOADED.get(tag, "")) if tag != "link" or _loads(values.get("rel")) else None
        if loaded:
            self.loaded.append(loaded)
        if tag == "script" and (values.get("type") or "").strip().lower() == "module":
            self.modules += 1
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


# The United Nations' own sites: the document system (undocs.org, docs.un.org) that the pages link symbols to,
# and the links the UN's texts themselves carry (its Akoma Ntoso files link to docs.un.org and www.un.org, and
# to documents of UN offices: UNODC, and UNHCR under its Spanish name ACNUR).
UN_HOSTS = ("undocs.org", "un.org", "unodc.org", "unhcr.org", "acnur.org")


def _allowed(host: str, allowed_hosts: tuple[str, ...]) -> bool:
    return any(host == allowed or host.endswith("." + allowed) for allowed in allowed_hosts)


def check_site(site: Path, allowed_hosts: tuple[str, ...] = UN_HOSTS) -> tuple[list[BrokenLink], int]:
    """Broken internal links and anchors of every page; external links only to the allowed hosts' pages (a
    host or any of its subdomains)."""
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
            if not _allowed(host, allowed_hosts):
                broken.append(BrokenLink(rel, href, f"external link to {host or href}"))
    for rel, href in _script_targets(site, pages, broken):
        checked += 1
        target, anchor = _target(site, rel, href)
        if target not in pages:
            broken.append(BrokenLink(rel, href, "no such page"))
        elif anchor and anchor not in links(target).ids:
            broken.append(BrokenLink(rel, href, f"no element with id '{anchor}' on {target}"))
    for rel in pages:  # the side-by-side view fetches each offered language's column
        for href in links(rel).columns:
            checked += 1
            target, _anchor = _target(site, rel, href)
            if target.startswith("..") or not (site / target).is_file():
                broken.append(BrokenLink(rel, href, "the side-by-side view's column does not exist"))
    return broken, checked


def _json(path: Path, rel: str, broken: list[BrokenLink]):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        broken.append(BrokenLink(rel, "", f"unreadable JSON: {exc}"))
        return None


def _script_targets(site: Path, pages: dict[str, Path], broken: list[BrokenLink]) -> list[tuple[str, str]]:
    """The links the site's scripts make from its data, as (file, href from that file's folder): every place a
    search result can land (`<lang>/pagefind/fragment/*`: a page's address and each of its anchors) and every
    unit of each document's JSON export (`<lang>/<collection>/<id>/index.json`, beside the page whose
    paragraphs it holds)."""
    from .addresses import fragment
    from .search import OUTPUT, read_fragment

    out: list[tuple[str, str]] = []
    for path in sorted(site.glob(f"*/{OUTPUT}/fragment/*.pf_fragment")):
        rel = path.relative_to(site).as_posix()
        try:
            page = read_fragment(path)
        except (OSError, ValueError) as exc:
            broken.append(BrokenLink(rel, "", f"unreadable search record: {exc}"))
            continue
        page_href = "../../" + str(page.get("url") or "").lstrip("/")  # the url is from the language's root
        out.append((rel, page_href))
        for anchor in page.get("anchors") or []:
            out.append((rel, page_href + fragment(str(anchor.get("id") or ""))))
    for path in sorted(site.glob("*/**/index.json")):
        rel = path.relative_to(site).as_posix()
        if not rel.replace("index.json", "index.html") in pages:
            continue
        data = _json(path, rel, broken)
        for doc in (data.get("documents") or []) if isinstance(data, dict) else []:
            stack = list(doc.get("units") or [])
            while stack:
                unit = stack.pop()
                if isinstance(unit, dict):
                    if unit.get("id"):
                        out.append((rel, "index.html#" + str(unit["id"])))
                    stack.extend(unit.get("children") or [])
    return out


_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:[a-z][a-z0-9+.-]*:)?//[^"')\s]*)""", re.I)


def check_offline(tree: Path, allowed_hosts: tuple[str, ...] = UN_HOSTS) -> tuple[list[BrokenLink], int]:
    """An offline edition unzipped at `tree` (compendium/offline.py): what check_site checks, and what breaks
    opened from file://: a link to a folder (the browser lists the folder instead of opening its page), anything
    loaded from a host (scripts, styles, images, fonts, frames), a script of type="module"."""
    broken, checked = check_site(tree, allowed_hosts)
    for path in sorted(tree.rglob("*.html")):
        rel = path.relative_to(tree).as_posix()
        found = _parse(path)
        for href in found.hrefs:
            checked += 1
            parts = urlsplit(href)
            path = unquote(parts.path)
            if path.startswith("/"):
                broken.append(BrokenLink(rel, href, "from the root: opened from the file system, that is the disk's root"))
            elif path and (path.endswith("/") or (tree / posixpath.dirname(rel) / path).is_dir()):
                broken.append(BrokenLink(rel, href, "a folder: opened from the file system, the browser lists it"))
        for url in found.loaded:
            checked += 1
            if urlsplit(url).scheme.lower() not in ("", "data", "blob") or url.startswith("//"):
                broken.append(BrokenLink(rel, url, "loaded from outside: the offline edition must load nothing from a host"))
        if found.modules:
            broken.append(BrokenLink(rel, 'type="module"', "a module script does not run from the file system"))
    for path in sorted(tree.rglob("*.css")):
        rel = path.relative_to(tree).as_posix()
        for match in _CSS_URL.finditer(path.read_text(encoding="utf-8", errors="replace")):
            checked += 1
            if not match.group(1).lower().startswith("data:"):
                broken.append(BrokenLink(rel, match.group(1), "loaded from outside by a style sheet"))
    return broken, checked
