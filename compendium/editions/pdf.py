"""Typeset one edition's HTML into a PDF with WeasyPrint. Runs in a worker process; knows nothing of the corpus.

The bytes depend only on the job: dates come from the HTML's dcterms meta (the content's date), the PDF
file identifier from the edition's cache key, and WeasyPrint itself writes no clock time or random id
for PDF/UA-1.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_bytes
from . import tagging
from . import notes_policy
from .notes_policy import keep_notes_with_calls

PDF_VARIANT = "pdf/ua-1"  # tagged PDF with document title and language; see the README of the package
RENDERING = f"{PDF_VARIANT}; tagging {tagging.VERSION}; notes policy {notes_policy.VERSION}"  # what else than the inputs shapes the bytes (cache key)

_queue = None  # progress events to the parent, set by init_worker


@dataclass
class Job:
    label: str  # "[en] compendium-en.pdf", for progress and errors
    html: str
    css: str
    key: str  # hex cache key: also the PDF's file identifier
    out: str  # where the PDF is written (the cache), atomically
    rtl: bool = False


@dataclass
class Result:
    label: str
    pages: int
    size: int
    sha256: str
    seconds: float
    warnings: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    """WeasyPrint's warnings (unsupported CSS, missing glyphs) are kept and shown in the build's report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Progress(logging.Handler):
    """Turns WeasyPrint's progress log ("Creating layout - Page 12") into events for the parent's display."""

    def __init__(self, label: str) -> None:
        super().__init__(logging.INFO)
        self.label = label

    def emit(self, record: logging.LogRecord) -> None:
        if _queue is None:
            return
        msg = record.msg if isinstance(record.msg, str) else ""
        if msg.startswith("Step 5") and record.args:
            page = record.args[0]
            if page == 1 or page % 10 == 0:
                _queue.put(("page", self.label, page))
        elif msg.startswith("Step 6"):
            _queue.put(("writing", self.label, 0))


def _fast_page_references() -> None:
    """pydyf 0.13 rebuilds the tuple of all page references at every access, and PDF/UA tagging reads it once
    per tagged box: quadratic in a book's length (a quarter of the PDF step of a 500-page edition). Pages are
    only ever appended, so the tuple is kept until the page count changes. Same values, same bytes."""
    import pydyf

    current = getattr(pydyf.PDF, "page_references", None)
    if not isinstance(current, property) or getattr(current.fget, "_cached", False):
        return
    build = current.fget

    def page_references(self):
        count = len(self.pages["Kids"])
        cached = self.__dict__.get("_page_references")
        if cached is None or cached[0] != count:
            cached = self.__dict__["_page_references"] = (count, build(self))
        return cached[1]

    page_references._cached = True
    pydyf.PDF.page_references = property(page_references)


def init_worker(queue) -> None:
    """Once per worker process: WeasyPrint and its fonts are loaded once and reused by every job it takes."""
    global _queue
    _queue = queue
    importlib.import_module("weasyprint")  # here, so that the first job does not pay for the import

    _fast_page_references()
    tagging.install()

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("weasyprint").propagate = False
    progress = logging.getLogger("weasyprint.progress")
    progress.setLevel(logging.INFO)
    progress.propagate = False


def _viewer_direction(rtl: bool):
    """A right-to-left book opens from the right: PDF viewers are told so (ViewerPreferences /Direction)."""
    def finisher(_document, pdf) -> None:
        import pydyf

        prefs = pdf.catalog.get("ViewerPreferences") or pydyf.Dictionary()
        prefs["DisplayDocTitle"] = "true"  # PDF/UA: the title, not the file name, in the window
        if rtl:
            prefs["Direction"] = "/R2L"
        pdf.catalog["ViewerPreferences"] = prefs
    return finisher


def render(job: Job) -> Result:
    from weasyprint import CSS, HTML

    _fast_page_references()
    tagging.install()
    started = time.perf_counter()
    if _queue is not None:
        _queue.put(("start", job.label, 0))
    collect, progress = _Collect(), _Progress(job.label)
    if not keep_notes_with_calls():  # compendium/editions/notes_policy.py
        collect.messages.append("this WeasyPrint may set a footnote on a later page than its call")
    logging.getLogger("weasyprint").addHandler(collect)
    logging.getLogger("weasyprint.progress").addHandler(progress)
    # A book is millions of small objects: the cyclic collector would walk them again and again (a fifth of
    # the time). It waits until the job is done; the peak memory barely changes (measured: 1.03 vs 1.00 GB).
    gc.disable()
    try:
        document = HTML(string=job.html, base_url=None).render(stylesheets=[CSS(string=job.css)])
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=job.key[:32].encode("ascii"),
                                  custom_metadata=True, finisher=_viewer_direction(job.rtl))
        pages = len(document.pages)
        del document
    finally:
        gc.enable()
        logging.getLogger("weasyprint").removeHandler(collect)
        logging.getLogger("weasyprint.progress").removeHandler(progress)
    gc.collect()
    write_bytes(Path(job.out), data, parents=True)  # another build reading the cache sees the whole file or none
    result = Result(job.label, pages, len(data), hashlib.sha256(data).hexdigest(),
                    time.perf_counter() - started, collect.messages)
    if _queue is not None:
        _queue.put(("done", job.label, result.pages))
    return result
