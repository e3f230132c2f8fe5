"""The importer on the real seed texts (../shared/seeds) and the six-language UDHR (../shared/corpus/udhr).

Expected facts (paragraph counts, footnote numbers, dates) were read off the seed texts by hand;
structural expectations that can be computed from the raw input are computed from it here.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from compendium.body import parse_body
from compendium.diagnostics import Report
from compendium.frontmatter import read
from compendium.importer import ImportedDocument, import_text
from compendium.importer.cleanup import clean_lines
from compendium.loader import load_file
from compendium.model import Document, Unit
from helpers import run, write

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
UDHR = SHARED / "corpus" / "udhr"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed texts not found at {SEEDS}")
needs_udhr = pytest.mark.skipif(not UDHR.is_dir(), reason=f"UDHR corpus not found at {UDHR} (it is not part of the repo)")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def loaded(doc: ImportedDocument, tmp_path: Path) -> Document:
    """Write the imported file and read it back with compendium's own loader: no errors allowed."""
    path = write(tmp_path, f"{doc.collection}/{doc.id}/{doc.lang}.md", doc.markdown)
    report = Report()
    result = load_file(path, doc.collection, report)
    assert not report.errors, [d.format() for d in report.errors]
    assert result is not None
    return result


def by_id(doc: Document) -> dict[str, Unit]:
    return {u.id: u for u in doc.walk()}


def paras(doc: Document, prefix: str) -> list[str]:
    """The numbers of the paragraphs directly in a scope: prefix 'sec-II-' gives ['1', '2', ...]."""
    pattern = re.compile(re.escape(prefix) + r"para-(\d+)$")
    return [m.group(1) for u in doc.walk() if (m := pattern.match(u.id))]


def numbers(n: int) -> list[str]:
    return [str(i) for i in range(1, n + 1)]


def warned(doc: ImportedDocument, phrase: str) -> list[int]:
    return [line for line, message in doc.warnings if phrase in message]


# -- seed 000: ECOSOC 1993/34 -----------------------------------------------------

@needs_seeds
def test_1993_34_sections_restart_their_numbering(tmp_path):
    (imported,) = import_text(seed("000"), "en")
    doc = loaded(imported, tmp_path)
    assert imported.id == "ecosoc-1993-34" and imported.collection == "resolutions"
    counts = {"sec-I-": 2, "sec-II-": 14, "sec-III-": 10, "sec-IV-A-": 4, "sec-IV-B-": 2, "sec-IV-C-": 3, "sec-V-": 6}
    for prefix, count in counts.items():
        assert paras(doc, prefix) == numbers(count), prefix
    units = by_id(doc)
    assert [u.id for u in doc.units if u.kind == "section"] == ["sec-I", "sec-II", "sec-III", "sec-IV", "sec-V"]
    assert {"sec-IV-A", "sec-IV-B", "sec-IV-C", "sec-III-para-7-c", "sec-III-para-8-a-iv", "sec-IV-C-para-3-d"} <= set(units)
    assert units["sec-III-para-8-a-iv"].kind == "subitem"
    assert units["adoption"].text == "43rd plenary meeting\n27 July 1993"
    assert doc.metadata["adopted_by"]["date"] == "1993-07-27"
    assert doc.metadata["footnotes_missing"] is True  # <sup>96</sup>… without footnote texts


@needs_seeds
def test_1993_34_preamble_keeps_italic_lead_words_and_page_breaks_are_joined(tmp_path):
    text = seed("000")
    before_sections = text[: text.index("####")]
    italic_paragraphs = [ln for ln in before_sections.splitlines() if ln.startswith("*") and not ln.startswith("**")]
    doc = loaded(import_text(text, "en")[0], tmp_path)
    preamble = [u for u in doc.units if u.kind == "preamble"]
    assert len(preamble) == len(italic_paragraphs)
    assert [u.text.split("*")[1] for u in preamble] == [ln.split("*")[1] for ln in italic_paragraphs]
    units = by_id(doc)
    assert any("serious forms of international criminal activity" in u.text for u in preamble)  # "inter-" / "national"
    assert "in the field of crime prevention" in units["sec-II-para-6"].text
    assert "United Nations Criminal Justice Information Network, and" in units["sec-IV-C-para-2"].text


