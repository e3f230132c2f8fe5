"""Build the site: one MkDocs build per language, in parallel, into a staging folder swapped in at the end.

The previous site stays untouched unless every language built. What the build may replace, its lock and
the recovery from a build that was killed are in sitedir.py. The worker processes die with this process
(hooks/build_languages.py asks the kernel for it), and are killed when it stops for any other reason.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from filelock import FileLock, Timeout

from . import settings as settings_module
from . import addresses, atomic, sitedir
from .diagnostics import Report
from .i18n import gettext_for
from .markup import template
from .vocabulary import SITE_TITLE
from .languages import direction, info, known_languages
from .loader import load
from .settings import ENV_NAMES, Settings


class Workers:
    """One framework process per core, started before the corpus is parsed: each imports the framework and
    warms up for the first language it claims while this process reads the content, then waits for the word
    go (a file in the staging folder). They get the settings as environment variables, and this process's id
    (`--parent=PID`), so that they stop when it is gone; stop() kills those still running."""

    def __init__(self, langs: list[str], settings: Settings, config: Path, out: Path):
        # The parent's environment for the rest (PATH, HOME...); the configuration only from the settings.
        env = {name: value for name, value in os.environ.items() if name not in ENV_NAMES.values()}
        env.update(settings.to_env(), NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        root = config.resolve().parent
        cmd = [sys.executable, str(root / "hooks" / "build_languages.py"), f"--parent={os.getpid()}",
               str(config.resolve()), str(out.resolve()), *langs]
        count = min(len(langs), os.cpu_count() or 1)
        self.out = out
        self.procs = [subprocess.Popen(cmd, env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       text=True) for _ in range(count)]

    def go(self, settings: Settings) -> list[str]:
        """Let the workers build with these settings; the outputs of those that failed."""
        atomic.write_text(self.out / ".go.json", json.dumps({"env": settings.to_env()}))  # whole, or not there
        return [out for code, out in self._wait() if code != 0]

    def stop(self) -> None:
        """Kill the workers still running (the build failed or was stopped) and reap them."""
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
        for proc in self.procs:
            proc.wait()
            if proc.stdout and not proc.stdout.closed:
                proc.stdout.close()

    def _wait(self) -> list[tuple[int, str]]:
        pool = ThreadPoolExecutor(max_workers=len(self.procs))  # read every pipe at once
        try:
            futures = [pool.submit(proc.communicate) for proc in self.procs]
            outs = [future.result()[0] for future in futures]
        except BaseException:  # a signal or Ctrl-C: the readers return once their worker is gone
            self.stop()
            raise
        finally:
            pool.shutdown(wait=True)
        return [(p.returncode, out) for p, out in zip(self.procs, outs)]


def language_chooser(langs: list[str]) -> str:
    """The site root: each language's name in its own script; sends the reader on to a preferred language."""
    languages = [(lang, addresses.relative("", addresses.home(lang)), direction(lang), info(lang)["name"])
                 for lang in langs]
    return template("root.html").render(codes=list(langs), languages=languages, title=SITE_TITLE,
                                        messages=[], redirect=True) + "\n"


def root_not_found(langs: list[str], site_url: str = "") -> str:
    """The site root's 404 page: "Page not found" in every language, and the way to each language's home.
    It is served at any depth, so its links start from the root: the site URL's, else the host's."""
    languages = [(lang, addresses.root_absolute(site_url, addresses.home(lang)), direction(lang), info(lang)["name"]) for lang in langs]
    messages = [(lang, direction(lang), gettext_for(lang)("Page not found")) for lang in langs]  # marked in overrides/404.html
    return template("root.html").render(codes=list(langs), languages=languages, title=SITE_TITLE,
                                        messages=messages, redirect=False) + "\n"


def sitemap_index(langs: list[str], site_url: str = "") -> str:
    """The root sitemap names each language's own sitemap (absolute when the site's address is known)."""
    locations = [addresses.absolute(site_url, addresses.sitemap(lang)) if site_url else addresses.sitemap(lang)
                 for lang in langs]
    return template("sitemapindex.xml").render(locations=locations).rstrip("\n") + "\n"


