"""Fixtures shared by the browser tests (tests/browser.py has the helpers they stand on)."""

from __future__ import annotations

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, RequestLog, new_page


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A page of its own context; it fails the test if the page asked any host but this machine."""
    log = RequestLog()
    pg = new_page(browser, log)
    yield pg
    pg.context.close()
    assert log.outside == [], f"requests left localhost: {log.outside[:5]}"
