"""No front-matter value reaches a built page as markup. `validate` refuses markup in titles, but the
pages must be safe without it: the framework's templates do not autoescape, so the site glue escapes every
title, navigation label and the site name it hands over. This test builds a site from a corpus that never
went through validation (the parsed corpus a build hands its workers), as a last line of defence."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

from compendium.diagnostics import Report
from compendium.loader import load
from compendium.settings import ENV_NAMES
from helpers import good, write

ROOT = Path(__file__).resolve().parents[1]
TITLE = 'Res </title><script>alert("title")</script> & co'
SHORT = "<img src=https://example.org/pixel.png>"
PLAIN = "L'action \"pénale\" & la prévention"


def build_one_language(corpus_file: Path, content: Path, out: Path, lang: str = "en") -> subprocess.CompletedProcess:
    """One language's site, built by the same worker `compendium build` starts, from a parsed corpus."""
    out.mkdir()
    env = {name: value for name, value in os.environ.items() if name not in ENV_NAMES.values()}
    env.update({ENV_NAMES["content"]: str(content), ENV_NAMES["corpus_cache"]: str(corpus_file),
                "NO_MKDOCS_2_WARNING": "1"})
    (out / ".go.json").write_text(json.dumps({"env": {}}), encoding="utf-8")  # no waiting: go at once
    return subprocess.run([sys.executable, str(ROOT / "hooks" / "build_languages.py"), str(ROOT / "mkdocs.yml"),
                           str(out), lang], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_hostile_titles_reach_no_page_as_markup(tmp_path):
    content = tmp_path / "content"
    good(content, "ecosoc-2000-1", "1. *Decides* something.\n")
    good(content, "ecosoc-2000-2", "1. *Recalls* resolution 2000/1.\n")
    write(content, "instruments/tokyo-rules/en.md",
          "---\nid: tokyo-rules\nkind: rules\ntitle: Rules written for this test\n"
          "short_title: Test Rules\ncluster: custody\ncompleteness: none\n---\n")
    report = Report()
    corpus = load(content, report)
    assert not report.errors
    for doc in corpus.documents:  # what validate would refuse, put in after it
        if doc.id == "ecosoc-2000-1":
            doc.metadata = {**doc.metadata, "title": TITLE}
        if doc.id == "tokyo-rules":
            doc.metadata = {**doc.metadata, "title": TITLE, "short_title": SHORT}
        if doc.id == "ecosoc-2000-2":  # what validate allows: an apostrophe, an ampersand, quotes
            doc.metadata = {**doc.metadata, "title": PLAIN}
    corpus_file = tmp_path / "corpus.pickle"
    corpus_file.write_bytes(pickle.dumps(corpus))
    out = tmp_path / "site"
    proc = build_one_language(corpus_file, content, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pages = sorted((out / "en").rglob("*.html"))
    assert len(pages) > 5
    seen_escaped = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'alert("title")' not in text and "alert(&#34;title&#34;)</script>" not in text, page
        assert "<script>alert" not in text, page
        assert not re.search(r"<img[^>]+src=\"?https?://", text), page
        seen_escaped += "&lt;/title&gt;&lt;script&gt;" in text or "&lt;img src=https://" in text
        # Escaped once, never twice (the theme escapes some attributes itself).
        assert not re.search(r"&amp;(#x27|#39|#34|quot|amp|lt|gt);", text), page
    # The titles are there, as text, on the pages that show them (the document page, the navigation).
    page = (out / "en" / "resolutions" / "ecosoc-2000-1" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "&lt;/title&gt;&lt;script&gt;" in title
    assert seen_escaped >= 3
    plain = (out / "en" / "resolutions" / "ecosoc-2000-2" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", plain, re.S).group(1)
    assert "L&#39;action &#34;pénale&#34; &amp; la prévention" in title
