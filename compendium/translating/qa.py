"""Quality checks of a translation, unit by unit against its source, as translators' QA tools make them.

Warnings of the family "qa" (`compendium validate --qa-errors` makes them errors):

- a document symbol (A/RES/70/175), a resolution number (1993/34) or a number (a year, a day, a count) of the
  source unit that the translation's unit lacks or writes otherwise. Digits are compared as digits: Arabic-Indic
  and full-width digits read as 0-9, digit grouping (1,000, 1 000, 1.000) is ignored, and numbers the translation
  adds (a month written as a number, "2021年3月") are not a problem;
- a footnote call the translation makes in another unit than the source;
- source text left in a unit without the untranslated marker;
- a fact of the front matter (symbol, adoption body, resolution number or date, kind, cluster) that differs
  from the source file's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..diagnostics import QA_CHECK, Report
from ..model import Document, Unit
from .markers import is_untranslated
from .signals import calls, facts, plain_text
from .structure import name

CHECK = QA_CHECK
HINT_FACT = "correct the translation (or the source, if the source is wrong)"
_WORDS = re.compile(r"[^\W\d_]{3,}")
_KINDS = {"symbol": "document symbol", "resolution": "resolution number", "number": "number"}


def qa(doc: Document, source: Document, report: Report, handled: set[str]) -> None:
    """Every quality warning of one translation; `handled`: ids whose structure is reported as broken already."""
    mine = {u.id: u for u in doc.walk()}
    src = source.path.name
    ordinals = _ordinals(doc.lang)
    call_units = {label: u.id for u in doc.walk() if u.kind != "footnote" for label in calls(_text(u))}
    for theirs in source.walk():
        unit = mine.get(theirs.id)
        if unit is None or theirs.id in handled or is_untranslated(unit):
            continue
        _compare_facts(doc, unit, theirs, src, report, ordinals)
        if theirs.kind != "footnote":
            for label in calls(_text(theirs)):
                elsewhere = call_units.get(label)
                if elsewhere is not None and elsewhere != unit.id and label not in calls(_text(unit)):
                    report.warning(doc.path, unit.line, 1,
                                   f"QA: footnote call [^{label}] of {name(unit.id)} ({src} line {theirs.line}) is in "
                                   f"{name(elsewhere)} here (line {mine[elsewhere].line})",
                                   "move the call to the unit that carries it in the source, unless the official "
                                   "text places it there", CHECK)
        if theirs.kind != "footnote" and _same_words(unit, theirs):
            # (a note may stay in the source's words: the United Nations' Arabic and Russian texts cite the
            # Treaty Series in English)
            report.warning(doc.path, unit.line, 1, f"QA: {name(unit.id)} is the source's text, not a translation",
                           f"translate it (the {src} wording is still here, without the untranslated marker)", CHECK)
    _compare_front_matter(doc, source, report)


def _text(unit: Unit) -> str:
    return f"{unit.heading or ''} {unit.text}"


def _compare_facts(doc: Document, unit: Unit, theirs: Unit, src: str, report: Report,
                   ordinals: dict[str, int]) -> None:
    want = _facts(_text(theirs))
    if not (want["symbol"] or want["resolution"] or want["number"]):
        return
    have = _facts(_text(unit), tuple(ordinals.items()))
    everything = have["symbol"] | have["resolution"] | have["number"]
    digits_here = {re.sub(r"\D", "", x) for x in everything} | everything
    for kind in ("symbol", "resolution", "number"):
        for value in sorted(want[kind] - have[kind]):
            if kind == "number" and int(value) <= 10:
                continue  # small numbers are often words in a translation ("panel discussion 2": "deuxième")
            if kind == "number" and (value in digits_here or any(value in s.split("/") for s in everything)):
                continue  # the number is there, inside a symbol or resolution number written another way
            if kind == "resolution" and value in {s.split("/", 1)[-1] for s in have["symbol"]} | _tails(have["symbol"]):
                continue  # "70/175" written as the symbol A/RES/70/175
            what = "year" if kind == "number" and len(value) == 4 and value[:2] in ("19", "20") else _KINDS[kind]
            report.warning(doc.path, unit.line, 1,
                           f"QA: the {what} {value} of {name(unit.id)} ({src} line {theirs.line}) is not in the "
                           "translation", f"{HINT_FACT}: numbers and symbols stay as the source writes them", CHECK)


@lru_cache(maxsize=65536)
def _facts(text: str, ordinals: tuple[tuple[str, int], ...] = ()) -> dict[str, set[str]]:
    """A source unit's facts are asked for once per translation: computed once."""
    return facts(text, dict(ordinals))


def _ordinals(lang: str) -> dict[str, int]:
    from ..language_data import known, language_data

    return dict(language_data(lang).get("label_ordinals") or {}) if lang in known() else {}


def _tails(symbols: set[str]) -> set[str]:
    """'A/RES/70/175' → {'70/175', 'RES/70/175'}: a resolution number inside a symbol."""
    out = set()
    for s in symbols:
        parts = s.split("/")
        out.update("/".join(parts[i:]) for i in range(1, len(parts)))
    return out


def _same_words(unit: Unit, theirs: Unit) -> bool:
    """The unit still holds the source's wording (at least four words of it), without the marker."""
    mine = " ".join(plain_text(_text(unit)).split())
    return len(_WORDS.findall(mine)) >= 4 and mine == " ".join(plain_text(_text(theirs)).split())


def _compare_front_matter(doc: Document, source: Document, report: Report) -> None:
    """Facts of the front matter are the source's: a symbol or date that differs is a mistake in one file."""
    a, b = doc.meta, source.meta
    src = source.path.name
    pairs: list[tuple[str, str, object, object]] = [
        ("symbol", "symbol", a.symbols, b.symbols), ("kind", "kind", a.kind, b.kind),
        ("cluster", "cluster", a.cluster, b.cluster)]
    if doc.has_key("adopted_by"):
        if len(a.adoptions) != len(b.adoptions):
            pairs.append(("adopted_by", "adopted_by", len(a.adoptions), len(b.adoptions)))
        for mine, theirs in zip(a.adoptions, b.adoptions):
            for key in ("body", "resolution", "date"):
                pairs.append(("adopted_by", f"adopted_by.{key}", getattr(mine, key), getattr(theirs, key)))
    for key, label, here, there in pairs:
        if not doc.has_key(key.split(".")[0]) or here == there or (isinstance(here, tuple) and not here):
            continue
        line = doc.key_lines.get(key, 1)
        if "." in label:
            from .checks import entry_line  # checks.py runs this module
            line = entry_line(doc.path, label.split(".", 1)[1], line)
        report.warning(doc.path, line, 1, f"QA: {label} is {_show(here)} here but {_show(there)} in {src}",
                       "facts of the front matter are the source's: make them the same in every language file", CHECK)


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "empty"
    return f"'{value}'" if value is not None else "not given"
