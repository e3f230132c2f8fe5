"""The side-by-side view in a real browser, in all six languages, on the real six-language texts: resolution
80/226 and the Kyoto Model Strategies it adopts, and a resolution with a text in English and Spanish only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from browser import artefacts_dir, built_site, serve
from helpers import run

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")
NAMES = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}
DIRS = {lang: "rtl" if lang == "ar" else "ltr" for lang in LANGS}
KYOTO = "instruments/kyoto-model-strategies/"
RESOLUTION = "resolutions/ga-80-226/"  # adopts the Kyoto Model Strategies: paragraph 4 cites them, items (a)–(c)
TWO = "resolutions/ecosoc-2025-16/"  # in this site: English and Spanish only

pytestmark = pytest.mark.slow


def beside(lang: str) -> str:
    """The language read beside `lang` in these tests."""
    return "fr" if lang == "en" else "en"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("compare")
    content = root / "content"
    for doc in (KYOTO, RESOLUTION):
        shutil.copytree(CONTENT / doc, content / doc)
    for lang in ("en", "es"):
        (content / TWO).mkdir(parents=True, exist_ok=True)
        shutil.copy(CONTENT / TWO / f"{lang}.md", content / TWO / f"{lang}.md")
    built_site(root, "--no-pdf")
    code, out = run("check-links", "--site-dir", str(root / "site"))
    assert code == 0, out
    with serve(root / "site") as url:
        yield root / "site", url


def visit(page, address: str) -> None:
    page.goto(address, wait_until="domcontentloaded")  # compare.js runs as the document is parsed


def offered(page) -> tuple[list[tuple[str, str]], list[str]]:
    """The languages the control offers (code, name) and those it lists as having no text."""
    choices = page.eval_on_selector_all(".cmp-compare option[data-src]", "os => os.map(o => [o.value, o.textContent])")
    textless = page.eval_on_selector_all(".cmp-compare optgroup option[disabled]", "os => os.map(o => o.lang)")
    return [tuple(c) for c in choices], textless


def compare(page, lang: str) -> None:
    page.select_option(".cmp-compare select", lang)
    page.wait_for_selector(".cmp-parallel .cmp-row[data-unit]")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_offers_the_languages_that_have_a_text(site, page, lang):
    _, url = site
    visit(page, f"{url}/{lang}/{RESOLUTION}")
    choices, textless = offered(page)
    assert choices == [(code, NAMES[code]) for code in LANGS if code != lang]
    assert textless == []
    # A text in English and Spanish only: every other language's page shows the English text and offers
    # Spanish beside it, never English beside itself; the languages without a text are listed as such.
    visit(page, f"{url}/{lang}/{TWO}")
    choices, textless = offered(page)
    shown = "es" if lang == "es" else "en"
    other = "en" if shown == "es" else "es"
    assert choices == [(other, NAMES[other])]
    assert sorted(textless) == sorted(c for c in LANGS if c not in ("en", "es"))
    assert page.locator(".cmp-compare").get_attribute("data-lang") == shown


@pytest.mark.parametrize("lang", LANGS)
def test_two_columns_each_labelled_in_its_own_language_and_direction(site, page, lang):
    _, url = site
    other = beside(lang)
    visit(page, f"{url}/{lang}/{KYOTO}")
    compare(page, other)
    labels = page.locator(".cmp-parallel .cmp-row-head .cmp-col")
    assert [labels.nth(i).inner_text() for i in range(2)] == [NAMES[lang], NAMES[other]]
    assert [labels.nth(i).get_attribute("lang") for i in range(2)] == [lang, other]
    row = page.locator('.cmp-parallel .cmp-row[data-unit="para-8"]')
    own, theirs = row.locator(".cmp-col-own"), row.locator(".cmp-col-other")
    assert (own.get_attribute("lang"), own.get_attribute("dir")) == (lang, DIRS[lang])
    assert (theirs.get_attribute("lang"), theirs.get_attribute("dir")) == (other, DIRS[other])
    assert theirs.evaluate("e => getComputedStyle(e).direction") == DIRS[other]
    assert own.locator("#para-8").count() == 1  # the page's own paragraph, with its own id
    assert theirs.locator(f'[id="{other}:para-8"]').count() == 1
    # Headings are kept, each in a row of its own.
    heading = page.locator('.cmp-parallel .cmp-row[data-unit="h-2"]')
    assert heading.locator(".cmp-col-own :is(h2, h3, h4)#h-2").count() == 1
    assert heading.locator(f'.cmp-col-other :is(h2, h3, h4)[id="{other}:h-2"]').count() == 1
    assert f"compare={other}" in page.url
    # No id of the page is repeated by the second column.
    ids = page.eval_on_selector_all("[id]", "es => es.map(e => e.id)")
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGS)
def test_a_paragraph_row_keeps_its_id_its_citation_link_and_its_items(site, page, lang):
    _, url = site
    other = beside(lang)
    visit(page, f"{url}/{lang}/{RESOLUTION}")
    compare(page, other)
    row = page.locator('.cmp-parallel .cmp-row[data-unit="para-4"]')
    assert row.locator(".cmp-col-own #para-4 .cmp-children #para-4-a").count() == 1
    para = row.locator(f'.cmp-col-other [id="{other}:para-4"]')
    assert para.locator(f'.cmp-children [id="{other}:para-4-a"]').count() == 1  # item (a) nested in paragraph 4
    link = para.locator('a[href*="kyoto-model-strategies"]').first
    href = link.evaluate("a => a.href")
    assert href == f"{url}/{other}/{KYOTO}"  # the citation leads to the cited text in the column's language
    assert page.request.get(href).ok


@pytest.mark.parametrize("lang", LANGS)
def test_a_deep_link_opens_the_pair_at_the_paragraph(site, page, lang):
    _, url = site
    other = beside(lang)
    visit(page, f"{url}/{lang}/{KYOTO}?compare={other}#para-30")
    page.wait_for_selector('.cmp-parallel .cmp-row[data-unit="para-30"]')
    page.wait_for_timeout(200)
    assert page.locator(".cmp-compare select").input_value() == other
    box = page.locator('.cmp-parallel .cmp-row[data-unit="para-30"]').bounding_box()
    assert 0 <= box["y"] < 900 / 2, box  # in view, near the top
    # Another choice keeps the paragraph in the address; "—" leaves the view and keeps it too.
    third = "es" if lang != "es" else "ru"
    compare(page, third)
    assert page.url.endswith(f"?compare={third}#para-30")
    page.select_option(".cmp-compare select", "")
    assert page.locator(".cmp-parallel").count() == 0
    assert page.locator(".cmp-document .cmp-body #para-30").count() == 1  # the page's text is back in place
    assert page.url.endswith(f"/{KYOTO}#para-30")


@pytest.mark.parametrize("lang", LANGS)
def test_stacked_on_a_phone_without_overflow(site, browser, lang):
    _, url = site
    other = beside(lang)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        visit(phone, f"{url}/{lang}/{RESOLUTION}?compare={other}#para-4")
        phone.wait_for_selector('.cmp-parallel .cmp-row[data-unit="para-4"]')
        row = phone.locator('.cmp-parallel .cmp-row[data-unit="para-4"]')
        own, theirs = row.locator(".cmp-col-own").bounding_box(), row.locator(".cmp-col-other").bounding_box()
        assert theirs["y"] >= own["y"] + own["height"] - 1, (own, theirs)  # one above the other
        label = row.locator(".cmp-col-other").evaluate("e => getComputedStyle(e, '::before').content")
        assert NAMES[other] in label  # the stacked text says its language
        wide = phone.evaluate("""() => [...document.querySelectorAll('.md-content *')]
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5))
            .map(([e, r]) => `${e.tagName}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`)""")
        assert wide == [], wide[:5]
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        if lang == "ar":
            phone.screenshot(path=str(artefacts_dir(ROOT) / "compare-ar-en-390.png"))
    finally:
        context.close()


def test_english_beside_arabic_reads_left_to_right(site, page):
    """In the Arabic page the English column is English: "8." is read and drawn as 8 then the full stop."""
    _, url = site
    visit(page, f"{url}/ar/{KYOTO}?compare=en#para-8")
    page.wait_for_selector('.cmp-parallel .cmp-row[data-unit="para-8"]')
    row = page.locator('.cmp-parallel .cmp-row[data-unit="para-8"]')
    english = row.locator(".cmp-col-other")
    assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    number = english.locator(".cmp-num").first
    assert number.inner_text() == "8."
    digit, stop = number.evaluate("""n => { const t = n.firstChild, r = document.createRange(), out = [];
        for (const i of [0, 1]) { r.setStart(t, i); r.setEnd(t, i + 1); out.push(r.getBoundingClientRect().left); }
        return out; }""")
    assert digit < stop, "8. drawn as .8"
    assert english.bounding_box()["x"] < row.locator(".cmp-col-own").bounding_box()["x"], "Arabic on the right"
    assert re.match(r"^\s*8\.", english.inner_text())
    page.screenshot(path=str(artefacts_dir(ROOT) / "compare-ar-en-1280.png"))
