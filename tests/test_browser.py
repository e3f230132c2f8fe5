"""The site in a real browser (Debian's Chromium driven by Playwright), in all six languages, built from
the Universal Declaration of Human Rights in its six official texts (read from ../shared/corpus)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser import artefacts_dir, built_site, serve
from helpers import run, write

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "udhr"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")
NAMES = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}

pytestmark = pytest.mark.slow


def udhr_content(content: Path) -> None:
    from compendium.importer import import_text

    for lang in LANGS:
        docs = import_text((CORPUS / f"{lang}.txt").read_text(encoding="utf-8"), lang, kind="instrument")
        text = docs[0].markdown
        # One document in six languages: the same id everywhere, and a cluster for the test site.
        text = re.sub(r"^id: .*$", "id: udhr", text, count=1, flags=re.M)
        text = re.sub(r"^cluster: .*\n", "", text, flags=re.M).replace("\n---\n", "\ncluster: custody\n---\n", 1)
        if lang == "fr":  # the French text has no paragraph "Now, therefore,": its proclamation is preamble-9
            text = text.replace("\n---\n", "\ntranslation: {status: official, absent: [preamble-8]}\n---\n", 1)
        write(content, f"instruments/udhr/{lang}.md", text)
    # A long value without a place to break (a file name) in the facts panel: it must not widen a phone's page.
    write(content, "resolutions/ecosoc-2000-1/en.md",
          "---\nid: ecosoc-2000-1\nkind: resolution\ntitle: A resolution written for this test only\n"
          "source: A test source file named resolution_written_for_this_test_only_0123456789abcdef.txt\n"
          "completeness: complete\n---\n\n1. *Decides* that this paragraph exists in English only.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the six-language test text is not there ({CORPUS}); it lives in ../shared/corpus")
    root = tmp_path_factory.mktemp("udhr")
    udhr_content(root / "content")
    code, out = run("validate", "--content", str(root / "content"))
    assert code == 0, out
    site = built_site(root, "--no-pdf")
    with serve(site) as url:
        yield site, url


def test_language_switch_keeps_page_and_anchor(site, page):
    _, url = site
    page.goto(f"{url}/en/instruments/udhr/#article-3")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.cmp-lang-link[data-lang=fr]").click()
    page.wait_for_url(re.compile(r"/fr/instruments/udhr/#article-3$"))
    assert page.locator("#article-3").count() == 1
    assert page.evaluate("document.documentElement.lang") == "fr"


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_is_a_whole_site(site, page, lang):
    folder, url = site
    page.goto(f"{url}/{lang}/instruments/udhr/")
    expected_dir = "rtl" if lang == "ar" else "ltr"
    assert page.evaluate("document.documentElement.getAttribute('dir')") == expected_dir
    assert page.evaluate("getComputedStyle(document.body).direction") == expected_dir
    assert page.locator("#article-30").count() == 1
    assert page.locator(".cmp-fallback").count() == 0  # the text exists in this language
    page.screenshot(path=str(artefacts_dir(ROOT) / f"udhr-{lang}.png"), full_page=False)


def test_arabic_is_mirrored(site, page):
    _, url = site
    page.goto(f"{url}/ar/instruments/udhr/")
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"], "the navigation sits on the right in Arabic"
    number = page.locator("#article-1").bounding_box()
    assert number["x"] + number["width"] > content["x"] + content["width"] / 2


def _search(page, url: str, lang: str, word: str, where: str = "") -> tuple[list[str], list[str]]:
    """Search as a reader does; returns the result links and the search files the page downloaded."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/pagefind/" in r.url else None)
    page.goto(f"{url}/{lang}/{where}")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill(word)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # the first result comes first; the list is busy until the others are on it
    page.wait_for_selector(".md-search-result__list[aria-busy=false]", timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()], fetched


