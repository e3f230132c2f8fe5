"""What a translator previewing one language with `mkdocs serve` waits for after saving a file: the
rebuild of that language's site in the already running process. Prints the rebuild's seconds.

    python benchmarks/serve_rebuild.py CONTENT LANG SITE_DIR
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_once(site_dir: str) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site_dir)  # serve reloads the config every time
    start = time.perf_counter()
    build(config, serve_url="http://127.0.0.1:8000/")
    return time.perf_counter() - start


def main(content: str, lang: str, site_dir: str) -> None:
    os.environ.update(COMPENDIUM_LANG=lang, COMPENDIUM_CONTENT=content, NO_MKDOCS_2_WARNING="1")
    logging.disable(logging.WARNING)
    build_once(site_dir)  # the first build, when serve starts
    target = Path(content) / "instruments" / "synthetic-000" / f"{lang}.md"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("\n1. ", "\n1. modifié ", 1), encoding="utf-8")  # a one-paragraph edit
    print(f"{build_once(site_dir):.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
