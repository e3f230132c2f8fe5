"""Each language's list of its PDF files, as JSON next to them: `<lang>/downloads/manifest.json`.

    {"format": 1, "lang": "en", "edition": "2026-11-25",
     "files": [{"path": "en/downloads/compendium-en.pdf", "kind": "full", "id": "compendium", "cluster": null,
                "title": "...", "title_lang": "en", "fallback": false, "pages": 412, "bytes": 1234567,
                "sha256": "...", "content_sha256": "..."}, ...]}

An e-book is listed apart, under "ebooks" (same fields, "kind": "epub", no pages), so that "files" stays the PDFs:
    "ebooks": [{"path": "en/downloads/compendium-en.epub", "kind": "epub", "id": "compendium", ...}]

`path` is relative to the site root; files are listed full edition first, then clusters, then instruments, in
the book's order. During `compendium build` the manifests are in the settings' editions_dir (see load_manifest)
before the site's pages are built, and end up in the site next to the PDFs.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import settings
from ..atomic import write_text
from ..settings import ENV_NAMES
from .plan import SINGLE

FORMAT = 1
NAME = "manifest.json"
ENV = ENV_NAMES["editions_dir"]  # set by `compendium build` for the per-language site builds


def manifest_path(root: Path, lang: str) -> Path:
    return root / lang / "downloads" / NAME


def write_manifest(root: Path, lang: str, edition_day: str, files: list[dict], ebooks: list[dict] | None = None) -> Path:
    path = manifest_path(root, lang)
    data = {"format": FORMAT, "lang": lang, "edition": edition_day, "files": files}
    if ebooks:
        data["ebooks"] = ebooks
    # Stable bytes: the same editions give the same manifest.
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n", parents=True)
    return path


def load_manifest(lang: str, root: Path | str | None = None) -> dict | None:
    """The manifest of a language's editions, or None when the build made none (e.g. `--no-pdf`).

    Without `root`, the settings' editions_dir: what a site build started by `compendium build` sees.
    """
    root = root if root is not None else settings.current().editions_dir
    if not root:
        return None
    try:
        return json.loads(manifest_path(Path(root), lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def listed(manifest: dict | None) -> list[dict]:
    """Every file a reader can download, in the order the Downloads page lists them: the full PDF, the e-book,
    then the other PDFs."""
    files = list((manifest or {}).get("files") or [])
    ebooks = list((manifest or {}).get("ebooks") or [])
    head = 1 if files and files[0]["kind"] == "full" else 0
    return files[:head] + ebooks + files[head:]


def document_pdfs(manifest: dict | None) -> frozenset[str]:
    """The ids of the documents that have their own PDF in the manifest's language."""
    return frozenset(e["id"] for e in (manifest or {}).get("files", []) if e["kind"] in SINGLE)


def find_file(manifest: dict | None, kind: str, ident: str) -> dict | None:
    """The entry of one file: ("instrument", "nelson-mandela-rules"), ("cluster", "custody"), ("full", "compendium").
    For a page that offers its own PDF."""
    for entry in (manifest or {}).get("files", []):
        if entry["kind"] == kind and entry["id"] == ident:
            return entry
    return None
