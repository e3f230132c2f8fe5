"""What a reader of a printed edition (and of the web page) gets around the text: notes the source does not give
explained where they are called, every note on the page of its call, runs in the other direction whole, the
edition's own faces, one-line running heads, and the editors' production notes out of the text, in an
"Editorial notes" section, with the Source row a citation or a plain statement, never a file name."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from compendium.catalogs import compile_all
from compendium.citations import citation_index
from compendium.diagnostics import Report
from compendium.editions import build_editions
from compendium.editions.book import Chapter, PrintLinks, editorial_notes
from compendium.editions.notes_policy import keep_notes_with_calls
from compendium.editions.compose import Composer
from compendium.editions.pdf import Job, render
from compendium.editions.plan import Edition, Entry, editions
from compendium.versions import pick
from compendium.loader import load
from compendium.render import COLUMN, Renderer
from helpers import write

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

TRANSCRIBED = """---
id: ecosoc-2000-1
kind: resolution
title: A transcribed resolution
symbol: E/RES/2000/1
adopted_by: {body: ecosoc, resolution: 2000/1, date: '2000-07-27'}
source: Project source text seeds/000_0123456789abcdef.txt, a transcription; its citation is not yet recorded
completeness: partial
completeness_note: The source breaks off in paragraph 2 (b).
breaks_off: [para-2-b]
footnotes_missing: true
verified: [symbol]
verification_note: The symbol follows the usual pattern.
corrections:
- Rejoined a word that a page break split.
superseded_by: later-rules
---

*The Economic and Social Council,*

*Taking note* of the report,[^7] and of another report,[^8]

1. *Decides* something;[^7]

2. *Requests*:

(a) one thing;

(b) and the proceeds of serious

[^8]: A note the source gives.
"""

LATER = """---
id: later-rules
kind: rules
title: Later Rules for Test Cases
short_title: Later Rules
cluster: custody
adopted_by: {body: ecosoc, resolution: 2000/1, date: '2000-07-27'}
official_record: Official Records of the Economic and Social Council, 2000, Supplement No. 1
completeness: complete
---

1. A rule.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("print-text") / "content"
    write(root, "resolutions/ecosoc-2000-1/en.md", TRANSCRIBED)
    write(root, "instruments/later-rules/en.md", LATER)
    report = Report()
    corpus = load(root, report)
    assert not report.errors, [d.format() for d in report.errors]
    compile_all()
    return corpus


def chapter(corpus, doc_id: str, lang: str = "en") -> str:
    doc = corpus.get(doc_id, "en")
    links = PrintLinks(lang, doc.ref, frozenset({"ecosoc-2000-1", "later-rules"}))
    return Chapter(Entry(doc, lang != "en"), lang, citation_index(corpus), links).html()


def web(corpus, doc_id: str, lang: str = "en") -> tuple[str, str, str]:
    r = Renderer(corpus.get(doc_id, "en"), lang, citations=citation_index(corpus))
    return str(r.metadata()), str(r.text()), str(r.editorial())


# -- notes the source does not give --------------------------------------------------------------------------------


def test_print_explains_a_missing_note_at_the_foot_of_the_page_once_per_label(corpus):
    html = chapter(corpus, "ecosoc-2000-1")
    missing = re.findall(r'<span class="cmp-fn cmp-fn-missing" id="([^"]+)" data-call="(\d+)"[^>]*>([^<]*)</span>', html)
    assert [m[1:] for m in missing] == [("7", "The text of this footnote is not in the source.")]  # called twice, explained once
    # the second call links to the explanation the first one set at the foot of its page (no list in print)
    assert re.search(r'<sup class="cmp-fnref cmp-fnref-missing"><a href="#' + re.escape(missing[0][0]) + '"', html)
    assert 'href="#missing-notes"' not in html
    assert html.count('data-call="8"') == 1 and "A note the source gives." in html
    assert "cmp-missing-notes" not in html  # nothing left to list after the text