# -- seed 001: ECOSOC 1994/22 -----------------------------------------------------

@needs_seeds
def test_1994_22_footnote_text_mid_document(tmp_path):
    (imported,) = import_text(seed("001"), "en")
    doc = loaded(imported, tmp_path)
    units = by_id(doc)
    assert imported.id == "ecosoc-1994-22"
    assert paras(doc, "") == numbers(19)
    assert units["fn-60"].text == "E/CN.15/1994/6."
    assert "[^60]" in units["para-1"].text
    assert units["para-9"].text.startswith("*Calls upon*")
    assert "urges the United Nations Development Programme" in units["para-18"].text
    assert warned(imported, "no text: '---'")
    assert doc.metadata["adopted_by"] == {"body": "ecosoc", "resolution": "1994/22", "meeting": "43rd plenary meeting",
                                          "date": "1994-07-25"}


# -- seed 002: three resolutions in one file --------------------------------------

@needs_seeds
def test_several_resolutions_in_one_input(tmp_path):
    fragment, res33, res34 = import_text(seed("002"), "en")
    # The fragment: no heading, so no identity; it is honest about it.
    frag = loaded(fragment, tmp_path)
    assert fragment.id == "ecosoc-1997-unidentified-plenary-36"
    assert frag.metadata["verified"] is False and frag.metadata["completeness"] == "partial"
    assert "symbol" not in frag.metadata
    units = by_id(frag)
    assert paras(frag, "") == numbers(7)
    assert units["para-4"].text.endswith("for submission to the Commission on Crime Prevention and Criminal Justice at "
                                         "its seventh session;")  # continued after a block of footnotes
    assert {f"fn-{n}" for n in range(179, 187)} <= set(units)  # 186 stood inside 1997/33 in the source
    assert warned(fragment, "footnote 186")
    # 1997/33 with its annex: 23 paragraphs numbered through sections I-III.
    doc33 = loaded(res33, tmp_path)
    assert res33.id == "ecosoc-1997-33"
    assert paras(doc33, "") == numbers(5) and paras(doc33, "annex-") == numbers(23)
    assert {"annex", "annex-sec-I", "annex-sec-II", "annex-sec-III", "annex-para-23", "adoption"} <= set(by_id(doc33))
    assert doc33.metadata["completeness"] == "complete" and "fn-186" not in by_id(doc33)
    # 1997/34 breaks off mid-sentence.
    doc34 = loaded(res34, tmp_path)
    assert res34.id == "ecosoc-1997-34" and doc34.metadata["completeness"] == "partial"
    assert "mid-sentence" in doc34.metadata["completeness_note"]
    assert {"para-2-f", "fn-187"} <= set(by_id(doc34)) and "adoption" not in by_id(doc34)


# -- seed 003: ECOSOC 1992/22, OCR -------------------------------------------------

