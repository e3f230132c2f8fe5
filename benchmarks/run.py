"""Build benchmark: our per-language build against the stock mkdocs-material + mkdocs-static-i18n build
of the same Markdown, in one run on one machine. Prints a table of figures and ratios.

    .venv/bin/python benchmarks/run.py [--scale 1 --scale 4] [--documents 50] [--paragraphs 100]

Needs the `bench` extra (mkdocs-static-i18n): `.venv/bin/pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import LANGS, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STOCK_CONFIG = """site_name: Stock
docs_dir: {docs}
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{languages}
"""


def stock_config(docs: Path, path: Path) -> Path:
    langs = "\n".join(
        f"        - locale: {lang}\n          name: {lang}\n          build: true" + ("\n          default: true" if lang == "en" else "")
        for lang in LANGS)
    path.write_text(STOCK_CONFIG.format(docs=docs, languages=langs), encoding="utf-8")
    return path


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})),
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return elapsed


def mib(n: int) -> str:
    return f"{n / 1048576:.2f} MiB"


def run_scale(work: Path, documents: int, paragraphs: int) -> dict:
    content, docs = write_corpus(work, documents, paragraphs)
    md_bytes = sum(p.stat().st_size for p in docs.rglob("*.md"))
    python = sys.executable
    stock_site, our_site = work / "stock-site", work / "our-site"
    stock = timed([python, "-m", "mkdocs", "build", "-q", "-f", str(stock_config(docs, work / "stock.yml")),
                   "-d", str(stock_site)])
    ours = timed([python, "-m", "compendium.cli", "build", "--content", str(content), "--site-dir", str(our_site),
                  "--no-pdf"])  # the site alone, as the stock build makes; PDF editions: benchmarks/editions.py
    # One-paragraph edit, then one language rebuilt in the running process, as `mkdocs serve` does.
    out = subprocess.run([python, str(ROOT / "benchmarks" / "serve_rebuild.py"), str(content), "fr", str(work / "fr-site")],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    rebuild = float(out.strip().splitlines()[-1])
    stock_indexes = list(stock_site.rglob("search_index.json"))
    stock_index = max(p.stat().st_size for p in stock_indexes)
    # Pagefind's index on disk; a reader fetches only the pieces a query needs (benchmarks/search.py measures those).
    ours_index = {lang: sum(f.stat().st_size for f in (our_site / lang / "pagefind").rglob("*") if f.is_file())
                  for lang in LANGS}
    return {"documents": documents, "paragraphs": paragraphs, "markdown": md_bytes, "stock": stock, "ours": ours,
            "rebuild": rebuild, "stock_index": stock_index, "ours_index": ours_index}


def report(r: dict) -> str:
    worst = max(r["ours_index"].values())
    lines = [
        f"### {r['documents']} documents × 6 languages × {r['paragraphs']} paragraphs ({mib(r['markdown'])} of Markdown)",
        "",
        "| measure | stock (material + static-i18n) | ours | ratio | goal |",
        "|---|---|---|---|---|",
        f"| full build, wall time | {r['stock']:.1f} s | {r['ours']:.1f} s | {r['ours'] / r['stock']:.2f}× | ≤ 0.5× |",
        f"| one language rebuilt after a one-paragraph edit (`mkdocs serve`) | – | {r['rebuild']:.2f} s | – | ≤ 2 s at real size |",
        f"| search index on disk, largest language (the stock one is downloaded whole; ours in pieces, see "
        f"benchmarks/search.py) | {mib(r['stock_index'])} | {mib(worst)} | {worst / r['stock_index']:.3f}× | – |",
        "",
        "Per-language index on disk: " + ", ".join(f"{l} {mib(b)}" for l, b in r["ours_index"].items()),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=100)
    parser.add_argument("--scale", type=int, action="append", help="multiples of the document count (default 1 and 4)")
    args = parser.parse_args()
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    for scale in args.scale or [1, 4]:
        with tempfile.TemporaryDirectory(prefix="compendium-bench-") as tmp:
            print(report(run_scale(Path(tmp), args.documents * scale, args.paragraphs)), "\n", flush=True)


if __name__ == "__main__":
    main()
