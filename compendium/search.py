"""Each language's search index, made by Pagefind over that language's built site.

Pagefind (pagefind-bin-extended on PyPI: its binary, with the Chinese word segmenter) reads the built
pages and writes `<lang>/pagefind/`: a small entry file, the WebAssembly search code, and the index and
page fragments in chunks, so that a reader downloads only what a query needs. What it reads from a page:
- the text inside `data-pagefind-body` (the page's content: title, facts, text; hooks/site.py marks it);
- every element with an `id` as an anchor, so a result can land on the paragraph it was found in;
- `data-pagefind-filter` (cluster, kind, adopting body, year) and `data-pagefind-meta` (the language of a
  text shown on a site that has no translation of it; compendium/templates/page.html).
The whole site is indexed as the site's language (`--force-language`): a fallback page's English text on the
French site is found by a French reader typing its words.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

OUTPUT = "pagefind"  # the index's folder inside a language's site


class SearchIndexError(RuntimeError):
    pass


def executable() -> Path:
    """The Pagefind binary shipped by the pinned PyPI package (installed by .ci/setup)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:  # pragma: no cover - the package is a dependency of the site
        raise SearchIndexError("the Pagefind binary is missing: run bash .ci/setup (installs pagefind-bin-extended)")
    return Path(get_executable())


def index_site(site_dir: Path, lang: str) -> float:
    """Index one language's built site into site_dir/pagefind; returns the seconds it took."""
    start = time.perf_counter()
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", OUTPUT,
               "--force-language", lang.split("-")[0], "--silent"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the {lang} site: {(done.stderr or done.stdout).strip()[-500:]}")
    return time.perf_counter() - start


def read_fragment(path: Path) -> dict:
    """One page's record in a Pagefind index (`fragment/*.pf_fragment`): its url inside the language's site
    (`/instruments/udhr/`), title and other meta, filters, text, and anchors (every element with an id)."""
    import gzip
    import json

    data = path.read_bytes()
    try:
        data = gzip.decompress(data)
    except OSError:  # not compressed
        pass
    return json.loads(data[data.index(b"{"):].decode("utf-8"))  # after Pagefind's "pagefind_dcd" signature


def fragments(site_dir: Path) -> dict[Path, dict]:
    """Every page record of a language's index, by file."""
    return {path: read_fragment(path) for path in sorted((site_dir / OUTPUT / "fragment").glob("*.pf_fragment"))}
