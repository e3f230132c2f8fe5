"""The editions step of `compendium build`: render before the pages, move into the staged site after them.

Order and why:
1. The editions are rendered into `<staging>/.editions/<lang>/downloads/` before the language sites are built,
   and the site builds get that folder as their settings' editions_dir, so a Downloads page can be made from the
   manifest (load_manifest + downloads_html). MkDocs empties its output folder, so they cannot go there yet.
2. After every language built, each language's files move to `<staging>/<lang>/downloads/`, next to the pages,
   and the staging folder replaces the site as before.

A failed edition fails the build: the previous site stays as it was (a site whose Downloads page lists a
file that is missing, or an old PDF that no longer matches the pages, is worse than yesterday's whole site).
What did render is kept in the cache, so the next build renders only what failed or changed. An edition too
large to typeset (runner.oversize) is reported at its largest document, the one to split.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..diagnostics import Report
from ..model import Corpus
from . import plan
from .cache import default_dir
from .publish import Failure, build_editions
from .runner import TOO_LARGE

FOLDER = ".editions"


def render_for_site(corpus: Corpus, content: Path, site_dir: Path, staging: Path, langs: list[str],
                    report: Report) -> Path | None:
    """Render every edition; returns the folder of their manifests for the site builds, or None when one failed."""
    out = staging / FOLDER
    outcome = build_editions(corpus, out, langs, default_dir(site_dir), content=content)
    for failure in outcome.failures:
        where = content / failure.documents[0] if failure.documents else site_dir
        if TOO_LARGE in failure.message and (largest := _largest_document(corpus, failure)) is not None:
            where = largest
        report.error(where, 1, 1, failure.format(),
                     "the previous site is unchanged and the other editions are cached; fix this and build again")
    for warning in dict.fromkeys(outcome.warnings):
        report.warning(site_dir, 1, 1, f"PDF: {warning}", "check the edition's pages")
    if outcome.failures:
        return None
    return out.resolve()


def _largest_document(corpus: Corpus, failure: Failure) -> Path | None:
    for edition in plan.editions(corpus, failure.lang):
        if edition.path == failure.path and edition.docs():
            return max(edition.docs(), key=lambda doc: doc.path.stat().st_size if doc.path.is_file() else 0).path
    return None


def move_into_site(staging: Path) -> None:
    """Each language's PDFs and manifest into its site folder (after MkDocs, which empties that folder)."""
    out = staging / FOLDER
    if not out.is_dir():
        return
    for src in sorted(p for p in out.rglob("*") if p.is_file()):
        target = staging / src.relative_to(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, target)
    shutil.rmtree(out, ignore_errors=True)
