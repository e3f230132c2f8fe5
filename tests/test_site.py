"""The shipped content, built in every language with its PDF editions, as `bash .ci/build` builds it:
every page exists, no link or anchor is broken, and the Downloads pages tell the truth about the files."""

from __future__ import annotations

import hashlib
import re
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
                    "--config", str(ROOT / "mkdocs.yml"))
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


def test_downloads_page_lists_every_pdf_with_its_true_hash_and_size(site):
    for lang in known_languages():
        page = (site / lang / "downloads" / "index.html").read_text(encoding="utf-8")
        pdfs = sorted((site / lang / "downloads").rglob("*.pdf"))
        assert len(pdfs) >= 6, lang  # the full edition, four clusters, and at least one instrument
        for pdf in pdfs:
            rel = pdf.relative_to(site / lang / "downloads").as_posix()
            row = page[page.index(f'href="{rel}"'):].split("</tr>")[0]
            digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
            assert digest in re.sub(r"<[^>]+>|\s", "", row), (lang, rel)
