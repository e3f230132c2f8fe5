"""Ways into the compendium: by cluster, by year, by adopting body, the list of resolutions, the home overview.

Every index is built from front matter alone, so a catalogue record with no text is listed like any other.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Callable

from .languages import info, known_languages
from .model import Corpus, Document
from .i18n import format_iso_date
from .facts import BODIES, adopting_bodies, adopting_symbol, adoption_year, adoptions
from .render import body_name, cluster_name, completeness_name, paragraphs, status_name

CLUSTERS = ("custody", "cooperation", "prevention", "governance")
# Where each cluster is defined: ECOSOC resolution 2003/30, paragraph 3 (a) to (d).
CLUSTER_DEFINITION = {"custody": "para-3-a", "cooperation": "para-3-b", "prevention": "para-3-c",
                      "governance": "para-3-d"}
DEFINING_RESOLUTION = "ecosoc-2003-30"


def languages_with_text(corpus: Corpus, doc_id: str) -> list[str]:
    return [lang for lang in known_languages() if (d := corpus.get(doc_id, lang)) is not None and d.has_text]


class Indexes:
    """The index pages of one language's site; `pick` chooses each document's text for the reader."""

    def __init__(self, corpus: Corpus, lang: str, pick: Callable[[Corpus, str, str], tuple[Document, bool]],
                 _: Callable[[str], str]):
        self.corpus, self.lang, self.pick, self._ = corpus, lang, pick, _
        self.ids = {c: sorted({d.id for d in corpus.documents if d.collection == c})
                    for c in ("instruments", "resolutions")}
        self._clusters: dict[str, list[Document]] = {}

    def doc(self, doc_id: str) -> Document:
        return self.pick(self.corpus, doc_id, self.lang)[0]

    def in_cluster(self, cluster: str) -> list[Document]:
        if cluster not in self._clusters:  # asked for by every page of the cluster: worked out once
            docs = [self.doc(i) for i in self.ids["instruments"]]
            docs = [d for d in docs if d.metadata.get("cluster") == cluster]
            self._clusters[cluster] = sorted(docs, key=lambda d: (adoption_year(d) or 9999, d.title))
        return self._clusters[cluster]

    def link(self, doc: Document, prefix: str) -> str:
        lang_attr = f' lang="{doc.lang}"' if doc.lang != self.lang else ""
        return f'<a href="{prefix}{doc.collection}/{doc.id}/"{lang_attr}>{html.escape(doc.title)}</a>'

    # -- pages -------------------------------------------------------------
    def cluster(self, cluster: str) -> str:
        _ = self._
        docs = self.in_cluster(cluster)
        head = [_("Instrument"), _("Adopted"), _("Adopting symbol"), _("Status"), _("Text available in")]
        rows = []
        for d in docs:
            langs = " ".join(f'<span lang="{l}" title="{html.escape(info(l)["name"])}">{l}</span>'
                             for l in languages_with_text(self.corpus, d.id)) or html.escape(_("catalogue record only"))
            rows.append([self.link(d, "../../"), str(adoption_year(d) or ""),
                         symbol(adopting_symbol(d) or ""), html.escape(status_name(d.metadata.get("status", "in-force"), _)),
                         langs])
        return (f'<h1>{html.escape(cluster_name(cluster, _))}</h1>{self.definition(cluster, "../../")}'
                f'{table(head, rows)}')

    def definition(self, cluster: str, prefix: str) -> str:
        """The cluster's definition, quoted from the resolution that set the clusters, with a link to it."""
        source = self.corpus.get(DEFINING_RESOLUTION, self.lang) or self.corpus.get(DEFINING_RESOLUTION, "en")
        unit = next((u for u in source.walk() if u.id == CLUSTER_DEFINITION[cluster]), None) if source else None
        if unit is None:
            return ""
        quote = paragraphs(unit.text, {}, "")
        lang_attr = f' lang="{source.lang}"' if source.lang != self.lang else ""
        cite = self._("Economic and Social Council resolution 2003/30, paragraph 3")
        return (f'<blockquote class="cmp-definition"{lang_attr}>{quote}</blockquote>'
                f'<p class="cmp-note"><a href="{prefix}resolutions/{DEFINING_RESOLUTION}/#{unit.id}">{html.escape(cite)}</a></p>')

    def chronological(self) -> str:
        by_year: dict[int | None, list[Document]] = defaultdict(list)
        for collection in ("instruments", "resolutions"):
            for i in self.ids[collection]:
                doc = self.doc(i)
                by_year[adoption_year(doc)].append(doc)
        parts = [f'<h1>{html.escape(self._("By year of adoption"))}</h1>']
        for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
            label = str(year) if year else self._("Year not recorded")
            anchor = f"year-{year}" if year else "year-unknown"
            items = "".join(f"<li>{self.link(d, '../../')} {self.note(d)}</li>"
                            for d in sorted(by_year[year], key=lambda d: d.title))
            parts.append(f'<h2 id="{anchor}">{html.escape(label)}</h2><ul class="cmp-list">{items}</ul>')
        return "".join(parts)

    def by_body(self) -> str:
        groups: dict[str, list[Document]] = defaultdict(list)
        for collection in ("instruments", "resolutions"):
            for i in self.ids[collection]:
                doc = self.doc(i)
                for body in adopting_bodies(doc) or ["unknown"]:
                    groups[body].append(doc)
        parts = [f'<h1>{html.escape(self._("By adopting body"))}</h1>']
        for body in [b for b in BODIES if b in groups] + [b for b in groups if b not in BODIES]:
            label = body_name(body, self._) if body != "unknown" else self._("Adopting body not recorded")
            items = "".join(f"<li>{self.link(d, '../../')} {self.note(d)}</li>"
                            for d in sorted(groups[body], key=lambda d: (adoption_year(d) or 9999, d.title)))
            parts.append(f'<h2 id="body-{body}">{html.escape(label)}</h2><ul class="cmp-list">{items}</ul>')
        return "".join(parts)

    def resolutions(self) -> str:
        _ = self._
        head = [_("Resolution"), _("Title"), _("Date"), _("Completeness")]
        rows = []
        for d in sorted((self.doc(i) for i in self.ids["resolutions"]), key=lambda d: (adoption_year(d) or 9999, d.id)):
            entry = next(iter(adoptions(d)), {})
            date = format_iso_date(entry["date"], self.lang) if entry.get("date") else ""
            rows.append([symbol(adopting_symbol(d) or d.id), self.link(d, "../"), html.escape(date),
                         html.escape(completeness_name(d.metadata.get("completeness", "none"), _))])
        return f'<h1>{html.escape(_("Resolutions"))}</h1>{table(head, rows)}'

    def instruments(self) -> str:
        parts = [f'<h1>{html.escape(self._("Instruments"))}</h1>']
        for cluster in CLUSTERS:
            docs = self.in_cluster(cluster)
            items = "".join(f"<li>{self.link(d, '../')} {self.note(d)}</li>" for d in docs)
            parts.append(f'<h2 id="{cluster}"><a href="../clusters/{cluster}/">{html.escape(cluster_name(cluster, self._))}'
                         f'</a></h2><ul class="cmp-list">{items}</ul>')
        return "".join(parts)

    def home(self, title: str, latest: list[str], downloads: bool) -> str:
        _ = self._
        clusters = "".join(f'<li><a href="clusters/{c}/">{html.escape(cluster_name(c, _))}</a> '
                           f'<span class="cmp-count">{len(self.in_cluster(c))}</span></li>' for c in CLUSTERS)
        recent = "".join(f"<li>{self.link(self.doc(i), '')} {self.note(self.doc(i))}</li>" for i in latest)
        ways = [(f"{c}/", label) for c, label in (("instruments", _("All instruments")), ("resolutions", _("Resolutions")))
                if self.ids[c]]
        ways += [("indexes/years/", _("By year of adoption")), ("indexes/bodies/", _("By adopting body"))]
        if downloads:
            ways.append(("downloads/", _("Downloads: printable editions")))
        ways_html = "".join(f'<li><a href="{href}">{html.escape(label)}</a></li>' for href, label in ways)
        return (f'<h1>{html.escape(title)}</h1>'
                f'<h2 id="clusters">{html.escape(_("Standards and norms by cluster"))}</h2><ul class="cmp-list cmp-clusters">{clusters}</ul>'
                f'<h2 id="latest">{html.escape(_("Latest additions"))}</h2><ul class="cmp-list">{recent}</ul>'
                f'<h2 id="ways">{html.escape(_("Find a text"))}</h2><ul class="cmp-list">{ways_html}</ul>')

    def note(self, doc: Document) -> str:
        bits = [str(y) for y in [adoption_year(doc)] if y]
        if doc.metadata.get("status", "in-force") != "in-force":
            bits.append(status_name(doc.metadata["status"], self._))
        return f'<span class="cmp-note">({html.escape(", ".join(bits))})</span>' if bits else ""


def symbol(text: str) -> str:
    """A document symbol reads left to right on a right-to-left page too ("663 C (XXIV)", not "C (XXIV) 663")."""
    return f'<bdi dir="ltr">{html.escape(text)}</bdi>' if text else ""


def table(head: list[str], rows: list[list[str]]) -> str:
    th = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<div class="md-typeset__table"><table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></div>'
