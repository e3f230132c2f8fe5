"""Where an edition comes from: its date and a fingerprint of the content files it was made of.

Both go into the colophon and into the PDF's metadata, so they must be reproducible: the same content gives
the same date and fingerprint, and so byte-identical PDFs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .. import settings
from ..history import day_stamp, newest_recorded_day
from ..history import file_sha256 as history_file_sha256
from ..model import Document


def source_name(doc: Document) -> str:
    """The file's name inside the content folder, the same on every machine."""
    return f"{doc.collection}/{doc.id}/{doc.lang}.md"


def file_sha256(doc: Document) -> str:
    return history_file_sha256(doc.path)


def content_sha256(docs: list[Document]) -> str:
    """SHA-256 of the `sha256sum` listing of the edition's files, sorted by name.

    Anyone can check it: `cd content && sha256sum FILE... | LC_ALL=C sort -k2 | sha256sum`.
    """
    files = {source_name(d): d for d in docs}
    listing = "".join(f"{file_sha256(files[name])}  {name}\n" for name in sorted(files))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def edition_timestamp(content: Path | None) -> int:
    """The settings' source_date_epoch (SOURCE_DATE_EPOCH, reproducible builds) when set; else midnight UTC of
    the newest day recorded in the content's history files (compendium/history.py). The date of the content,
    never of the build machine's clock, its files' times or git: a build from a source archive gives the same
    bytes as one from the repository, and a commit that touches only code re-renders nothing."""
    configured = settings.current().source_date_epoch
    if configured is not None:
        return configured
    if content is not None and content.is_dir():
        day = newest_recorded_day(content.resolve())
        if day is not None:
            return day_stamp(day)
    return 0


def w3c_date(stamp: int) -> str:
    """The form WeasyPrint reads from <meta name=dcterms.created> into the PDF's CreationDate."""
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_day(stamp: int) -> str:
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%d")
