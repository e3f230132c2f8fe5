"""Build the site: one MkDocs build per language, in parallel, into a staging folder swapped in at the end.

The previous site stays untouched unless every language built.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from . import settings as settings_module
from . import addresses
from .diagnostics import Report
from .markup import template
from .vocabulary import SITE_TITLE
from .languages import direction, info, known_languages
from .loader import load
from .settings import ENV_NAMES, Settings


class Workers:
    """One framework process per core, started before the corpus is parsed: each imports the framework and
    warms up for the first language it claims while this process reads the content, then waits for the word
    go (a file in the staging folder) or abort. They get the settings as environment variables."""

    def __init__(self, langs: list[str], settings: Settings, config: Path, out: Path):
        # The parent's environment for the rest (PATH, HOME...); the configuration only from the settings.
        env = {name: value for name, value in os.environ.items() if name not in ENV_NAMES.values()}
        env.update(settings.to_env(), NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        root = config.resolve().parent
        cmd = [sys.executable, str(root / "hooks" / "build_languages.py"), str(config.resolve()), str(out.resolve()), *langs]
        count = min(len(langs), os.cpu_count() or 1)
        self.out = out
        self.procs = [subprocess.Popen(cmd, env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       text=True) for _ in range(count)]

    def go(self, settings: Settings) -> list[str]:
        """Let the workers build with these settings; the outputs of those that failed."""
        tmp = self.out / ".go.tmp"
        tmp.write_text(json.dumps({"env": settings.to_env()}), encoding="utf-8")
        tmp.rename(self.out / ".go.json")
        return [out for code, out in self._wait() if code != 0]

    def abort(self) -> None:
        (self.out / ".abort").touch()
        self._wait()

    def _wait(self) -> list[tuple[int, str]]:
        with ThreadPoolExecutor(max_workers=len(self.procs)) as pool:  # read every pipe at once
            outs = list(pool.map(lambda p: p.communicate()[0], self.procs))
        return [(p.returncode, out) for p, out in zip(self.procs, outs)]


def language_chooser(langs: list[str]) -> str:
    """The site root: each language's name in its own script; sends the reader on to a preferred language."""
    languages = [(lang, addresses.relative("", addresses.home(lang)), direction(lang), info(lang)["name"])
                 for lang in langs]
    return template("root.html").render(codes=list(langs), languages=languages, title=SITE_TITLE) + "\n"


def sitemap_index(langs: list[str], site_url: str = "") -> str:
    """The root sitemap names each language's own sitemap (absolute when the site's address is known)."""
    locations = [addresses.absolute(site_url, addresses.sitemap(lang)) if site_url else addresses.sitemap(lang)
                 for lang in langs]
    return template("sitemapindex.xml").render(locations=locations).rstrip("\n") + "\n"


def build_site(content: Path, site_dir: Path, config: Path, langs: list[str], report: Report, pdf: bool = True) -> int:
    """Build `langs` (default all) with the active settings, which the site builds are given too."""
    if not config.is_file():
        report.error(config, 1, 1, "no MkDocs configuration", "run from the repository root or pass --config")
        return 1
    langs = langs or list(known_languages())  # every language is a whole site, with fallbacks where text is missing
    site_dir = site_dir.resolve()
    staging = site_dir.parent / f".{site_dir.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    cache = staging / ".corpus.pickle"
    # Costliest language first (Chinese is segmented); each worker claims the next language nobody has.
    settings = replace(settings_module.current(), content=content.resolve(), corpus_cache=cache)
    workers = Workers(sorted(langs, key=lambda lang: lang != "zh"), settings, config, staging)
    started = False
    try:
        corpus = load(content, report)
        if report.errors:
            report.error(site_dir, 1, 1, "the site was not built; the previous site is unchanged",
                         "fix the errors above and build again")
            return 1
        with cache.open("wb") as fh:  # parsed once here, read by every language's build
            pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
        # The printable editions first: each language's site build reads its manifest (settings.editions_dir).
        if pdf:
            from .editions.site import render_for_site

            editions_dir = render_for_site(corpus, content, site_dir, staging, langs, report)
            if editions_dir is None:
                return 1
            settings = replace(settings, editions_dir=editions_dir)
        started = True
        failed = workers.go(settings)
        for out in failed:
            tail = "\n".join(out.strip().splitlines()[-15:])
            report.error(site_dir, 1, 1, f"the site failed to build:\n{tail}",
                         "the previous site is unchanged; fix the problem above and build again")
        if failed:
            return 1
        for marker in [cache, *staging.glob(".claim-*"), staging / ".go.json"]:
            marker.unlink()
        (staging / "index.html").write_text(language_chooser(langs), encoding="utf-8")
        (staging / "sitemap.xml").write_text(sitemap_index(langs, settings.site_url), encoding="utf-8")
        if pdf:
            from .editions.site import move_into_site

            move_into_site(staging)  # <lang>/downloads/: the PDFs and manifest.json
        _swap(staging, site_dir)
    finally:
        if not started:
            workers.abort()
        shutil.rmtree(staging, ignore_errors=True)
    return 0


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace the site in two renames, so a reader or a failed build never sees half a site."""
    old = site_dir.parent / f".{site_dir.name}.old-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
