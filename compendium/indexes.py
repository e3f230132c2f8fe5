"""Ways into the compendium: by cluster, by year, by adopting body, the list of resolutions, the home overview.

Every index is built from front matter alone, so a catalogue record with no text is listed like any other.
The markup is templates/indexes.html; each page's hrefs come from its link policy (compendium.addresses).
"""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Callable

from . import addresses
from .addresses import WebLinks
from .facts import adopting_bodies, adopting_symbol, adoption_date, adoption_year
from .i18n import format_iso_date, list_separator
from .languages import direction, info, known_languages
from .markup import macro
from .model import Corpus, Document
from .render import quoted_paragraphs
from .versions import languages_with_text, pick, title_version
from .vocabulary import (BODIES, CLUSTER_DEFINITION, CLUSTERS, COLLECTIONS, DEFAULT_STATUS, DEFINING_RESOLUTION,
                         body_name, cluster_name, completeness_name, status_name)


class Indexes:
    """The index pages of one language's site; each document in the version its reader gets (versions.pick)."""

    def __init__(self, corpus: Corpus, lang: str, _: Callable[[str], str]):
        self.corpus, self.lang, self._ = corpus, lang, _
        self.ids = {c: sorted({d.id for d in corpus.documents if d.collection == c}) for c in COLLECTIONS}
        self._clusters: dict[str, list[Document]] = {}

    def doc(self, doc_id: str) -> Document:
        return pick(self.corpus, doc_id, self.lang)[0]

    def in_cluster(self, cluster: str) -> list[Document]:
        if cluster not in self._clusters:  # asked for by every page of the cluster: worked out once
            docs = [self.doc(i) for i in self.ids["instruments"]]
            docs = [d for d in docs if d.meta.cluster == cluster]
            self._clusters[cluster] = sorted(docs, key=lambda d: (adoption_year(d) or 9999, d.title))
        return self._clusters[cluster]

    def view(self, path: str) -> "IndexView":
        return IndexView(self, WebLinks(self.lang, addresses.in_site(self.lang, path)))

    # -- pages -------------------------------------------------------------
    def cluster(self, cluster: str) -> str:
        v = self.view(addresses.cluster_path(cluster))
        return str(macro("indexes.html", "cluster")(v, cluster_name(cluster, self._), v.definition(cluster),
                                                     self.in_cluster(cluster)))

    def chronological(self) -> str:
        v = self.view("indexes/years/")
        by_year: dict[int | None, list[Document]] = defaultdict(list)
        for collection in COLLECTIONS:
            for i in self.ids[collection]:
                doc = self.doc(i)
                by_year[adoption_year(doc)].append(doc)
        groups = []
        for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
            label = str(year) if year else self._("Year not recorded")
            anchor = f"year-{year}" if year else "year-unknown"
            groups.append((anchor, label, sorted(by_year[year], key=lambda d: d.title)))
        return str(macro("indexes.html", "grouped")(v, self._("By year of adoption"), groups))

    def by_body(self) -> str:
        v = self.view("indexes/bodies/")
        found: dict[str, list[Document]] = defaultdict(list)
        for collection in COLLECTIONS:
            for i in self.ids[collection]:
                doc = self.doc(i)
                for body in adopting_bodies(doc) or ["unknown"]:
                    found[body].append(doc)
        groups = []
        for body in [b for b in BODIES if b in found] + [b for b in found if b not in BODIES]:
            label = body_name(body, self._) if body != "unknown" else self._("Adopting body not recorded")
            groups.append((f"body-{body}", label,
                           sorted(found[body], key=lambda d: (adoption_year(d) or 9999, d.title))))
        return str(macro("indexes.html", "grouped")(v, self._("By adopting body"), groups))

    def resolutions(self) -> str:
        v = self.view("resolutions/")
        docs = sorted((self.doc(i) for i in self.ids["resolutions"]), key=lambda d: (adoption_year(d) or 9999, d.id))
        return str(macro("indexes.html", "resolutions")(v, docs))

    def instruments(self) -> str:
        v = self.view("instruments/")
        return str(macro("indexes.html", "instruments")(v, v.clusters()))

    def home(self, title: str, latest: list[str], downloads: bool) -> str:
        v = self.view("")
        _ = self._
        ways = [(v.links.page(addresses.collection_page(self.lang, c)), label)
                for c, label in (("instruments", _("All instruments")), ("resolutions", _("Resolutions")))
                if self.ids[c]]
        ways += [(v.links.page(addresses.index_page(self.lang, "years")), _("By year of adoption")),
                 (v.links.page(addresses.index_page(self.lang, "bodies")), _("By adopting body"))]
        if downloads:
            ways.append((v.links.page(addresses.downloads_page(self.lang)), _("Downloads: printable editions")))
        return str(macro("indexes.html", "home")(v, title, v.clusters(), [self.doc(i) for i in latest], ways))


class IndexView:
    """What the index templates ask of a document, on one page."""

    def __init__(self, indexes: Indexes, links: WebLinks):
        self.ix, self.links = indexes, links
        self.lang, self._ = indexes.lang, indexes._

    def href(self, doc: Document) -> str:
        return self.links.document(doc.ref) or ""

    def titled(self, doc: Document) -> Document:
        """The version whose title the reader sees (the reader's own record where there is one)."""
        return title_version(self.ix.corpus, doc, self.lang)

    def year(self, doc: Document) -> str:
        return str(adoption_year(doc) or "")

    def symbol(self, doc: Document) -> str:
        return adopting_symbol(doc) or ""

    def status(self, doc: Document) -> str:
        return status_name(doc.meta.status, self._)

    def completeness(self, doc: Document) -> str:
        return completeness_name(doc.meta.completeness, self._)

    def date(self, doc: Document) -> str:
        date = adoption_date(doc)
        return format_iso_date(date, self.lang) if date else ""

    @property
    def comma(self) -> str:
        """Between the items of a list, as the reader's language writes it (its data's `comma`)."""
        return list_separator(self.lang)

    def note_bits(self, doc: Document) -> list[str]:
        bits = [str(y) for y in [adoption_year(doc)] if y]
        if doc.meta.status != DEFAULT_STATUS:
            bits.append(status_name(doc.meta.status, self._))
        return bits

    def languages_with_text(self, doc: Document) -> list[tuple[str, str]]:
        return [(l, info(l)["name"]) for l in languages_with_text(self.ix.corpus, doc.id, known_languages())]

    def clusters(self) -> list[tuple[str, str, str, list[Document]]]:
        return [(c, cluster_name(c, self._), self.links.page(addresses.cluster_page(self.lang, c)) or "",
                 self.ix.in_cluster(c)) for c in CLUSTERS]

    def definition(self, cluster: str):
        """The cluster's definition, quoted from the resolution that set the clusters, with a link to it."""
        source = pick(self.ix.corpus, DEFINING_RESOLUTION, self.lang)[0] \
            if self.ix.corpus.versions(DEFINING_RESOLUTION) else None
        unit_id = CLUSTER_DEFINITION.get(cluster)
        unit = next((u for u in source.walk() if u.id == unit_id), None) if source is not None else None
        if unit is None:
            return None
        return SimpleNamespace(lang=source.lang, dir=direction(source.lang), quote=quoted_paragraphs(unit.text),
                               href=self.links.document(source.ref, unit.id),
                               cite=self._("Economic and Social Council resolution 2003/30, paragraph 3"))
