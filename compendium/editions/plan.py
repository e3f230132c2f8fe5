"""Which editions a corpus gives, what each holds, and where its file goes in the site.

Per language: the full compendium, one edition per cluster that has instruments, and one per document
(instrument or resolution) that has a text of its own in that language (a catalogue record alone is no
printable document; a text in another language is printed in that language's own file). Like the printed
compendium, the full and cluster editions hold the standards and norms and the resolutions that adopted
them; every other resolution is printed in its own file only. The introduction quotes the mandate paragraphs
(MANDATES) and links them to their resolution's page, or its symbol on undocs.org: printing the two whole
resolutions would take the full edition past a tenth of the runner's size cap (tests/test_build_safety.py).

A draft translation is never printed: a document whose translation is a draft, or still carries the
untranslated marker, is printed in its source language under the notice that no translation is available
(print_pick). The imprint page says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import addresses
from ..facts import adopting_resolutions, adoption_date
from ..model import Corpus, Document
from ..translating.markers import is_untranslated, untranslated_fields
from ..versions import pick
from ..vocabulary import CLUSTER_DEFINITION, CLUSTERS, DEFINING_RESOLUTION, OTHER_CLUSTER as OTHER

KINDS = ("full", "cluster", "instrument", "resolution")
SINGLE = ("instrument", "resolution")  # the editions of one document
# The paragraphs of the resolutions that asked for the compendium in the six languages (1993/34, section III,
# paragraph 5) and set its four clusters (2003/30, paragraph 3): the introduction quotes them.
PUBLISHING_MANDATE = ("ecosoc-1993-34", "sec-III-para-5")
CLUSTERS_MANDATE = (DEFINING_RESOLUTION, "para-3")
MANDATES = (PUBLISHING_MANDATE, CLUSTERS_MANDATE)


@dataclass(frozen=True)
class Entry:
    """A document as an edition shows it: in the edition's language, or its source text (fallback)."""
    doc: Document
    fallback: bool

    @property
    def id(self) -> str:
        return self.doc.id


@dataclass
class Book:
    """What one language's editions draw on: instruments by cluster, in a fixed order, then resolutions."""
    lang: str
    parts: list[tuple[str, list[Entry]]] = field(default_factory=list)
    resolutions: list[Entry] = field(default_factory=list)

    def entries(self) -> list[Entry]:
        return [e for _cluster, entries in self.parts for e in entries] + self.resolutions


@dataclass(frozen=True)
class Edition:
    lang: str
    kind: str  # full | cluster | instrument
    slug: str  # "compendium", the cluster, or the instrument's id
    parts: tuple[tuple[str, tuple[Entry, ...]], ...]
    resolutions: tuple[Entry, ...] = ()

    @property
    def path(self) -> str:
        """Path of the PDF from the site root: the language's downloads folder."""
        return addresses.edition_file(self.lang, self.kind, self.slug)

    @property
    def label(self) -> str:
        """How messages name the edition: language and file."""
        return f"[{self.lang}] {self.path.removeprefix(addresses.downloads_dir(self.lang))}"

    @property
    def single(self) -> bool:
        return self.kind in SINGLE

    def entries(self) -> list[Entry]:
        return [e for _cluster, entries in self.parts for e in entries] + list(self.resolutions)

    def docs(self) -> list[Document]:
        return [e.doc for e in self.entries()]


def _adoption_key(entry: Entry) -> tuple[str, str]:
    """Chronological by first adoption, so that every language's edition has the same order."""
    return (adoption_date(entry.doc) or "9999", entry.id)


def is_draft(doc: Document) -> bool:
    """A translation not ready to be printed as a text: its status is draft, or a part still carries the marker."""
    record = doc.meta.translation
    if record is None:
        return False
    return record.status == "draft" or bool(untranslated_fields(doc)) or any(is_untranslated(u) for u in doc.walk())


def printable(corpus: Corpus) -> Corpus:
    """The corpus an edition is made from: without its draft translations, so that the chapters, the titles
    of the documents they cite and the quotes all fall back on the source text. Computed once per corpus."""
    cached = corpus.__dict__.get("_printable")
    if cached is not None and cached[0] == len(corpus.documents):
        return cached[1]
    kept = [d for d in corpus.documents if not (d.has_text and is_draft(d))]
    result = corpus if len(kept) == len(corpus.documents) else Corpus(kept)
    corpus.__dict__["_printable"] = (len(corpus.documents), result)
    return result


def print_pick(corpus: Corpus, doc_id: str, lang: str) -> tuple[Document, bool]:
    """The version an edition prints: as a reader gets it (versions.pick), except that a draft translation is
    left out for the source text, marked as a fallback."""
    return pick(printable(corpus), doc_id, lang)


def mandate_units(corpus: Corpus) -> tuple[tuple[str, str], ...]:
    """The mandate paragraphs the corpus has: (document id, unit id)."""
    return tuple((d, u) for d, u in MANDATES if corpus.versions(d))


def cluster_definition(cluster: str) -> tuple[str, str] | None:
    """Where the cluster is defined: (document id, unit id) in resolution 2003/30."""
    unit = CLUSTER_DEFINITION.get(cluster)
    return (DEFINING_RESOLUTION, unit) if unit else None


def book(corpus: Corpus, lang: str) -> Book:
    corpus = printable(corpus)
    result = Book(lang)
    by_cluster: dict[str, list[Entry]] = {}
    printed = adopting_resolutions(corpus)
    for doc_id in corpus.ids():
        doc, fallback = print_pick(corpus, doc_id, lang)
        entry = Entry(doc, fallback)
        if doc.collection == "resolutions":
            if doc_id in printed:
                result.resolutions.append(entry)
        else:
            cluster = doc.meta.cluster
            by_cluster.setdefault(cluster if cluster in CLUSTERS else OTHER, []).append(entry)
    for cluster in (*CLUSTERS, OTHER):
        if by_cluster.get(cluster):
            result.parts.append((cluster, sorted(by_cluster[cluster], key=_adoption_key)))
    result.resolutions.sort(key=_adoption_key)
    return result


def editions(corpus: Corpus, lang: str) -> list[Edition]:
    """Biggest first: the pool starts the long renders early, so the cores finish together."""
    corpus = printable(corpus)
    b = book(corpus, lang)
    if not b.entries():
        return []
    parts = tuple((c, tuple(es)) for c, es in b.parts)
    result = [Edition(lang, "full", "compendium", parts, tuple(b.resolutions))]
    result += [Edition(lang, "cluster", cluster, ((cluster, es),)) for cluster, es in parts]
    result += [Edition(lang, "instrument", e.id, ((cluster, (e,)),)) for cluster, es in parts for e in es
               if e.doc.has_text and not e.fallback]
    for doc_id in corpus.ids():
        doc, fallback = print_pick(corpus, doc_id, lang)
        if doc.collection == "resolutions" and doc.has_text and not fallback:
            result.append(Edition(lang, "resolution", doc_id, (), (Entry(doc, False),)))
    return result
