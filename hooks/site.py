"""MkDocs glue: hand the engine's pages to MkDocs. No content logic lives here.

One MkDocs build makes one language's site; `compendium build` runs one per language.
The settings come from the environment (compendium.settings: COMPENDIUM_LANG, the language of this build;
COMPENDIUM_CONTENT, the content folder; ...), read here once per build and activated for the engine.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import types
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from compendium import settings
from compendium.addresses import AKN_FILE, COLUMN_FILE
from compendium.akn.export import document_xml
from compendium.atomic import WriteError, write_bytes, write_text
from compendium.catalogs import compile_all
from compendium.diagnostics import Report
from compendium.editions.downloads import downloads_html
from compendium.editions.manifest import document_pdfs, load_manifest
from compendium.export import document_json
from compendium.catalogs import po_path
from compendium.i18n import gettext_for, translations
from compendium.languages import direction, info, known_languages
from compendium.loader import load, load_parsed
from compendium.pages import Site, SitePage
from compendium.search import SearchIndexError, index_site
from compendium.settings import Settings, SettingsError
from compendium.feed import feed_xml
from compendium.sitemap import head_links, site_root, sitemap_xml
from compendium.versions import languages_with_text
from compendium.vocabulary import DEFAULT_SOURCE_LANGUAGE

_state: dict = {}
log = logging.getLogger("mkdocs.plugins.compendium")

# `mkdocs serve` loads this file anew for every rebuild: what must outlive one build (that this is a live preview,
# the pages of the last good build) is kept in a module of its own.
_process = sys.modules.setdefault("compendium_preview_process", types.ModuleType("compendium_preview_process"))
_process.__dict__.setdefault("serving", False)
_process.__dict__.setdefault("pages", [])
ERROR_TITLE = "The content has errors"
ERROR_BOX = Markup('<pre class="cmp-preview-errors" style="white-space: pre-wrap; overflow-wrap: anywhere; margin: 1em 0">{}</pre>')  # .format escapes the messages
ERROR_HEADING = Markup("<h2>{}</h2>")


def _text(value: str) -> Markup:
    """A plain text handed to MkDocs, escaped: its Jinja environment does not autoescape, and titles, the
    site name and navigation labels reach <title>, the header and the navigation as they are given. As
    Markup, the theme's own `| e` (in title attributes) leaves it as it is instead of escaping it twice."""
    return escape(value)


def _nav(entries: list) -> list:
    """The navigation with every label escaped (the addresses are the engine's own)."""
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({_text(label): _nav(value) if isinstance(value, list) else value
                        for label, value in entry.items()})
        else:
            out.append(entry)
    return out


def on_startup(command: str, dirty: bool) -> None:
    _process.serving = command == "serve"


def on_serve(server, config, builder):
    """The preview also rebuilds when the previewed language's interface catalog changes (a saved .po)."""
    server.watch(str(po_path(_state["lang"]).parent), recursive=False)
    return server


