"""The shipped content, built in every language: every page exists and no link or anchor is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from compendium.languages import known_languages
from compendium.linkcheck import check_site

from helpers import run

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "site"
    code, log = run("build", "--content", str(ROOT / "content"), "--site-dir", str(out),
                    "--config", str(ROOT / "mkdocs.yml"), "--no-pdf")
    assert code == 0, log
    return out


def test_every_document_has_a_page_in_every_language(site):
    docs = [p.parent for p in (ROOT / "content").glob("*/*/en.md")]
    assert docs
    for lang in known_languages():
        for folder in docs:
            assert (site / lang / folder.parent.name / folder.name / "index.html").is_file(), (lang, folder.name)


def test_link_check_is_clean_in_every_language(site):
    broken, checked = check_site(site)
    assert checked > 1000
    assert broken == [], "\n".join(b.format() for b in broken[:30])