def _a_word(folder: Path, lang: str, unit: str) -> str:
    """A word of a paragraph of the UDHR as this language's index holds it (Chinese: a word the indexer cut)."""
    from compendium.search import fragments

    record = next(r for r in fragments(folder / lang).values() if r["url"] == "/instruments/udhr/")
    anchors = sorted(record["anchors"], key=lambda a: a["location"])
    at = next(i for i, a in enumerate(anchors) if a["id"] == unit)
    zws = "\u200b" in record["content"]
    words = record["content"].split("\u200b") if zws else record["content"].split()
    here = words[anchors[at]["location"]:anchors[at + 1]["location"]]
    if zws:
        candidates = [w for w in here if len(w) == 2 and re.match(r"^[\u4e00-\u9fff]+$", w)]
    else:
        candidates = [w.strip(".,;:()«»“”") for w in here if len(w.strip(".,;:()«»“”")) >= 6]
    return min(candidates, key=lambda w: (words.count(w), -len(w)))  # a word of this paragraph, rare elsewhere


def _cluster_name(lang: str, cluster: str) -> str:
    from compendium.i18n import translations
    from compendium.vocabulary import cluster_name

    return cluster_name(cluster, translations(lang).gettext)


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_the_text_and_the_interface_of_each_language(site, page, lang):
    folder, url = site
    word = _a_word(folder, lang, "article-18")
    hrefs, fetched = _search(page, url, lang, word)
    assert any(h.endswith(f"/{lang}/instruments/udhr/#article-18") for h in hrefs), (word, hrefs)  # on the paragraph
    assert page.locator(".md-search-result__item mark").count() > 0  # the query's words are marked
    assert fetched and all(f"/{lang}/pagefind/" in u for u in fetched), fetched  # only this language's index
    # A cluster's name in the interface language finds the cluster's page first (犯罪 on the Chinese site).
    name = "犯罪" if lang == "zh" else _cluster_name(lang, "prevention")
    hrefs, _ = _search(page, url, lang, name)
    assert hrefs[0].endswith(f"/{lang}/clusters/prevention/"), (name, hrefs[:3])
    if lang == "ar":
        assert page.evaluate("getComputedStyle(document.querySelector('.md-search-result')).direction") == "rtl"
        page.screenshot(path=str(artefacts_dir(ROOT) / "search-ar.png"), full_page=False)


def test_a_fallback_text_is_found_labelled_and_a_filter_narrows(site, page):
    folder, url = site
    hrefs, _ = _search(page, url, "fr", "written")
    assert any(h.endswith("/fr/resolutions/ecosoc-2000-1/#para-1") or h.endswith("/fr/resolutions/ecosoc-2000-1/")
               for h in hrefs), hrefs
    label = page.locator(".md-search-result__item .cmp-search-lang").first
    assert label.inner_text() == "English" and label.get_attribute("lang") == "en"
    assert any("/indexes/" in h for h in hrefs)  # the index pages list the resolution too
    before = page.locator(".md-search-result__item").count()
    page.select_option('select[data-filter="kind"]', "Résolutions")
    page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length < {before}")
    narrowed = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert narrowed and all("/fr/resolutions/ecosoc-2000-1/" in h for h in narrowed), narrowed
    page.screenshot(path=str(artefacts_dir(ROOT) / "search-fr-filter.png"), full_page=False)


