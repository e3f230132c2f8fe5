"""MkDocs glue: hand the engine's documents to MkDocs as generated pages. No content logic lives here.

One MkDocs build makes one language's site; `compendium build` runs one per language.
Environment: COMPENDIUM_CONTENT (content folder), COMPENDIUM_LANG (language of this build).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from compendium.diagnostics import Report
from compendium.loader import load
from compendium.pages import SitePage, nav_entries, site_pages

_state: dict = {}


def on_config(config):
    lang = os.environ.get("COMPENDIUM_LANG", config.theme["language"])
    content = Path(os.environ.get("COMPENDIUM_CONTENT", config.docs_dir))
    report = Report()
    corpus = load(content, report)
    if report.errors:
        lines = "\n".join(d.format() for d in report.sorted() if d.severity == "error")
        raise PluginError(f"the content has errors; run 'compendium validate':\n{lines}")
    _state.update(lang=lang, corpus=corpus, pages={})
    config.theme["language"] = lang
    config.nav = [{p.title: p.src_uri} if not isinstance(p, tuple) else {p[0]: p[1]} for p in nav_entries(corpus, lang)]
    return config


def on_files(files: Files, config) -> Files:
    # The content folder is the docs folder so that `mkdocs serve` watches it; its Markdown files are
    # sources for the engine, not pages, so they are replaced by the engine's generated pages.
    docs_dir = os.path.abspath(config.docs_dir) + os.sep
    out = Files([f for f in files if not (f.abs_src_path or "").startswith(docs_dir)])
    for page in site_pages(_state["corpus"], _state["lang"]):
        _state["pages"][page.src_uri] = page
        out.append(File.generated(config, page.src_uri, content=page.markdown_stub()))
    return out


def on_page_markdown(markdown: str, page, config, files) -> str:
    site_page: SitePage | None = _state["pages"].get(page.file.src_uri)
    if site_page is not None:
        page.meta["title"] = site_page.title
        page.meta.setdefault("hide", [])
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    site_page: SitePage | None = _state["pages"].get(page.file.src_uri)
    if site_page is None:
        return html
    page.toc = get_toc(site_page.toc())
    return site_page.html()