@needs_seeds
def test_1992_22_ocr_line_breaks_and_hyphenation(tmp_path):
    (imported,) = import_text(seed("003"), "en")
    doc = loaded(imported, tmp_path)
    units = by_id(doc)
    assert imported.id == "ecosoc-1992-22"
    assert doc.metadata["title"].startswith("Implementation of General Assembly resolution 46/1S2 concerning")
    assert doc.metadata["title"].endswith("in the field of crime prevention and criminal justice")
    assert doc.metadata["adopted_by"]["meeting"] == "41st plenary meeting"  # "41 st" in the OCR
    assert paras(doc, "") == ["2", "3", "4", "5"] and paras(doc, "sec-VII-") == numbers(4)
    assert units["sec-VII"].heading == "VII. FOLLOW-UP"
    assert units["para-3-c"].text.startswith("With regard to programme organization, evaluation and reporting")
    preamble = [u for u in doc.units if u.kind == "preamble"]
    assert preamble[-1].text == "Recognizing that the Secretariat will be called upon to"
    assert doc.metadata["completeness"] == "partial"
    assert warned(imported, "breaks off mid-sentence") == [130]
    everything = " ".join(u.text for u in doc.walk())
    for half in ("resolu", "tion ", " vention", "ganizations", "essary", "sponsibilities"):
        assert not re.search(rf"(^|\s){half.strip()}(\s|$)", everything), half
    assert "' + 'tensified'" in " ".join(m for _, m in imported.warnings)  # reported, not guessed


@needs_seeds
def test_every_join_is_backed_by_the_rest_of_the_text():
    """Conservative repair: a word is only made whole when the text uses it (or a form of it) elsewhere."""
    text = seed("003")
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    (imported,) = import_text(text, "en")
    exact, forms = [], []
    for _, message in imported.warnings:
        if m := re.search(r"another form of '([^']+)'", message):
            forms.append(m.group(1).lower())
        elif m := re.search(r"'([^']+)' is used elsewhere", message):
            exact.append(m.group(1).lower())
    assert len(exact) >= 25 and forms
    assert all(w in words for w in exact), [w for w in exact if w not in words]
    for word in forms:  # "recognized" is backed by "recognizing"
        assert word not in words and any(w[:6] == word[:6] and w != word for w in words), word


# -- seed 004: ECOSOC 2003/30 -------------------------------------------------------

@needs_seeds
def test_2003_30_dash_markers_annex_and_footnotes(tmp_path):
    (imported,) = import_text(seed("004"), "en")
    doc = loaded(imported, tmp_path)
    units = by_id(doc)
    assert imported.id == "ecosoc-2003-30"
    assert doc.metadata["title"] == "United Nations standards and norms in crime prevention and criminal justice"
    assert paras(doc, "") == numbers(7) and paras(doc, "annex-") == numbers(41)
    assert [f"para-3-{c}" for c in "abcd"] == [u.id for u in units["para-3"].children]
    assert [f"annex-para-8-{c}" for c in "abcde"] == [u.id for u in units["annex-para-8"].children]
    assert {"fn-1", "fn-2", "fn-3"} <= set(units)
    assert "footnotes_missing" not in doc.metadata
    assert units["annex-para-9"].text.endswith("in countries requesting assistance. The Commission could rely on a "
                                               "roster of national and regional experts who could, upon request, "
                                               "provide technical assistance and advice on the use and application "
                                               "of selected standards and norms.")
    assert [u.id for u in units["annex"].children if u.kind == "heading"] == [f"annex-h-{i}" for i in range(1, 7)]
    assert doc.metadata["adopted_by"]["date"] == "2003-07-22"
    assert not any(u.text.strip() == "_" for u in doc.walk())


# -- nothing is lost ------------------------------------------------------------------

def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", re.sub(r"<[^>]+>", " ", text)).lower()
    return re.findall(r"[^\W_]+", text)


def _input_sequences(text: str, front: set[int]) -> tuple[list[str], list[list[str]]]:
    """The input's words (cleanup only: markers and spacing), without the front matter's lines;
    and the words of each footnote text, which may move."""
    main, notes, block = [], [], []
    for line in clean_lines(text) + [None]:
        if line is None or not line.text:
            if block and block[0].text.startswith("[^") and "]: " in block[0].text[:12]:
                notes.append(_words(" ".join(b.text for b in block)))
            else:
                main.extend(w for b in block for w in _words(b.text))
            block = []
        elif line.number not in front:
            block.append(line)
    return main, notes


