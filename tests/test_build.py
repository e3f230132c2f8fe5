"""`compendium build`: a page per document, no outside requests, and a failed build keeps the old site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import good, run, snapshot, write

ROOT = Path(__file__).resolve().parents[1]
CONFIG = str(ROOT / "mkdocs.yml")


@pytest.fixture()
def content(tmp_path) -> Path:
    content = tmp_path / "content"
    good(content, "ecosoc-2000-1", "*Recalling* x,\n\n#### I. ONE\n\n1. *Decides* y;[^1]\n\n[^1]: E/CN.15/2000/1.\n")
    good(content, "ecosoc-2000-2", "1. *Welcomes* z.\n")
    write(content, "instruments/tokyo-rules/en.md",
          "---\nid: tokyo-rules\nkind: rules\ntitle: United Nations Standard Minimum Rules for Non-custodial Measures\n"
          "short_title: Tokyo Rules\ncluster: custody\ncompleteness: none\n---\n")
    return content


def test_build_makes_a_page_per_document(tmp_path, content):
    site = tmp_path / "site"
    code, out = run("build", "--content", str(content), "--site-dir", str(site), "--config", CONFIG)
    assert code == 0, out
    for rel in ("resolutions/ecosoc-2000-1", "resolutions/ecosoc-2000-2", "instruments/tokyo-rules"):
        page = (site / "en" / rel / "index.html").read_text(encoding="utf-8")
        assert "<h1" in page
    page = (site / "en/resolutions/ecosoc-2000-1/index.html").read_text(encoding="utf-8")
    assert 'id="para-1"' in page and 'href="#para-1"' in page and 'id="sec-I"' in page and 'id="fn-1"' in page
    record = (site / "en/instruments/tokyo-rules/index.html").read_text(encoding="utf-8")
    assert "not yet in the compendium" in record
    assert (site / "index.html").is_file()


def test_pages_request_no_outside_host(tmp_path, content):
    site = tmp_path / "site"
    assert run("build", "--content", str(content), "--site-dir", str(site), "--config", CONFIG)[0] == 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # src= and <link href> are requests; plain <a href> links are not.
        assert not re.search(r'\bsrc="(https?:)?//', text), page
        assert not re.search(r'<link[^>]+href="(https?:)?//', text), page
        assert not re.search(r"@import\s+url\(['\"]?https?:", text), page


def test_failed_build_leaves_previous_site_untouched(tmp_path, content):
    site = tmp_path / "site"
    assert run("build", "--content", str(content), "--site-dir", str(site), "--config", CONFIG)[0] == 0
    before = snapshot(site)
    write(content, "resolutions/ecosoc-2000-2/en.md", "---\nid: [broken\n---\n")
    code, out = run("build", "--content", str(content), "--site-dir", str(site), "--config", CONFIG)
    assert code == 1 and "Traceback" not in out
    assert "previous site is unchanged" in out
    assert snapshot(site) == before
    assert not list(tmp_path.glob(".site.*")), "no staging folder is left behind"


def test_framework_failure_also_keeps_previous_site(tmp_path, content):
    site = tmp_path / "site"
    assert run("build", "--content", str(content), "--site-dir", str(site), "--config", CONFIG)[0] == 0
    before = snapshot(site)
    bad_config = tmp_path / "mkdocs.yml"
    bad_config.write_text((ROOT / "mkdocs.yml").read_text().replace("name: material", "name: no-such-theme")
                          .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
                          .replace("- hooks/site.py", f"- {ROOT / 'hooks/site.py'}"))
    code, out = run("build", "--content", str(content), "--site-dir", str(site), "--config", str(bad_config))
    assert code == 1
    assert "failed to build" in out
    assert snapshot(site) == before
