"""Catalogue records for the instruments, made from the reference list of instruments.

A catalogue record is a content file with front matter and no body (``completeness: none``): the
page gives the facts and says that the text is not yet in the compendium. The reference list of
instruments (an ``instruments.yml`` kept outside the repository) is the only source of the facts:
every title, adoption and note is taken from it, parsed where that needs no guessing, and the
original wording of every adoption is kept in ``text``.

A one-off generator, not part of the engine. Run ``python tools/catalogue.py PATH/TO/instruments.yml`` to
write the records into ``content/instruments/``. An existing file is never overwritten unless
``--overwrite`` is given: editors may have added text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from compendium import atomic

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CONTENT = REPO / "content"

MAX_ID = 60

# The note given to an unverified instrument when the reference has none; it restates the
# reference's own definition of `verified` ("the adopting resolution(s) and year were confirmed").
DEFAULT_UNVERIFIED_NOTE = "The adopting resolution and year are plausible but not yet confirmed in a source."

MONTHS = {m: i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), start=1)}

# Kind by the earliest of these phrases in the title (without its parenthetical short name).
KIND_PATTERNS = [
    (re.compile(r"\bmodel treaty\b", re.I), "model-treaty"),
    (re.compile(r"\bmodel (?:bilateral )?agreement\b", re.I), "agreement"),
    (re.compile(r"\bmodel strategies\b", re.I), "strategies"),
    (re.compile(r"\bstandards and norms\b", re.I), "standards"),
    (re.compile(r"\brules\b", re.I), "rules"),
    (re.compile(r"\bprinciples\b", re.I), "principles"),
    (re.compile(r"\bguidelines\b", re.I), "guidelines"),
    (re.compile(r"\bdeclaration\b", re.I), "declaration"),
    (re.compile(r"\bcode\b", re.I), "code"),
    (re.compile(r"\bprocedures\b", re.I), "procedures"),
    (re.compile(r"\bsafeguards\b", re.I), "safeguards"),
]

# "(the Nelson Mandela Rules)", "(Vienna Guidelines)": a short name, not an explanation.
SHORT_NAME = re.compile(r"\s*\((?:the )?([A-Z][^()]*? (?:Rules|Guidelines))\)\s*$")
PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")

# Words left out of an id; phrases kept whole.
STOPWORDS = {"the", "of", "for", "on", "in", "and", "a", "an", "to", "by", "with", "under", "any", "all",
             "that", "or", "their", "its", "as"}
PHRASES = {"code of conduct": "code-of-conduct", "body of principles": "body-of-principles"}

# Ids for titles whose main words make a slug longer than MAX_ID: the words that tell the
# instrument apart, chosen by hand, keyed by the long slug so that no title is copied here.
# Once a file is published under an id, the id must not change (links and translations use it).
SHORTER = {
    "procedures-effective-implementation-standard-minimum-rules-treatment-prisoners":
        "procedures-implementation-standard-minimum-rules",
    "body-of-principles-protection-persons-form-detention-imprisonment": "body-of-principles-detention-imprisonment",
    "vienna-convention-consular-relations-status-foreign-citizens-criminal-proceedings":
        "vienna-convention-consular-relations-foreign-citizens",
    "basic-principles-use-restorative-justice-programmes-criminal-matters": "basic-principles-restorative-justice-programmes",
    "safeguards-guaranteeing-protection-rights-those-facing-death-penalty": "safeguards-rights-those-facing-death-penalty",
    "principles-guidelines-access-legal-aid-criminal-justice-systems": "principles-guidelines-access-legal-aid",
    "model-strategies-practical-measures-elimination-violence-against-children-field-crime-prevention-criminal-justice":
        "model-strategies-violence-against-children",
    "model-strategies-practical-measures-elimination-violence-against-women-field-crime-prevention-criminal-justice":
        "model-strategies-violence-against-women",
    "model-treaty-transfer-supervision-offenders-conditionally-sentenced-conditionally-released":
        "model-treaty-transfer-supervision-offenders",
    "model-agreement-transfer-foreign-prisoners-recommendations-treatment-foreign-prisoners":
        "model-agreement-transfer-foreign-prisoners",
    "model-treaty-prevention-crimes-infringe-cultural-heritage-peoples-form-movable-property":
        "model-treaty-crimes-cultural-heritage-movable-property",
    "model-bilateral-agreement-sharing-confiscated-proceeds-crime-property":
        "model-bilateral-agreement-sharing-confiscated-proceeds",
    "guidelines-cooperation-technical-assistance-field-urban-crime-prevention": "guidelines-cooperation-urban-crime-prevention",
    "declaration-basic-principles-justice-victims-crime-abuse-power": "declaration-justice-victims-crime-abuse-power",
    "guidelines-justice-matters-involving-child-victims-witnesses-crime": "guidelines-justice-child-victims-witnesses",
    "principles-effective-prevention-investigation-extra-legal-arbitrary-summary-executions":
        "principles-extra-legal-arbitrary-summary-executions",
    "guidelines-effective-implementation-code-of-conduct-law-enforcement-officials":
        "guidelines-implementation-code-of-conduct",
    "basic-principles-use-force-firearms-law-enforcement-officials": "basic-principles-use-force-firearms",
    "procedures-effective-implementation-basic-principles-independence-judiciary":
        "procedures-implementation-independence-judiciary",
    "declaration-against-corruption-bribery-international-commercial-transactions":
        "declaration-against-corruption-bribery",
}

GA_RES = re.compile(r"\bGA (\d{1,2}/\d{1,3})\b")
ECOSOC_RES = re.compile(r"\bECOSOC (\d{4}/\d{1,3})\b")
ECOSOC_OLD = re.compile(r"\bECOSOC (\d{1,4}(?: [A-Z])? \([IVXLC]+\))")
FULL_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
YEAR = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")
CONGRESS = re.compile(r"\bCongress\b")
COMMISSION = re.compile(r"\bCommission\b")


# -- parsing ---------------------------------------------------------------------------------

def parse_adopted(text: str) -> dict[str, str]:
    """One `adopted` string of the reference as an `adopted_by` mapping; `text` keeps its wording.

    Only the first resolution named is structured ("endorsed by GA 40/32 and GA 40/146" gives
    40/32); the year of an ECOSOC resolution number (1984/47) is its year.
    """
    entry: dict[str, str] = {}
    ga, ecosoc, old = GA_RES.search(text), ECOSOC_RES.search(text), ECOSOC_OLD.search(text)
    found = [(m.start(), body, m) for body, m in (("ga", ga), ("ecosoc", ecosoc), ("ecosoc", old)) if m]
    if found:
        _, body, m = min(found, key=lambda f: f[0])
        entry["body"], entry["resolution"] = body, m.group(1)
    elif CONGRESS.search(text):
        entry["body"] = "congress"
    elif COMMISSION.search(text):
        entry["body"] = "commission"
    date = _date(text)
    if date is None and entry.get("body") == "ecosoc" and re.match(r"^\d{4}/", entry.get("resolution", "")):
        date = entry["resolution"][:4]
    if date:
        entry["date"] = date
    entry["text"] = text
    return entry


def _date(text: str) -> str | None:
    m = FULL_DATE.search(text)
    if m:
        return dt.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat()
    m = YEAR.search(text)
    return m.group(1) if m else None


def symbols(adopted: list[str]) -> list[str]:
    """Document symbols that follow from the resolution numbers without guessing, in order."""
    out: list[str] = []
    for text in adopted:
        hits = [(m.start(), f"A/RES/{m.group(1)}") for m in GA_RES.finditer(text)]
        hits += [(m.start(), f"E/RES/{m.group(1)}") for m in ECOSOC_RES.finditer(text)]
        out += [s for _, s in sorted(hits) if s not in out]
    return out


def kind_of(title: str) -> str:
    main = PARENTHETICAL.sub("", title)
    hits = [(m.start(), kind) for pattern, kind in KIND_PATTERNS for m in [pattern.search(main)] if m]
    return min(hits)[1] if hits else "instrument"


def short_title_of(title: str) -> str | None:
    m = SHORT_NAME.search(title)
    return m.group(1) if m else None


def slugify(text: str) -> str:
    text = text.lower()
    for phrase, slug in PHRASES.items():
        text = text.replace(phrase, slug)
    words = [w for w in re.split(r"[^a-z0-9-]+", text) if w and w not in STOPWORDS]
    return re.sub(r"-+", "-", "-".join(words)).strip("-")


def id_of(title: str) -> str:
    """The parenthetical short name where there is one; otherwise the main words of the title.

    The subtitle after a colon, a parenthetical and a leading "United Nations" are left out; an
    id longer than MAX_ID is taken from SHORTER, or else cut at a word.
    """
    short = short_title_of(title)
    if short:
        return slugify(short)
    main = PARENTHETICAL.sub("", title).split(":")[0]
    main = re.sub(r"^United Nations\s+", "", main)
    slug = slugify(main)
    if len(slug) > MAX_ID and slug in SHORTER:
        return SHORTER[slug]
    while len(slug) > MAX_ID and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug


# -- notes -----------------------------------------------------------------------------------

CAUTION = re.compile(r"\bunverified\b|\bapproximate\b|\bnot confirmed\b", re.I)
SUPERSEDED_BY = re.compile(r"^superseded by (?:the )?(.+?)(?: \(\d{4}\))?$", re.I)
REVISION_OF = re.compile(r"^revision of\b", re.I)
DRAFT = re.compile(r"\bdraft\b", re.I)
INTERNAL = re.compile(r"\bseeds?\b", re.I)
SEED_SOURCE = re.compile(r"\s+by seeds? \d+(?: \([^()]*\))?", re.I)  # "verified by seed 002 (1997/34)"


def _unverified_keys(segments: list[str]) -> list[str]:
    keys: list[str] = []
    for s in segments:
        if not CAUTION.search(s):
            continue
        if re.search(r"\btitle\b", s, re.I):
            keys.append("title")
        if re.search(r"\bcluster\b|\bpart of the compendium\b", s, re.I):
            keys.append("cluster")
        if re.search(r"\b(GA|ECOSOC)\b|\bresolution\b|\bamendment\b|\blink\b", s):
            keys.append("adopted_by")
    return list(dict.fromkeys(keys))


@dataclass
class Record:
    """One instrument: its front matter, and what of its reference note found no place in it."""

    id: str
    meta: dict[str, Any]
    superseded_by_name: str | None = None
    dropped: list[str] = field(default_factory=list)  # note segments not carried into the record


def _record(item: dict[str, Any]) -> Record:
    title = item["title"]
    adopted = [str(a) for a in item.get("adopted") or []]
    meta: dict[str, Any] = {"id": id_of(title), "kind": kind_of(title), "title": title}
    short = short_title_of(title)
    if short:
        meta["short_title"] = short
    sym = symbols(adopted)
    if sym:
        meta["symbol"] = sym[0] if len(sym) == 1 else sym
    if adopted:
        meta["adopted_by"] = [parse_adopted(a) for a in adopted]
    meta["cluster"] = item["cluster"]
    record = Record(meta["id"], meta)

    # A note's parts are split at ';'. A reference to the project's internal seed files is
    # removed ("resolution verified by seed 002 (1997/34)" keeps "resolution verified"); a part
    # that is only such a reference ("full text in seed 002") is dropped.
    segments = [s.strip() for s in str(item.get("note") or "").split(";") if s.strip()]
    for i, s in enumerate(segments):
        trimmed = SEED_SOURCE.sub("", s)
        if trimmed != s and not INTERNAL.search(trimmed):
            record.dropped.append(s)
            segments[i] = trimmed
    kept: list[str] = []
    for s in segments:
        m = SUPERSEDED_BY.match(s)
        if INTERNAL.search(s):
            record.dropped.append(s)
        elif m:
            meta["status"] = "superseded"
            record.superseded_by_name = m.group(1)
        elif REVISION_OF.match(s):
            pass  # the `supersedes` of the other side of the pair, set in build_records
        elif DRAFT.search(s) and not CAUTION.search(s):
            meta["status"] = "draft"
            record.dropped.append(s)
        else:
            kept.append(s)
    if re.search(r"\(preliminary draft\)", title, re.I):
        meta["status"] = "draft"
    if meta.get("status") == "superseded":
        year = next((e["date"][:4] for e in meta.get("adopted_by", []) if e.get("date")), None)
        if year:
            record.id = meta["id"] = f"{meta['id']}-{year}"

    cautious = any(CAUTION.search(s) for s in kept)
    meta["completeness"] = "none"
    if item.get("verified", True) is False:
        meta["verified"] = False
        meta["verification_note"] = "; ".join(kept) if kept else DEFAULT_UNVERIFIED_NOTE
    elif cautious:
        meta["verified"] = _unverified_keys(kept) or False
        meta["verification_note"] = "; ".join(kept)
    else:
        record.dropped += kept
    return record


def build_records(reference: Path) -> list[Record]:
    """Every instrument of the reference as a record, with the supersession pairs linked both ways."""
    data = yaml.safe_load(reference.read_text(encoding="utf-8"))
    records = [_record(item) for item in data["instruments"]]
    by_short = {r.meta["short_title"]: r for r in records if "short_title" in r.meta}
    for old in records:
        if old.superseded_by_name is None:
            continue
        new = by_short.get(old.superseded_by_name)
        if new is None:
            raise ValueError(f"{old.meta['title']!r}: superseded by {old.superseded_by_name!r}, "
                             "which names no instrument of the reference")
        old.meta = _insert_after(old.meta, "status", "superseded_by", new.id)
        new.meta = _insert_after(new.meta, "cluster", "supersedes", old.id)
    seen: dict[str, str] = {}
    for r in records:
        if r.id in seen:
            raise ValueError(f"id {r.id!r} of {r.meta['title']!r} is also the id of {seen[r.id]!r}")
        seen[r.id] = r.meta["title"]
    return records


def _insert_after(meta: dict[str, Any], after: str, key: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in meta.items():
        out[k] = v
        if k == after:
            out[key] = value
    out.setdefault(key, value)
    return out


# -- writing ---------------------------------------------------------------------------------

def _scalar(value: Any) -> str:
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False,
                          width=10_000).removesuffix("\n...\n").rstrip("\n")


def render(meta: dict[str, Any]) -> str:
    """The front matter of a catalogue record, one key a line, each adoption on a line of its own."""
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{key}:")
            lines += [f"  - {_scalar(v)}" for v in value]
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def records_from_reference(path: Path) -> list[tuple[str, str]]:
    """(id, file text) for every instrument of the reference file, in its order."""
    return [(r.id, render(r.meta)) for r in build_records(path)]


def write_records(reference: Path, content: Path, overwrite: bool = False) -> list[Path]:
    """Write content/instruments/<id>/en.md for every instrument; return the files written.

    An existing file is left alone unless `overwrite`: an editor may have added its text.
    """
    written: list[Path] = []
    for doc_id, text in records_from_reference(reference):
        path = content / "instruments" / doc_id / "en.md"
        if path.exists() and not overwrite:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(path, text)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write catalogue records of the instruments from the reference list.")
    parser.add_argument("reference", type=Path, help="the reference list of instruments (instruments.yml)")
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="the content folder to write into")
    parser.add_argument("--overwrite", action="store_true", help="replace existing files (loses any text added to them)")
    args = parser.parse_args(argv)
    if not args.reference.is_file():
        print(f"no reference file at {args.reference}", file=sys.stderr)
        return 1
    written = write_records(args.reference, args.content, args.overwrite)
    for path in written:
        print(path)
    print(f"{len(written)} file(s) written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
