"""Every page type of a small six-language site, in a real browser: axe-core finds no serious or critical
violation, and at 360 and 390 px no content reaches past the screen's edge. The site is the Universal
Declaration of Human Rights in its six texts (tests/test_browser.py) plus a real resolution with
citations and unverified facts, built once with its PDF editions (for the Downloads page)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from browser import RequestLog, built_site, new_page, serve
from test_browser import CORPUS, LANGS, udhr_content

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("", "clusters/custody/", "indexes/years/", "indexes/bodies/", "resolutions/", "status/", "downloads/",
         "instruments/udhr/", "resolutions/ecosoc-2000-1/", "resolutions/ecosoc-1993-34/")

pytestmark = pytest.mark.slow

# Content past the screen's edge, unless a scroll container that itself fits the screen holds it.
OVERFLOW = """() => {
  const W = document.documentElement.clientWidth, out = [];
  const fits = r => r.left >= -0.5 && r.right <= W + 0.5;
  for (const e of document.querySelectorAll('.md-content *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || fits(r)) continue;
    let a = e.parentElement, held = false;
    while (a && !a.classList.contains('md-content')) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible' && fits(a.getBoundingClientRect())) { held = true; break; }
      a = a.parentElement;
    }
    if (!held) out.push(`${e.tagName}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  // One scroll container per table: a scroller inside another that scrolls never gets its turn.
  for (const e of document.querySelectorAll('.md-content *')) {
    if (getComputedStyle(e).overflowX === 'visible' || e.scrollWidth <= e.clientWidth + 1) continue;
    for (let a = e.parentElement; a && !a.classList.contains('md-content'); a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible' && a.scrollWidth > a.clientWidth + 1)
        out.push(`nested scroller ${e.tagName}.${e.className} in ${a.tagName}.${a.className}`);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the six-language test text is not there ({CORPUS}); it lives in ../shared/corpus")
    root = tmp_path_factory.mktemp("a11y")
    udhr_content(root / "content")
    shutil.copytree(ROOT / "content" / "resolutions" / "ecosoc-1993-34",
                    root / "content" / "resolutions" / "ecosoc-1993-34")
    site = built_site(root)
    with serve(site) as url:
        yield site, url


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_serious_violation(site, browser, lang):
    from axe_playwright_python.sync_playwright import Axe

    folder, url = site
    axe, found = Axe(), Counter()
    details = []
    log = RequestLog()
    page = new_page(browser, log)
    try:
        for rel in PAGES:
            assert (folder / lang / rel / "index.html").is_file(), rel
            page.goto(f"{url}/{lang}/{rel}")
            for v in axe.run(page).response["violations"]:
                if v["impact"] in ("serious", "critical"):
                    found[v["id"]] += len(v["nodes"])
                    details.append((rel, v["id"], v["nodes"][0]["target"], v["nodes"][0].get("failureSummary", "")[:200]))
    finally:
        page.context.close()
    assert not found, (dict(found), details[:5])
    assert log.outside == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_fits_a_phone(site, browser, lang):
    _, url = site
    for width in (360, 390):
        context = browser.new_context(viewport={"width": width, "height": 800})
        phone = context.new_page()
        try:
            for rel in PAGES:
                phone.goto(f"{url}/{lang}/{rel}")
                wide = phone.evaluate(OVERFLOW)
                assert wide == [], (width, rel, wide[:5])
                assert phone.evaluate("document.documentElement.scrollWidth") <= width, (width, rel)
        finally:
            context.close()


@pytest.mark.parametrize("lang", ("ar", "fr"))
def test_the_skip_link_is_first_and_lands_on_the_title(site, browser, lang):
    # The first Tab reaches "Skip to content"; following it puts the reader at the page's title (before the
    # facts and the text on a document page), on every page type.
    _, url = site
    page = new_page(browser, RequestLog())
    try:
        for rel in PAGES:
            page.goto(f"{url}/{lang}/{rel}")
            page.keyboard.press("Tab")
            focused = page.evaluate("[document.activeElement.classList.contains('md-skip'),"
                                    " document.activeElement.getAttribute('href')]")
            assert focused == [True, "#title"], (rel, focused)
            page.keyboard.press("Enter")
            page.wait_for_function("location.hash === '#title'")
            title = page.evaluate("(() => { const h = document.getElementById('title');"
                                  " return [h.tagName, h.getBoundingClientRect().top]; })()")
            assert title[0] == "H1" and title[1] < 200, (rel, title)
    finally:
        page.context.close()
