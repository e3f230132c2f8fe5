"""Ways into the compendium: cluster pages, the indexes by year and by body, navigation, breadcrumbs, neighbours."""

from __future__ import annotations

import re
from pathlib import Path

from compendium.diagnostics import Report
from compendium.indexes import adoption_year, adopting_bodies
from compendium.loader import load
from compendium.pages import Site

from helpers import write

INSTRUMENT = """---
id: {id}
kind: rules
title: {title}
short_title: {short}
symbol: {symbol}
adopted_by: {{body: {body}, resolution: '{resolution}', date: '{date}'}}
cluster: {cluster}
completeness: {completeness}
---
{body_text}"""


def corpus(tmp_path: Path):
    content = tmp_path / "content"
    rows = [("beta-rules", "Beta Rules of Testing", "Beta", "A/RES/45/110", "ga", "45/110", "1990-12-14", "custody", "complete", "\n1. One.\n"),
            ("alpha-rules", "Alpha Rules of Testing", "Alpha", "E/RES/1984/47", "ecosoc", "1984/47", "1984-05-25", "custody", "none", ""),
            ("gamma-rules", "Gamma Rules of Testing", "Gamma", "A/RES/40/33", "ga", "40/33", "1985-11-29", "custody", "none", ""),
            ("delta-rules", "Delta Rules of Testing", "Delta", "A/RES/43/173", "ga", "43/173", "1988-12-09", "governance", "none", "")]
    for doc_id, title, short, symbol, body, resolution, date, cluster, completeness, text in rows:
        write(content, f"instruments/{doc_id}/en.md", INSTRUMENT.format(
            id=doc_id, title=title, short=short, symbol=symbol, body=body, resolution=resolution, date=date,
            cluster=cluster, completeness=completeness, body_text=text))
    write(content, "instruments/beta-rules/fr.md", INSTRUMENT.format(
        id="beta-rules", title="Règles Bêta", short="Bêta", symbol="A/RES/45/110", body="ga", resolution="45/110",
        date="1990-12-14", cluster="custody", completeness="complete", body_text="\n1. Un.\n"))
    write(content, "resolutions/ecosoc-2003-30/en.md",
          "---\nid: ecosoc-2003-30\nkind: resolution\ntitle: Standards and norms\nsymbol: E/RES/2003/30\n"
          "adopted_by: {body: ecosoc, resolution: 2003/30, date: '2003-07-22'}\ncompleteness: complete\n---\n\n"
          "3. *Decides* to group standards in categories:\n\n(a) Standards related primarily to persons in custody;\n\n"
          "(b) Standards related primarily to cooperation;\n")
    report = Report()
    loaded = load(content, report)
    assert not report.errors, [d.format() for d in report.errors]
    return loaded


def page_html(site: Site, src_uri: str) -> str:
    return next(p for p in site.pages() if p.src_uri == src_uri).html()


def test_adoption_facts_come_from_front_matter(tmp_path):
    c = corpus(tmp_path)
    assert adoption_year(c.get("alpha-rules", "en")) == 1984
    assert adopting_bodies(c.get("beta-rules", "en")) == ["ga"]
    assert adoption_year(c.get("ecosoc-2003-30", "en")) == 2003


def test_cluster_page_quotes_its_definition_and_lists_instruments_by_year(tmp_path):
    html = page_html(Site(corpus(tmp_path), "en"), "clusters/custody/index.md")
    assert "persons in custody" in html and 'href="../../resolutions/ecosoc-2003-30/#para-3-a"' in html
    titles = re.findall(r'instruments/[a-z-]+/"[^>]*>([^<]+)<', html)
    assert titles == ["Alpha Rules of Testing", "Gamma Rules of Testing", "Beta Rules of Testing"]
    assert "Delta" not in html  # another cluster
    row = html[html.index("Beta Rules of Testing"):].split("</tr>")[0]
    assert "1990" in row and "A/RES/45/110" in row and 'lang="fr"' in row and 'lang="en"' in row


def test_cluster_page_in_french_uses_french_titles_and_marks_english_ones(tmp_path):
    html = page_html(Site(corpus(tmp_path), "fr"), "clusters/custody/index.md")
    assert "Règles Bêta" in html
    assert re.search(r'<a href="../../instruments/alpha-rules/" lang="en" dir="auto">', html)
    # The definition has no French text: it is quoted in English, marked as such.
    assert '<blockquote class="cmp-definition" lang="en" dir="ltr">' in html


def test_chronological_and_body_indexes(tmp_path):
    site = Site(corpus(tmp_path), "en")
    years = page_html(site, "indexes/years/index.md")
    assert [int(y) for y in re.findall(r'<h2 id="year-(\d+)"', years)] == [1984, 1985, 1988, 1990, 2003]
    bodies = page_html(site, "indexes/bodies/index.md")
    ga, ecosoc = bodies.index('id="body-ga"'), bodies.index('id="body-ecosoc"')
    assert ga < bodies.index("Gamma Rules") < ecosoc < bodies.index("Alpha Rules")


def test_navigation_groups_instruments_by_cluster(tmp_path):
    nav = Site(corpus(tmp_path), "en").nav()
    instruments = next(v for e in nav for k, v in e.items() if k == "Instruments")
    custody = next(v for e in instruments if isinstance(e, dict) for k, v in e.items() if "custody" in k)
    assert custody[0] == "clusters/custody/index.md"
    assert [list(e.values())[0] for e in custody[1:]] == [
        "instruments/alpha-rules/index.md", "instruments/gamma-rules/index.md", "instruments/beta-rules/index.md"]


def test_document_page_has_breadcrumbs_and_neighbours_in_its_cluster(tmp_path):
    html = page_html(Site(corpus(tmp_path), "en"), "instruments/gamma-rules/index.md")
    crumbs = html[html.index('class="cmp-breadcrumbs"'):html.index("</nav>")]
    assert 'href="../../clusters/custody/"' in crumbs
    assert 'rel="prev" href="../alpha-rules/"' in html and 'rel="next" href="../beta-rules/"' in html
    first = page_html(Site(corpus(tmp_path), "en"), "instruments/alpha-rules/index.md")
    assert 'rel="prev"' not in first


def test_home_gives_clusters_with_counts_and_latest(tmp_path):
    html = page_html(Site(corpus(tmp_path), "en"), "index.md")
    assert re.search(r'clusters/custody/">[^<]+</a> <span class="cmp-count">3</span>', html)
    assert re.search(r'clusters/governance/">[^<]+</a> <span class="cmp-count">1</span>', html)
    latest = html[html.index('id="latest"'):html.index('id="ways"')]
    # Without a version history, the latest are the most recently adopted.
    assert latest.index("ecosoc-2003-30") < latest.index("beta-rules")
