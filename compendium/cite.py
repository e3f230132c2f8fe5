"""Citations a reader copies: a document or one of its paragraphs named as the United Nations cite them,
in the reader's language ("Economic and Social Council resolution 1993/34, sect. III, para. 7 (c)";
"Nelson Mandela Rules, rule 43, para. 1 (a)"), and its permanent link.

The wording comes from the gettext catalogs (translations/), so that every language writes its own order and
abbreviations. Checked against the UN's own texts in content/resolutions/*/<lang>.md:
  fr  "résolution 1992/22 du Conseil économique et social", "sect. I", "par. 24", "règle"
  es  "secc. I.A", "párr. 24", "regla 4, párr. 1", "resolución ... del Consejo Económico y Social"
  ru  "разд. I.A", "п. 6", "правило 61"
  ar  "الفرع", "القاعدة 61", "القرار"
  zh  "第一节", "段"
Not verified in those texts (a reasonable form, to be checked by a translator): the Arabic and Chinese
section numbers are written as in the id (Roman: the texts spell them as words, الفرع الأول, 第一节); the
Arabic and Chinese wording of paragraph, article, principle and guideline; and the General Assembly, congress
and commission forms in every language but English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .addresses import absolute, document_pdf, relative
from .facts import first_adoption
from .model import Document
from .unitid import unit_label


def N_(message: str) -> str:
    """Marks a string for the catalogs (translations/update.py) without translating it here."""
    return message


# unit_label's long words (the page's "section III, paragraph 7") → a citation's abbreviations.
ABBREVIATIONS = {
    "section %(n)s": N_("sect. %(n)s"),
    "paragraph %(n)s": N_("para. %(n)s"),
    "article %(n)s": N_("art. %(n)s"),
    "preamble, paragraph %(n)s": N_("preamble, para. %(n)s"),
    "rule %(n)s": N_("rule %(n)s"),
    "principle %(n)s": N_("principle %(n)s"),
    "guideline %(n)s": N_("guideline %(n)s"),
}

# A resolution by its adopting body: each language has its own order and grammatical case.
RESOLUTIONS = {
    "ecosoc": N_("Economic and Social Council resolution %(number)s"),
    "ga": N_("General Assembly resolution %(number)s"),
    "congress": N_("United Nations Congress on the Prevention of Crime resolution %(number)s"),
    "commission": N_("Commission on Crime Prevention and Criminal Justice resolution %(number)s"),
}


# TRANSLATORS: a citation: the document, then the paragraph ("…resolution 1993/34, sect. III, para. 7").
_SEPARATOR = N_("%(document)s, %(unit)s")


def document_name(doc: Document, _: Callable[[str], str]) -> str:
    """A document as a citation names it: a resolution by its body and number, else its (short) title."""
    if doc.meta.kind == "resolution":
        adoption = first_adoption(doc)
        if adoption.resolution and adoption.body in RESOLUTIONS:
            return _(RESOLUTIONS[adoption.body]) % {"number": adoption.resolution}
        if adoption.resolution:
            return _("resolution %(number)s") % {"number": adoption.resolution}
    return doc.display_title


def unit_part(unit_id: str, _: Callable[[str], str]) -> str:
    """A unit as a citation names it: "sect. III, para. 7 (c)", its parts joined as the language joins a
    citation's (Arabic "،", Chinese "，")."""
    label = unit_label(unit_id, lambda message: _(ABBREVIATIONS.get(message, message)))
    return label.replace(", ", _(_SEPARATOR) % {"document": "", "unit": ""})


def citation(doc: Document, _: Callable[[str], str], unit_id: str | None = None) -> str:
    """The citation of a document, or of one of its units, in the language of `_`."""
    name = document_name(doc, _)
    return cite_unit(name, unit_id, _) if unit_id else name


def cite_unit(name: str, unit_id: str, _: Callable[[str], str]) -> str:
    """A unit's citation from its document's (`document_name`)."""
    return _(_SEPARATOR) % {"document": name, "unit": unit_part(unit_id, _)}


def permanent_link(page: str, site_url: str, from_page: str | None = None) -> str:
    """A page's permanent address (`page`: from the root of all sites, "en/resolutions/ecosoc-1993-34/"):
    absolute when the site URL is known, else relative to `from_page` (the page itself by default)."""
    if site_url:
        return absolute(site_url.rstrip("/"), page)
    return relative(from_page or page, page)


@dataclass(frozen=True)
class CiteBox:
    """What a document page offers to cite it: the citation, its permanent link and the JSON export."""
    text: str
    link: str
    json_href: str
    label_cite: str
    label_copied: str
    label_json: str
    pdf_href: str | None = None  # the document's own PDF in the page's language, where the build made one
    label_pdf: str = "PDF"
    akn_href: str | None = None  # its text as Akoma Ntoso XML, beside the JSON (compendium/akn/)
    label_akn: str = "Akoma Ntoso (XML)"


def cite_box(doc: Document, lang: str, _: Callable[[str], str], site_url: str, pdf: bool = False) -> CiteBox:
    """`doc`: the version shown on the page of `lang` (its own text, or the source text under a notice);
    `pdf`: the document has its own PDF edition in `lang`."""
    from .i18n import pgettext_for

    pgettext = pgettext_for(lang)
    page = doc.ref.page(lang)
    return CiteBox(
        text=citation(doc, _),
        link=permanent_link(page, site_url),
        json_href=relative(page, doc.ref.json(lang)),
        # TRANSLATORS: a button that shows how to cite this document (the verb, "Cite this").
        label_cite=pgettext("button", "Cite"),
        label_copied=_("Citation copied"),
        label_json=_("Data (JSON)"),
        pdf_href=relative(page, document_pdf(doc.ref, lang)) if pdf else None,
        label_pdf=_("Print (PDF)"),
        akn_href=relative(page, doc.ref.akn(lang)),
        # TRANSLATORS: a link to the document as XML in Akoma Ntoso, the OASIS standard for legal and
        # parliamentary documents that the United Nations uses; "Akoma Ntoso" is a name, not translated.
        label_akn=_("Akoma Ntoso (XML)"),
    )
