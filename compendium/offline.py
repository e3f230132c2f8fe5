"""The offline edition: one language's site as a zip that works opened from the file system (file://), no server.

Made by `compendium build` from the staged site, after the PDFs are in (offline_editions), one zip per language
at addresses.offline_zip. What a page opened from file:// cannot do, and what the edition does instead:
- a folder URL (`../status/`) opens a folder listing: every internal link names its file (`../status/index.html`),
  fragments and queries kept;
- links to another language's site, which is not in the zip, lead to the published site when its address is
  known (settings.site_url), else become plain text;
- Pagefind's module import and fetches are refused: the search reads `search-offline.js`, a classic script with
  each paragraph's text (compendium.js uses it when `location.protocol` is "file:");
- the side-by-side view fetches the other language's column: each column the language's pages offer is in the
  zip as a classic script at the same place (`<lang>/<collection>/<id>/parallel.js`, compare.js loads it);
- the zip's root `index.html` opens the language's home.
The zip is deterministic: entries sorted, timestamps the edition's day, fixed permissions.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
import stat
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Callable
from urllib.parse import unquote, urlsplit

import lxml.html

from . import addresses, atomic
from .i18n import gettext_for
from .languages import direction, info
from .markup import escape, macro, template
from .vocabulary import SITE_TITLE

SEARCH_FOLDER = "pagefind"  # the online search index: useless from file://, left out
# Attributes that hold an address, by element.
URL_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "iframe": "src",
                  "source": "src", "video": "src", "audio": "src", "track": "src", "embed": "src", "object": "data"}
RESOURCE_TAGS = {"link", "script", "img", "iframe", "source", "video", "audio", "track", "embed", "object"}
# Compressing a PDF or a zip again gains nothing.
STORED = (".pdf", ".zip", ".png", ".jpg", ".jpeg", ".woff", ".woff2", ".gz")
SEARCH_GLOBAL = "cmpOfflineSearch"
COLUMN_CALLBACK = "cmpColumn"
_SPACE = re.compile(r"\s+")


def rewrite_href(href: str, page: str, exists: Callable[[str], bool], is_dir: Callable[[str], bool],
                 site_url: str = "") -> str | None:
    """The href `href` of the file `page` (a path from the site root) becomes in the offline tree: a link to a
    file of the tree names that file; a link to what the tree lacks goes to the published site, or is None
    (no link: the text stays) when its address is unknown. Fragments, queries and outside URLs are kept."""
    if not href or href.startswith("#"):
        return href
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return href  # mailto:, https://undocs.org/…: links out are the checker's business
    path = unquote(parts.path)
    if not path:  # "?compare=fr": this page
        return href
    base = "" if path.startswith("/") else posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if target == ".":
        target = ""
    if target == ".." or target.startswith("../"):
        return None  # above the site: nowhere
    folder = path.endswith("/") or target == "" or is_dir(target)
    file = posixpath.join(target, "index.html") if folder else target
    if exists(file):
        return addresses.file_href(page, file, parts.query, parts.fragment)
    if site_url:
        online = (target + "/" if folder and target else target) + ("#" + parts.fragment if parts.fragment else "")
        return addresses.absolute(site_url, online)
    return None


def _unlink(el) -> None:
    """A link that leads nowhere becomes its text: `<a>` a `<span>` with the same content; anything else goes."""
    if el.tag in ("a", "area"):
        el.tag = "span"
        for name in ("href", "hreflang", "type", "rel", "download", "target"):
            el.attrib.pop(name, None)
    else:
        el.getparent().remove(el)


def rewrite_html(text: str, page: str, exists, is_dir, site_url: str = "", fragment: bool = False) -> str:
    """A page (or, `fragment`, a piece of one) with every address rewritten by rewrite_href."""
    if fragment:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
    else:
        root = lxml.html.document_fromstring(text)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        name = URL_ATTRIBUTES.get(el.tag)
        if name and el.get(name) is not None:
            new = rewrite_href(el.get(name), page, exists, is_dir, site_url)
            if new is None:
                _unlink(el)
            else:
                el.set(name, new)
        if el.tag == "option" and el.get("data-src"):  # a side-by-side column: its script in the tree
            src = rewrite_href(addresses.offline_column(el.get("data-src")), page, exists, is_dir)
            if src is None:
                el.attrib.pop("data-src")
                el.set("disabled", "disabled")
            else:
                el.set("data-src", src)
    if fragment:  # the wrapper's text, then each child with its tail
        return str(escape(root.text or "")) + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
    return "<!doctype html>\n" + lxml.html.tostring(root, encoding="unicode")


# -- search ---------------------------------------------------------------------------------------------------
# Elements whose text stands apart from its neighbours' (a paragraph's number, a list item, a cell).
_APART = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "section", "article", "br",
          "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "header", "footer", "aside"}


def _own_text(el, skip) -> str:
    """An element's text without the parts that are units of their own (elements with an id) or furniture."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not child.get("id") and not skip(child):
            apart = child.tag in _APART or "cmp-num" in (child.get("class") or "").split()
            out.append(" " + _own_text(child, skip) + " " if apart else _own_text(child, skip))
        elif isinstance(child.tag, str) and child.get("id"):
            out.append(" ")
        out.append(child.tail or "")
    return "".join(out)


