"""Search benchmark: what a reader downloads before the first result appears, measured in Chromium.

    .venv/bin/python benchmarks/search.py [--scale 4] [--documents 50] [--paragraphs 100] [--langs en,zh,ar]

Builds the synthetic corpus (benchmarks/corpus.py) at `scale` times the real size (50 documents × 6 languages
× 100 paragraphs is the real size, as in benchmarks/run.py), serves the site on localhost, opens a language's
home page in Chromium, types a word of one of its texts in the search field and waits for the first result.
Counted: the bytes of every file under <lang>/pagefind/ whose download had finished when the first result was
put on the page (the entry file, the JS, the WebAssembly, the index chunk, the filters and the page records of
the first results, fetched by the page or by Pagefind's worker), as the network delivered them. Also printed:
each language's whole index on disk, and the seconds Pagefind takes per language (re-run on the built site).

Goal (issue 13): at 4× the real size, at most 300 KB and at most 1/10 of the old per-language index. The old
home-made index (one JSON file per language, downloaded whole) weighed 7.38 MiB for the largest language at
this size (README, benchmarks/run.py before Pagefind; 5.43–7.38 MiB across the six languages).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))
from corpus import LANGS, write_corpus  # noqa: E402

OLD_INDEX_LARGEST = int(7.38 * 1048576)  # bytes, at 4× (200 documents), the largest language (zh)


def build(work: Path, documents: int, paragraphs: int) -> Path:
    content, _docs = write_corpus(work, documents, paragraphs)
    site = work / "site"
    proc = subprocess.run([sys.executable, "-m", "compendium.cli", "build", "--content", str(content), "--site-dir",
                           str(site), "--no-pdf"], cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(proc.stdout[-2000:] + proc.stderr[-2000:])
    return site


def query_word(site: Path, lang: str) -> str:
    """A word of the texts of middling frequency: in some pages, not in all."""
    from compendium.search import fragments

    records = list(fragments(site / lang).values())
    counts: dict[str, int] = {}
    for record in records:
        text = record["content"]
        words = text.split("\u200b") if "\u200b" in text else text.split()
        for word in set(w for w in words if re.fullmatch(r"\w{3,}", w) or (lang == "zh" and re.fullmatch(r"\w\w", w))):
            counts[word] = counts.get(word, 0) + 1
    docs = len(records)
    return min(counts, key=lambda w: (abs(counts[w] - docs // 10), w))


def measure(site: Path, langs: list[str]) -> dict[str, tuple[str, int, int]]:
    from browser import CHROMIUM, CHROMIUM_ARGS, RequestLog, new_page, serve
    from playwright.sync_api import sync_playwright

    out = {}
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in langs:
            word = query_word(site, lang)
            page = new_page(browser, RequestLog())
            # Every file of the index, from the page and from Pagefind's worker, as the network delivered it;
            # the page calls back when the first result is on it, and what had arrived by then is counted.
            arrived: list = []
            counted: list[int] = []
            page.on("requestfinished", lambda r: arrived.append(r) if "/pagefind/" in r.url else None)
            page.expose_function("cmpFirstResult", lambda: counted.append(len(arrived)))
            page.goto(f"{url}/{lang}/")
            page.evaluate("""() => new MutationObserver((changes, observer) => {
                if (!document.querySelector('.md-search-result__item')) return;
                observer.disconnect();
                window.cmpFirstResult();
              }).observe(document.querySelector('.md-search-result__list'), {childList: true})""")
            page.locator(".md-search__input").click()
            page.locator(".md-search__input").fill(word)
            page.wait_for_selector(".md-search-result__item", timeout=30000)
            page.wait_for_timeout(500)  # lets the callback through; `before` was filled when it was made
            before = {r.url: r.sizes()["responseBodySize"] for r in arrived[:counted[0]]}
            out[lang] = (word, sum(before.values()), len(before))
            page.context.close()
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=100)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--langs", default=",".join(LANGS))
    args = parser.parse_args()
    langs = args.langs.split(",")
    from compendium.search import OUTPUT, index_site

    with tempfile.TemporaryDirectory(prefix="compendium-search-bench-") as tmp:
        site = build(Path(tmp), args.documents * args.scale, args.paragraphs)
        on_disk = {lang: sum(f.stat().st_size for f in (site / lang / OUTPUT).rglob("*") if f.is_file()) for lang in langs}
        seconds = {}
        for lang in langs:
            start = time.perf_counter()
            index_site(site / lang, lang)
            seconds[lang] = time.perf_counter() - start
        fetched = measure(site, langs)
    kb = lambda n: f"{n / 1000:.0f} KB"  # noqa: E731
    print(f"### Search at {args.scale}× ({args.documents * args.scale} documents × 6 languages × {args.paragraphs} paragraphs)\n")
    print("| language | query | downloaded before the first result | files | whole index on disk | Pagefind time |")
    print("|---|---|---|---|---|---|")
    for lang in langs:
        word, size, files = fetched[lang]
        print(f"| {lang} | {word} | {kb(size)} | {files} | {kb(on_disk[lang])} | {seconds[lang]:.1f} s |")
    worst = max(size for _w, size, _f in fetched.values())
    print(f"\nLargest download before a first result: {kb(worst)}; goal ≤ 300 KB and ≤ 1/10 of the old index "
          f"({kb(OLD_INDEX_LARGEST)} → ≤ {kb(OLD_INDEX_LARGEST // 10)}): ratio {worst / OLD_INDEX_LARGEST:.3f}×")


if __name__ == "__main__":
    main()
