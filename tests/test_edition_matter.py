"""What a printed compendium has: title page, imprint, an introduction quoting the real mandate paragraphs,
part pages with the cluster's definition, contents with symbols, an index; a PDF per document with a text;
and no draft translation printed as a final text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from compendium import settings
from compendium.cite import cite_box
from compendium.citations import citation_index
from compendium.diagnostics import Report
from compendium.editions import build_editions, downloads_html, load_manifest, plan
from compendium.editions.compose import Composer, keep_last_words
from compendium.editions.manifest import document_pdfs
from compendium.i18n import gettext_for
from compendium.loader import load
from compendium.translating.scaffold import scaffold
from helpers import write

ROOT = Path(__file__).resolve().parents[1]
MANDATES = ("ecosoc-1993-34", "ecosoc-2003-30")


def make_content(content: Path) -> Path:
    """The two real mandate resolutions (copied from the shipped content), an instrument of the custody cluster
    with an English and a French text, and a French draft translation made by the scaffold."""
    for doc_id in MANDATES:
        shutil.copy(ROOT / "content/resolutions" / doc_id / "en.md", write(content, f"resolutions/{doc_id}/en.md", ""))
    for lang, title in (("en", "Test rules on the treatment of persons in custody"),
                        ("fr", "Règles d'essai relatives au traitement des personnes détenues")):
        write(content, f"instruments/test-rules/{lang}.md",
              f"---\nid: test-rules\nkind: rules\ntitle: {title}\nsymbol: A/RES/70/175\ncluster: custody\n"
              "adopted_by: {body: ga, resolution: 70/175, date: '2015-12-17'}\ncompleteness: complete\n---\n\n"
              + "".join(f"{n}. {'Paragraphe' if lang == 'fr' else 'Paragraph'} {n}.\n\n" for n in range(1, 4)))
    # Catalogue records with titles of every length from 60 to 140 characters: in the contents, some end just
    # before the edge of the line, where the leader and the page number would wrap alone.
    words = "on the treatment of persons deprived of their liberty in every kind of place of detention".split()
    for n in range(24):
        title = f"Test principles {n:02d}"
        for word in words * 2:
            if len(title) >= 60 + 3 * n:
                break
            title += " " + word
        write(content, f"instruments/test-record-{n:02d}/en.md",
              f"---\nid: test-record-{n:02d}\nkind: principles\ntitle: {title}\ncluster: custody\n"
              "completeness: none\n---\n")
    corpus = load(content, Report())
    write(content, "resolutions/ecosoc-2003-30/fr.md", scaffold(corpus.get("ecosoc-2003-30", "en"), "fr"))
    return content


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    content = make_content(tmp_path_factory.mktemp("matter") / "content")
    report = Report()
    result = load(content, report)
    assert not report.errors, [d.format() for d in report.errors]
    return result


def composed(corpus, lang: str, kind: str = "full") -> str:
    edition = next(e for e in plan.editions(corpus, lang) if e.kind == kind)
    return Composer(lang, 1700000000, citations=citation_index(plan.printable(corpus)), corpus=corpus).html(edition)


def test_a_draft_translation_is_never_printed(corpus):
    draft = corpus.get("ecosoc-2003-30", "fr")
    assert draft is not None and plan.is_draft(draft)
    doc, fallback = plan.print_pick(corpus, "ecosoc-2003-30", "fr")
    assert doc.lang == "en" and fallback
    html = composed(corpus, "fr")
    assert "[untranslated]" not in html
    # The draft gets no PDF of its own in French; the English text has one.
    kinds = {(e.kind, e.slug) for e in plan.editions(corpus, "fr")}
    assert ("resolution", "ecosoc-2003-30") not in kinds and ("instrument", "test-rules") in kinds
    assert ("resolution", "ecosoc-2003-30") in {(e.kind, e.slug) for e in plan.editions(corpus, "en")}
    # The imprint says what happens to drafts.
    assert "Draft translations are not printed" in html or "traductions" in html.lower()


def test_every_document_with_its_own_text_has_a_pdf(corpus):
    en = plan.editions(corpus, "en")
    singles = {e.slug for e in en if e.single}
    assert singles == {"test-rules", *MANDATES}
    assert en[0].kind == "full" and {e.kind for e in en} == {"full", "cluster", "instrument", "resolution"}


def test_the_introduction_quotes_the_mandates_from_the_corpus_and_links_them(corpus):
    html = composed(corpus, "fr")
    intro = re.search(r'<section class="cmp-intro".*?</section>', html, re.S).group(0)
    source = corpus.get("ecosoc-1993-34", "en")
    unit = next(u for u in source.walk() if u.id == plan.PUBLISHING_MANDATE[1])
    words = re.sub(r"\*|\[\^\d+\]", "", unit.text)
    assert words[:80] in re.sub(r"<[^>]+>", "", intro)
    # Quoted in English inside the French edition, marked so, with the note that no translation exists.
    assert 'class="cmp-quote" lang="en" dir="ltr"' in intro and "cmp-quote-untranslated" in intro
    hrefs = re.findall(r'<a href="([^"]+)"', intro)
    assert hrefs == ["https://undocs.org/E/RES/1993/34", "https://undocs.org/E/RES/2003/30"]


def test_a_cluster_part_page_quotes_its_definition_and_the_contents_give_symbols(corpus):
    html = composed(corpus, "en")
    page = re.search(r'<div class="cmp-part-page">.*?</div></div>', html, re.S).group(0)
    definition = next(u for u in corpus.get("ecosoc-2003-30", "en").walk() if u.id == "para-3-a")
    assert definition.text[:60] in page
    toc = re.search(r'<nav class="cmp-toc".*?</nav>', html, re.S).group(0)
    assert "A/RES/70/175" in toc
    index = re.search(r'<section class="cmp-index".*?</section>', html, re.S).group(0)
    assert 'href="#doc-test-rules"><span class="cmp-index-symbol" dir="ltr">A/RES/70/175</span>' in index


@pytest.mark.parametrize("lang,title", [
    ("en", "Compendium of United Nations Standards and Norms"),
    ("ar", "مجموعة معايير الأمم المتحدة وقواعدها في مجال منع الجريمة والعدالة الجنائية"),
    ("zh", "联合国预防犯罪和刑事司法标准和规范汇编"),
])
def test_a_title_never_leaves_one_word_alone_on_its_last_line(lang, title):
    kept = keep_last_words(title, lang)
    assert kept.replace("\u00a0", " ").replace("\u2060", "") == title
    if lang == "zh":
        assert kept.count("\u2060") == 3 and kept.endswith("\u2060".join(title[-4:]))
    else:
        assert kept.split(" ")[-1] == "\u00a0".join(title.split(" ")[-2:])


def test_the_document_page_and_the_downloads_page_link_pdfs_that_open_in_the_browser(corpus):
    doc = corpus.get("test-rules", "fr")
    box = cite_box(doc, "fr", gettext_for("fr"), "", pdf=True)
    assert box.pdf_href == "../../downloads/instruments/test-rules-fr.pdf"
    assert cite_box(doc, "fr", gettext_for("fr"), "").pdf_href is None
    manifest = {"files": [{"path": "fr/downloads/resolutions/ecosoc-1993-34-fr.pdf", "kind": "resolution",
                           "id": "ecosoc-1993-34", "title": "T", "pages": 3, "bytes": 2048, "sha256": "0" * 64}]}
    assert document_pdfs(manifest) == {"ecosoc-1993-34"}
    listing = downloads_html("fr", manifest)
    assert 'href="resolutions/ecosoc-1993-34-fr.pdf" type="application/pdf"' in listing
    assert " download" not in listing


@pytest.mark.slow
def test_printed_front_and_back_matter_read_back_from_the_pdf(corpus, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    with settings.using(settings.Settings(source_date_epoch=1700000000)):
        outcome = build_editions(corpus, tmp_path / "out", ["fr"], tmp_path / "cache", workers=2)
    assert outcome.ok, [f.format() for f in outcome.failures]
    manifest = load_manifest("fr", tmp_path / "out")
    kinds = {(f["kind"], f["id"]) for f in manifest["files"]}
    assert ("resolution", "ecosoc-2003-30") not in kinds and ("resolution", "ecosoc-1993-34") not in kinds
    assert ("instrument", "test-rules") in kinds
    full = tmp_path / "out" / next(f["path"] for f in manifest["files"] if f["kind"] == "full")
    text = subprocess.run(["pdftotext", "-layout", str(full), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "[untranslated]" not in text
    pages = text.split("\f")
    toc = next(p for p in pages if "A/RES/70/175" in p and "....." in p)
    lines = [line for line in toc.splitlines() if line.strip()]
    assert lines and not [line for line in lines if re.fullmatch(r"\s*\.{3,}[.\s]*\d+\s*", line)]
    assert "https://documents.un.org/" in pages[1] and "SHA-256" in pages[1]
    index = next(p for p in pages if "Index" in p and p is not toc and "A/RES/70/175" in p)
    assert re.search(r"A/RES/70/175.*\.{5,}\s*\d+", index.replace("\n", " "))
    reader = PdfReader(full)
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert len(titles) >= 4


def test_an_outdated_paragraph_is_marked_in_print_as_on_the_web(tmp_path):
    # The French text was made from an older English paragraph 1 (its recorded hash differs): the printed chapter
    # marks that paragraph, and only it, as the web page does.
    content = tmp_path / "content"
    head = ("---\nid: test-rules\nkind: rules\ntitle: {t}\ncluster: custody\ncompleteness: complete\n{extra}---\n\n")
    write(content, "instruments/test-rules/en.md", head.format(t="Test rules", extra="") +
          "1. The first rule, as it reads now.\n\n2. The second rule.\n")
    english = load(content, Report()).get("test-rules", "en")
    hashes = {u.id: u.hash for u in english.walk()}
    write(content, "instruments/test-rules/fr.md", head.format(
        t="Règles d'essai", extra="translation:\n  status: official\n  source_hashes:\n"
        f"    para-1: \"{'0' * 12}\"\n    para-2: \"{hashes['para-2']}\"\n") +
          "1. La première règle, telle qu'elle était.\n\n2. La deuxième règle.\n")
    corpus = load(content, Report())
    html = composed(corpus, "fr", "instrument")
    assert html.count('class="cmp-outdated-note"') == 1
    first, second = html.index('id="para-1"'), html.index('id="para-2"')
    assert first < html.index('class="cmp-outdated-note"') < second  # in paragraph 1, before its text
    assert "cmp-outdated-note" not in composed(corpus, "en", "instrument")


def test_an_annex_printed_as_an_instrument_is_printed_once(tmp_path):
    # Resolution 70/175 carries the Nelson Mandela Rules as its annex: the full edition prints the Rules once, as
    # an instrument, and the resolution's annex says where they are; the resolution's own PDF keeps its annex.
    content = tmp_path / "content"
    rule = "The following rules are not intended to describe in detail a model system of penal institutions."
    write(content, "instruments/test-rules/en.md",
          "---\nid: test-rules\nkind: rules\ntitle: Test Rules\ncluster: custody\ncompleteness: complete\n"
          "adopted_by: {body: ga, resolution: 70/175, date: '2015-12-17'}\n---\n\n1. " + rule + "\n")
    write(content, "resolutions/ga-70-175/en.md",
          "---\nid: ga-70-175\nkind: resolution\ntitle: Test resolution adopting the rules\nsymbol: A/RES/70/175\n"
          "adopted_by: {body: ga, resolution: 70/175, date: '2015-12-17'}\ncompleteness: complete\n---\n\n"
          "1. *Adopts* the rules annexed to the present resolution.[^1]\n\n## Annex\n\n1. " + rule + "[^2]\n\n"
          "[^1]: A note of the resolution.\n\n[^2]: A note of the annex.\n")
    corpus = load(content, Report())
    full = composed(corpus, "en", "full")
    assert full.count(rule) == 1 and full.count('class="cmp-elsewhere"') == 1
    assert 'class="cmp-page-ref" href="#doc-test-rules"' in full
    assert "A note of the resolution." in full and "A note of the annex." not in full
    own = composed(corpus, "en", "resolution")
    assert own.count(rule) == 1 and "cmp-elsewhere" not in own and "A note of the annex." in own
    # A link to a unit of that annex, or to a note only the annex calls, goes to the annex's pointer: the edition
    # prints neither (a cited-by list of the Kyoto Model Strategies named notes of resolution 80/226 that no page
    # of the full edition held)
    from compendium.editions.book import moved_units

    resolution = corpus.get("ga-70-175", "en")
    annex_para = next(u.id for u in resolution.walk() if u.id.startswith("annex-"))
    assert moved_units(resolution, {"annex"}) == {annex_para: "annex", "fn-2": "annex"}
    edition = next(e for e in plan.editions(corpus, "en") if e.kind == "full")
    composer = Composer("en", 1700000000, citations=citation_index(plan.printable(corpus)), corpus=corpus)
    in_edition = frozenset(e.id for e in edition.entries())
    assert composer.quote("ga-70-175", annex_para, in_edition).href == "#ga-70-175/annex"
    assert composer.quote("ga-70-175", "para-1", in_edition).href == "#ga-70-175/para-1"
    assert 'id="ga-70-175/annex"' in full
