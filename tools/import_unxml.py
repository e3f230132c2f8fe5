"""Import the 73 AKN4UN resolutions of ../shared/sources/unxml into content/resolutions, reproducibly.

    .venv/bin/python tools/import_unxml.py [--sources DIR] [--content DIR] [--force] [--only ID ...]

Reads MANIFEST.tsv, checks every file's SHA-256 prefix against it (a mismatch stops the run before anything is
written), imports the six languages of each resolution as one document (compendium.importer.akn_files) and
writes `<content>/resolutions/<id>/<lang>.md` and `.akn-eids.yml` through compendium.atomic. Existing files
are kept unless --force. Ends with a summary: documents, languages, units, footnotes, and every language left
out with its reason.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from compendium.atomic import FilesExist, WriteError, write_many  # noqa: E402
from compendium.importer.akn import AknError  # noqa: E402
from compendium.importer.akn_files import SIDECAR, build_group  # noqa: E402
from compendium.importer.kyoto import KYOTO_ID, kyoto_related  # noqa: E402

LANGS = ("ar", "zh", "en", "fr", "ru", "es")


def read_manifest(sources: Path) -> list[dict]:
    with (sources / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def verify(sources: Path, rows: list[dict]) -> list[str]:
    """Every file's SHA-256 prefix against the manifest: the list of mismatches (empty when all agree)."""
    bad = []
    for row in rows:
        collection = row["id"].split("-")[0]
        expected = dict(item.split(":") for item in row["sha256 (first 16 hex)"].split())
        for lang in LANGS:
            path = sources / collection / row["id"] / f"{lang}.xml"
            if not path.is_file():
                bad.append(f"{path}: missing")
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            if digest != expected.get(lang):
                bad.append(f"{path}: sha256 {digest} but the manifest says {expected.get(lang)}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources" / "unxml")
    ap.add_argument("--content", type=Path, default=ROOT / "content")
    ap.add_argument("--force", action="store_true", help="replace files that exist already")
    ap.add_argument("--only", nargs="*", default=None, help="only these manifest ids")
    args = ap.parse_args(argv)
    rows = read_manifest(args.sources)
    if args.only:
        rows = [r for r in rows if r["id"] in set(args.only)]
    bad = verify(args.sources, rows)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        print("checksums disagree with MANIFEST.tsv: nothing written", file=sys.stderr)
        return 1
    fixes = yaml.safe_load((ROOT / "tools" / "unxml_fixes.yml").read_text(encoding="utf-8")) or {}
    targets: list[tuple[Path, bytes]] = []
    totals = {"documents": 0, "files": 0, "units": 0, "footnotes": 0}
    problems: list[str] = []
    repaired: list[str] = []  # imported, with a fault of the XML worked around (recorded in the sidecar)
    for row in rows:
        collection = row["id"].split("-")[0]
        folder = args.sources / collection / row["id"]
        provenance = (f"{row['source'].split('@')[0]} (commit {row['source'].split('@')[1][:12]}), "
                      f"{row['paths'].split(';')[LANGS.index('en')]} and the five other languages")
        try:
            group = build_group({lang: folder / f"{lang}.xml" for lang in LANGS}, provenance,
                                kyoto_related(row["id"]), fixes=fixes.get(row["id"]))
        except AknError as exc:
            problems.append(f"{row['id']}: not imported: {exc}")
            continue
        if group.id != row["id"]:
            problems.append(f"{row['id']}: the FRBR work gives the id {group.id}; not imported")
            continue
        out = args.content / "resolutions" / group.id
        for lang, text in group.files.items():
            targets.append((out / f"{lang}.md", text.encode("utf-8")))
        targets.append((out / SIDECAR, group.sidecar(row["source"]).encode("utf-8")))
        if group.id == "ga-80-226":
            from compendium.importer.kyoto import instrument_files
            for lang, text in instrument_files(group).items():
                targets.append((args.content / "instruments" / KYOTO_ID / f"{lang}.md", text.encode("utf-8")))
        totals["documents"] += 1
        totals["files"] += len(group.files)
        totals["units"] += sum(len(p.ids()) for p in group.parsed.values())
        totals["footnotes"] += sum(p.akn.footnotes for p in group.parsed.values())
        problems.extend(f"{row['id']} {p}" for p in group.problems)
        repaired.extend(f"{row['id']} {lang}: {fix}" for lang, parsed in group.parsed.items()
                        for fix in parsed.akn.repairs)
    try:
        write_many(targets, parents=True, replace=args.force)
    except (FilesExist, WriteError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{totals['documents']} document(s), {totals['files']} language file(s), {totals['units']} unit(s), "
          f"{totals['footnotes']} footnote(s) written under {args.content / 'resolutions'}")
    for fix in repaired:
        print(f"repaired: {fix}")
    for problem in problems:
        print(f"left out: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