def _output_sequences(docs: list[ImportedDocument], tmp_path: Path) -> tuple[list[str], list[list[str]], str]:
    main, notes, warnings = [], [], ""
    for imported in docs:
        doc = loaded(imported, tmp_path) if imported.collection == "resolutions" else _parsed(imported)
        for unit in doc.walk():
            number = unit.number if unit.kind in ("paragraph", "item", "subitem", "footnote") else ""
            words = _words(f"{number} {unit.heading or ''} {unit.text}")
            (notes.append(words) if unit.kind == "footnote" else main.extend(words))
        warnings += " ".join(m for _, m in imported.warnings)
    return main, notes, warnings


def _parsed(imported: ImportedDocument) -> Document:
    report = Report()
    path = Path(f"{imported.id}.md")
    lines = imported.markdown.split("\n")
    end = lines.index("---", 1)
    meta = yaml.safe_load("\n".join(lines[1:end]))
    units = parse_body(path, "\n".join(lines[end + 1:]), end + 2, report, footnotes_missing=True)
    assert not report.errors, [d.format() for d in report.errors]
    return Document(imported.id, imported.collection, imported.lang, path, meta, units)


def assert_words_kept(text: str, lang: str, tmp_path: Path) -> None:
    docs = import_text(text, lang)
    front = {n for d in docs for n in d.front_lines}
    expected, expected_notes = _input_sequences(text, front)
    got, got_notes, warnings = _output_sequences(docs, tmp_path)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, expected, got, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        # The only difference allowed is a word made whole again, and each one is reported.
        assert op == "replace" and "".join(expected[i1:i2]) == "".join(got[j1:j2]), (op, expected[i1:i2], got[j1:j2])
        assert "".join(got[j1:j2]) in warnings.lower(), got[j1:j2]
    assert sorted(map(tuple, expected_notes)) == sorted(map(tuple, got_notes))
    for imported in docs:  # what went into the front matter is there (its words possibly made whole)
        meta = "".join(_words(imported.markdown.split("\n---\n")[0]))
        own = [ln for ln in clean_lines(text) if ln.number in imported.front_lines]
        assert all(w in meta for ln in own for w in _words(ln.text)), own


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_word_of_a_seed_is_kept_in_order(prefix, tmp_path):
    assert_words_kept(seed(prefix), "en", tmp_path)


@needs_udhr
@pytest.mark.parametrize("lang", LANGS)
def test_every_word_of_the_udhr_is_kept_in_order(lang, tmp_path):
    assert_words_kept((UDHR / f"{lang}.txt").read_text(encoding="utf-8"), lang, tmp_path)


def test_text_that_fits_nowhere_is_kept_and_reported(tmp_path):
    text = ("1999/1. A test resolution\n\n*The Economic and Social Council,*\n\n*Recalling* something,\n\n"
            "1. *Decides* one thing;\n\nA stray sentence that belongs to no numbered paragraph.\n\n"
            "2. *Decides* another thing.\n\n1st plenary meeting\n1 January 1999\n\nA note after the end.\n")
    (imported,) = import_text(text, "en")
    doc = loaded(imported, tmp_path)
    everything = " ".join(u.text for u in doc.walk())
    assert "A stray sentence that belongs to no numbered paragraph." in everything
    assert "A note after the end." in everything
    assert warned(imported, "without a number") == [9] and warned(imported, "after the adoption line") == [16]


# -- the UDHR in six languages ------------------------------------------------------------

