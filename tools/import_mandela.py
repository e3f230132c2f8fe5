"""Publish resolution 70/175 and the Nelson Mandela Rules from the UN's English PDF, with no hand edits.

    .venv/bin/python tools/import_mandela.py [--pdf PATH] [--content content] [--force]

1. `compendium import A_RES_70_175-EN.pdf --lang en --out TMP` (the PDF importer, through the command) writes
   `resolutions/ga-70-175/en.md` and `instruments/nelson-mandela-rules/en.md` into a scratch folder.
2. The resolution is taken as imported.
3. The instrument's catalogue record exists already: its front matter facts (kind, short title, symbol,
   adopted_by, cluster, supersedes…) are kept as they are; from the import come the body, `source`,
   `related` (added to the record's own) and `completeness: complete`.

Both files are written through compendium/atomic.py; an existing file is replaced only with --force.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compendium.atomic import FilesExist, WriteError, write_many  # noqa: E402
from compendium.diagnostics import Report  # noqa: E402
from compendium.frontmatter import read  # noqa: E402
from compendium.importer.metadata import dump  # noqa: E402

PDF = ROOT.parent / "shared" / "sources" / "a-res-70-175" / "A_RES_70_175-EN.pdf"
RESOLUTION = Path("resolutions/ga-70-175/en.md")
INSTRUMENT = Path("instruments/nelson-mandela-rules/en.md")
FROM_IMPORT = ("source", "completeness")  # the facts the import settles for the existing record


def _split(path: Path) -> tuple[dict, str]:
    report = Report()
    raw = read(path, report)
    if raw is None or report.errors:
        raise SystemExit(f"{path}: cannot read its front matter: " + "; ".join(d.format() for d in report.errors))
    return dict(raw.metadata or {}), raw.body


def merged_instrument(existing: Path, imported: Path) -> str:
    old, _old_body = _split(existing)
    new, body = _split(imported)
    meta = dict(old)
    for key in FROM_IMPORT:
        meta[key] = new[key]
    meta.pop("completeness_note", None)
    related = list(old.get("related") or [])
    meta["related"] = related + [r for r in new.get("related") or [] if r not in related]
    order = [k for k in old if k not in ("completeness",)] + [k for k in ("related", "source") if k not in old] + \
        ["completeness"]
    return dump({k: meta[k] for k in order if k in meta}) + "\n" + body.lstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, default=PDF)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--force", action="store_true", help="replace the files that exist already")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-c", "from compendium.cli import main; main()", "import", str(args.pdf),
                   "--lang", "en", "--cluster", "custody", "--out", tmp]
        done = subprocess.run(command, cwd=ROOT)
        if done.returncode != 0:
            return done.returncode
        scratch = Path(tmp)
        resolution = (scratch / RESOLUTION).read_text(encoding="utf-8")
        target = args.content / INSTRUMENT
        instrument = merged_instrument(target, scratch / INSTRUMENT) if target.exists() else \
            (scratch / INSTRUMENT).read_text(encoding="utf-8")
    targets = [(args.content / RESOLUTION, resolution), (target, instrument)]
    try:
        write_many([(path, text.encode("utf-8")) for path, text in targets], parents=True, replace=args.force)
    except (FilesExist, WriteError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path, _text in targets:
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
