"""Shared test helpers: write a content tree, run the CLI."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from compendium.cli import main

GOOD_META = """---
id: {id}
kind: resolution
title: A resolution written for this test
completeness: complete
---
"""


def write(content: Path, rel: str, text: str | bytes) -> Path:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def good(content: Path, doc_id: str = "ecosoc-2000-1", body: str = "1. *Decides* something.\n") -> Path:
    return write(content, f"resolutions/{doc_id}/en.md", GOOD_META.format(id=doc_id) + "\n" + body)


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` and the SHA-256 of its bytes: to show that nothing changed."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_shipped(tmp_path: Path, doc: str, langs: tuple[str, ...] = ("en", "fr")) -> Path:
    """A content folder holding copies of a shipped document's files (`doc`: "resolutions/ga-80-226")."""
    import shutil

    folder = tmp_path / "content"
    (folder / doc).mkdir(parents=True)
    for lang in langs:
        shutil.copy(Path(__file__).resolve().parents[1] / "content" / doc / f"{lang}.md", folder / doc / f"{lang}.md")
    return folder
