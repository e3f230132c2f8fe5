"""The compendium's closed vocabularies, in one place: clusters, adopting bodies, statuses, kinds,
completeness values and translation statuses, each with its interface label.

The schema checks front matter against these tuples; the indexes, pages and editions list and label from
them. A label is an English msgid translated by the page's gettext `_`.
"""

from __future__ import annotations

from typing import Callable

Gettext = Callable[[str], str]

# The interface strings (gettext msgids) are written in English.
INTERFACE_LANGUAGE = "en"
# The language a document's other versions are translated from, unless its files say `source_language`.
DEFAULT_SOURCE_LANGUAGE = "en"

COLLECTIONS = ("instruments", "resolutions")

# The four clusters of ECOSOC resolution 2003/30, paragraph 3 (a) to (d), in that order.
CLUSTERS = ("custody", "cooperation", "prevention", "governance")
CLUSTER_DEFINITION = {"custody": "para-3-a", "cooperation": "para-3-b", "prevention": "para-3-c",
                      "governance": "para-3-d"}
DEFINING_RESOLUTION = "ecosoc-2003-30"
OTHER_CLUSTER = "other"  # an instrument without a known cluster still belongs in the book

# Adopting bodies, in the order the indexes list them.
BODIES = ("ga", "ecosoc", "congress", "commission")
STATUSES = ("in-force", "superseded", "draft")
DEFAULT_STATUS = "in-force"
COMPLETENESS = ("complete", "partial", "none")
TRANSLATION_STATUSES = ("draft", "translated", "reviewed", "official")
NUMBERING = ("auto", "section", "document")
KINDS = {
    "resolutions": ("resolution",),
    "instruments": ("rules", "principles", "guidelines", "declaration", "code", "model-treaty", "standards",
                    "procedures", "safeguards", "strategies", "agreement", "instrument"),
}

SITE_TITLE = "Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice"


def site_title(_: Gettext) -> str:
    return _("Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice")


def cluster_name(cluster: str, _: Gettext) -> str:
    return {
        "custody": _("Persons in custody, non-custodial sanctions, juvenile and restorative justice"),
        "cooperation": _("International cooperation"),
        "prevention": _("Crime prevention and victim issues"),
        "governance": _("Good governance, independence of the judiciary, integrity of criminal justice personnel"),
        OTHER_CLUSTER: _("Other instruments"),
    }.get(cluster, cluster)


def status_name(status: str, _: Gettext) -> str:
    return {"in-force": _("in force"), "superseded": _("superseded"), "draft": _("draft")}.get(status, status)


def completeness_name(value: str, _: Gettext) -> str:
    return {"complete": _("complete text"), "partial": _("partial text"),
            "none": _("catalogue record: text not yet in the compendium")}.get(value, value)


def body_name(body: str, _: Gettext) -> str:
    return {"ecosoc": _("Economic and Social Council"), "ga": _("General Assembly"),
            "congress": _("United Nations Congress on the Prevention of Crime"),
            "commission": _("Commission on Crime Prevention and Criminal Justice")}.get(body, body)
