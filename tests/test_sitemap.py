"""Sitemaps only with absolute addresses; each page's canonical and hreflang links (compendium/sitemap.py)."""

from __future__ import annotations

from types import SimpleNamespace

from compendium.sitemap import head_links, sitemap_xml


def test_no_sitemap_without_the_site_url_and_absolute_locations_with_it():
    pages = {"status/": SimpleNamespace(document=None, fallback=False),
             "resolutions/shown-in-english/": SimpleNamespace(document=None, fallback=True)}
    assert sitemap_xml(None, "fr", pages, "") is None
    xml = sitemap_xml(None, "fr", pages, "https://example.org/c/fr/")  # one language's URL: its root is found
    assert "<loc>https://example.org/c/fr/status/</loc>" in xml
    assert 'hreflang="ar" href="https://example.org/c/ar/status/"' in xml
    assert "shown-in-english" not in xml  # a fallback page is not this language's


def test_head_links_are_relative_without_the_site_url_and_end_with_x_default():
    links = head_links(None, "fr", "status/", None, "")
    assert links.canonical == "./"
    assert links.alternates[0] == ("ar", "../../ar/status/") and links.alternates[-1] == ("x-default", "../../")
    absolute = head_links(None, "fr", "status/", None, "https://example.org")
    assert absolute.canonical == "https://example.org/fr/status/"
    assert absolute.alternates[-1] == ("x-default", "https://example.org/")


def test_a_page_shown_in_another_language_names_that_language_s_page_as_canonical(tmp_path):
    from compendium.diagnostics import Report
    from compendium.loader import load
    from helpers import good, write

    content = tmp_path / "content"
    good(content)  # English only
    write(content, "resolutions/ecosoc-2000-2/en.md", "---\nid: ecosoc-2000-2\nkind: resolution\ntitle: Two\n"
          "completeness: complete\n---\n\n1. Two.\n")
    write(content, "resolutions/ecosoc-2000-2/fr.md", "---\nid: ecosoc-2000-2\nkind: resolution\ntitle: Deux\n"
          "completeness: complete\ntranslation: {status: official}\n---\n\n1. Deux.\n")
    corpus = load(content, Report())
    shown_in_english = head_links(corpus, "fr", "resolutions/ecosoc-2000-1/", "ecosoc-2000-1", "https://example.org")
    assert shown_in_english.canonical == "https://example.org/en/resolutions/ecosoc-2000-1/"
    assert [code for code, _ in shown_in_english.alternates] == ["en", "x-default"]
    own = head_links(corpus, "fr", "resolutions/ecosoc-2000-2/", "ecosoc-2000-2", "https://example.org")
    assert own.canonical == "https://example.org/fr/resolutions/ecosoc-2000-2/"
    assert [code for code, _ in own.alternates] == ["en", "fr", "x-default"]
    relative = head_links(corpus, "fr", "resolutions/ecosoc-2000-1/", "ecosoc-2000-1", "")
    assert relative.canonical == "../../../en/resolutions/ecosoc-2000-1/"
