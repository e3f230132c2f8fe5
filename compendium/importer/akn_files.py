"""The six AKN4UN files of one resolution as one document: content files, translation records and the eId map.

English is the source; every other language is an official translation whose `translation:` block records the
hash of every source unit, so that a later edit of the English shows the translation as outdated
(`compendium status`). The unit ids of every language must be the same set: when they differ the language is
reported, never paired by guesswork.

The map from AKN eIds to unit ids goes to `<folder>/.akn-eids.yml`: the loader reads only `<lang>.md` in a
document folder and reports any other file as an error, but it skips names that begin with a dot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..body import parse_body
from ..diagnostics import Report
from ..translating.scaffold import hash_lines
from .akn import AknDocument, AknError, read_akn

SOURCE_LANG = "en"
SIDECAR = ".akn-eids.yml"
ACKNOWLEDGEMENT = ("Source: United Nations. Unofficial copy for informational purposes, prepared by the United "
                   "Nations from the official electronic file (Akoma Ntoso XML, AKN4UN)")


@dataclass
class Parsed:
    akn: AknDocument
    units: list  # compendium.model.Unit, the top level
    report: Report

    def ids(self) -> list[str]:
        return [u.id for top in self.units for u in top.walk()]

    def hashes(self) -> dict[str, str]:
        return {u.id: u.hash for top in self.units for u in top.walk()}


def parse(akn: AknDocument, markdown: str | None = None) -> Parsed:
    report = Report()
    units = parse_body(akn.path, akn.markdown if markdown is None else markdown, 1, report,
                       footnotes_missing=bool(akn.missing_notes))
    return Parsed(akn, units, report)


def eid_map(parsed: Parsed) -> dict[str, str]:
    """Unit id -> the eId of the AKN element its first block came from (a unit that continues over several
    blocks, a table say, keeps the eId of the first)."""
    line_of_block: dict[int, int] = {}
    line = 1
    for index, block in enumerate(parsed.akn.markdown.split("\n\n")):
        line_of_block[line] = index
        line += block.count("\n") + 2
    eid_of_block = {index: eid for index, eid, _draft in parsed.akn.block_eids}
    result: dict[str, str] = {}
    for top in parsed.units:
        for unit in top.walk():
            index = line_of_block.get(unit.line)
            eid = eid_of_block.get(index) if index is not None else None
            if eid:
                result[unit.id] = eid
    return result


def draft_units(parsed: Parsed) -> list[str]:
    line_of_block: dict[int, int] = {}
    line = 1
    for index, block in enumerate(parsed.akn.markdown.split("\n\n")):
        line_of_block[line] = index
        line += block.count("\n") + 2
    drafted = {index for index, _eid, draft in parsed.akn.block_eids if draft}
    return [u.id for top in parsed.units for u in top.walk() if line_of_block.get(u.line) in drafted]


_CALL = re.compile(r"\[\^([^\]\s]+)\]")


def _calls(parsed: Parsed) -> list[tuple[str, str]]:
    """(unit id, footnote label) of every footnote call, in order: the units that are not footnotes."""
    return [(u.id, label) for top in parsed.units for u in top.walk() if u.kind != "footnote"
            for label in _CALL.findall(f"{u.heading or ''}\n{u.text}")]


def relabel_footnotes(parsed: Parsed, source: Parsed) -> Parsed | None:
    """A translation whose footnotes are the English ones under other labels (the Spanish A/RES/S-32/1 numbers
    them 2 to 7 where English has 1 to 6): the same units apart from the footnotes, as many <authorialNote>s in
    the whole XML as the English file has, and every call in the same unit, in the same order, as the English
    call in its place. Its labels are then the English ones, each change recorded in `renumbered`; None when
    the notes are not the same in number and place (a note on the title in one file only, say)."""
    ids, source_ids = parsed.ids(), source.ids()
    fn = re.compile(r"(?:^|-)fn-")
    if [i for i in ids if not fn.search(i)] != [i for i in source_ids if not fn.search(i)]:
        return None
    if parsed.akn.xml_notes != source.akn.xml_notes or parsed.akn.footnotes != source.akn.footnotes:
        return None
    mine, theirs = _calls(parsed), _calls(source)
    if len(mine) != len(theirs) or [u for u, _ in mine] != [u for u, _ in theirs]:
        return None
    mapping = {a: b for (_, a), (_, b) in zip(mine, theirs)}
    if len(set(mapping.values())) != len(mapping) or any(mapping.get(a, b) != b for (_, a), (_, b) in zip(mine, theirs)):
        return None
    if all(a == b for a, b in mapping.items()):
        return None
    akn = parsed.akn
    markdown = _CALL.sub(lambda m: f"[^{mapping.get(m.group(1), m.group(1))}]", akn.markdown)
    relabelled = parse(akn, markdown)
    if relabelled.report.errors or relabelled.ids() != source_ids:
        return None
    akn.markdown = markdown
    akn.renumbered.extend(f"footnote {a} written {b} (the English footnote in the same place)"
                          for a, b in mapping.items() if a != b)
    return parse(akn)


def _yaml(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000, default_flow_style=False)


def front_matter(meta: dict, translation: tuple[str, dict[str, str]] | None) -> str:
    text = _yaml(meta)
    if translation is not None:
        status, hashes = translation
        text += "\n".join(["translation:", f"  status: {status}", *hash_lines(hashes)]) + "\n"
    return f"---\n{text}---\n\n"


def resolution_meta(akn: AknDocument, source: AknDocument, provenance: str | None, related: list[str]) -> dict:
    """Front matter: the title in the file's language; the facts (symbol, body, meeting, date) of the source."""
    adopted = {"body": source.body, "resolution": source.number}
    if source.meeting:
        adopted["meeting"] = source.meeting
    adopted["date"] = source.date
    meta: dict = {"id": source.id, "kind": "resolution", "title": akn.title, "symbol": source.symbol,
                  "adopted_by": adopted,
                  "source": f"{ACKNOWLEDGEMENT}{': ' + provenance if provenance else ''}."}
    if akn.title_note:
        meta["title_note"] = akn.title_note
    if related:
        meta["related"] = list(related)
    if akn.corrections:
        meta["corrections"] = list(akn.corrections)
    meta["completeness"] = "complete"
    if akn.completeness_note:
        meta["completeness"] = "partial"
        meta["completeness_note"] = akn.completeness_note
    if akn.missing_notes:
        meta["footnotes_missing"] = True
    if akn.title_from_cover:
        meta["verified"] = ["title"]
        meta["verification_note"] = ("This language's XML gives no title for the resolution; the title shown is "
                                     "the cover page's line naming the adopting body and date.")
    return meta