@needs_udhr
def test_udhr_articles_have_the_same_ids_in_all_six_languages():
    """The six sources lay out the preamble differently (the Arabic runs two recitals into one line,
    the Chinese gives the proclamation as one line, French has no 'Now, therefore'), so only the
    shape of the preamble is compared; the articles must match exactly."""
    articles = [f"article-{n}" for n in range(1, 31)]
    for lang in LANGS:
        (imported,) = import_text((UDHR / f"{lang}.txt").read_text(encoding="utf-8"), lang)
        assert imported.collection == "instruments", lang
        doc = _parsed(imported)
        ids = [u.id for u in doc.walk()]
        assert [i for i in ids if i.startswith("article-")] == articles, lang
        assert all(u.text.strip() for u in doc.units if u.kind == "article"), lang
        preamble = [i for i in ids if i.startswith("preamble-")]
        assert preamble == [f"preamble-{n}" for n in range(1, len(preamble) + 1)] and len(preamble) >= 7, lang
        assert set(ids) == set(articles) | set(preamble) | {"h-1"}, lang  # h-1: the "Preamble" heading
        first_line = (UDHR / f"{lang}.txt").read_text(encoding="utf-8").split("\n")[0].strip()
        assert doc.metadata["title"] == first_line, lang


@pytest.mark.parametrize("label", ["Article 1", "Article premier", "Artículo 1", "Статья 1", "第一条", "المادة 1",
                                   "المادة ١"])
def test_headed_units_in_six_languages(label):
    second = {"第一条": "第二条", "المادة ١": "المادة ٢", "Article premier": "Article 2"}.get(label, label[:-1] + "2")
    text = f"A title\n\nSome preamble.\n\n{label}\n\nThe first article.\n\n{second}\n\nThe second article.\n"
    (imported,) = import_text(text, "en", "instrument")
    assert [u.id for u in _parsed(imported).walk()] == ["preamble-1", "article-1", "article-2"]


def test_rules_and_principles_with_their_own_paragraphs():
    text = "Rules for a test\n\nRule 1\n\nText.\n\nRule 2\n\n1. One.\n\n2. Two.\n\nPrinciple 3\n\nMore.\n"
    (imported,) = import_text(text, "en")
    assert [u.id for u in _parsed(imported).walk()] == ["rule-1", "rule-2", "rule-2-para-1", "rule-2-para-2",
                                                        "principle-3"]
    assert not warned(imported, "numbering")


def test_hard_wrapped_lines_join_only_on_evidence():
    body = ("1. The Council notes that the organizations con-\n"
            "cerned and the organizations concerned with this matter have\n"
            "acted together, and that the sub\n"
            "committee and the in\n"
            "formation services have reported to the Council in full;\n\n"
            "2. The Council requests the information services to continue the\n"
            "work of the subcommittee, and to report on it to the Council at\n"
            "a later session, together with the organizations concerned;\n\n"
            "3. The Council decides to keep the formation of the matter under review.\n\n1st plenary meeting\n1 January 2000\n")
    (imported,) = import_text("2000/1. A test\n\nThe Economic and Social Council,\n\n" + body, "en")
    text = _parsed(imported).walk()
    para1 = next(u for u in text if u.id == "para-1").text
    assert "organizations concerned and" in para1  # "con-" + "cerned": "concerned" is used elsewhere
    assert "subcommittee and" in para1  # "subcommittee" is used elsewhere
    assert "the in formation services" in para1  # "information" is used, but so are "in" and "formation"
    assert warned(imported, "'in formation' could also be the word 'information'")


def test_the_import_command(tmp_path):
    source = write(tmp_path, "in.txt", "1999/2. A test\n\nThe Economic and Social Council,\n\n1. *Decides* it.\n\n"
                                       "2nd plenary meeting\n2 February 1999\n")
    code, output = run("import", str(source), "--lang", "en")
    assert code == 0 and "id: ecosoc-1999-2" in output and "1. *Decides* it." in output
    code, output = run("import", str(source), "--lang", "en", "--out", str(tmp_path / "content"))
    assert code == 0
    written = tmp_path / "content" / "resolutions" / "ecosoc-1999-2" / "en.md"
    report = Report()
    raw = read(written, report)
    assert raw is not None and raw.metadata["adopted_by"]["date"] == "1999-02-02" and not report.items
    code, output = run("import", str(source), "--lang", "en", "--kind", "instrument")
    assert code == 0 and "kind: instrument" in output
