"""Where an edition comes from: its date and a fingerprint of the content files it was made of.

Both go into the colophon and into the PDF's metadata, so they must be reproducible: the same content gives
the same date and fingerprint, and so byte-identical PDFs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from functools import lru_cache
from pathlib import Path

from .. import settings
from ..model import Document


def source_name(doc: Document) -> str:
    """The file's name inside the content folder, the same on every machine."""
    return f"{doc.collection}/{doc.id}/{doc.lang}.md"


@lru_cache(maxsize=4096)
def _file_sha256(path: str, mtime_ns: int, size: int) -> str:
    # Keyed on mtime and size too: a file edited between two builds in one process is read again.
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_sha256(doc: Document) -> str:
    st = doc.path.stat()
    return _file_sha256(str(doc.path), st.st_mtime_ns, st.st_size)


def content_sha256(docs: list[Document]) -> str:
    """SHA-256 of the `sha256sum` listing of the edition's files, sorted by name.

    Anyone can check it: `cd content && sha256sum FILE... | LC_ALL=C sort -k2 | sha256sum`.
    """
    files = {source_name(d): d for d in docs}
    listing = "".join(f"{file_sha256(files[name])}  {name}\n" for name in sorted(files))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def edition_timestamp(content: Path | None) -> int:
    """The settings' source_date_epoch (SOURCE_DATE_EPOCH, reproducible builds) when set; else the last commit
    that changed the content; else the newest content file. The date of the content, not of the build
    machine's clock, so that a rebuild of unchanged content gives the same bytes and a commit that touches
    only code re-renders nothing."""
    configured = settings.current().source_date_epoch
    if configured is not None:
        return configured
    if content is not None and content.is_dir():
        stamp = _git_timestamp(content.resolve())
        if stamp is not None:
            return stamp
        files = [p.stat().st_mtime for p in content.rglob("*.md")]
        if files:
            return int(max(files))
    return 0


def _git_timestamp(content: Path) -> int | None:
    try:
        out = subprocess.run(["git", "-C", str(content), "log", "-1", "--format=%ct", "--", "."],
                             capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return int(value) if out.returncode == 0 and value.isdigit() else None


def w3c_date(stamp: int) -> str:
    """The form WeasyPrint reads from <meta name=dcterms.created> into the PDF's CreationDate."""
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_day(stamp: int) -> str:
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%d")