def test_search_by_keyboard(site, page):
    _, url = site
    _search(page, url, "en", "religion")
    links = page.locator(".md-search-result__item a")
    assert links.count() >= 2
    field = page.locator("input.md-search__input")
    focused = "document.activeElement.getAttribute('href')"
    field.press("ArrowDown")
    assert page.evaluate(focused) == links.nth(0).get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links.nth(1).get_attribute("href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    field.click()
    assert page.evaluate("document.getElementById('__search').checked") is True
    field.press("ArrowDown")
    target = page.evaluate(focused)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert "#article-" in page.url


def test_a_tap_on_a_phone_focuses_the_search_field(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(f"{site[1]}/es/instruments/udhr/")
        phone.locator('.md-header label.md-header__button[for="__search"]').tap()
        phone.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')")
        phone.keyboard.type("religión")
        phone.wait_for_selector(".md-search-result__item", timeout=15000)
        assert "#article-" in phone.locator(".md-search-result__item a").first.get_attribute("href")
    finally:
        context.close()


def test_fallback_page_is_marked(site, page):
    folder, url = site
    page.goto(f"{url}/fr/resolutions/ecosoc-2000-1/")
    assert page.locator(".cmp-fallback").count() == 1
    assert page.locator(".cmp-document").get_attribute("lang") == "en"
    # Built without a site URL: no sitemap (tests/test_sitemap.py checks that a fallback page is left out of one).
    assert not (folder / "fr" / "sitemap.xml").exists() and not (folder / "sitemap.xml").exists()


def test_root_sends_reader_to_preferred_language(site, browser):
    _, url = site
    context = browser.new_context(locale="ru-RU")
    pg = context.new_page()
    pg.goto(f"{url}/")
    pg.wait_for_url(re.compile(r"/ru/$"))
    context.close()
    html = (site[0] / "index.html").read_text(encoding="utf-8")
    for lang, name in NAMES.items():
        assert name in html


def test_side_by_side_aligns_arabic_beside_english(site, page):
    folder, url = site
    page.goto(f"{url}/ar/instruments/udhr/")
    page.select_option(".cmp-compare select", "en")
    page.wait_for_selector(".cmp-parallel .cmp-row")
    row = page.locator('.cmp-parallel .cmp-row[data-unit="article-3"]')
    own, other = row.locator(".cmp-col").nth(0), row.locator(".cmp-col").nth(1)
    assert own.get_attribute("lang") == "ar" and own.get_attribute("dir") == "rtl"
    assert other.get_attribute("lang") == "en" and other.get_attribute("dir") == "ltr"
    assert own.bounding_box()["x"] > other.bounding_box()["x"], "Arabic reads on the right, English on the left"
    published = json.loads((folder / "en" / "instruments" / "udhr" / "index.json").read_text(encoding="utf-8"))
    english = next(u for u in published["documents"][0]["units"] if u["id"] == "article-3")
    assert english["text"].split()[0] in other.inner_text()
    assert page.locator(".cmp-parallel .cmp-row").count() >= 31  # preamble and 30 articles, aligned by id
    assert "compare=en" in page.url  # the view can be linked to
    page.screenshot(path=str(artefacts_dir(ROOT) / "udhr-ar-beside-en.png"), full_page=False)


@pytest.mark.parametrize("lang", LANGS)
def test_the_pages_fit_a_phone(site, browser, lang):
    """At 390 px nothing of the page's content reaches past the screen's edge (the theme's closed drawer,
    outside the content, is not counted)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        for rel in (f"{lang}/instruments/udhr/", f"{lang}/resolutions/ecosoc-2000-1/"):
            phone.goto(f"{site[1]}/{rel}")
            wide = phone.evaluate("""() => [...document.querySelectorAll('.md-content *')]
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([e, r]) => r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5))
                .map(([e, r]) => `${e.tagName}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`)""")
            assert wide == [], (rel, wide[:5])
    finally:
        context.close()


# ---- wasted requests, and Cite ------------------------------------------------------------------------------
LIMIT = 100 * 1024  # a document page view, cold, compressed


@pytest.mark.parametrize("lang", LANGS)
def test_a_document_page_view_is_light_and_fails_no_request(site, browser, lang):
    import gzip

    _, url = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses, failed = [], []
    page.on("response", lambda r: responses.append(r))
    page.on("requestfailed", lambda r: failed.append(r.url))
    try:
        page.goto(f"{url}/{lang}/instruments/udhr/", wait_until="networkidle")
        page.wait_for_timeout(300)
        sizes = {}
        for r in responses:
            body = r.body() if r.status < 300 else b""
            sizes[r.url] = len(gzip.compress(body, 9)) if body else 0
            assert r.status < 400, f"{r.url}: {r.status}"
    finally:
        context.close()
    assert failed == []
    assert not [u for u in sizes if "sitemap" in u], "the theme's script fetched sitemaps"
    assert not [u for u in sizes if u.endswith((".json", ".map"))], "JSON is fetched only on demand"
    total = sum(sizes.values())
    print(f"\n[{lang}] {len(sizes)} requests, {total} bytes gzipped")
    assert total <= LIMIT, f"{total} bytes: {sorted(sizes.items(), key=lambda kv: -kv[1])[:5]}"


def test_head_has_one_set_of_alternates_and_a_canonical(site, page):
    _, url = site
    page.goto(f"{url}/fr/resolutions/ecosoc-2000-1/")
    hreflangs = page.eval_on_selector_all("link[hreflang]:not([type])", "ls => ls.map(l => [l.hreflang, l.href])")
    # and the page's language's Atom feed, marked with its type (compendium/feed.py)
    assert page.eval_on_selector_all("link[type='application/atom+xml']", "ls => ls.map(l => [l.hreflang, l.href])") == \
        [["fr", f"{url}/fr/feed.xml"]]
    # ecosoc-2000-1 has an English text only: fr is not an alternate of it; x-default is the chooser; the
    # canonical page of the English text shown here is the English one
    assert hreflangs == [["en", f"{url}/en/resolutions/ecosoc-2000-1/"], ["x-default", f"{url}/"]]
    assert page.eval_on_selector_all("link[rel=canonical]", "ls => ls.map(l => l.href)") == \
        [f"{url}/en/resolutions/ecosoc-2000-1/"]


def test_404_pages_link_within_their_language(site, page):
    _, url = site
    page.goto(f"{url}/es/no/such/page/")  # http.server does not serve 404.html: open it where a server would
    page.goto(f"{url}/es/404.html")
    hrefs = page.eval_on_selector_all(".md-nav a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("/es/") or h.startswith("#") for h in hrefs), hrefs[:5]
    assert "Página no encontrada" in page.inner_text("article")
    page.goto(f"{url}/404.html")
    assert page.locator("a[hreflang]").count() == 6 and "未找到页面" in page.inner_text("body")
    assert page.evaluate("getComputedStyle(document.querySelector('a[hreflang]')).borderStyle") == "solid"


def test_cite_copies_the_paragraph_citation_and_the_json_link_works(site, browser):
    _, url = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{url}/fr/instruments/udhr/#article-3")
        button = page.locator("#article-3 .cmp-cite-btn").first
        button.focus()  # keyboard reachable
        page.keyboard.press("Enter")
        status = page.locator(".cmp-cite-status")
        status.wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        expected_start = page.locator(".cmp-cite-box").get_attribute("data-cite") + ", art. 3 — "
        assert copied.startswith(expected_start), copied
        assert copied.endswith(f"{url}/fr/instruments/udhr/#article-3"), copied
        assert "Citation copiée" in status.inner_text() and copied in status.inner_text()
        with page.expect_response(lambda r: r.url.endswith("/fr/instruments/udhr/index.json")) as info:
            page.locator("a.cmp-json").click()
        assert info.value.status == 200 and info.value.json()["documents"][0]["id"] == "udhr"
    finally:
        context.close()


def test_a_document_page_links_its_akoma_ntoso_xml(site, page):
    """Beside the JSON, the page links its text as Akoma Ntoso; a page showing the source text for want of a
    translation links the source's XML, as its JSON holds the source's text."""
    from lxml import etree

    from compendium.akn.export import AKN_NS, problems
    from compendium.akn.read import read_akn

    folder, url = site
    page.goto(f"{url}/fr/instruments/udhr/")
    link = page.locator(".cmp-cite-box a.cmp-akn")
    assert link.inner_text() == "Akoma Ntoso (XML)" and link.get_attribute("href") == "akn.xml"
    with page.expect_response(lambda r: r.url.endswith("/fr/instruments/udhr/akn.xml")) as info:
        link.click()
    assert info.value.status == 200
    data = (folder / "fr" / "instruments" / "udhr" / "akn.xml").read_bytes()
    assert problems(data) == []
    back = read_akn(data).document
    published = json.loads((folder / "fr" / "instruments" / "udhr" / "index.json").read_text(encoding="utf-8"))
    assert back.lang == "fr" and [u.id for u in back.units if u.kind != "footnote"] == \
        [u["id"] for u in published["documents"][0]["units"] if u["kind"] != "footnote"]
    fallback = etree.fromstring((folder / "zh" / "resolutions" / "ecosoc-2000-1" / "akn.xml").read_bytes())
    assert fallback.find(f".//{{{AKN_NS}}}FRBRlanguage").get("language") == "eng"
    page.goto(f"{url}/zh/resolutions/ecosoc-2000-1/")
    assert page.locator(".cmp-cite-box a.cmp-akn").get_attribute("href") == "akn.xml"
