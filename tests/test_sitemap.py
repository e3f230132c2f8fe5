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
