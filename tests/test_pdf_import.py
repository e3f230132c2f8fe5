"""The PDF importer on the UN's own English PDF of resolution 70/175 (../shared/sources/a-res-70-175)."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from compendium.body import parse_body
from compendium.diagnostics import Report
from compendium.importer.pdf import PdfImportError, import_pdf

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT.parent / "shared" / "sources" / "a-res-70-175" / "A_RES_70_175-EN.pdf"
CONTENT = ROOT / "content"

needs_pdf = pytest.mark.skipif(not PDF.exists(), reason=f"the source PDF is not there ({PDF}); it lives in ../shared/sources")


def _body(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


def _units(markdown: str):
    report = Report()
    units = parse_body(Path("x.md"), _body(markdown), 1, report)
    assert not report.errors, [d.format() for d in report.errors]
    return [u for top in units for u in top.walk()]


@pytest.fixture(scope="module")
def docs():
    if not PDF.exists():
        pytest.skip(f"the source PDF is not there ({PDF}); it lives in ../shared/sources")
    found = {d.id: d for d in import_pdf(PDF, "en")}
    assert set(found) == {"ga-70-175", "nelson-mandela-rules"}
    return found


def test_resolution_structure(docs):
    units = _units(docs["ga-70-175"].markdown)
    ids = [u.id for u in units]
    assert [u.number for u in units if u.kind == "paragraph" and "-" not in u.id[5:]] == [str(n) for n in range(1, 20)]
    assert "adoption" in ids and any(u.kind == "annex" for u in units)
    adoption = next(u for u in units if u.id == "adoption")
    assert adoption.text == "80th plenary meeting\n17 December 2015"
    assert "*Recalling*" in docs["ga-70-175"].markdown and "1. *Expresses its gratitude and appreciation*" in docs["ga-70-175"].markdown
    items = [i for i in ids if re.fullmatch(r"preamble-\d+-[a-z]", i)]
    assert len(items) == 9 and len({i.rsplit("-", 1)[0] for i in items}) == 1  # (a)-(i) of one paragraph
    meta = docs["ga-70-175"].markdown
    assert "symbol: A/RES/70/175" in meta and "date: '2015-12-17'" in meta and "- nelson-mandela-rules" in meta


def test_footnotes_each_at_its_call(docs):
    md = docs["ga-70-175"].markdown
    calls = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", md)]
    notes = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", md, re.M)]
    assert notes == list(range(1, 30))
    assert set(calls) == set(notes)
    first_calls = list(dict.fromkeys(calls))  # later calls may repeat an earlier note (10, 14, 15 in the annex)
    assert first_calls == sorted(first_calls)
    assert "Human Rights,[^1] and inspired" in md
    inst = docs["nelson-mandela-rules"].markdown
    inst_calls = set(re.findall(r"\[\^(\d+)\](?!:)", inst))
    assert inst_calls == set(re.findall(r"^\[\^(\d+)\]:", inst, re.M)) == {"28", "29"}  # the notes the annex calls


def test_rules_structure(docs):
    units = _units(docs["nelson-mandela-rules"].markdown)
    assert [u.id for u in units if u.kind == "prelim"] == ["prelim-1", "prelim-2", "prelim-3", "prelim-4"]
    assert [int(u.number) for u in units if u.kind == "rule"] == list(range(1, 123))
    sections = [(u.kind, u.id) for u in units if u.kind in ("section", "subsection")]
    assert sections == [("section", "sec-I"), ("section", "sec-II")] + \
        [("subsection", f"sec-II-{c}") for c in "ABCDE"]
    ids = {u.id for u in units}
    assert {"rule-45-para-2", "rule-43-para-1-a", "prelim-2-para-1"} <= ids
    assert sum(1 for u in units if u.kind == "heading") >= 20  # "Basic principles", "Accommodation"…
    rule43 = next(u for u in units if u.id == "rule-43-para-1")
    assert rule43.text.startswith("In no circumstances may restrictions or disciplinary sanctions amount to torture")


def test_furniture_gone_and_hyphens_kept(docs):
    for doc in docs.values():
        body = _body(doc.markdown)
        assert "Please recycle" not in body and "A/RES/70/175" not in body and "15-16929" not in body
        assert set(re.findall(r"\b(\d{1,2})/33\b", body)) <= {"40"}  # page numbers gone; resolution 40/33 stays
        assert "Distr" not in body
    # The PDF's one line-end hyphen is "open-" / "ended" (preamble); "well-being" does not occur in it.
    assert "an open-ended intergovernmental expert group" in docs["ga-70-175"].markdown
    assert "non-custodial" in docs["ga-70-175"].markdown and "noncustodial" not in docs["ga-70-175"].markdown


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in re.findall(r"[^\W_]+", text))


def test_word_coverage(docs):
    """Every word of the text layer outside the furniture bands is in the output (at least 99.5%)."""
    import pdfplumber

    source: Counter = Counter()
    with pdfplumber.open(PDF) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for w in page.extract_words(extra_attrs=["size"]):  # a call's smaller size parts it from its word
                if number == 1 and (w["top"] < 260 or w["top"] > 716):
                    continue  # masthead, session, "Resolution adopted…" heading (into the front matter); job number
                if number > 1 and (w["top"] < 70 or w["top"] > 725):
                    continue  # running title and symbol; page number
                if re.fullmatch(r"_+", w["text"]):
                    continue  # the rule above the notes
                source.update(_words(w["text"]))
    md = docs["ga-70-175"].markdown
    out = _words(re.sub(r"\[\^\d+\]:?|[#*]", " ", _body(md))) + _words(re.search(r"^title: (.*)$", md, re.M).group(1))
    # A footnote call is a word of the text layer ("Rights, 1 and"): count the calls as numbers too.
    out.update(re.findall(r"\[\^(\d+)\]", _body(md)))
    missing = source - out
    coverage = 1 - sum(missing.values()) / sum(source.values())
    print(f"word coverage {coverage:.4%} of {sum(source.values())} words; missing: {dict(missing.most_common(10))}")
    assert coverage >= 0.995


def test_published_files_are_what_the_importer_writes(docs):
    published = (CONTENT / "resolutions" / "ga-70-175" / "en.md").read_text(encoding="utf-8")
    assert published == docs["ga-70-175"].markdown
    record = (CONTENT / "instruments" / "nelson-mandela-rules" / "en.md").read_text(encoding="utf-8")
    assert _body(record) == _body(docs["nelson-mandela-rules"].markdown)
    assert "cluster: custody" in record and "supersedes: standard-minimum-rules-treatment-prisoners-1955" in record
    assert "completeness: complete" in record and "- ga-70-175" in record


def _scanned_pdf(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(image).text((20, 20), "70/175. A scanned resolution", fill="black")
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF")
    return path


def test_scanned_pdf_is_one_clear_message(tmp_path):
    path = _scanned_pdf(tmp_path)
    with pytest.raises(PdfImportError) as caught:
        import_pdf(path, "en")
    assert "no text layer" in str(caught.value) and str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_cli_gives_the_message_without_a_traceback(tmp_path):
    from click.testing import CliRunner

    from compendium.cli import main

    bad = tmp_path / "notes.pdf"
    bad.write_text("not a pdf")
    for path in (_scanned_pdf(tmp_path), bad):
        result = CliRunner().invoke(main, ["import", str(path), "--lang", "en"])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output and str(path) in result.output
        assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
@needs_pdf
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=200_000), junk=st.binary(max_size=64))
def test_fuzz_truncated_or_random_input_raises_only_the_clear_error(tmp_path, cut, junk):
    data = PDF.read_bytes()
    for blob in (data[:cut], junk, b"%PDF-1.4\n" + junk, data[:cut] + junk):
        path = tmp_path / "fuzz.pdf"
        path.write_bytes(blob)
        try:
            import_pdf(path, "en")
        except PdfImportError as exc:
            assert str(path) in str(exc) and "\n" not in str(exc)


def test_random_bytes_raise_only_the_clear_error(tmp_path):
    for blob in (b"", b"%PDF", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj\n", bytes(range(256)), io.BytesIO(b"x" * 99).read()):
        path = tmp_path / "x.pdf"
        path.write_bytes(blob)
        with pytest.raises(PdfImportError):
            import_pdf(path, "en")


def _line(text: str, page: int = 1):
    from compendium.importer.pdf import Line, Word

    words, x = [], 100.0
    for token in text.split():
        words.append(Word(token, x, x + 6 * len(token), 90, 100, 10, False, False))
        x += 6 * len(token) + 3
    return Line(page, words)


def test_line_end_hyphen_undone_only_at_a_break():
    from compendium.importer.pdf import _join_lines, _words_only
    from compendium.importer.vocabulary import Vocabulary

    lines = ["the prisoners are recognized as such and non-governmental ones too", "for their well-",
             "being and the recog-", "nized non-", "custodial measures"]
    vocab = Vocabulary([(t, False) for t in lines], "en")
    text = _words_only(_join_lines([_line(t) for t in lines], vocab, []))
    assert "well-being" in text and "recognized non-custodial" in text
