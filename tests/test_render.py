"""The HTML of a document: permalinks on every unit, footnotes, metadata, and nothing executable."""

from __future__ import annotations

import re

from pathlib import Path

from compendium.model import Document, Unit
from compendium.render import Renderer


def doc(units, **meta) -> Document:
    metadata = {"id": "ecosoc-2000-1", "kind": "resolution", "title": "T", "completeness": "complete", **meta}
    return Document("ecosoc-2000-1", "resolutions", "en", Path("x"), metadata, units)


def test_every_unit_has_an_id_and_a_visible_permalink():
    d = doc([Unit("preamble-1", "preamble", None, "*Recalling* x"),
             Unit("sec-I", "section", "I", "", [Unit("sec-I-para-1", "paragraph", "1", "y",
                                                      [Unit("sec-I-para-1-a", "item", "a", "z")])], heading="I. ONE")])
    out = Renderer(d).body()
    for uid in ("preamble-1", "sec-I", "sec-I-para-1", "sec-I-para-1-a"):
        assert f'id="{uid}"' in out
        assert f'href="#{uid}"' in out


def test_script_handlers_and_javascript_links_are_neutralised():
    d = doc([Unit("para-1", "paragraph", "1", 'a <script>alert(1)</script> b <img src=x onerror="alert(2)"> '
                                            '[c](javascript:alert(3)) <a href="https://example.org" onclick="x()">d</a>')])
    out = Renderer(d).body()
    assert "<script" not in out and "onerror" not in out and "onclick" not in out and "javascript:" not in out
    assert 'href="https://example.org"' in out


def test_footnote_references_link_to_texts_or_say_the_text_is_missing():
    d = doc([Unit("para-1", "paragraph", "1", "x[^1] y[^2]"), Unit("fn-1", "footnote", "1", "E/CN.15/1994/6.")])
    out = Renderer(d).body()
    assert '<a href="#fn-1">1</a>' in out
    assert 'id="fn-1"' in out and "E/CN.15/1994/6." in out
    assert 'cmp-fnref-missing' in out and "not in the source" in out
    # The reason is not only a tooltip: the call links to a visible explanation after the notes.
    assert '<a href="#missing-notes"' in out
    assert re.search(r'<p class="cmp-missing-notes" id="missing-notes"[^>]*>[^<]*not in the source', out)


def test_metadata_panel_links_symbol_and_formats_date():
    d = doc([Unit("para-1", "paragraph", "1", "x")], symbol="E/RES/1993/34",
            adopted_by={"body": "ecosoc", "resolution": "1993/34", "date": "1993-07-27"}, verified=False)
    out = Renderer(d).metadata()
    assert 'href="https://undocs.org/E/RES/1993/34"' in out
    assert "27 July 1993" in out
    assert "unverified" in out


def test_catalogue_record_says_text_not_available():
    d = doc([], completeness="none")
    assert "not yet in the compendium" in Renderer(d).body()


def test_text_is_marked_apart_from_cited_by_and_related_is_not_cited_by(tmp_path):
    """On the French page of an English text, "Cited by" and "Related documents" are the reader's language,
    outside the text's lang="en" block; a `related` entry never shows as "Cited by"."""
    from compendium.citations import citation_index
    from compendium.diagnostics import Report
    from compendium.loader import load
    from compendium.pages import Site

    from helpers import write

    head = "---\nid: {id}\nkind: resolution\ntitle: Resolution {id}\ncompleteness: complete\n{extra}---\n\n1. *Decides* {text}.\n"
    write(tmp_path, "resolutions/ecosoc-1992-22/en.md", head.format(id="ecosoc-1992-22", extra="", text="that it exists"))
    write(tmp_path, "resolutions/ecosoc-1993-34/en.md",
          head.format(id="ecosoc-1993-34", extra="related:\n  - ecosoc-1992-22\n", text="that it exists too"))
    report = Report()
    corpus = load(tmp_path, report)
    assert not report.errors, [d.format() for d in report.errors]
    index = citation_index(corpus)
    assert "ecosoc-1993-34" not in [link[0] for link in index.backlinks.get("ecosoc-1992-22", [])]
    assert index.related("ecosoc-1992-22") == ["ecosoc-1993-34"]
    out = next(p for p in Site(corpus, "fr").pages() if "ecosoc-1992-22" in p.src_uri).html()
    assert 'id="related"' in out and 'id="cited-by"' not in out
    text_block = out[out.index('<div class="cmp-document"'):out.index('id="related"')]
    assert 'lang="en" dir="ltr"' in text_block and text_block.count("<div") >= 1
    document_div_end = out.index("</div>", out.rindex("cmp-body"))
    assert out.index('id="related"') > document_div_end
    fallback = out.index("cmp-fallback")
    assert out.index('id="title"') < fallback < out.index('class="cmp-meta"')  # right under the title
