"""The offline edition (compendium/offline.py): links rewritten to files, a deterministic zip, the checks of the
offline tree, and, in Chromium, the site opened from file:// with its navigation, search, side-by-side view and
downloads, asking no host for anything."""

from __future__ import annotations

import hashlib
import shutil
import stat
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser import artefacts_dir, built_site
from compendium import addresses
from compendium.i18n import gettext_for
from compendium.linkcheck import check_offline
from compendium.offline import check_offline_zips, rewrite_href, rewrite_html, search_records, zip_bytes

ROOT = Path(__file__).resolve().parents[1]
PAGE = "fr/resolutions/ga-80-226/index.html"
TREE = {"index.html", "fr/index.html", "fr/status/index.html", "fr/resolutions/ga-80-226/index.html",
        "fr/downloads/compendium-fr.pdf", "fr/assets/site.css", "en/resolutions/ga-80-226/parallel.js"}
FOLDERS = {"fr", "fr/status", "fr/resolutions", "fr/resolutions/ga-80-226", "fr/downloads", "en",
           "en/resolutions", "en/resolutions/ga-80-226", "en/status"}


def href(value: str, site_url: str = "") -> str | None:
    return rewrite_href(value, PAGE, TREE.__contains__, FOLDERS.__contains__, site_url)


@pytest.mark.parametrize("given, expected", [
    ("#para-3", "#para-3"),  # on the page: as it is
    ("", ""),
    ("?compare=en#para-3", "?compare=en#para-3"),
    ("mailto:someone@example.org", "mailto:someone@example.org"),
    ("https://undocs.org/A/RES/80/226", "https://undocs.org/A/RES/80/226"),
    ("//example.org/x", "//example.org/x"),  # outside: the checker refuses it, the rewriting leaves it
    ("../../status/", "../../status/index.html"),  # a folder names its page
    ("../../status", "../../status/index.html"),  # a folder without its slash too
    ("../../status/index.html", "../../status/index.html"),  # already a file
    ("../../status/?a=1#top", "../../status/index.html?a=1#top"),  # query and fragment kept
    ("./", "index.html"),
    ("../../../", "../../../index.html"),  # the root of all sites: the zip's own index.html
    ("/fr/status/", "../../status/index.html"),  # from the host's root: from the page instead
    ("../../downloads/compendium-fr.pdf#page=3", "../../downloads/compendium-fr.pdf#page=3"),
    ("../../status/../resolutions/ga-80-226/#para-1", "index.html#para-1"),
    ("../../../../../etc/", None),  # above the site
    ("../../../en/status/", None),  # another language, no site address: no link
    ("../../missing/", None),  # a page the tree lacks
])
def test_links_are_rewritten_to_files(given, expected):
    assert href(given) == expected


def test_a_link_the_tree_lacks_goes_to_the_published_site_when_its_address_is_known():
    assert href("../../../en/status/#x", "https://example.org/compendium/") == \
        "https://example.org/compendium/en/status/#x"
    assert href("../../../en/status/", "https://example.org") == "https://example.org/en/status/"


def test_a_page_loses_no_text_when_its_links_lead_nowhere():
    html = ('<!doctype html><html><head><link rel="alternate" hreflang="en" href="../../../en/status/">'
            '<link rel="stylesheet" href="../../assets/site.css"></head><body>'
            '<a class="cmp-lang-link" href="../../../en/status/" hreflang="en">English <b>version</b></a>'
            '<a href="../../status/">État</a><select><option value="en" data-src="../../../en/resolutions/ga-80-226/'
            'parallel.html">English</option><option value="es" data-src="../../../es/resolutions/ga-80-226/'
            'parallel.html">Español</option></select></body></html>')
    out = rewrite_html(html, PAGE, TREE.__contains__, FOLDERS.__contains__)
    assert 'hreflang="en" href' not in out  # the alternate is gone, the style sheet stays
    assert 'href="../../assets/site.css"' in out
    assert '<span class="cmp-lang-link">English <b>version</b></span>' in out
    assert '<a href="../../status/index.html">État</a>' in out
    assert 'data-src="../../../en/resolutions/ga-80-226/parallel.js"' in out  # the column's script
    assert '<option value="es" disabled>' in out or 'value="es" disabled="disabled"' in out  # no column: not offered


