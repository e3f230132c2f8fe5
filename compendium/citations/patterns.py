"""How a language words a resolution mention and a cited place: built from the `citations:` of its data file.

Each language gives regular-expression fragments (compendium/languages/<code>.yml); ``mentions.py``
compiles them once into one pattern per language. A body is named by a code: ``ga``, ``ecosoc``,
``commission`` (the Commission on Crime Prevention and Criminal Justice) or ``other`` (a body whose
resolutions the compendium cannot link: the Security Council, the Commission on Human Rights, the
Commission on Narcotic Drugs...). Bodies are listed most specific first: "Security Council" before "Council".
A language whose data has no `citations:` has no Language: `language(lang)` is None.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language_data import all_data, cached, language_data, pairs
from ..scripts_data import DIGITS

DIGIT = DIGITS  # ASCII, Arabic-Indic and Eastern Arabic-Indic digits
ROMAN = "[IVXLC]+"
# A resolution number: 1993/34 (ECOSOC: year/number), 46/152 (GA, Commission: session/number), or the
# older forms 155 C (VII) and 3452 (XXX).
NUMBER = (rf"(?<![{DIGIT}/.A-Za-z])(?:[{DIGIT}]{{1,4}}\s?/\s?[{DIGIT}]{{1,4}}"
          rf"|[{DIGIT}]{{1,4}}(?:\s?[A-Z])?\s?\({ROMAN}\))(?![{DIGIT}/])")
# A United Nations document symbol: E/CN.15/1994/6, A/CONF.169/16, E/RES/1993/34, A/RES/70/175, A/RES/3452(XXX).
SYMBOL = (r"(?<![\w/])(?:A|E|S|ST)(?:/[A-Z][A-Z0-9]*(?:\.[0-9]+)?)*(?:/[0-9]+(?:\s?\([IVXLC]+\))?)+"
          r"(?:/(?:Add|Rev|Corr)\.[0-9]+)*(?![\w/])")
# Sub-items after a paragraph number: (c), c), (a) (ii). A data file writes it `{items}`.
ITEMS = r"(?:\s*[(（]?\s*[a-z]{1,5}\s*[)）])*"


@dataclass(frozen=True)
class Language:
    """The fragments of one language. Every field is a regular expression (strings, compiled elsewhere)."""

    head: str  # before the first number; may hold the groups `pre` (a body), `its`, `mid` (a body)
    bodies: tuple[tuple[str, str], ...]  # (wording, body code) for `pre`, `mid`
    post_bodies: tuple[tuple[str, str], ...]  # (wording after the number, body code)
    date: str  # a date after a number ("of 18 December 1991")
    sep: str  # between the numbers of a list
    antecedent: str  # the body "its" refers to, just before the mention ("the General Assembly, in")
    antecedent_bodies: tuple[tuple[str, str], ...]
    # cited places
    annex: str
    section: str  # group `n`: a roman numeral (or a word, see ordinals)
    paragraph: str  # groups `n` and `items`
    item: str  # a lone sub-item part ("subparagraph (c)"): group `i`
    headed: tuple[tuple[str, str], ...]  # (word, kind) for "rule 43", "article 5"
    place_sep: str  # between the parts of a place
    lead: str  # between a place and the mention after it ("section VI of its resolution")
    trail: str  # between a mention and the place after it ("resolution 1992/22, section VI")
    item_prefix: str = ""  # zh: "第"
    item_suffix: str = ""  # zh: "号"
    tail_word: str = ""  # zh: the word comes after the numbers ("号决议")
    date_before: str = ""  # zh: the date comes before the number
    ordinals: tuple[str, ...] = ()  # words for sections I, II, III... (Arabic, Chinese)
    item_letters: str = ""  # the language's own sub-item letters, in order, for a, b, c...
    keywords: tuple[str, ...] = ()  # words without which a text holds no resolution mention
    post_link: str = ""  # the words joining a body named after the number ("of the"), left out of messages
    # A document's references to its own units ("rules 7 and 8", "paragraph 2 of rule 47", "paragraph 1 of
    # this rule"; citations/internal.py): the words joining a paragraph to its unit, "this", and a range.
    internal: str = ""  # between "paragraph(s) N" and the unit it belongs to ("of")
    this_unit: str = ""  # "this" before the unit's word
    range: str = ""  # between the two ends of a range ("rules 50 to 52")


def from_data(spec: dict) -> Language:
    """A Language from a checked `citations:` mapping: `{items}` is ITEMS; `post_prefix` before each of
    `bodies` makes more `post_bodies` ("of the" + "General Assembly")."""
    def rx(key: str) -> str:
        return spec.get(key, "").replace("{items}", ITEMS)

    bodies = pairs(spec.get("bodies", ""))
    post = pairs(spec.get("post_bodies", ""))
    if "post_prefix" in spec:
        post += tuple((rx("post_prefix") + w, b) for w, b in bodies)
    return Language(
        head=rx("head"), bodies=bodies, post_bodies=post, date=rx("date"), sep=rx("sep"), antecedent=rx("antecedent"),
        antecedent_bodies=pairs(spec.get("antecedent_bodies", "")), annex=rx("annex"), section=rx("section"),
        paragraph=rx("paragraph"), item=rx("item"), headed=pairs(spec.get("headed", "")), place_sep=rx("place_sep"),
        lead=rx("lead"), trail=rx("trail"), item_prefix=rx("item_prefix"), item_suffix=rx("item_suffix"),
        tail_word=rx("tail_word"), date_before=rx("date_before"), ordinals=tuple(spec.get("ordinals", ())),
        item_letters=spec.get("item_letters", ""), keywords=tuple(spec.get("keywords", ())), post_link=rx("post_link"),
        internal=rx("internal"), this_unit=rx("this_unit"), range=rx("range"))


@cached
def language(lang: str) -> Language | None:
    """The language's citation wording; None when its data file has no `citations:`."""
    spec = language_data(lang).get("citations")
    return from_data(spec) if spec else None


@cached
def title_prefixes() -> tuple[str, ...]:
    """Every language's "United Nations " (its data file's `title_prefix`), in the order of the languages file."""
    return tuple(d["title_prefix"] for d in all_data().values() if d.get("title_prefix"))


def __getattr__(name: str):
    if name == "LANGUAGES":  # {code: Language} for every language with citation wording
        return {lang: spec for lang in all_data() if (spec := language(lang)) is not None}
    raise AttributeError(name)