def test_web_lists_the_reason_after_the_notes_and_the_panel_qualifies_complete(corpus):
    meta, text, _ = web(corpus, "ecosoc-2000-1")
    assert 'class="cmp-missing-notes"' in text and "cmp-fn-missing" not in text
    assert "The text of some of its footnotes is not in the source." in meta


def test_arabic_missing_note_is_translated_and_set_in_the_readers_direction(corpus):
    html = chapter(corpus, "ecosoc-2000-1", "ar")
    assert re.search(r'<span class="cmp-fn cmp-fn-missing" id="[^"]+" data-call="7" lang="ar" dir="rtl">نص هذه الحاشية', html)


# -- production notes out of the text ------------------------------------------------------------------------------


def test_source_row_is_a_plain_statement_never_a_file_name(corpus):
    for lang in ("en", "fr", "ar"):
        meta, _, _ = web(corpus, "ecosoc-2000-1", lang)
        html = chapter(corpus, "ecosoc-2000-1", lang)
        for out in (meta, html):
            assert "seeds/" not in out and ".txt" not in out
            assert "Some facts on this page" not in out and "Rejoined a word" not in out
    meta, _, _ = web(corpus, "ecosoc-2000-1")
    assert "Transcription of the printed resolution; official records citation not yet recorded" in meta
    meta, _, _ = web(corpus, "ecosoc-2000-1", "fr")
    assert "Transcription de la résolution imprimée" in meta


def test_recorded_official_record_is_the_source_and_isolated_on_an_arabic_page(corpus):
    meta, _, _ = web(corpus, "later-rules", "ar")
    assert ('<bdi lang="en" dir="ltr">Official Records of the Economic and Social Council, 2000, Supplement No. 1'
            '</bdi>') in meta


def test_ids_become_titles(corpus):
    meta, _, _ = web(corpus, "ecosoc-2000-1")
    assert "Later Rules for Test Cases" in meta and ">later-rules<" not in meta
    bare = Renderer(corpus.get("ecosoc-2000-1", "en"), "en")  # no citation index: no title known, no raw id shown
    assert "later-rules" not in str(bare.metadata())


def test_editorial_notes_on_the_web_hold_what_the_editors_record(corpus):
    _, _, notes = web(corpus, "ecosoc-2000-1")
    assert notes.startswith('<details class="cmp-editorial"')
    for words in ("Editorial notes", "transcribed from a printed copy", "The source breaks off in paragraph 2 (b).",
                  "The symbol follows the usual pattern.", "Rejoined a word that a page break split."):
        assert words in notes, words
    assert "seeds/" not in notes
    assert web(corpus, "later-rules")[2].strip() == ""  # nothing to note: no section


def test_editorial_notes_in_print_one_entry_per_document_in_book_order_linking_its_chapter(corpus):
    edition = next(e for e in editions(corpus, "en") if e.kind == "full")
    html = str(editorial_notes(edition, "en", citation_index(corpus)))
    assert html.startswith('<section class="cmp-editorial" id="editorial-notes">')
    entries = re.findall(r'<section class="cmp-editorial-doc"><h2><a href="#([^"]+)"', html)
    assert entries == [corpus.get("ecosoc-2000-1", "en").ref.chapter_anchor]


def test_a_partial_text_is_marked_where_it_breaks_off(corpus):
    _, text, _ = web(corpus, "ecosoc-2000-1")
    item = text.index("and the proceeds of serious")
    mark = text.index("[The text in the source ends here.]")
    assert mark > item and 'class="cmp-notice cmp-breaks-off"' in text
    assert "[The text in the source ends here.]" in chapter(corpus, "ecosoc-2000-1")
    column = Renderer(corpus.get("ecosoc-2000-1", "en"), "ar", output=COLUMN).column()
    assert '<p class="cmp-notice cmp-breaks-off" lang="ar" dir="rtl">[ينتهي نص المصدر هنا.]</p>' in str(column)