def test_a_column_keeps_its_text_and_its_links_lead_where_the_tree_can():
    column = 'R &lt; 3 <div id="en:para-1"><a href="../../../en/status/">page</a> <a href="#en:para-1">¶</a></div> end'
    out = rewrite_html(column, "en/resolutions/ga-80-226/parallel.html", TREE.__contains__, FOLDERS.__contains__,
                       fragment=True)
    assert out == 'R &lt; 3 <div id="en:para-1"><span>page</span> <a href="#en:para-1">¶</a></div> end'


def test_the_search_text_is_each_paragraph_without_furniture():
    html = ('<html><head><title>T</title></head><body><article data-pagefind-body><h1 id="title">Règles</h1>'
            '<p class="cmp-cite-box" data-pagefind-ignore><a href="x.pdf">Imprimer (PDF)</a></p>'
            '<div class="cmp-unit" id="para-1"><span class="cmp-num">1.</span><div><p><em>Prie</em> les États'
            '<sup class="cmp-fnref"><a href="#fn-1">1</a></sup> :</p></div><a class="cmp-anchor" href="#para-1">¶</a>'
            '<div class="cmp-unit" id="para-1-a"><span class="cmp-num">(a)</span><p>De agir</p></div></div>'
            '<script>var x = 1;</script></article></body></html>')
    title, units = search_records(html)
    assert title == "Règles"
    # what the online search leaves out (data-pagefind-ignore: the download links) the offline one leaves out too
    assert units == [("title", "Règles"), ("para-1", "1. Prie les États :"), ("para-1-a", "(a) De agir")]
    assert search_records("<html><body><p id='x'>menu</p></body></html>") is None


def test_the_zip_is_the_same_bytes_for_the_same_files():
    files = {"fr/index.html": b"<p>a</p>", "index.html": b"<p>root</p>", "fr/downloads/x.pdf": b"%PDF-1.7 ..."}
    first = zip_bytes(files, "2026-11-25")
    again = zip_bytes(dict(reversed(list(files.items()))), "2026-11-25")
    assert first == again
    assert zip_bytes(files, "2026-11-26") != first  # the day is in it
    with zipfile.ZipFile(__import__("io").BytesIO(first)) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == sorted(files)
        assert {i.date_time for i in infos} == {(2026, 11, 25, 12, 0, 0)}
        assert {stat.S_IMODE(i.external_attr >> 16) for i in infos} == {0o644}
        assert zf.getinfo("fr/downloads/x.pdf").compress_type == zipfile.ZIP_STORED
        assert zf.read("fr/index.html") == b"<p>a</p>"
    # content with no recorded date (the editions' day is 1970-01-01) is dated the zip format's first day
    with zipfile.ZipFile(__import__("io").BytesIO(zip_bytes(files, "1970-01-01"))) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 12, 0, 0)}


def test_the_offline_check_finds_what_breaks_from_the_file_system(tmp_path):
    (tmp_path / "fr" / "status").mkdir(parents=True)
    (tmp_path / "fr" / "status" / "index.html").write_text("<p id='x'>ok</p>", encoding="utf-8")
    (tmp_path / "fr" / "site.css").write_text("@font-face{src:url(https://fonts.example.org/a.woff2)}", encoding="utf-8")
    (tmp_path / "fr" / "index.html").write_text(
        '<a href="status/">folder</a><a href="status/index.html#x">fine</a><a href="/fr/status/index.html">root</a>'
        '<script src="https://cdn.example.org/a.js"></script><script type="module" src="status/m.js"></script>'
        '<link rel="stylesheet" href="site.css"><a href="https://undocs.org/A/RES/1">out</a>', encoding="utf-8")
    (tmp_path / "fr" / "status" / "m.js").write_text("", encoding="utf-8")
    broken, _ = check_offline(tmp_path)
    found = {(b.page, b.href) for b in broken}
    assert ("fr/index.html", "status/") in found
    assert ("fr/index.html", "/fr/status/index.html") in found
    assert ("fr/index.html", "https://cdn.example.org/a.js") in found
    assert ("fr/index.html", 'type="module"') in found
    assert ("fr/site.css", "https://fonts.example.org/a.woff2") in found
    assert not any(h in ("status/index.html#x", "https://undocs.org/A/RES/1") for _p, h in found)


