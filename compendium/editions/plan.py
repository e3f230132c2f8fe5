"""Which editions a corpus gives, what each holds, and where its file goes in the site.

Per language: the full compendium, one edition per cluster that has instruments, and one per instrument that
has a text (a catalogue record alone is no printable document; it is in the full and cluster editions).
Like the printed compendium, the editions hold the standards and norms and the resolutions that adopted
them; every other resolution has its page on the site but is not printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import addresses
from ..facts import adopting_resolutions, adoption_date
from ..model import Corpus, Document
from ..versions import pick
from ..vocabulary import CLUSTERS, OTHER_CLUSTER as OTHER

KINDS = ("full", "cluster", "instrument")


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

    def entries(self) -> list[Entry]:
        return [e for _cluster, entries in self.parts for e in entries] + list(self.resolutions)

    def docs(self) -> list[Document]:
        return [e.doc for e in self.entries()]


def _adoption_key(entry: Entry) -> tuple[str, str]:
    """Chronological by first adoption, so that every language's edition has the same order."""
    return (adoption_date(entry.doc) or "9999", entry.id)


def book(corpus: Corpus, lang: str) -> Book:
    result = Book(lang)
    by_cluster: dict[str, list[Entry]] = {}
    printed = adopting_resolutions(corpus)
    for doc_id in corpus.ids():
        doc, fallback = pick(corpus, doc_id, lang)
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
    b = book(corpus, lang)
    if not b.entries():
        return []
    parts = tuple((c, tuple(es)) for c, es in b.parts)
    result = [Edition(lang, "full", "compendium", parts, tuple(b.resolutions))]
    result += [Edition(lang, "cluster", cluster, ((cluster, es),)) for cluster, es in parts]
    result += [Edition(lang, "instrument", e.id, ((cluster, (e,)),)) for cluster, es in parts for e in es
               if e.doc.has_text]
    return result