@dataclass
class Group:
    """One resolution imported in several languages."""

    id: str
    files: dict[str, str] = field(default_factory=dict)  # lang -> content file text
    parsed: dict[str, Parsed] = field(default_factory=dict)
    eids: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # languages left out, and why

    def sidecar(self, provenance: str | None = None) -> str:
        data = {"comment": "AKN4UN eId of each unit, per language (written by the AKN importer; do not edit)",
                "source": provenance or "", "draft_resolution_units": [], "eids": {}}
        first = self.parsed.get(SOURCE_LANG)
        data["draft_resolution_units"] = draft_units(first) if first else []
        for lang, mapping in self.eids.items():
            data["eids"][lang] = mapping
        renumbered = {lang: p.akn.renumbered for lang, p in self.parsed.items() if p.akn.renumbered}
        if renumbered:
            data["renumbered"] = renumbered  # numbering slips of the XML, written with the English numbers
        repaired = {lang: p.akn.repairs for lang, p in self.parsed.items() if p.akn.repairs}
        if repaired:
            data["repaired"] = repaired  # faults of the XML worked around: stray end tags, a line written twice
        return _yaml(data)


def apply_fixes(akn: AknDocument, fixes: list[dict]) -> None:
    """Editors' fixes of one language's text, each made on every import (so the import stays reproducible) and
    recorded in the file's `corrections`: `find` is replaced by `replace` (once; it must be there), and `note`,
    a footnote definition, goes before the first note that follows it in number."""
    for fix in fixes:
        if fix["find"] not in akn.markdown:
            raise AknError(akn.path, f"the fix {fix['correction']!r} no longer applies: its text is not in the file")
        markdown = akn.markdown.replace(fix["find"], fix["replace"], 1)
        if fix.get("note"):
            label = int(_CALL.match(fix["note"]).group(1))
            later = [m for m in re.finditer(r"^\[\^(\d+)\]:", markdown, re.M) if int(m.group(1)) > label]
            at = later[0].start() if later else len(markdown.rstrip("\n")) + 2
            markdown = markdown[:at] + fix["note"] + "\n\n" + markdown[at:]
        akn.markdown = markdown.rstrip("\n") + "\n"
        akn.corrections.append(fix["correction"])