class Stopped(BaseException):
    """The build was told to stop (SIGTERM, SIGHUP): raised in the main thread so that every `finally` runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _stop_on_signals():
    """SIGTERM or SIGHUP stop the build like Ctrl-C does: workers killed, staging folder removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame):
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def build_site(content: Path, site_dir: Path, config: Path, langs: list[str], report: Report, pdf: bool = True) -> int:
    """Build `langs` (default all) with the active settings, which the site builds are given too.

    Only a folder this build made (see sitedir) is ever replaced; the build holds a lock on the site folder;
    a problem of the file system, a signal or a failure leaves the previous site as it was and no staging folder."""
    if not config.is_file():
        report.error(config, 1, 1, "no MkDocs configuration", "run from the repository root or pass --config")
        return 1
    site_dir = site_dir.resolve()
    try:
        with _stop_on_signals():
            sitedir.check_target(site_dir, content, config.resolve().parent)
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            try:
                lock = FileLock(sitedir.lock_file(site_dir), timeout=sitedir.LOCK_TIMEOUT)
                lock.acquire()
            except Timeout:
                report.error(site_dir, 1, 1, f"another build has been writing into this site folder for "
                             f"{sitedir.LOCK_TIMEOUT:.0f} s", "wait for it to finish, or choose another --site-dir")
                return 1
            try:
                for note in sitedir.recover(site_dir):
                    report.warning(site_dir, 1, 1, note, "nothing to do: the site folder is in order again")
                sitedir.check_target(site_dir, content, config.resolve().parent)
                return _build(content, site_dir, config, langs, report, pdf)
            finally:
                lock.release()
    except sitedir.SiteDirError as exc:
        report.error(exc.path, 1, 1, exc.message, exc.hint)
    except OSError as exc:
        err = sitedir.os_error(exc, site_dir)
        report.error(err.path, 1, 1, err.message, err.hint)
    except Stopped as exc:
        report.error(site_dir, 1, 1, f"the build was stopped ({signal.Signals(exc.signum).name}); "
                     "the previous site is unchanged", "build again")
        return 128 + exc.signum
    return 1


def _build(content: Path, site_dir: Path, config: Path, langs: list[str], report: Report, pdf: bool) -> int:
    langs = langs or list(known_languages())  # every language is a whole site, with fallbacks where text is missing
    staging = sitedir.staging_dir(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    workers = None
    try:
        sitedir.mark(staging)  # before anything else: the swap and every later build know the folder as ours
        cache = staging / ".corpus.pickle"
        # Costliest language first (Chinese is segmented); each worker claims the next language nobody has.
        settings = replace(settings_module.current(), content=content.resolve(), corpus_cache=cache)
        workers = Workers(sorted(langs, key=lambda lang: lang != "zh"), settings, config, staging)
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
        failed = workers.go(settings)
        for out in failed:
            tail = "\n".join(out.strip().splitlines()[-15:])
            report.error(site_dir, 1, 1, f"the site failed to build:\n{tail}",
                         "the previous site is unchanged; fix the problem above and build again")
        if failed:
            return 1
        for marker in [cache, *staging.glob(".claim-*"), staging / ".go.json"]:
            marker.unlink()
        atomic.write_text(staging / "index.html", language_chooser(langs))
        atomic.write_text(staging / "404.html", root_not_found(langs, settings.site_url))
        if settings.site_url:
            atomic.write_text(staging / "sitemap.xml", sitemap_index(langs, settings.site_url))
        else:
            report.warning(site_dir, 1, 1, "no sitemaps: the site's address is not known, and a sitemap needs "
                           "absolute addresses", "set COMPENDIUM_SITE_URL to the published site's address")
        if pdf:
            from .editions.site import move_into_site

            move_into_site(staging)  # <lang>/downloads/: the PDFs and manifest.json
            from .offline import offline_editions

            offline_editions(staging, langs, settings.site_url)  # <lang>/downloads/: the site as a zip, with them
        sitedir.check_target(site_dir, content, config.resolve().parent)  # nobody put anything there meanwhile
        sitedir.swap(staging, site_dir)
    finally:
        if workers is not None:
            workers.stop()
        shutil.rmtree(staging, ignore_errors=True)
    return 0
