"""Printable editions: every PDF read back with pypdf — script, outline, fonts, title, language, links, notes,
checksums — and the build's promises: same input, same bytes; unchanged input, nothing rendered; a failed
edition named and isolated."""

from __future__ import annotations

import hashlib
import html.parser
import posixpath
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from compendium import settings
from compendium.diagnostics import Report
from compendium.facts import adopting_resolutions
from compendium.editions import build_editions, downloads_html, find_file, load_manifest
from compendium.editions.manifest import listed
from compendium.editions import book as book_module
from compendium.editions.pdf import render
from compendium.editions.scripts import font_stacks
from compendium.languages import direction, script_of
from compendium.i18n import gettext_for
from compendium.loader import load
from compendium.pages import pick
from helpers import run, write

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1700000000"  # 14 November 2023
LANGS = ["ar", "zh", "en"]
ARABIC = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
CJK = re.compile(r"[\u4E00-\u9FFF]")
ARTIFACTS = ROOT / "test-artifacts" / "editions"

# Test texts written for these tests (not UN texts): a few words repeated into paragraphs of real length.
WORDS = {
    "en": "the member states shall ensure that every person deprived of liberty is treated with respect".split(),
    "ar": "تكفل الدول الأعضاء أن يعامل كل شخص محروم من حريته باحترام وكرامة في جميع الأوقات".split(),
    "zh": "各会员国 应当 确保 每个 被剥夺 自由的人 都 受到 尊重 和 人道的 待遇".split(),
}
TITLES = {"en": ("Test rules on the treatment of persons", "Test Rules"),
          "ar": ("قواعد اختبار بشأن معاملة الأشخاص", "قواعد الاختبار"),
          "zh": ("关于人员待遇的测试规则", "测试规则")}
NOTES = {"en": "An English note for the test.", "ar": "حاشية عربية للاختبار.", "zh": "这是测试用的脚注。"}


def sentence(lang: str, n: int, length: int = 40) -> str:
    words = WORDS[lang]
    return ("" if lang == "zh" else " ").join(words[(n + i) % len(words)] for i in range(length))


def rules_body(lang: str) -> str:
    lines = [sentence(lang, 0, 20), ""]
    n = 1
    for section in ("I", "II", "III"):
        lines += [f"## {section}. {sentence(lang, n, 3).upper()}", ""]
        for _ in range(6):
            note = "[^1]" if n == 2 else "[^2]" if n == 14 else ""
            lines += [f"{n}. {sentence(lang, n)} 1955 (2015){note}", ""]
            if n % 5 == 0:
                lines += [f"(a) {sentence(lang, n + 1, 15)};", "", f"(b) {sentence(lang, n + 2, 15)}.", ""]
            n += 1
    lines += [f"[^1]: {NOTES[lang]}", f"[^2]: {NOTES[lang]} 2"]
    return "\n".join(lines) + "\n"


def make_content(content: Path) -> Path:
    for lang, (title, short) in TITLES.items():
        write(content, f"instruments/test-rules/{lang}.md",
              f"---\nid: test-rules\nkind: rules\ntitle: {title}\nshort_title: {short}\nsymbol: A/RES/70/175\n"
              f"adopted_by:\n  - {{body: ga, resolution: 70/175, date: '2015-12-17'}}\ncluster: custody\n"
              f"supersedes: test-guidelines\ncompleteness: complete\n---\n\n{rules_body(lang)}")
    write(content, "instruments/test-guidelines/en.md",
          "---\nid: test-guidelines\nkind: guidelines\ntitle: Test guidelines for the prevention of crime\n"
          "cluster: prevention\nadopted_by: {body: ecosoc, resolution: 2002/13, date: '2002-07-24'}\n"
          "completeness: complete\n---\n\nA preamble, with a [link](https://undocs.org/E/RES/2002/13).\n\n"
          "## I. FIRST\n\n1. A paragraph that is only in English.[^1]\n\n[^1]: A note only in English.\n")
    write(content, "instruments/test-record/en.md",
          "---\nid: test-record\nkind: principles\ntitle: Test principles without a text\ncluster: governance\n"
          "adopted_by: {body: ecosoc, resolution: 2000/1}\ncompleteness: none\n---\n")
    # The resolution adopted the principles: the editions print it with them.
    write(content, "resolutions/ecosoc-2000-1/en.md",
          "---\nid: ecosoc-2000-1\nkind: resolution\ntitle: A resolution written for this test\n"
          "symbol: E/RES/2000/1\nadopted_by: {body: ecosoc, resolution: 2000/1}\ncompleteness: complete\n---\n\n"
          "*Recalling* x,\n\n1. *Decides* y;\n")
    return content