def _furniture(el) -> bool:
    """What a search result does not quote: scripts, controls, permalinks, note calls, and what the online
    search leaves out too (`data-pagefind-ignore`: the links to the downloads, the history)."""
    if not isinstance(el.tag, str):
        return False
    cls = (el.get("class") or "").split()
    return el.tag in ("script", "style", "button", "template", "svg", "select", "nav", "label", "input") or \
        "cmp-anchor" in cls or "cmp-fnref" in cls or el.get("data-pagefind-ignore") is not None


def search_records(html: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A page's title and its paragraphs (id, text) as the search shows them; None for a page not searched."""
    doc = lxml.html.document_fromstring(html)
    bodies = doc.xpath("//*[@data-pagefind-body]")
    if not bodies:
        return None
    body = bodies[0]
    titles = body.xpath(".//h1")
    title = _SPACE.sub(" ", (titles[0].text_content() if titles else doc.findtext(".//title") or "")).replace("¶", "").strip()
    units = []
    for el in [body, *body.iterdescendants()]:
        if not isinstance(el.tag, str) or (el is not body and not el.get("id")) or _furniture(el):
            continue
        if any(_furniture(a) for a in el.iterancestors()):
            continue
        text = _SPACE.sub(" ", _own_text(el, _furniture)).strip()
        if text:
            units.append(("" if el is body else el.get("id"), text))
    return title, units


def search_script(pages: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """The offline search index as a classic script: the pages (title, file from the language's root) and their
    paragraphs ([page, id, text]); compendium.js folds case, diacritics and Arabic forms when it loads."""
    data = {"pages": [[title, url] for title, url, _units in pages],
            "units": [[i, uid, text] for i, (_t, _u, units) in enumerate(pages) for uid, text in units]}
    return f"window.{SEARCH_GLOBAL}=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"


# -- the tree and the zip -------------------------------------------------------------------------------------
@dataclass
class Offline:
    files: dict[str, bytes]  # path from the tree's root → bytes
    search_bytes: int


def _downloads_here(lang: str) -> str:
    return str(macro("downloads.html", "offline_here")(gettext_for(lang)))


def offline_tree(site: Path, lang: str, site_url: str = "") -> Offline:
    """Every file of the offline edition of `lang`, from the built site of all languages at `site`."""
    own = {p.relative_to(site).as_posix(): p for p in sorted((site / lang).rglob("*")) if p.is_file()}
    skip = addresses.in_site(lang, SEARCH_FOLDER + "/")
    own = {rel: p for rel, p in own.items() if not rel.startswith(skip) and rel != addresses.offline_zip(lang)}
    columns = {}
    for rel in own:
        if rel.endswith("/index.html"):  # the same document's column in every other language
            doc = rel.split("/", 1)[1][: -len("index.html")]
            for other in sorted(p.name for p in site.iterdir() if p.is_dir() and p.name != lang):
                column = site / other / doc / addresses.COLUMN_FILE
                if column.is_file():
                    columns[addresses.offline_column(column.relative_to(site).as_posix())] = column
    search = addresses.offline_search(lang)
    names = set(own) | set(columns) | {"index.html", search}
    folders = {posixpath.dirname(n) for n in names}
    folders |= {posixpath.dirname(f) for f in list(folders)}
    exists = names.__contains__

    def is_dir(path: str) -> bool:
        return path in folders or (site / path).is_dir()

    files: dict[str, bytes] = {}
    records = []
    slot = str(macro("downloads.html", "offline_slot")())
    downloads = addresses.downloads_page(lang) + "index.html"
    for rel, path in own.items():
        if rel.endswith(".html"):
            text = path.read_text(encoding="utf-8")
            if rel == downloads:
                text = text.replace(slot, _downloads_here(lang))
            # An empty page has nothing to rewrite (lxml refuses it); check-links --offline judges the rest.
            files[rel] = (rewrite_html(text, rel, exists, is_dir, site_url) if text.strip() else text).encode("utf-8")
            found = search_records(text) if text.strip() and not rel.endswith("/" + addresses.COLUMN_FILE) else None
            if found and found[1]:
                records.append((found[0], posixpath.relpath(rel, lang), found[1]))
        else:
            files[rel] = path.read_bytes()
    for rel, path in columns.items():
        html = rewrite_html(path.read_text(encoding="utf-8"), rel, exists, is_dir, site_url, fragment=True)
        files[rel] = (f"window.{COLUMN_CALLBACK}&&window.{COLUMN_CALLBACK}("
                      + json.dumps(html, ensure_ascii=False) + ");\n").encode("utf-8")
    files[search] = search_script(records).encode("utf-8")
    home = addresses.home(lang) + "index.html"
    root = template("root.html").render(codes=[lang], languages=[(lang, home, direction(lang), info(lang)["name"])],
                                        title=SITE_TITLE, messages=[], redirect=False, goto=home) + "\n"
    files["index.html"] = root.encode("utf-8")
    return Offline(files, len(files[search]))


def zip_bytes(files: dict[str, bytes], day: str) -> bytes:
    """The files as a zip that is the same bytes for the same files and day: sorted entries, every timestamp the
    day's noon, permissions 0644, no extra fields."""
    stamp = max(time.strptime(day, "%Y-%m-%d")[:3], (1980, 1, 1)) + (12, 0, 0)  # the zip format's first day
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            entry.create_system = 3  # Unix, so that the permissions are read
            entry.compress_type = zipfile.ZIP_STORED if name.lower().endswith(STORED) else zipfile.ZIP_DEFLATED
            zf.writestr(entry, files[name], compresslevel=9)
    return buffer.getvalue()


@dataclass(frozen=True)
class OfflineZip:
    lang: str
    path: str  # from the site root
    bytes: int
    sha256: str
    search_bytes: int
    files: int


def make_offline_zip(site: Path, lang: str, day: str, site_url: str = "") -> OfflineZip:
    """Write `lang`'s offline edition into the built site at `site` (atomically) and fill its Downloads row."""
    tree = offline_tree(site, lang, site_url)
    data = zip_bytes(tree.files, day)
    rel = addresses.offline_zip(lang)
    atomic.write_bytes(site / rel, data, parents=True)
    made = OfflineZip(lang, rel, len(data), hashlib.sha256(data).hexdigest(), tree.search_bytes, len(tree.files))
    fill_downloads_row(site, made)
    return made


def fill_downloads_row(site: Path, made: OfflineZip) -> bool:
    """The published Downloads page's offline row, in the slot its build left (False when it has no slot)."""
    from .editions.downloads import human_size

    page = site / addresses.downloads_page(made.lang) / "index.html"
    if not page.is_file():
        return False
    text = page.read_text(encoding="utf-8")
    slot = str(macro("downloads.html", "offline_slot")())
    if slot not in text:
        return False
    _ = gettext_for(made.lang)
    row = SimpleNamespace(href=addresses.relative(addresses.downloads_page(made.lang), made.path),
                          title=posixpath.basename(made.path), size=human_size(made.bytes, made.lang), sha256=made.sha256)
    atomic.write_text(page, text.replace(slot, str(macro("downloads.html", "offline")(_, row)), 1))
    return True


def edition_day(site: Path, lang: str) -> str:
    """The day the offline edition's files are dated: the PDF editions' day."""
    try:
        day = json.loads((site / addresses.downloads_dir(lang) / "manifest.json").read_text(encoding="utf-8"))["edition"]
        time.strptime(day, "%Y-%m-%d")
        return day
    except (OSError, ValueError, KeyError, TypeError):
        return "1980-01-01"  # the zip format's first day: the same bytes for the same site


def offline_editions(site: Path, langs: list[str], site_url: str = "") -> list[OfflineZip]:
    """Each language's offline edition, into the staged site (compendium/build.py, after the PDFs moved in)."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    made = []
    for lang in langs:
        start = time.perf_counter()
        made.append(make_offline_zip(site, lang, edition_day(site, lang), site_url))
        console.print(f"offline edition {lang}: {made[-1].bytes / 1048576:.1f} MB, search index "
                      f"{made[-1].search_bytes / 1024:.0f} kB, in {time.perf_counter() - start:.1f} s")
    return made


def check_offline_zips(site: Path, site_url: str = ""):
    """Each language's offline zip in the built site, unzipped and checked (linkcheck.check_offline); the
    problems name the file as `<zip>!<file inside>`."""
    import tempfile

    from .linkcheck import UN_HOSTS, BrokenLink, check_offline

    hosts = UN_HOSTS + ((urlsplit(site_url).hostname or "",) if site_url else ())
    broken, checked = [], 0
    for lang_dir in sorted(p for p in site.iterdir() if p.is_dir()):
        archive = site / addresses.offline_zip(lang_dir.name)
        if not archive.is_file():
            continue
        with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)
            found, count = check_offline(Path(tmp), hosts)
        rel = archive.relative_to(site).as_posix()
        broken += [BrokenLink(f"{rel}!{b.page}", b.href, b.reason) for b in found]
        checked += count
    return broken, checked
