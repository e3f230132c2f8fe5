"""A national-language edition is a configuration entry and a catalog: no code change.

Portuguese is added here through an alternative languages file and catalog folder (what a national
edition keeps), given to the `compendium` command as its settings in this process, then built, searched,
reported on and printed like the six.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from compendium.cli import main
from compendium.languages import config_path, known_languages
from compendium.settings import Settings, using

from test_language_data import PT_CITATIONS, PT_WORDS

ROOT = Path(__file__).resolve().parents[1]

PT_DOC = """---
id: ecosoc-2000-1
kind: resolution
title: Uma resolução escrita para este teste
adopted_by: {{body: ecosoc, resolution: 2000/1, meeting: 43rd plenary meeting, date: 2000-07-27}}
completeness: complete
translation: {{status: translated, source_hashes: {hashes}}}
---

*Recordando* o primeiro teste e a resolução 1999/1 do Conselho Económico e Social, parágrafo 2,

### Artigo 1

Decide uma coisa.

*43.ª sessão plenária*
*27 de julho de 2000*
"""
EN_DOC = """---
id: ecosoc-2000-1
kind: resolution
title: A resolution written for this test
adopted_by: {body: ecosoc, resolution: 2000/1, meeting: 43rd plenary meeting, date: 2000-07-27}
completeness: complete
---

*Recalling* the first test and Economic and Social Council resolution 1999/1, paragraph 2,

### Article 1

Decides one thing.

*43rd plenary meeting*
*27 July 2000*
"""
# The resolution the Portuguese text cites (in English only: its Portuguese page shows the English text).
CITED_DOC = """---
id: ecosoc-1999-1
kind: resolution
title: An earlier resolution written for this test
adopted_by: {body: ecosoc, resolution: 1999/1}
completeness: complete
---

1. Decides a first thing.

