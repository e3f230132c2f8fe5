"""The live preview (`COMPENDIUM_LANG=fr mkdocs serve`): a content error shows on the page and in the log."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from compendium import settings
from compendium.i18n import translations

ROOT = Path(__file__).resolve().parent.parent
GOOD = """---
id: ecosoc-2000-1
kind: resolution
title: Test resolution
adopted_by: {body: ecosoc, resolution: 2000/1, date: '2000-07-27'}
completeness: complete
---

1. *Decides* that the preview shows this paragraph.
"""
BROKEN = GOOD.replace("kind: resolution", "kind: [resolution")  # YAML that does not load


def _build(content: Path, site: Path, serving: bool):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(content), site_dir=str(site))
    sys.modules["compendium_preview_process"].serving = serving  # as on_startup("serve") sets it
    config.plugins.on_startup(command="serve" if serving else "build", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/" if serving else None)


@pytest.fixture
def preview(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPENDIUM_LANG", "fr")
    for name in ("COMPENDIUM_CONTENT", "COMPENDIUM_CORPUS_CACHE", "COMPENDIUM_EDITIONS_DIR"):
        monkeypatch.delenv(name, raising=False)
    content = tmp_path / "content"
    (content / "resolutions" / "ecosoc-2000-1").mkdir(parents=True)
    with settings.using(settings.current()):
        yield content, tmp_path / "site"
    translations.cache_clear()
    sys.modules.pop("compendium_preview_process", None)


@pytest.mark.slow
def test_a_content_error_in_the_preview_is_shown_on_the_page_and_in_the_log(preview, caplog):
    content, site = preview
    doc = content / "resolutions" / "ecosoc-2000-1" / "en.md"
    doc.write_text(GOOD, encoding="utf-8")
    _build(content, site, serving=True)
    page = site / "resolutions" / "ecosoc-2000-1" / "index.html"
    assert "the preview shows this paragraph" in page.read_text(encoding="utf-8")

    doc.write_text(BROKEN, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.compendium"):
        _build(content, site, serving=True)
    logged = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.compendium"]
    assert logged and logged[0].startswith(f"{doc}:4:") and "YAML" in logged[0]  # file:line: message
    # The page the browser was on reloads into the error page (so does the home page).
    for shown in (page, site / "index.html"):
        html = shown.read_text(encoding="utf-8")
        assert "The content has errors" in html and f"{doc}:" in html and 'class="cmp-preview-errors"' in html
        assert "the preview shows this paragraph" not in html

    missing = (site / "404.html").read_text(encoding="utf-8")  # a page the last good build did not have
    assert f"{doc}:" in missing and "&lt;/article&gt;" not in missing
    doc.write_text(GOOD, encoding="utf-8")  # corrected: the page is back
    _build(content, site, serving=True)
    assert "the preview shows this paragraph" in page.read_text(encoding="utf-8")


def test_the_error_page_escapes_the_messages():
    sys.path.insert(0, str(ROOT))
    try:
        from hooks.site import error_page
    finally:
        sys.path.remove(str(ROOT))
    html = error_page(["content/x/en.md:3:1: error: bad <script>alert(1)</script> value"])
    assert "&lt;script&gt;" in html and "<script>" not in html and "content/x/en.md:3:1" in html


@pytest.mark.slow
def test_a_build_still_stops_on_a_content_error(preview, caplog):
    content, site = preview
    (content / "resolutions" / "ecosoc-2000-1" / "en.md").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(Abort):
        _build(content, site, serving=False)
    assert "the content has errors" in caplog.text and not (site / "index.html").exists()
