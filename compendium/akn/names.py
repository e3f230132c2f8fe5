"""Akoma Ntoso names: the vocabulary both the exporter and the importer of the UN's own files use, and the FRBR
names (AKN4UN) of a compendium document, decided from its typed metadata. The URIs themselves are spelt by
compendium/addresses.py.

The names follow the UN's own Akoma Ntoso files (the resolutions of the General Assembly and the Economic and
Social Council in AKN4UN), not a reading of the guidelines: a resolution is the work
`/akn/un/statement/deliberation/<actor>/<adoption date>/<number>/`, the actor `unga` or `unecosoc`, the number
its resolution number with "-" for "/" (`70-175`, `2021-20`, `S-32-1`); its language versions are expressions
`<work><lang>@/` with the ISO 639-2 code the UN uses (`eng`, `fra`, `zho`...), their XML files manifestations
`<work><lang>@.xml`; FRBRthis names the component, `!main/` for the resolution itself.

An instrument annexed to the resolution that adopted it (the Nelson Mandela Rules, annexed to resolution 70/175)
is not a work of its own in AKN4UN: the UN's files hold an annex as a component of the resolution's work
(FRBRthis `…/70-175/!main/annex`, FRBRuri the resolution's work). The compendium publishes such an instrument as
a document of its own, so its XML names that component: the same work as the resolution, FRBRthis
`<work>!main/annex`. A reference to the instrument, or to one of its rules, points to that component
(`…/70-175/!main/annex~rule_43`).

Nothing is invented. A work's AKN4UN name needs the adopting body (General Assembly or ECOSOC), the resolution
number and the full adoption date, all confirmed in the metadata. Where one of them is missing, partial (a year
only) or marked unverified, the document is named in the compendium's own space instead
(`/akn/un/statement/compendium/<collection>/<id>/`) and `Identity.verified` is False; its FRBRdate is the full
date where the metadata gives one (`name="adoption-unverified"`), else `0001-01-01` named `unknown` (the schema
wants a full date, and none is made up from a year). The fallback is visible in the file and testable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import addresses
from ..model import Adoption, Document, Metadata

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Our language codes → AKN4UN's (ISO 639-2, as the UN's files write FRBRlanguage). A language missing here keeps
# its own code (a national edition's language: add it).
LANGUAGE_CODES = {"ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
# Codes the UN's files also use for a language (the bibliographic ISO 639-2 forms), read by the importer.
LANGUAGE_ALIASES = {"chi": "zh", "fre": "fr"}
# Our adopting bodies → AKN4UN's actors in a work's name.
ACTORS = {"ga": "unga", "ecosoc": "unecosoc"}
# The organisations a file names (TLCOrganization): eId, href, showAs; the UN's bodies as the UN's own files name
# them; the compendium, which made the file, in a name of its own (not in the UN's ontology).
ORGANIZATIONS = {"ga": ("/akn/ontology/organization/un/generalAssembly", "General Assembly"),
                 "ecosoc": ("/akn/ontology/organization/un/economicAndSocialCouncil", "Economic and Social Council")}
COMPENDIUM = ("compendium", "/akn/ontology/organization/compendium",
              "Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice")
MAIN = "main/"
ANNEX = "main/annex"
_NUMBER = re.compile(r"^(S-)?\d+/\d+$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def language_code(lang: str) -> str:
    return LANGUAGE_CODES.get(lang, lang)


def our_language(code: str) -> str | None:
    """An AKN4UN language code → ours ("fra" → "fr"); None for a language the compendium does not know."""
    mapping = {v: k for k, v in LANGUAGE_CODES.items()} | LANGUAGE_ALIASES
    return mapping.get(code)


def our_body(actor: str) -> str | None:
    """An actor of a work's name ("unga", or "un-ga" as AKN4UN's guidelines write it) → our body ("ga")."""
    return {v: k for k, v in ACTORS.items()}.get(actor.replace("-", ""))


@dataclass(frozen=True)
class Identity:
    """A document's FRBR names; `work` is the FRBRuri of the work, `component` what FRBRthis adds to it."""
    work: str
    component: str
    date: str | None  # the adoption date as the metadata gives it (ISO, possibly partial), None if unknown
    body: str | None  # our adopting body: the FRBRauthor
    verified: bool  # False: a fallback name in the compendium's own space

    @property
    def this(self) -> str:
        return addresses.akn_component(self.work, self.component)

    def expression(self, lang: str) -> str:
        return addresses.akn_expression(self.work, language_code(lang))

    def expression_this(self, lang: str) -> str:
        return addresses.akn_expression_component(self.work, language_code(lang), self.component)

    def manifestation(self, lang: str) -> str:
        return addresses.akn_manifestation(self.work, language_code(lang))

    def manifestation_this(self, lang: str) -> str:
        return addresses.akn_manifestation_component(self.work, language_code(lang), self.component)

    def target(self, eid: str | None = None) -> str:
        """What a <ref href> names: the document (the work, or the annex component), or one of its units."""
        whole = self.work if self.component == MAIN else self.this
        return addresses.akn_portion(whole, eid)


def _adoption(meta: Metadata) -> Adoption | None:
    return meta.adoptions[0] if meta.adoptions else None


def _confirmed(meta: Metadata, entry: Adoption | None) -> bool:
    """The facts a work's name needs, all present and confirmed."""
    return (entry is not None and entry.verified and not meta.unverified("adopted_by") and entry.body in ACTORS
            and bool(entry.resolution and _NUMBER.match(entry.resolution))
            and bool(entry.date and _FULL_DATE.match(entry.date)))


def identity(doc: Document) -> Identity:
    """The FRBR names of a document (any language version: the facts are the work's)."""
    meta = doc.meta
    entry = _adoption(meta)
    if not _confirmed(meta, entry):
        return Identity(addresses.akn_local_work(doc.collection, doc.id), MAIN, entry.date if entry else None,
                        entry.body if entry else None, False)
    assert entry is not None and entry.body and entry.resolution and entry.date
    work = addresses.akn_work(ACTORS[entry.body], entry.date, entry.resolution.replace("/", "-"))
    # A resolution is the main component of its work; an instrument, the annex of the resolution adopting it.
    component = MAIN if doc.collection == "resolutions" else ANNEX
    return Identity(work, component, entry.date, entry.body, True)