2. Decides a second thing.
"""
# Portuguese words of this test only (its data file, beside its languages file): no UN text is quoted.
PT_MEETING = r"""
meeting:
  read: |-
    (?P<n>\d+)\.?\s*[ªa]\s+sessão\s+plenária
  write: "{n} sessão plenária"
  ordinal: {"": ".ª"}
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    root = tmp_path_factory.mktemp("pt")
    config = yaml.safe_load((ROOT / "compendium" / "languages.yml").read_text(encoding="utf-8"))
    config["languages"]["pt"] = {"name": "Português", "dir": "ltr", "locale": "pt", "theme": "pt",
                                 "stemmer": "portuguese", "labels": {"article": ["Artigo"]}}
    (root / "languages.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (root / "languages").mkdir()
    (root / "languages" / "pt.yml").write_text(PT_WORDS + PT_CITATIONS + PT_MEETING, encoding="utf-8")
    translations = root / "translations"
    shutil.copytree(ROOT / "translations", translations, ignore=shutil.ignore_patterns("*.mo"))
    en_po = translations / "en" / "LC_MESSAGES" / "messages.po"
    if not en_po.exists():
        pytest.fail("translations/en/LC_MESSAGES/messages.po is missing")
    pt_po = translations / "pt" / "LC_MESSAGES" / "messages.po"
    pt_po.parent.mkdir(parents=True)
    text = en_po.read_text(encoding="utf-8").replace('msgid "Resolutions"\nmsgstr "Resolutions"',
                                                     'msgid "Resolutions"\nmsgstr "Resoluções"')
    pt_po.write_text(text.replace("Language: en", "Language: pt"), encoding="utf-8")
    portuguese = Settings(languages=root / "languages.yml", translations=translations)
    content = root / "content" / "resolutions" / "ecosoc-2000-1"
    content.mkdir(parents=True)
    (content / "en.md").write_text(EN_DOC, encoding="utf-8")
    cited = root / "content" / "resolutions" / "ecosoc-1999-1"
    cited.mkdir(parents=True)
    (cited / "en.md").write_text(CITED_DOC, encoding="utf-8")
    # The instrument the resolution adopted: the printed editions hold the resolution with it.
    record = root / "content" / "instruments" / "test-record"
    record.mkdir(parents=True)
    (record / "en.md").write_text("---\nid: test-record\nkind: principles\ntitle: Test principles without a text\n"
                                  "cluster: governance\nadopted_by: {body: ecosoc, resolution: 2000/1}\n"
                                  "completeness: none\n---\n", encoding="utf-8")

    def cli(*args: str) -> Result:
        """The command in this process, with the national edition's settings instead of the environment's."""
        return CliRunner().invoke(main, list(args), obj=portuguese, catch_exceptions=False)

    from compendium.diagnostics import Report
    from compendium.loader import load

    source = load(root / "content", Report()).get("ecosoc-2000-1", "en")
    hashes = {u.id: u.hash for u in source.walk()}
    (content / "pt.md").write_text(PT_DOC.format(hashes=json.dumps(hashes)), encoding="utf-8")
    return root, cli


def test_portuguese_validates_and_parses_to_the_same_ids(edition):
    root, cli = edition
    result = cli("validate", "--content", str(root / "content"))
    assert result.exit_code == 0, result.stderr
    data = json.loads(cli("export", "json", "--content", str(root / "content"), "--lang", "pt").stdout)
    ids = [u["id"] for u in data["documents"][0]["units"]]
    assert "article-1" in ids and "preamble-1" in ids


def test_portuguese_citations_and_adoption_line_come_from_its_data(edition):
    root, _cli = edition
    from compendium.citations import citation_index
    from compendium.diagnostics import Report
    from compendium.loader import load
    from compendium.render import Renderer

    with using(Settings(languages=root / "languages.yml", translations=root / "translations")):
        corpus = load(root / "content", Report())
        doc = corpus.get("ecosoc-2000-1", "pt")
        assert [u.id for u in doc.units][-1] == "adoption", "the Portuguese adoption line is recognised"
        renderer = Renderer(doc, "pt", citations=citation_index(corpus))
        text, facts = str(renderer.text()), str(renderer.metadata())
    # The mention of resolution 1999/1 and its paragraph links to that place of the cited text.
    assert text.count('href="../ecosoc-1999-1/#para-2"') == 2  # the resolution and its paragraph
    assert "43.ª sessão plenária" in facts and "plenary meeting" not in facts
    assert "27 de julho de 2000" in facts  # the date, from Babel in the reader's language


def test_the_settings_apply_to_the_command_only(edition):
    root, cli = edition
    result = cli("export", "json", "--content", str(root / "content"), "--lang", "xx")
    assert result.exit_code == 2 and "'xx' is not one of 'ar', 'en', 'es', 'fr', 'pt', 'ru', 'zh'" in result.stderr
    assert "pt" not in known_languages() and config_path() == ROOT / "compendium" / "languages.yml", \
        "the previous settings are back once the command is done"


@pytest.mark.slow
def test_portuguese_site_and_edition_build_with_its_catalog_and_search(edition):
    root, cli = edition
    site = root / "site"
    # The site builds run in worker processes: they get the settings from the Settings object, as variables.
    result = cli("build", "--content", str(root / "content"), "--site-dir", str(site), "--lang", "pt", "--lang", "en",
                 "--config", str(ROOT / "mkdocs.yml"))
    assert result.exit_code == 0, result.stderr[-3000:]
    page = (site / "pt" / "resolutions" / "ecosoc-2000-1" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="pt" dir="ltr"' in page
    assert "Uma resolução escrita para este teste" in page
    assert "Resoluções" in page  # the interface string from the Portuguese catalog
    # Its own search index, in Portuguese, holding the Portuguese text (compendium/search.py, Pagefind).
    from compendium.search import OUTPUT, fragments

    assert '"pt"' in (site / "pt" / OUTPUT / "pagefind-entry.json").read_text(encoding="utf-8")
    records = {r["url"]: r for r in fragments(site / "pt").values()}
    assert "Recordando" in records["/resolutions/ecosoc-2000-1/"]["content"]
    assert "Português" in (site / "index.html").read_text(encoding="utf-8")
    from pypdf import PdfReader

    book = PdfReader(site / "pt" / "downloads" / "compendium-pt.pdf")
    text = "".join(page.extract_text() for page in book.pages)
    assert "Uma resolução escrita para este teste" in text and "Decide uma coisa" in text
    assert "/Lang" in book.trailer["/Root"] and str(book.trailer["/Root"]["/Lang"]).startswith("pt")


def test_portuguese_appears_in_the_status(edition):
    root, cli = edition
    result = cli("status", "--content", str(root / "content"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    documents = {d["id"]: d for d in json.loads(result.stdout)["documents"]}
    # Its adoption line is recognised, so the translation holds every unit of the source: not outdated.
    cell = documents["ecosoc-2000-1"]["languages"]["pt"]
    assert cell["status"] == "translated", cell


@pytest.mark.slow
def test_a_language_the_theme_lacks_builds_from_configuration_alone(tmp_path):
    """Swahili: a languages file, a data file and a catalog in a folder of their own; the theme ships no
    Swahili interface file, so its English strings stand in, ours come from the Swahili catalog."""
    config = yaml.safe_load((ROOT / "compendium" / "languages.yml").read_text(encoding="utf-8"))
    config["languages"] = {"en": config["languages"]["en"],
                           "sw": {"name": "Kiswahili", "dir": "ltr", "locale": "sw", "theme": "sw"}}
    (tmp_path / "languages.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (tmp_path / "languages").mkdir()
    # Month names for dates in the reader's language are Babel's; the data file holds the words the engine reads.
    (tmp_path / "languages" / "sw.yml").write_text(
        "months: [Januari, Februari, Machi, Aprili, Mei, Juni, Julai, Agosti, Septemba, Oktoba, Novemba, Desemba]\n",
        encoding="utf-8")
    translations = tmp_path / "translations"
    (translations / "sw" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copytree(ROOT / "translations" / "en", translations / "en", ignore=shutil.ignore_patterns("*.mo"))
    en_po = (translations / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    (translations / "sw" / "LC_MESSAGES" / "messages.po").write_text(en_po.replace("Language: en", "Language: sw"),
                                                                    encoding="utf-8")
    content = tmp_path / "content" / "resolutions" / "ecosoc-2000-1"
    content.mkdir(parents=True)
    (content / "en.md").write_text(EN_DOC, encoding="utf-8")
    swahili = Settings(languages=tmp_path / "languages.yml", translations=translations)
    result = CliRunner().invoke(main, ["build", "--no-pdf", "--content", str(tmp_path / "content"), "--site-dir",
                                       str(tmp_path / "site"), "--lang", "sw", "--config", str(ROOT / "mkdocs.yml")],
                                obj=swahili, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "sw" / "resolutions" / "ecosoc-2000-1" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sw" dir="ltr"' in page
    assert "A resolution written for this test" in page
    assert "TemplateNotFound" not in result.stderr