def build_group(paths: dict[str, Path], provenance: str | None = None, related: list[str] | None = None,
                status: str = "official", fixes: dict[str, list[dict]] | None = None) -> Group:
    """Read every language; the English source is required. A language whose unit ids differ from the English
    ones, or that cannot be read, is left out and named in `problems`."""
    docs: dict[str, AknDocument] = {}
    problems: list[str] = []
    english = None
    if SOURCE_LANG in paths:  # the English file first: where the markup is parallel, its headings guide the others
        try:
            english = read_akn(paths[SOURCE_LANG])
        except AknError:
            pass  # reported below
    for lang, path in paths.items():
        try:
            akn = english if lang == SOURCE_LANG and english is not None else read_akn(
                path, english=english if lang != SOURCE_LANG else None)
        except AknError as exc:
            problems.append(f"{lang}: {exc}")
            continue
        if akn.lang != lang:
            problems.append(f"{lang}: {path} is in '{akn.lang}' according to its FRBRlanguage")
            continue
        if fixes and fixes.get(lang):
            try:
                apply_fixes(akn, fixes[lang])
            except AknError as exc:
                problems.append(f"{lang}: {exc}")
                continue
        docs[lang] = akn
    if SOURCE_LANG not in docs:
        raise AknError(paths.get(SOURCE_LANG, "en.xml"), "the English source cannot be imported: "
                       + "; ".join(problems))
    source = docs[SOURCE_LANG]
    group = Group(source.id, problems=problems)
    parsed_source = parse(source)
    if parsed_source.report.errors:
        raise AknError(source.path, "the Markdown made from it does not parse: "
                       + "; ".join(d.message for d in parsed_source.report.errors[:3]))
    source_ids = parsed_source.ids()
    hashes = parsed_source.hashes()
    for lang, akn in docs.items():
        note = None
        if akn.id != source.id:
            if (akn.symbol, akn.date, akn.body) != (source.symbol, source.date, source.body):
                group.problems.append(f"{lang}: its FRBR work is {akn.id}, not {source.id}")
                continue
            # a slip in the FRBR identifiers only (A/RES/78/226 in French says 76-226): the symbol and the date
            # of adoption are the English file's, and its units must still be the English ones (below)
            note = (f"This language's XML names its work {akn.number} in its FRBR identifiers, but its symbol "
                    f"({akn.symbol}) and date of adoption ({akn.date}) are those of resolution {source.number}: "
                    f"it is taken as resolution {source.number}.")
            akn.losses.append(f"FRBR work {akn.id} taken as {source.id} (same symbol and date)")
        parsed = parsed_source if lang == SOURCE_LANG else parse(akn)
        ids = parsed.ids()
        if lang != SOURCE_LANG and ids != source_ids and not parsed.report.errors:
            parsed = relabel_footnotes(parsed, parsed_source) or parsed
            ids = parsed.ids()
        inline_notes: list[str] = []
        if lang != SOURCE_LANG and not parsed.report.errors and ids != source_ids:
            inline_notes = _notes_given_in_the_text(ids, source_ids)
            given = _notes_the_source_lacks(ids, source_ids, source)
            if given:
                # this language's file gives the text of a note whose call the English file has without its text:
                # the note is published here (the unit ids are the English ones plus that note)
                akn.repairs.append(f"{', '.join(given)}: this file gives the note's text, which the English "
                                   "file lacks")
                ids = [i for i in ids if i not in set(given)]
        if inline_notes:
            # The XML of this language gives these notes' text inside the paragraph, not as notes (nothing marks
            # where such a note would end): the text is published whole, without those note units.
            note = ((note + " ") if note else "") + (
                f"This language's XML has no separate note {', '.join(n.removeprefix('fn-') for n in inline_notes)}: "
                "its text stands in the paragraph that calls it in the other languages.")
            akn.losses.append(f"notes given in the text, not as notes: {', '.join(inline_notes)}")
        elif parsed.report.errors or ids != source_ids:
            extra = [i for i in ids if i not in set(source_ids)]
            missing = [i for i in source_ids if i not in set(ids)]
            group.problems.append(f"{lang}: its structure differs from the English one (not imported): "
                                  f"{len(ids)} units against {len(source_ids)}; only here: {extra[:6]}; "
                                  f"missing here: {missing[:6]}"
                                  + (f"; {parsed.report.errors[0].message}" if parsed.report.errors else ""))
            continue
        meta = resolution_meta(akn, source, provenance, related or [])
        if inline_notes:
            meta["completeness_note"] = note
        elif note:
            meta["verification_note"] = (meta.get("verification_note", "") + " " + note).strip()
        translation = None if lang == SOURCE_LANG else (status, dict(hashes))
        group.files[lang] = front_matter(meta, translation) + akn.markdown
        group.parsed[lang] = parsed
        group.eids[lang] = eid_map(parsed)
    return group


def _notes_the_source_lacks(ids: list[str], source_ids: list[str], source: AknDocument) -> list[str]:
    """The footnotes a translation has and the English file does not, when those are only notes whose call the
    English file has without the note's text (E/RES/2024/12: note 1, in Russian only)."""
    extra = [i for i in ids if i not in set(source_ids)]
    lacking = {f"fn-{label}" for label in source.missing_notes}
    if not extra or not set(extra) <= lacking:
        return []
    return extra if [i for i in ids if i not in set(extra)] == source_ids else []


def _notes_given_in_the_text(ids: list[str], source_ids: list[str]) -> list[str]:
    """The English footnotes a translation lacks, when that is its only difference: every other unit is the
    English one, in the same order (ecosoc-2023-27 in Russian gives note 1's text inside its paragraph)."""
    missing = [i for i in source_ids if i not in set(ids)]
    if not missing or not all(i.startswith("fn-") for i in missing):
        return []
    return missing if [i for i in source_ids if i not in set(missing)] == ids else []