@event_priority(100)  # before the theme's search plugin, which reads the interface language
def on_config(config):
    try:
        active = Settings.from_env(os.environ)
    except SettingsError as exc:
        raise PluginError(str(exc)) from None
    settings.use(active)
    lang = active.lang or config.theme["language"]
    content = active.content or Path(config.docs_dir)
    if lang not in known_languages():
        raise PluginError(f"unknown language '{lang}': add it to {active.languages}")
    report = Report()
    if active.corpus_cache:  # `compendium build` parsed and validated everything once already
        corpus = load_parsed(active.corpus_cache)
    else:  # a one-language preview needs only that language and the source texts it falls back on
        corpus = load(content, report, only={lang, DEFAULT_SOURCE_LANGUAGE})
    errors = [d.format() for d in report.sorted() if d.severity == "error"]
    if errors and not _process.serving:
        raise PluginError("the content has errors; run 'compendium validate':\n" + "\n".join(errors))
    try:
        compile_all()  # writes each .mo whole (compendium.atomic)
    except WriteError as exc:
        raise PluginError(str(exc)) from None
    translations.cache_clear()  # a catalog saved during the preview is read again
    config.extra["compendium_lang"] = lang
    config.extra["compendium_dir"] = direction(lang)
    if errors:
        # The live preview stays up: the errors go to the log and to the page the browser reloads into.
        for line in errors:
            log.error(line)
        _state.update(lang=lang, corpus=corpus, pages={}, site=None, errors=errors)
        config.theme["language"] = theme_language(config, info(lang).get("theme", lang))
        config.theme["direction"] = direction(lang)
        config.site_name = _text(ERROR_TITLE)
        config.nav = None
        return config
    # The printable editions, when `compendium build` made them, get a Downloads page.
    manifest = load_manifest(lang)
    site = Site(corpus, lang, downloads=(lambda: downloads_html(lang, manifest)) if manifest else None,
                pdfs=document_pdfs(manifest))
    _state.update(lang=lang, corpus=corpus, pages={}, site=site, errors=[])
    config.theme["language"] = theme_language(config, info(lang).get("theme", lang))
    config.theme["direction"] = direction(lang)  # the theme's would be its fallback's (left to right)
    config.site_name = _text(site.title)
    config.nav = _nav(site.nav())
    config.extra["alternate"] = [{"name": info(code)["name"], "link": f"/{code}/", "lang": code}
                                 for code in known_languages()]
    # The 404 page is served at any depth, so MkDocs writes its links from the site URL's path: this
    # language's site, under the published root, or under the host's root when the address is unknown.
    root = site_root(config.site_url or active.site_url, lang)
    _state["site_url"] = root
    config.site_url = f"{root}/{lang}/"
    return config


def theme_language(config, code: str) -> str:
    """The theme's interface language for `code`: the theme's own file for it, else its English, so that a
    language the theme lacks (Swahili) still builds. Our own strings come from our catalog either way, and
    the page's lang and dir are the language's (on_post_page)."""
    wanted = f"partials/languages/{code}.html"
    if any((Path(folder) / wanted).is_file() for folder in config.theme.dirs):
        return code
    return "en"


def on_env(env, config, files):
    # Our templates' own strings come from the gettext catalogs in translations/.
    env.add_extension("jinja2.ext.i18n")
    # Templates compiled once serve every language's build (and every rebuild in `mkdocs serve`).
    env.bytecode_cache = FileSystemBytecodeCache()
    env.install_gettext_translations(translations(_state["lang"]), newstyle=True)
    return env


def on_files(files: Files, config) -> Files:
    # The content folder is the docs folder so that `mkdocs serve` watches it; its Markdown files are
    # sources for the engine, not pages, so they are replaced by the engine's generated pages.
    docs_dir = os.path.abspath(config.docs_dir) + os.sep
    out = Files([f for f in files if not (f.abs_src_path or "").startswith(docs_dir)])
    if _state.get("errors"):
        # The error page at every address of the last good build, so that the page the browser shows reloads
        # into it (and back into the page once the content is corrected).
        for src_uri in dict.fromkeys(["index.md", *_process.pages]):
            out.append(File.generated(config, src_uri, content=error_page(_state["errors"])))
        return out
    pages = list(_state["site"].pages())
    _process.pages = [page.src_uri for page in pages]
    for page in pages:
        _state["pages"][page.src_uri] = page
        out.append(File.generated(config, page.src_uri, content=page.markdown_stub()))
    return out


def error_page(errors: list[str]) -> str:
    """The page of a preview whose content has errors: each as file:line:column: message, escaped."""
    return (f"# {ERROR_TITLE}\n\n{len(errors)} error(s) stop the preview. Correct them and save the file: "
            "this page reloads by itself. (`compendium validate` lists them too.)\n\n"
            + ERROR_BOX.format("\n".join(errors)) + "\n")


def on_post_template(output: str, template_name: str, config) -> str:
    """The preview's 404 page, where a page of a document with errors was, shows the errors too."""
    if template_name == "404.html" and _state.get("errors"):
        box = ERROR_HEADING.format(ERROR_TITLE) + ERROR_BOX.format("\n".join(_state["errors"]))
        output = output.replace("</article>", str(box) + "</article>", 1)
    return output


