"""PDF editions benchmark: pages per second on the real-size synthetic corpus, then a rebuild that must
render nothing. Prints a Markdown table.

    .venv/bin/python benchmarks/editions.py [--documents 50] [--paragraphs 100] [--all] [--workers N]

By default the six full editions (one book per language); `--all` adds the cluster and instrument editions
that `compendium build` also makes. Goal: ≥ 15 pages/s over the whole run on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import LANGS, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compendium import settings  # noqa: E402
from compendium.diagnostics import Report  # noqa: E402
from compendium.editions import build_editions, load_manifest  # noqa: E402
from compendium.editions.plan import KINDS  # noqa: E402
from compendium.loader import load  # noqa: E402
from compendium.settings import Settings  # noqa: E402


def cpu_seconds() -> float:
    """User and system time of this process and of its finished children (the rendering workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=100)
    parser.add_argument("--all", action="store_true", help="also the cluster and instrument editions")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    args = parser.parse_args()
    kinds = KINDS if args.all else ("full",)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")  # reproducible, and the same in both runs
    settings.use(Settings.from_env(os.environ))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"Machine: {platform.platform()}, {cores} cores, Python {platform.python_version()}\n", flush=True)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="compendium-editions-bench-") as tmp:
        work = Path(tmp)
        content, _docs = write_corpus(work, args.documents, args.paragraphs)
        md_bytes = sum(p.stat().st_size for p in content.rglob("*.md"))
        report = Report()
        started = time.perf_counter()
        corpus = load(content, report)
        loaded = time.perf_counter() - started
        if report.errors:
            sys.exit("\n".join(d.format() for d in report.errors[:20]))

        started, cpu_before = time.perf_counter(), cpu_seconds()
        first = build_editions(corpus, work / "out", list(LANGS), work / "cache", content=content,
                               workers=args.workers, kinds=kinds)
        whole, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
        load_after = os.getloadavg()[0]
        if first.failures:
            sys.exit("\n".join(f.format() for f in first.failures))
        started = time.perf_counter()
        again = build_editions(corpus, work / "out2", list(LANGS), work / "cache", content=content,
                               workers=args.workers, kinds=kinds)
        rebuild = time.perf_counter() - started

        files = [f for lang in LANGS for f in (load_manifest(lang, work / "out") or {}).get("files", [])]
        pages = sum(f["pages"] for f in files)
        size = sum(f["bytes"] for f in files)
        per_lang = {lang: [f for f in files if f["path"].startswith(f"{lang}/") and f["kind"] == "full"] for lang in LANGS}
        print(f"### {args.documents} instruments × {len(LANGS)} languages × {args.paragraphs} paragraphs "
              f"({md_bytes / 1048576:.1f} MiB of Markdown), editions: {', '.join(kinds)}\n")
        print("| measure | value | goal |\n|---|---|---|")
        print(f"| corpus load and parse | {loaded:.1f} s | – |")
        print(f"| PDFs rendered | {len(first.rendered)} files, {pages} pages, {size / 1048576:.1f} MiB | – |")
        print(f"| whole run (compose, render, cache, place) | {whole:.1f} s | – |")
        print(f"| pages per second, whole run | {pages / whole:.1f} | ≥ 15 |")
        print(f"| pages per second, rendering phase | {first.pages_rendered / first.render_seconds:.1f} | – |")
        # Other work on the machine slows the wall clock but not the CPU time each page costs.
        print(f"| CPU time, all processes | {cpu:.1f} s = {pages / cpu:.1f} pages per CPU-second "
              f"(× {cores} cores = {pages / cpu * cores:.1f} pages/s on an idle machine) | – |")
        print(f"| load average before / after | {load_before:.2f} / {load_after:.2f} (the machine's other work) | – |")
        print(f"| rebuild with unchanged inputs | {rebuild:.1f} s, {len(again.rendered)} rendered, "
              f"{len(again.reused)} from the cache | 0 rendered |")
        print("\nFull editions: " + ", ".join(
            f"{lang} {fs[0]['pages']} pages / {fs[0]['bytes'] / 1048576:.1f} MiB" for lang, fs in per_lang.items() if fs))
        if again.rendered:
            sys.exit("a rebuild with unchanged inputs rendered something: the cache key is not stable")


if __name__ == "__main__":
    main()
