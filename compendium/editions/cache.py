"""The editions cache: a PDF is rendered again only when something it is made from changed.

The key hashes everything the bytes depend on: the edition's HTML (the content of its documents, the
language, the interface strings, the edition date and fingerprint), the stylesheet, the font files that
fontconfig picks, the WeasyPrint and pydyf versions, the PDF options and this package's own code.

It lives outside the site (default `.cache/editions/` next to the site folder, or the settings' editions_cache)
so that a build that fails, and so does not replace the site, still keeps what it rendered. The folder
ignores itself in git. Each edition keeps its last two renderings; older ones are pruned after a build.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from functools import lru_cache
from pathlib import Path

from .. import settings
from ..atomic import copy_file, write_text

CACHE_FORMAT = "1"
KEEP = 2  # renderings kept per edition: the current one and the one before (a revert is instant)


def default_dir(site_dir: Path) -> Path:
    configured = settings.current().editions_cache
    return configured if configured is not None else site_dir.resolve().parent / ".cache" / "editions"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """This package's modules and stylesheet: a change to how editions are made invalidates them all."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.glob("*.py")) + sorted(here.glob("*.css")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def engine_versions() -> str:
    import pydyf
    import weasyprint

    return f"weasyprint {weasyprint.__version__}; pydyf {pydyf.__version__}"


def input_key(html: str, css: str, fonts: tuple[str, ...], variant: str) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, engine_versions(), variant, code_fingerprint(), css, html):
        digest.update(part.encode("utf-8") + b"\0")
    for path in fonts:  # a font package update changes the embedded glyphs
        try:
            size = os.stat(path).st_size
        except OSError:
            size = -1
        digest.update(f"{path}:{size}\0".encode())
    return digest.hexdigest()


class Cache:
    """Renderings by key: `<key>.<ext>` (a PDF, or an EPUB in a folder of their own) and `<key>.json`."""

    def __init__(self, folder: Path, ext: str = "pdf"):
        self.folder = folder
        self.ext = ext

    def prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            write_text(ignore, "# build output, never committed\n*\n")

    def pdf(self, key: str) -> Path:
        """The rendered file (a PDF, or the cache's `ext`)."""
        return self.folder / f"{key}.{self.ext}"

    def _meta(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def lookup(self, key: str) -> dict | None:
        """The record of a rendering with this key, if its PDF is still whole."""
        try:
            meta = json.loads(self._meta(key).read_text(encoding="utf-8"))
            if self.pdf(key).stat().st_size != meta["size"]:
                return None
        except (OSError, ValueError, KeyError):
            return None
        os.utime(self._meta(key))  # most recently used: kept by prune
        return meta

    def store(self, key: str, edition_path: str, pages: int, size: int, sha256: str) -> dict:
        meta = {"edition": edition_path, "pages": pages, "size": size, "sha256": sha256}
        write_text(self._meta(key), json.dumps(meta))  # another build reading the cache sees it whole or not at all
        return meta

    def place(self, key: str, target: Path) -> None:
        """Into the staged site: a hard link when the cache is on the same disk (no copy of hundreds of MB)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        try:
            os.link(self.pdf(key), target)
        except OSError:
            copy_file(self.pdf(key), target)

    def prune(self, keep: int = KEEP) -> int:
        """Drop all but the `keep` most recently used renderings of each edition; returns how many went."""
        by_edition: dict[str, list[tuple[float, Path]]] = {}
        for meta in self.folder.glob("*.json"):
            try:
                edition = json.loads(meta.read_text(encoding="utf-8"))["edition"]
                by_edition.setdefault(edition, []).append((meta.stat().st_mtime, meta))
            except (OSError, ValueError, KeyError):
                continue
        removed = 0
        for entries in by_edition.values():
            for _mtime, meta in sorted(entries, reverse=True)[keep:]:
                meta.unlink(missing_ok=True)
                self.pdf(meta.stem).unlink(missing_ok=True)
                removed += 1
        now = time.time()
        for stray in self.folder.glob("*.tmp"):  # left by a killed worker; a day old, so not another build's
            if now - stray.stat().st_mtime > 86400:
                stray.unlink(missing_ok=True)
        return removed