def test_breaks_off_naming_no_unit_is_an_error_with_its_line(tmp_path):
    write(tmp_path / "content", "resolutions/ecosoc-2000-1/en.md", TRANSCRIBED.replace("[para-2-b]", "[para-9]"))
    report = Report()
    load(tmp_path / "content", report)
    errors = [d.format() for d in report.errors if "'breaks_off' names" in d.format()]
    assert len(errors) == 1, errors
    error = errors[0]
    assert "en.md:10:" in error and "'para-9'" in error


def test_the_shipped_content_prints_no_file_name_and_no_raw_id():
    """Every document of the content, as a printed chapter and a web panel, in English and Arabic."""
    report = Report()
    corpus = load(CONTENT, report, only={"en", "ar"})
    index = citation_index(corpus)
    ids = set(corpus.ids())
    for doc in corpus.documents:
        for lang in ("en", "ar"):
            if doc.lang != "en" and doc.lang != lang:
                continue
            links = PrintLinks(lang, doc.ref, frozenset(ids))
            r = Renderer(doc, lang, citations=index, links=links)
            out = str(r.metadata()) + str(r.editorial())
            assert not re.search(r"seeds/|\.txt\b|\.xml\b|Some facts on this page", out), (doc.path, lang)
            raw = [i for i in (doc.meta.supersedes, doc.meta.superseded_by) if i]
            assert not any(f">{i}<" in out for i in raw), (doc.path, lang)
    truncated = corpus.get("ecosoc-1997-34", "en")
    assert "[The text in the source ends here.]" in str(Renderer(truncated, "en", citations=index).text())


# -- notes on the page of their call -------------------------------------------------------------------------------


def note_pages(path: Path) -> tuple[int, int, list[tuple[str, int, int]]]:
    """Read a PDF back: each footnote call (a small raised number above the notes' rule) and each note (its bold
    number in the footnote area). Returns (calls on the page of their note, notes whose call is on an earlier
    page, those late notes as (label, call page, note page))."""
    calls, notes = [], []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            wide = [r for r in page.rects + page.lines if r["x1"] - r["x0"] > page.width * 0.6]
            foot = min((r["top"] for r in wide if r["top"] > page.height * 0.3), default=page.height)
            for w in page.extract_words(extra_attrs=["size", "fontname"]):
                if not w["text"].isdigit():
                    continue
                if w["top"] < foot and 6.8 < w["size"] < 7.5:
                    calls.append((number, w["text"]))
                elif w["top"] > foot and "Bold" in w["fontname"] and w["size"] < 9:
                    notes.append((number, w["text"]))
    same, late = 0, []
    for number, label in calls:
        match = next((n for n in notes if n[1] == label and number <= n[0] <= number + 3), None)
        if match is None:
            continue  # a second call of a note already set, or a note the source does not give
        notes.remove(match)
        if match[0] == number:
            same += 1
        else:
            late.append((label, number, match[0]))
    return same, len(late), late


NOTED = ("ecosoc-1993-34", "ecosoc-1994-22", "ecosoc-1997-34")  # notes the source does not give; a text that breaks off


def missing_labels() -> int:
    """How many notes the NOTED texts call without giving their text (one explanation each)."""
    count = 0
    for doc_id in NOTED:
        text = (CONTENT / "resolutions" / doc_id / "en.md").read_text(encoding="utf-8")
        given = set(re.findall(r"^\[\^([^\]]+)\]:", text, re.M))
        count += len(set(re.findall(r"\[\^([^\]]+)\](?!:)", text)) - given)
    return count