def build(content: Path, out: Path, cache: Path, langs=LANGS, epoch=EPOCH, **kwargs):
    with settings.using(settings.Settings(source_date_epoch=int(epoch))):
        report = Report()
        corpus = load(content, report)
        assert not report.errors, report.errors
        return build_editions(corpus, out, langs, cache, content=content, workers=2, **kwargs)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("editions")
    content = make_content(root / "content")
    outcome = build(content, root / "out", root / "cache")
    assert outcome.ok, [f.format() for f in outcome.failures]
    return root, outcome


def manifest(root: Path, lang: str) -> dict:
    data = load_manifest(lang, root / "out")
    assert data is not None, f"no manifest for {lang}"
    return data


def pdf(root: Path, lang: str, kind: str = "full", ident: str | None = None) -> PdfReader:
    entry = next(f for f in manifest(root, lang)["files"] if f["kind"] == kind and (ident is None or f["id"] == ident))
    return PdfReader(root / "out" / entry["path"])


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) of every bookmark, in order."""
    result = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                result.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    walk(reader.outline, 0)
    return result


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name → whether its font program is embedded."""
    found = {}
    for page in reader.pages:
        for ref in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            found[str(font.get("/BaseFont"))] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def positioned_text(page) -> list[tuple[str, float]]:
    parts: list[tuple[str, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: parts.append((text, tm[5] * cm[3] + cm[5]))
                      if text.strip() else None)
    return parts


# -- the files and their manifest ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_manifest_lists_every_file_with_its_checksum_size_and_pages(built):
    root, outcome = built
    corpus = load(root / "content", Report())
    for lang in LANGS:
        data = manifest(root, lang)
        assert data["lang"] == lang and data["edition"] == "2023-11-14"
        kinds = [f["kind"] for f in data["files"]]
        assert kinds == sorted(kinds, key=["full", "cluster", "instrument", "resolution"].index), \
            "full, clusters, instruments, resolutions"
        clusters = {d.metadata["cluster"] for d in corpus.documents if d.collection == "instruments"}
        assert {f["id"] for f in data["files"] if f["kind"] == "cluster"} == clusters
        # A PDF per document with a text of its own in the language (a text in another language is in that
        # language's downloads).
        for kind, collection in (("instrument", "instruments"), ("resolution", "resolutions")):
            with_text = {d.id for d in corpus.documents if d.collection == collection and d.lang == lang and d.has_text}
            assert {f["id"] for f in data["files"] if f["kind"] == kind} == with_text
        on_disk = {str(p.relative_to(root / "out")) for p in (root / "out" / lang).rglob("*.pdf")}
        assert on_disk == {f["path"] for f in data["files"]}
        for entry in data["files"]:
            path = root / "out" / entry["path"]
            assert entry["path"].startswith(f"{lang}/downloads/") and entry["path"].endswith(f"-{lang}.pdf")
            assert entry["sha256"] == sha256(path) and entry["bytes"] == path.stat().st_size
            assert entry["pages"] == len(PdfReader(path).pages)


@pytest.mark.slow
def test_page_counts_are_plausible_and_every_document_starts_a_page(built):
    root, _ = built
    for lang in LANGS:
        files = manifest(root, lang)["files"]
        full = next(f for f in files if f["kind"] == "full")
        for part in (f for f in files if f["kind"] != "full"):
            assert 2 <= part["pages"] < full["pages"], part["path"]
        reader = pdf(root, lang)
        docs = [page for depth, _title, page in outline(reader) if depth == 1]
        assert len(docs) == 4 and docs == sorted(set(docs)), "one page at least per document, in order"
        rules = pdf(root, lang, "instrument", "test-rules")
        assert len(rules.pages) >= 3, "cover, a text of several pages, colophon"


# -- what a reader and a machine find in the PDF ------------------------------------------------------------------

@pytest.mark.slow
def test_text_layer_is_in_the_script_of_the_language(built):
    root, _ = built
    ar = "".join(p.extract_text() for p in pdf(root, "ar", "instrument", "test-rules").pages)
    assert len(ARABIC.findall(ar)) > 500, "the Arabic text is Arabic letters, not glyph ids"
    arabic_words = {unicodedata.normalize("NFKC", w) for w in WORDS["ar"]}
    found = {unicodedata.normalize("NFKC", w) for w in re.findall(r"\S+", ar)}
    assert len(arabic_words & found) >= len(arabic_words) - 2, "the words come back out of the PDF"
    zh = "".join(p.extract_text() for p in pdf(root, "zh", "instrument", "test-rules").pages)
    assert len(CJK.findall(zh)) > 500 and "测试规则" in zh and "各会员国" in zh
    # A document without an Arabic text is given in English inside the Arabic edition, under a notice.
    full_ar = "".join(p.extract_text() for p in pdf(root, "ar").pages)
    assert "A paragraph that is only in English." in full_ar
    assert gettext_for("ar")("Not yet available in this language") in full_ar


@pytest.mark.slow
def test_title_language_direction_and_tagging(built):
    root, _ = built
    for lang in LANGS:
        reader = pdf(root, lang)
        catalog = reader.trailer["/Root"]
        title = gettext_for(lang)("Compendium of United Nations Standards and Norms in Crime Prevention and "
                                  "Criminal Justice")
        assert reader.metadata.title == title
        assert catalog["/Lang"] == lang
        assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
        assert (catalog["/ViewerPreferences"].get("/Direction") == "/R2L") == (direction(lang) == "rtl")
        # PDF/UA-1 was asked for: a structure tree, marked content, the PDF/UA identification in the XMP.
        assert "/StructTreeRoot" in catalog and bool(catalog["/MarkInfo"]["/Marked"])
        assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()
        assert reader.metadata["/CreationDate"].startswith("D:20231114")


@pytest.mark.slow
def test_fonts_are_embedded_and_right_for_the_script(built):
    root, _ = built
    for lang in LANGS:
        embedded = fonts(pdf(root, lang))
        assert embedded and all(embedded.values()), f"every font embedded in {lang}: {embedded}"
        primary = font_stacks(lang)[0][0].replace(" ", "")
        assert any(primary in name.replace("-", "") for name in embedded), (lang, primary, embedded)
    assert not any("CJK" in name for name in fonts(pdf(root, "ar"))), "no font the Arabic edition does not need"


@pytest.mark.slow
def test_outline_has_parts_every_document_and_its_sections(built):
    root, _ = built
    corpus = load(root / "content", Report())
    for lang in LANGS:
        marks = outline(pdf(root, lang))
        titles = {title for _depth, title, _page in marks}
        for doc_id in corpus.ids():
            doc, _fallback = pick(corpus, doc_id, lang)
            assert doc.title in titles, (lang, doc.title)
        assert gettext_for(lang)("Resolutions") in {t for d, t, _p in marks if d == 0}
        rules = pick(corpus, "test-rules", lang)[0]
        sections = [u.heading for u in rules.units if u.kind == "section"]
        start = next(i for i, (_d, t, _p) in enumerate(marks) if t == rules.title)
        assert [t for _d, t, _p in marks[start + 1:start + 4]] == sections
        assert {d for d, t, _p in marks[start + 1:start + 4]} == {marks[start][0] + 1}


@pytest.mark.slow
def test_internal_links_lead_somewhere(built):
    root, _ = built
    for lang in LANGS:
        reader = pdf(root, lang)
        names = set(reader.named_destinations)
        links = [a.get_object() for page in reader.pages for a in page.get("/Annots", []) or []
                 if a.get_object().get("/Subtype") == "/Link"]
        internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
        assert len(internal) >= 6, "contents entries and footnote calls are links"
        for link in internal:
            dest = link.get("/Dest", link.get("/A", {}).get("/D"))
            if isinstance(dest, str):
                assert dest in names, dest


@pytest.mark.slow
def test_contents_give_the_page_each_document_starts_on(built):
    root, _ = built
    reader = pdf(root, "en")
    contents = reader.pages[2].extract_text()  # cover, the imprint on its back, then the contents on a recto
    for _depth, title, page in outline(reader)[1:]:
        if title in ("Test rules on the treatment of persons", "A resolution written for this test"):
            # The title, its symbol, the leader, the page.
            assert re.search(re.escape(title) + r"( [AE]/RES/\S+?)?[ .]*" + str(page), contents), (title, page, contents)


@pytest.mark.slow
def test_footnotes_are_at_the_foot_of_the_page_that_calls_them(built):
    root, _ = built
    for lang in ("en", "zh"):
        reader = pdf(root, lang, "instrument", "test-rules")
        for page in reader.pages:
            parts = positioned_text(page)
            notes = [y for text, y in parts if NOTES[lang][:6] in text]
            if not notes:
                continue
            body = [y for text, y in parts if WORDS[lang][1] in text]
            assert body and min(body) > max(notes), "the note is below the text that calls it"
            assert max(notes) < page.mediabox.height / 4, "in the page's foot"
            break
        else:
            pytest.fail(f"no footnote text found in the {lang} edition")


@pytest.mark.slow
def test_running_header_carries_the_short_title(built):
    root, _ = built
    for lang in ("en", "zh"):
        reader = pdf(root, lang, "instrument", "test-rules")
        start = next(p for d, t, p in outline(reader) if t == TITLES[lang][0])
        # The recto after the document's first page carries its short title (the verso the part's name).
        top = [text for page in reader.pages[start:start + 2] for text, y in positioned_text(page)
               if y > page.mediabox.height * 0.9]
        assert any(TITLES[lang][1] in t for t in top), top


@pytest.mark.slow
def test_colophon_gives_date_and_fingerprint_of_the_content(built):
    root, _ = built
    content = root / "content"
    names = sorted(["instruments/test-rules/en.md", "instruments/test-guidelines/en.md",
                    "instruments/test-record/en.md", "resolutions/ecosoc-2000-1/en.md"])
    listing = "".join(f"{sha256(content / n)}  {n}\n" for n in names)  # what `sha256sum` prints
    expected = hashlib.sha256(listing.encode()).hexdigest()
    entry = next(f for f in manifest(root, "en")["files"] if f["kind"] == "full")
    assert entry["content_sha256"] == expected
    colophon = pdf(root, "en").pages[-1].extract_text()
    assert re.sub(r"\s", "", expected) in re.sub(r"\s", "", colophon)
    assert "14 November 2023" in colophon and "70/175" in colophon, "edition date and adopting resolutions"


@pytest.mark.slow
def test_downloads_table_links_every_file_with_its_checksum(built):
    root, _ = built
    data = manifest(root, "ar")
    fragment = downloads_html("ar", data)

    class Rows(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.links, self.codes, self.langs, self._code = [], [], [], False

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "a":
                self.links.append(attrs["href"])
                self.langs.append(attrs.get("lang"))
            self._code = tag == "code"

        def handle_data(self, data):
            if self._code:
                self.codes.append(data)
                self._code = False

    rows = Rows()
    rows.feed(fragment)
    assert len(rows.links) == len(listed(data)) == len(data["files"]) + 1, "the PDFs and the e-book"
    for href, code, entry in zip(rows.links, rows.codes, listed(data)):
        target = posixpath.normpath(posixpath.join("ar/downloads", href))
        assert target == entry["path"] and code == sha256(root / "out" / target)
    # A document's own PDF is in the language's downloads only when it has a text in that language.
    assert find_file(data, "instrument", "test-guidelines") is None
    listing = downloads_html("ar", {"files": [{**data["files"][0], "title": "An English title", "title_lang": "en"}]})
    assert 'lang="en" dir="ltr"' in listing, "an English title in the Arabic table says so"
    assert gettext_for("ar")("Pages") in fragment
    assert "<table" not in downloads_html("ar", None)
    entry = find_file(data, "instrument", "test-rules")
    assert entry and entry["path"] == "ar/downloads/instruments/test-rules-ar.pdf" and entry["title_lang"] == "ar"


# -- the build's promises ------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_same_input_gives_the_same_bytes_and_unchanged_input_renders_nothing(built, tmp_path):
    root, first = built
    assert first.rendered and not first.reused
    again = build(root / "content", tmp_path / "out", root / "cache")
    assert again.rendered == [] and sorted(again.reused) == sorted(first.rendered)
    fresh = build(root / "content", tmp_path / "out2", tmp_path / "fresh-cache", langs=["ar", "zh"])
    assert fresh.rendered, "a new cache renders everything again"
    for path in fresh.rendered:
        assert sha256(tmp_path / "out2" / path) == sha256(root / "out" / path), f"{path} differs between two renders"


@pytest.mark.slow
def test_a_changed_document_rerenders_only_the_editions_it_is_in(built, tmp_path):
    root, _ = built
    content = tmp_path / "content"
    shutil.copytree(root / "content", content)
    shutil.copytree(root / "cache", tmp_path / "cache")
    doc = content / "instruments/test-guidelines/en.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("only in English", "only in English, changed"),
                   encoding="utf-8")
    outcome = build(content, tmp_path / "out", tmp_path / "cache")
    expected = {f"{lang}/downloads/{name}-{lang}.pdf" for lang in LANGS
                for name in ("compendium", "cluster-prevention")} | {"en/downloads/instruments/test-guidelines-en.pdf"}
    assert set(outcome.rendered) == expected
    assert len(outcome.reused) == sum(len(manifest(root, lang)["files"]) for lang in LANGS) - len(expected)


def _fail_on_rules(job):
    """Runs in the worker: the editions holding test-rules fail as a WeasyPrint error would."""
    if 'id="doc-test-rules"' in job.html:
        raise ValueError("simulated layout failure")
    return render(job)


@pytest.mark.slow
def test_a_failing_edition_is_named_and_the_others_are_made(built, tmp_path, monkeypatch):
    root, _ = built
    # 1. A document that cannot be composed: named with its file and language, in every edition it is in.
    original = book_module.Chapter.html

    def broken(self):
        if self.doc.id == "test-guidelines":
            raise RuntimeError("cannot compose")
        return original(self)

    shutil.copytree(root / "cache", tmp_path / "cache")
    monkeypatch.setattr(book_module.Chapter, "html", broken)
    outcome = build(root / "content", tmp_path / "out", tmp_path / "cache")
    failed = {f.path for f in outcome.failures}
    assert failed == {f"{lang}/downloads/{name}-{lang}.pdf" for lang in LANGS
                      for name in ("compendium", "cluster-prevention")} | {"en/downloads/instruments/test-guidelines-en.pdf"}
    assert all("instruments/test-guidelines/en.md" in f.format() for f in outcome.failures)
    assert (tmp_path / "out/ar/downloads/instruments/test-rules-ar.pdf").is_file()
    assert (tmp_path / "out/zh/downloads/cluster-custody-zh.pdf").is_file()
    monkeypatch.undo()
    # 2. A rendering that fails in its worker process: the others still render and are cached.
    outcome = build(root / "content", tmp_path / "out2", tmp_path / "cache2", langs=["en"], epoch="1600000000",
                    render_fn=_fail_on_rules)
    assert {f.path for f in outcome.failures} == {"en/downloads/compendium-en.pdf",
                                                  "en/downloads/cluster-custody-en.pdf",
                                                  "en/downloads/instruments/test-rules-en.pdf"}
    by_path = {f.path: f.format() for f in outcome.failures}
    assert "simulated layout failure" in by_path["en/downloads/compendium-en.pdf"]
    assert "instruments/test-rules/en.md" in by_path["en/downloads/compendium-en.pdf"], "the likely culprit"
    assert set(outcome.rendered) == {"en/downloads/cluster-prevention-en.pdf", "en/downloads/cluster-governance-en.pdf",
                                     "en/downloads/instruments/test-guidelines-en.pdf",
                                     "en/downloads/resolutions/ecosoc-2000-1-en.pdf"}


@pytest.mark.slow
def test_build_command_puts_editions_in_the_site_and_keeps_the_old_site_on_failure(tmp_path, monkeypatch):
    content = make_content(tmp_path / "content")
    site = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    code, out = run("build", "--content", str(content), "--site-dir", str(site), "--lang", "en",
                    "--config", str(ROOT / "mkdocs.yml"))
    assert code == 0, out
    data = load_manifest("en", site)
    assert data and all((site / f["path"]).is_file() for f in data["files"])
    assert not (site / ".editions").exists()
    page = (site / "en/instruments/test-rules/index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/print.css" in page
    before = {p: sha256(p) for p in site.rglob("*") if p.is_file()}

    def broken(self):
        raise RuntimeError("cannot compose")
    monkeypatch.setattr(book_module.Chapter, "html", broken)
    (content / "instruments/test-rules/en.md").write_text(
        (content / "instruments/test-rules/en.md").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out = run("build", "--content", str(content), "--site-dir", str(site), "--lang", "en",
                    "--config", str(ROOT / "mkdocs.yml"))
    assert code == 1 and "instruments/test-rules/en.md" in out and "[en]" not in out.split("error:")[0]
    assert "the en edition en/downloads/compendium-en.pdf failed" in out
    assert {p: sha256(p) for p in site.rglob("*") if p.is_file()} == before, "the previous site is untouched"


# -- languages, real texts, the shipped content, and pictures to look at --------------------------------------------

def test_script_direction_and_fonts_come_from_the_locale(monkeypatch):
    from compendium import languages

    config = dict(languages.load_config())
    config = {"languages": {**config["languages"], "pt": {"name": "Português", "locale": "pt"},
                            "fa": {"name": "فارسی", "locale": "fa"}}}
    monkeypatch.setattr(languages, "load_config", lambda: config)
    assert script_of("pt") == "Latn" and direction("pt") == "ltr" and font_stacks("pt") == font_stacks("en")
    assert script_of("fa") == "Arab" and direction("fa") == "rtl", "no dir in the configuration: from the script"
    assert font_stacks("fa")[0][0] == "Noto Naskh Arabic"
    assert script_of("zh") == "Hans" and font_stacks("zh")[0][0] == "Noto Serif CJK SC"


@pytest.mark.slow
def test_a_seventh_language_is_printed_with_no_code_change(tmp_path, monkeypatch):
    from compendium import languages

    base = languages.load_config()
    config = {"languages": {**base["languages"], "pt": {"name": "Português", "locale": "pt"}}}
    monkeypatch.setattr(languages, "load_config", lambda: config)
    content = tmp_path / "content"
    adopted = "adopted_by: {body: ecosoc, resolution: 2000/1}\n"  # printed with the record it adopted
    write(content, "instruments/test-record/en.md",
          "---\nid: test-record\nkind: principles\ntitle: Test principles without a text\ncluster: governance\n"
          f"{adopted}completeness: none\n---\n")
    write(content, "resolutions/ecosoc-2000-1/en.md",
          f"---\nid: ecosoc-2000-1\nkind: resolution\ntitle: A resolution\n{adopted}completeness: complete\n---\n\n"
          "1. Decides.\n")
    write(content, "resolutions/ecosoc-2000-1/pt.md",
          f"---\nid: ecosoc-2000-1\nkind: resolution\ntitle: Uma resolução de teste\n{adopted}completeness: complete\n"
          "---\n\n1. Decide uma coisa, com acentuação: ação, coração.\n")
    outcome = build(content, tmp_path / "out", tmp_path / "cache", langs=["pt"])
    assert outcome.ok and outcome.rendered == ["pt/downloads/compendium-pt.pdf", "pt/downloads/cluster-governance-pt.pdf",
                                               "pt/downloads/resolutions/ecosoc-2000-1-pt.pdf"]
    reader = PdfReader(tmp_path / "out/pt/downloads/compendium-pt.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "pt"
    assert "Uma resolução de teste" in "".join(p.extract_text() for p in reader.pages)
    assert any("NotoSerif" in name.replace("-", "") for name in fonts(reader))


@pytest.mark.slow
def test_real_arabic_and_chinese_text_survive_typesetting(tmp_path):
    udhr = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "udhr"  # ../shared beside the repository
    texts = {lang: udhr / f"{lang}.txt" for lang in ("ar", "zh", "en")}
    if not all(p.is_file() for p in texts.values()):
        pytest.skip("the six-language test text is not there: it lives in ../shared/corpus/udhr")
    content = tmp_path / "content"
    for lang, path in texts.items():  # the same 25 numbered paragraphs in each language, as a translation has
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 30][:25]
        body = "\n\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))
        write(content, f"instruments/udhr-test/{lang}.md",
              f"---\nid: udhr-test\nkind: declaration\ntitle: '{lines[0][:40]}'\ncluster: governance\n"
              f"completeness: complete\n---\n\n{body}\n")
    del texts["en"]
    outcome = build(content, tmp_path / "out", tmp_path / "cache", langs=["ar", "zh"])
    assert outcome.ok
    for lang, path in texts.items():
        text = "".join(p.extract_text() for p in PdfReader(tmp_path / f"out/{lang}/downloads/instruments/"
                                                               f"udhr-test-{lang}.pdf").pages)
        source = path.read_text(encoding="utf-8")
        if lang == "zh":
            phrase = next(line for line in source.splitlines() if len(line) > 30)[:12]
            assert phrase in text.replace("\n", "").replace(" ", "")
        else:
            words = {unicodedata.normalize("NFKC", w) for line in source.splitlines()[:30] if len(line) > 30
                     for w in line.split() if len(w) > 3 and ARABIC.search(w) and w.isalpha()}
            found = {unicodedata.normalize("NFKC", w) for w in re.findall(r"\S+", text)}
            assert len(words & found) / len(words) > 0.8, "Arabic words come back whole from the text layer"


@pytest.mark.slow
def test_shipped_english_edition_lists_every_instrument(tmp_path):
    report = Report()
    corpus = load(ROOT / "content", report, only={"en"})
    assert not report.errors
    outcome = build_editions(corpus, tmp_path / "out", ["en"], tmp_path / "cache", content=ROOT / "content", workers=2)
    assert outcome.ok, [f.format() for f in outcome.failures]
    reader = PdfReader(tmp_path / "out/en/downloads/compendium-en.pdf")
    titles = {title for _d, title, _p in outline(reader)}
    printed = adopting_resolutions(corpus)
    assert {"ga-70-175", "ecosoc-1997-33"} <= printed
    expected = [d for d in corpus.documents if d.collection == "instruments" or d.id in printed]
    missing = [d.title for d in expected if d.title not in titles]
    assert not missing, missing
    others = {d.title for d in corpus.documents if d.collection == "resolutions" and d.id not in printed}
    others -= {d.title for d in expected}  # a resolution may bear the title of the instrument it recommends
    assert others and not others & titles  # every other resolution is on the site, not in print
    assert len(reader.pages) >= len(expected) + 3


@pytest.mark.slow
def test_pictures_of_the_arabic_and_chinese_editions(built):
    """Cover, contents and a text page as PNG in test-artifacts/, to look at; checked here for ink only."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    root, _ = built
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for lang in ("ar", "zh"):
        path = root / "out" / next(f["path"] for f in manifest(root, lang)["files"] if f["kind"] == "full")
        text_page = next(p for d, t, p in outline(PdfReader(path)) if t == TITLES[lang][0])
        for name, number in (("cover", 1), ("contents", 3), ("text", text_page), ("text-2", text_page + 1)):
            stem = ARTIFACTS / f"{lang}-{name}"
            subprocess.run(["pdftoppm", "-r", "60", "-f", str(number), "-l", str(number), "-png", "-singlefile",
                            str(path), str(stem)], check=True)
            image = Image.open(f"{stem}.png").convert("L")
            assert image.getextrema()[0] < 100, f"{stem}.png has text on it"


def test_the_editions_print_the_standards_and_the_resolutions_that_adopted_them(tmp_path):
    """As the printed compendium does: a resolution that adopted an instrument is printed with it; any other
    resolution has its page on the site only."""
    from compendium.editions.plan import book
    from compendium.loader import load
    from helpers import write

    meta = "---\nid: {id}\nkind: resolution\ntitle: A resolution written for this test\n" \
           "adopted_by: {{body: ecosoc, resolution: '{number}'}}\ncompleteness: complete\n---\n\n1. *Decides* x.\n"
    write(tmp_path, "resolutions/ecosoc-2001-1/en.md", meta.format(id="ecosoc-2001-1", number="2001/1"))
    write(tmp_path, "resolutions/ecosoc-2001-2/en.md", meta.format(id="ecosoc-2001-2", number="2001/2"))
    write(tmp_path, "instruments/test-rules/en.md",
          "---\nid: test-rules\nkind: rules\ntitle: Rules written for this test\ncluster: custody\n"
          "adopted_by: {body: ecosoc, resolution: '2001/2'}\ncompleteness: none\n---\n")
    report = Report()
    corpus = load(tmp_path, report)
    assert not report.errors, [d.format() for d in report.errors]
    printed = book(corpus, "en")
    assert [e.id for e in printed.resolutions] == ["ecosoc-2001-2"]
    assert [e.id for _cluster, entries in printed.parts for e in entries] == ["test-rules"]
