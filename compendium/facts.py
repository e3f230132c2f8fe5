"""Facts derived from a document's typed front matter: when it was adopted, under which symbol, by whom.

Shared by the indexes, the citation index, the pages and the editions.
"""

from __future__ import annotations

import re

from .model import Adoption, Corpus, Document
from .vocabulary import BODIES

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def adoptions(doc: Document) -> tuple[Adoption, ...]:
    return doc.meta.adoptions


def first_adoption(doc: Document) -> Adoption:
    return doc.meta.adoptions[0] if doc.meta.adoptions else Adoption()


def adoption_year(doc: Document) -> int | None:
    """The year of the first adoption: from its date, or from an ECOSOC number such as 1993/34."""
    for entry in doc.meta.adoptions:
        for value in (entry.date, entry.resolution, entry.text):
            match = _YEAR.search(value or "")
            if match:
                return int(match.group(1))
    match = _YEAR.search(doc.id)
    return int(match.group(1)) if match and doc.collection == "resolutions" else None


def adoption_date(doc: Document) -> str | None:
    """The ISO date of the first adoption, where it is recorded."""
    return first_adoption(doc).date


def adopting_symbol(doc: Document) -> str | None:
    if doc.meta.symbol:
        return doc.meta.symbol
    for entry in doc.meta.adoptions:
        if entry.resolution:
            return entry.resolution
    return None


def adopting_bodies(doc: Document) -> list[str]:
    bodies = [e.body for e in doc.meta.adoptions if e.body]
    if not bodies and doc.collection == "resolutions" and doc.id.split("-")[0] in BODIES:
        bodies = [doc.id.split("-")[0]]
    return list(dict.fromkeys(bodies))


def adopting_resolutions(corpus: Corpus) -> set[str]:
    """The ids of the resolutions that adopted an instrument of the corpus (or acted on it, as the
    instrument's `adopted_by` records): the instrument's adoption names a body and number that are the
    resolution's own adoption."""
    acts = {(e.body, e.resolution) for doc in corpus.documents if doc.collection == "instruments"
            for e in doc.meta.adoptions if e.body and e.resolution}
    found = set()
    for doc in corpus.documents:
        if doc.collection != "resolutions":
            continue
        if any((e.body, e.resolution) in acts for e in doc.meta.adoptions if e.body and e.resolution):
            found.add(doc.id)
    return found


# Where a text was taken from, as a reader is told it. A content file's `source` is editorial provenance (a
# project file, a repository and commit); a reader gets the official records citation where `official_record`
# gives it, else what kind of copy the text is.
TRANSCRIPTION = "transcription"  # typed or OCR-read from a printed copy
ELECTRONIC = "electronic"  # the United Nations' official electronic file (Akoma Ntoso XML)
PUBLISHED_PDF = "pdf"  # the United Nations' own PDF of the document
TITLE_ONLY = "title"  # a catalogue record whose title another document gives

_SOURCE_KINDS = ((re.compile(r"seeds/|transcription", re.I), TRANSCRIPTION),
                 (re.compile(r"^UNxml/|Akoma Ntoso", re.I), ELECTRONIC),
                 (re.compile(r"\bPDF\b"), PUBLISHED_PDF),
                 (re.compile(r"^Title\b"), TITLE_ONLY))


def source_kind(doc: Document) -> str | None:
    """What kind of copy the text is (TRANSCRIPTION, ELECTRONIC, PUBLISHED_PDF, TITLE_ONLY), from its `source`;
    None where the content records no source or one of no known kind."""
    source = doc.meta.source or ""
    return next((kind for pattern, kind in _SOURCE_KINDS if pattern.search(source)), None)