@pytest.fixture(scope="module")
def full_editions(tmp_path_factory):
    """The shipped content's full editions in English, Arabic, Chinese and Russian, rendered once, and, in English
    and Arabic, a book of the resolutions whose notes the source lacks (the full edition prints only the
    resolutions that adopt an instrument)."""
    out = tmp_path_factory.mktemp("full-editions")
    report = Report()
    corpus = load(CONTENT, report)
    outcome = build_editions(corpus, out / "site", ["en", "ar", "zh", "ru"], out / "cache", content=CONTENT,
                             kinds=("full",))
    assert outcome.ok, [f.format() for f in outcome.failures]
    pdfs = {lang: out / "site" / lang / "downloads" / f"compendium-{lang}.pdf" for lang in ("en", "ar", "zh", "ru")}
    for lang in ("en", "ar"):
        composer = Composer(lang, 0, citations=citation_index(corpus))
        entries = tuple(Entry(*pick(corpus, doc_id, lang)) for doc_id in NOTED)
        edition = Edition(lang, "full", "compendium", (), entries)
        path = out / f"noted-{lang}.pdf"
        render(Job(lang, composer.html(edition), composer.stylesheet(edition), "0" * 64, str(path), lang == "ar"))
        pdfs[f"noted-{lang}"] = path
    return pdfs


def test_weasyprint_keeps_notes_with_their_calls_in_this_process():
    assert keep_notes_with_calls()


@pytest.mark.slow
def test_every_note_of_the_english_edition_is_on_the_page_of_its_call(full_editions):
    same, late, where = note_pages(full_editions["en"])
    # 59 notes are set in the edition (the Mandela Rules' and the Kyoto Model Strategies' once, with the
    # instruments, not again in the resolutions that annex them): nearly all must be found
    assert same > 50, "the edition's notes were not found"
    assert late == 0, where


def pdftotext(path: Path) -> str:
    """The text in logical order, as Poppler-based readers extract it, without the direction marks it adds."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", out)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_every_note_called_without_text_is_explained_and_no_production_note_is_printed(full_editions):
    for name in ("en", "noted-en"):
        flat = re.sub(r"\s+", " ", pdftotext(full_editions[name]))
        assert not re.search(r"seeds/|\.txt\b|Some facts on this page|000_adebd26f", flat), name
        assert "Editorial notes" in flat, name
    flat = re.sub(r"\s+", " ", pdftotext(full_editions["noted-en"]))
    assert flat.count("The text of this footnote is not in the source.") == missing_labels() > 10
    assert "Rejoined four paragraphs" in flat and "[The text in the source ends here.]" in flat
    same, late, where = note_pages(full_editions["noted-en"])
    assert late == 0, where


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_arabic_edition_reads_in_order(full_editions):
    text = re.sub(r"\s+", " ", pdftotext(full_editions["ar"]))
    assert "خلاصة" in text and "الأمم" in text
    assert "األمم" not in text and "خالصة" not in text  # lam-alef extracted in logical order
    # English runs inside Arabic lines come out whole and in order
    noted = re.sub(r"\s+", " ", pdftotext(full_editions["noted-ar"]))
    for run in ("E/RES/1993/34", "E/RES/1997/34"):
        assert run in noted, run
    for run in ("First UN Congress, Geneva, 1955", "ECOSOC 663 C (XXIV), 31 July", "ECOSOC 2076 (LXII), 13 May 1977",
                "663 C (XXIV", "2076 (LXII"):
        assert run in text, run
    assert "(C (XXIV), 31 July 1957 663" not in text
    assert noted.count("نص هذه الحاشية غير وارد في المصدر") == missing_labels()  # translated, in Naskh


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils")
def test_arabic_and_chinese_editions_use_their_own_faces(full_editions):
    for lang in ("ar", "zh"):
        fonts = subprocess.run(["pdffonts", str(full_editions[lang])], capture_output=True, text=True).stdout
        assert "DejaVu" not in fonts and "JP" not in fonts, fonts


@pytest.mark.slow
def test_running_heads_stay_on_one_line_inside_the_text_block(full_editions):
    mm = 72 / 25.4
    with pdfplumber.open(full_editions["ru"]) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            head = [w for w in page.extract_words() if w["bottom"] < 22 * mm]
            assert len({round(w["top"]) for w in head}) <= 1, f"page {number}: running head on several lines"
            if head:
                assert min(w["x0"] for w in head) >= 18 * mm - 1, f"page {number}"
                assert max(w["x1"] for w in head) <= page.width - 18 * mm + 1, f"page {number}: past the margin"
