"""Citations: the resolutions, documents and instruments a text mentions, linked, checked and counted back.

- mentions.py  find_mentions(text, lang, own_body) → [Mention]   (pure; patterns.py builds each language from its data)
- titles.py    TitleMatcher(corpus, lang).find(text)            (instruments named by title)
- places.py    parse_place(text, lang), locate(doc, place)      ("section III, paragraph 7 (c)" → its unit)
- resolve.py   Resolver(corpus).resolve(mention, citing_doc)   (a page of the compendium, undocs.org, or a problem)
- linking.py   link_html(fragment, find, may)                   (links in rendered HTML, outside existing links)
- index.py     CitationIndex / citation_index(corpus), backlinks(corpus)
- check.py     check_citations(corpus, report)                  (warnings for `compendium validate`)

A resolved mention names a target (a document and unit, or an undocs.org URL), never an href: the
renderer's link policy (compendium.addresses) turns it into one for each output. The lineage banner
and the "Cited by" lists are drawn by the render tree (compendium/render.py, templates/document.html).
"""

from .check import check_citations
from .index import Backlink, CitationIndex, backlinks, citation_index
from .mentions import Mention, find_mentions, infer_body, normalise_number, number_shape
from .places import Place, PlaceNotFound, locate, parse_place
from .resolve import Resolution, Resolver, key_of_symbol, symbol_of
from ..unitid import unit_label
from .titles import TitleMatcher

__all__ = ["Backlink", "CitationIndex", "Mention", "Place", "PlaceNotFound", "Resolution", "Resolver", "TitleMatcher",
           "backlinks", "check_citations", "citation_index", "find_mentions", "infer_body",
           "key_of_symbol", "locate", "normalise_number", "number_shape", "parse_place", "symbol_of",
           "unit_label"]
