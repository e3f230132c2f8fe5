"""Browser test support: serve a built site on localhost and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextmanager
def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def built_site(root: Path, *options: str) -> Path:
    """A browser test's site: root/content built into root/site with the repository's configuration (the browser
    must be there: a browser test that cannot run fails, it is not skipped); the build must succeed."""
    import pytest

    from helpers import run

    reason = chromium_available()
    if reason:
        pytest.fail(reason)
    site = root / "site"
    code, out = run("build", "--content", str(root / "content"), "--site-dir", str(site),
                    "--config", str(ROOT / "mkdocs.yml"), *options)
    assert code == 0, out
    return site


def chromium_available() -> str | None:
    """None when the browser tests can run, else the reason they cannot."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run bash .ci/setup (installs Debian's chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed: run bash .ci/setup"
    return None


class RequestLog:
    """Every request a page makes; a test fails if one leaves localhost."""

    def __init__(self):
        self.outside: list[str] = []

    def __call__(self, request):
        host = urlparse(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1", "localhost"):
            self.outside.append(request.url)


def new_page(browser, log: RequestLog):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Anything addressed outside is refused here, and recorded by the log.
    context.route(lambda url: url.startswith("http") and urlparse(url).hostname not in ("127.0.0.1", "localhost"),
                  lambda route: route.abort())
    page = context.new_page()
    page.on("request", log)
    return page


def artefacts_dir(root: Path) -> Path:
    out = root / "test-artifacts"
    out.mkdir(exist_ok=True)
    return out


def copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, dirs_exist_ok=True)