# -- the edition, built and opened from the file system ------------------------------------------------------
LANGS = ("fr", "ar", "zh", "en")
DOC = "instruments/kyoto-model-strategies/"
# Words of the French, Arabic and Chinese texts as a reader types them: without accents ("récidive"), with a
# bare alef ("الإجرام"), Chinese without spaces.
QUERIES = {"fr": "RECIDIVE", "ar": "الاجرام", "zh": "再次犯罪"}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    shutil.copytree(ROOT / "content" / DOC, root / "content" / DOC)
    built_site(root, *[a for lang in LANGS for a in ("--lang", lang)])
    broken, checked = check_offline_zips(root / "site")  # what `compendium check-links --offline` adds
    assert checked > 1000 and [b.format() for b in broken] == []
    trees = {}
    for lang in LANGS[:3]:
        trees[lang] = root / "unzipped" / lang
        with zipfile.ZipFile(root / "site" / addresses.offline_zip(lang)) as zf:
            zf.extractall(trees[lang])
    return root / "site", trees


@pytest.fixture()
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert errors == []


@pytest.mark.slow
def test_the_downloads_page_lists_the_zip_and_the_zip_knows_it_is_offline(edition):
    site, trees = edition
    online = (site / addresses.downloads_page("fr") / "index.html").read_text(encoding="utf-8")
    data = (site / addresses.offline_zip("fr")).read_bytes()
    assert hashlib.sha256(data).hexdigest() in online
    assert 'href="compendium-fr-offline.zip"' in online
    inside = (trees["fr"] / "fr" / "downloads" / "index.html").read_text(encoding="utf-8")
    here = gettext_for("fr")("You are reading the offline edition of this site: it needs no connection. "
                             "The other languages are not in it.")
    assert here != "" and here.split(":")[0] in inside and "offline.zip" not in inside
    names = zipfile.ZipFile(site / addresses.offline_zip("fr")).namelist()
    assert "fr/downloads/compendium-fr.pdf" in names and not any(n.endswith("offline.zip") for n in names)
    assert not any(n.startswith("fr/pagefind/") for n in names)
    # Of the other languages only the side-by-side columns are in it.
    assert {n for n in names if not n.startswith("fr/") and n != "index.html"} == \
        {addresses.offline_column(addresses.DocRef("instruments", "kyoto-model-strategies").column(lang))
         for lang in LANGS if lang != "fr"}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ar", "zh"])
def test_the_edition_works_from_the_file_system(edition, offline_page, lang):
    site, trees = edition
    page = offline_page
    page.goto(trees[lang].joinpath("index.html").as_uri())
    page.wait_for_url("**/" + lang + "/index.html")  # the zip's root opens the language's home
    # Navigation: from the home to the document by its links, never to a folder.
    page.click(f'a[href$="{DOC}index.html"]')
    page.wait_for_url(f"**/{lang}/{DOC}index.html")
    # Search: the offline index, a hit marked in its paragraph, and the result opens at that paragraph.
    page.fill("input[name=query]", QUERIES[lang])
    page.wait_for_selector(".md-search-result__item mark")
    out = artefacts_dir(ROOT)
    page.screenshot(path=str(out / f"offline-search-{lang}.png"))
    first = page.eval_on_selector(".md-search-result__item a", "a => a.href")
    assert urlparse(first).scheme == "file" and "#" in first
    unit = first.split("#", 1)[1]
    page.click(".md-search-result__item a")
    page.wait_for_url("**#" + unit)
    assert page.is_visible(f'[id="{unit}"]')
    # Side by side with English: the column comes from its script.
    page.select_option(".cmp-compare select", "en")
    page.wait_for_selector(".cmp-parallel .cmp-col-other[lang=en]")
    assert page.locator(".cmp-parallel .cmp-row[data-unit]").count() > 10
    # Downloads: the language's PDF is there.
    page.goto(trees[lang].joinpath(lang, "downloads", "index.html").as_uri())
    pdf = page.eval_on_selector(f'a[href$="compendium-{lang}.pdf"]', "a => a.href")
    assert Path(urlparse(pdf).path).is_file()
