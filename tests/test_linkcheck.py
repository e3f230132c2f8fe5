"""The link check finds what a reader would hit: a missing page, a missing anchor, a link leaving the site."""

from __future__ import annotations

from pathlib import Path

from compendium.linkcheck import check_site

from helpers import run, write


def site(tmp_path: Path, body: str) -> Path:
    root = tmp_path / "site"
    write(root, "index.html", '<a href="en/">English</a>')
    write(root, "en/index.html", '<h1 id="top">Home</h1><a href="doc/#para-1">ok</a>' + body)
    write(root, "en/doc/index.html", '<div id="para-1">x</div><a href="../#top">home</a><a href="#para-1">self</a>')
    return root


def test_a_clean_site_has_no_broken_link(tmp_path):
    broken, checked = check_site(site(tmp_path, '<a href="https://undocs.org/E/RES/1993/34">E/RES/1993/34</a>'))
    assert broken == [] and checked == 5


def test_missing_page_missing_anchor_and_outside_links_are_reported(tmp_path):
    root = site(tmp_path, '<a href="nowhere/">a</a><a href="doc/#para-2">b</a><a href="https://example.org/">c</a>'
                          '<a href="../../up.html">d</a>')
    broken = {b.href: b.reason for b in check_site(root)[0]}
    assert broken["nowhere/"] == "no such page"
    assert "para-2" in broken["doc/#para-2"]
    assert "example.org" in broken["https://example.org/"]
    assert broken["../../up.html"] == "leads outside the site"


def test_command_exits_1_on_a_broken_link(tmp_path):
    root = site(tmp_path, '<a href="doc/#para-9">b</a>')
    code, out = run("check-links", "--site-dir", str(root))
    assert code == 1 and "para-9" in out
    code, out = run("check-links", "--site-dir", str(tmp_path / "none"))
    assert code == 1 and "no built site" in out


def test_the_un_sites_are_allowed_and_a_look_alike_is_not(tmp_path):
    """The UN's texts link to its document system; a host that only ends like it is somebody else's."""
    root = site(tmp_path, '<a href="https://docs.un.org/en/A/RES/70/175">a</a><a href="https://www.unodc.org/x.pdf">b</a>'
                          '<a href="https://notun.org/x">c</a><a href="https://un.org.example.com/x">d</a>')
    broken = {b.href for b in check_site(root)[0]}
    assert broken == {"https://notun.org/x", "https://un.org.example.com/x"}