def on_page_markdown(markdown: str, page, config, files) -> str:
    site_page: SitePage | None = _state["pages"].get(page.file.src_uri)
    if site_page is not None:
        page.meta["title"] = _text(site_page.title)
        # Pagefind indexes the built pages (on_post_build); the theme's own index stays empty.
        page.meta["search"] = {"exclude": True}
        # One canonical address and one set of hreflang alternates (overrides/main.html writes them).
        doc = site_page.document
        page.meta["compendium_head"] = head_links(_state["corpus"], _state["lang"], site_page.url,
                                                  doc.id if doc is not None else None, _state["site_url"])
        # The language menu says which languages have no text of this document (overrides/partials/alternate.html).
        if doc is not None:
            page.meta["compendium_text_langs"] = languages_with_text(_state["corpus"], doc.id, known_languages())
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    site_page: SitePage | None = _state["pages"].get(page.file.src_uri)
    if site_page is None:
        return html
    page.toc = get_toc(site_page.toc())
    return site_page.html()


def on_post_page(output: str, page, config) -> str:
    # Material puts `dir` on <body>; a reader's browser and assistive tools look at <html> first.
    output = re.sub(r"<html lang=\"[^\"]*\"", f'<html lang="{_state["lang"]}" dir="{config.extra["compendium_dir"]}"',
                    output, count=1)
    if page.file.src_uri in _state["pages"]:
        # The page's content (title, facts, text), without the theme's navigation, is what search reads.
        output = output.replace('<article class="md-content__inner md-typeset">',
                                '<article class="md-content__inner md-typeset" data-pagefind-body>', 1)
    return output


def _write(path: Path, text: str) -> None:
    """Whole or not at all (compendium.atomic); a full disk stops the build with one line, not a traceback."""
    try:
        write_text(path, text)
    except WriteError as exc:
        raise PluginError(str(exc)) from None


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        write_bytes(path, data)
    except WriteError as exc:
        raise PluginError(str(exc)) from None


def on_post_build(config) -> None:
    if _state.get("errors"):
        return  # the preview's error pages: no data, sitemap or search index
    site = Path(config.site_dir)
    lang = _state["lang"]
    # The theme's search index is not used: Pagefind's replaces it (compendium/search.py).
    for stale in (site / "search").glob("search_index.*"):
        stale.unlink()
    # Each document's parsed text, for the side-by-side view and for anyone reusing the compendium.
    for page in _state["pages"].values():
        if page.document is not None:
            data = {"documents": [document_json(page.document)], "fallback": page.fallback}
            _write((site / page.src_uri).with_name("index.json"),
                   json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            # The same text as Akoma Ntoso XML (the source's text on a fallback page, as its JSON has).
            _write_bytes((site / page.src_uri).with_name(AKN_FILE),
                         document_xml(page.document, _state["corpus"], _state["site"].citations))
        if page.document is not None and not page.fallback and page.document.has_text:
            # Its text as the side-by-side view's column, for the same document's pages in other languages.
            _write((site / page.src_uri).with_name(COLUMN_FILE), _state["site"].column(page.document))
    pages = {p.url: p for p in _state["pages"].values()}
    sitemap = sitemap_xml(_state["corpus"], lang, pages, _state["site_url"])
    if sitemap is None:  # no site URL: no sitemap (a sitemap of relative addresses is invalid)
        (site / "sitemap.xml").unlink(missing_ok=True)
    else:
        _write(site / "sitemap.xml", sitemap)
    (site / "sitemap.xml.gz").unlink(missing_ok=True)
    # This language's Atom feed of new and changed documents, dated by the recorded history only.
    _write(site / "feed.xml", feed_xml(_state["corpus"], lang, _state["site_url"], gettext_for(lang)).decode("utf-8"))
    # Last, over the finished pages: this language's search index, in <lang>/pagefind/.
    try:
        index_site(site, lang)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
