"""translate-export / translate-import: a translation through XLIFF 1.2 and back, as a CAT tool would handle it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import factory

from compendium.diagnostics import Report
from compendium.loader import load
from compendium.translating.display import Printer
from compendium.translating.markers import MARKER
from compendium.translating.xliff import NS
from helpers import run, snapshot

SHIPPED = Path(__file__).resolve().parent.parent / "content"
DOC = "ga-80-226"
X = f"{{{NS}}}"


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content" / "resolutions" / DOC
    shutil.copytree(SHIPPED / "resolutions" / DOC, folder)
    return tmp_path / "content"


def export(content: Path, tmp: Path, lang: str = "fr") -> Path:
    out = tmp / f"{DOC}.{lang}.xlf"
    code, text = run("translate-export", DOC, "--lang", lang, "--content", str(content), "--out", str(out))
    assert code == 0, text
    return out


def import_(content: Path, xlf: Path, *extra: str) -> tuple[int, str]:
    return run("translate-import", str(xlf), "--content", str(content), *extra)


def units(content: Path, lang: str = "fr") -> dict[str, tuple[str | None, str]]:
    corpus = load(content, Report())
    return {u.id: (u.heading, u.text) for u in corpus.get(DOC, lang).walk()}


def trans_unit(xlf: Path, sid: str) -> etree._Element:
    return etree.parse(str(xlf)).getroot().find(f".//{X}trans-unit[@id='{sid}']")


def set_target(xlf: Path, sid: str, text: str) -> None:
    """As a CAT tool would: translate-toolkit opens the file, sets one target and saves it."""
    store = factory.getobject(str(xlf))
    unit = next(u for u in store.units if u.xmlelement.get("id") == sid)
    old = unit.xmlelement.find(f"{X}target")
    if old is not None:  # the segment retyped: translate-toolkit would keep the old target's tags after the text
        unit.xmlelement.remove(old)
    unit.target = text
    store.save()


def test_export_has_one_segment_per_unit_with_state_notes_hashes_and_protected_markup(content, tmp_path):
    xlf = export(content, tmp_path)
    root = etree.parse(str(xlf)).getroot()
    assert root.get("version") == "1.2" and root.nsmap[None] == NS
    ids = [t.get("id") for t in root.iter(f"{X}trans-unit")]
    corpus = load(content, Report())
    source = corpus.get(DOC, "en")
    # the front matter's texts first (this one has a title only), then the units in document order; no unit
    # here has both a heading and a text
    assert ids == ["front-matter/title"] + [u.id for u in source.walk()]
    assert [g.get("id") for g in root.iter(f"{X}group")] == ["annex"]
    para = trans_unit(xlf, "preamble-2")
    assert para.find(f"{X}target").get("state") == "final"  # an official translation, up to date
    call = para.find(f"{X}source/{X}ph")
    assert call.get("ctype") == "x-footnote-call" and call.text == "[^1]"
    assert "A/RES/80/226" in para.find(f"{X}note").text
    hashes = {c.get("context-type"): c.text for c in para.iter(f"{X}context")}
    assert hashes["x-source-hash"] == next(u.hash for u in source.walk() if u.id == "preamble-2")
    note = trans_unit(xlf, "fn-1")
    link = note.find(f"{X}source/{X}ept")
    assert link.text == "](https://docs.un.org/en/A/RES/76/181)"  # the address cannot be edited as text
    assert "called from preamble-2" in note.find(f"{X}note").text


def test_round_trip_with_no_edit_changes_nothing_even_after_a_cat_tool_saved_it(content, tmp_path):
    before = snapshot(content)
    xlf = export(content, tmp_path)
    code, out = import_(content, xlf)
    assert code == 0 and "nothing to import" in out
    store = factory.getobject(str(xlf))  # opened and saved by translate-toolkit with no edit
    store.save()
    code, out = import_(content, xlf)
    assert code == 0 and "nothing to import" in out
    assert snapshot(content) == before


def test_an_edited_segment_changes_that_unit_only(content, tmp_path):
    path = content / "resolutions" / DOC / "fr.md"
    before_text = path.read_text(encoding="utf-8")
    before = units(content)
    xlf = export(content, tmp_path)
    set_target(xlf, "annex-para-3", "Un nouveau texte du paragraphe 3.")
    code, out = import_(content, xlf)
    assert code == 0, out
    after = units(content)
    changed = [uid for uid in before if before[uid] != after[uid]]
    assert changed == ["annex-para-3"] and after["annex-para-3"][1] == "Un nouveau texte du paragraphe 3."
    old_lines, new_lines = before_text.split("\n"), path.read_text(encoding="utf-8").split("\n")
    assert len(old_lines) == len(new_lines)
    assert [n for o, n in zip(old_lines, new_lines) if o != n] == ["3. Un nouveau texte du paragraphe 3."]


def test_a_draft_translation_round_trips_and_a_translated_segment_loses_its_marker(content, tmp_path):
    (content / "resolutions" / DOC / "fr.md").unlink()
    code, out = run("translate-init", DOC, "--lang", "fr", "--content", str(content))
    assert code == 0, out
    before = snapshot(content)
    marked = sum(MARKER in (h or "") + t for h, t in units(content).values())
    xlf = export(content, tmp_path)
    states = {t.get("id"): t.find(f"{X}target").get("state") for t in etree.parse(str(xlf)).iter(f"{X}trans-unit")}
    assert set(states.values()) == {"new"}
    assert MARKER not in xlf.read_text(encoding="utf-8")  # the marker is the content file's, not the translator's
    code, out = import_(content, xlf)
    assert code == 0 and snapshot(content) == before
    assert trans_unit(xlf, "annex-h-2").find(f"{X}source").text == "Introduction"  # its number "A\\. " stays out
    before_units = units(content)
    set_target(xlf, "annex-h-2", "Présentation")
    code, out = import_(content, xlf)
    assert code == 0, out
    after = units(content)
    assert after["annex-h-2"] == ("A\\. Présentation", "")
    assert sum(MARKER in (h or "") + t for h, t in after.values()) == marked - 1
    assert [uid for uid in after if after[uid] != before_units[uid]] == ["annex-h-2"]
    cell = [c for c in load(content, Report()).documents if c.id == DOC and c.lang == "fr"][0]
    assert cell.meta.translation.status == "draft"


def test_a_file_made_from_an_older_source_is_refused_with_the_changed_units(content, tmp_path):
    xlf = export(content, tmp_path)
    set_target(xlf, "annex-para-3", "Un nouveau texte.")
    source = content / "resolutions" / DOC / "en.md"
    text = source.read_text(encoding="utf-8")
    assert text.count("the work undertaken") == 1
    source.write_text(text.replace("the work undertaken", "the valuable work undertaken"), encoding="utf-8")
    changed = [uid for uid, (h, t) in units(content, "en").items() if "valuable work" in t]
    before = snapshot(content)
    code, out = import_(content, xlf)
    assert code == 1 and "older" in out and changed and all(uid in out for uid in changed)
    assert "translate-export" in out and str(xlf) in out
    assert snapshot(content) == before
    code, out = import_(content, xlf, "--force")  # imported as a translation of the old source
    assert code == 0, out
    assert units(content)["annex-para-3"][1] == "Un nouveau texte."


def test_a_unit_edited_in_the_content_file_since_the_export_is_not_overwritten_unasked(content, tmp_path):
    xlf = export(content, tmp_path)
    set_target(xlf, "annex-para-3", "Texte du fichier XLIFF.")
    path = content / "resolutions" / DOC / "fr.md"
    old = units(content)["annex-para-3"][1]
    path.write_text(path.read_text(encoding="utf-8").replace(old, "Texte corrigé dans le fichier."), encoding="utf-8")
    code, out = import_(content, xlf)
    assert code == 1 and "annex-para-3" in out and "--force" in out
    assert units(content)["annex-para-3"][1] == "Texte corrigé dans le fichier."


def _edit(xlf: Path, change) -> None:
    tree = etree.parse(str(xlf))
    change(tree.getroot())
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("case, expected", [
    ("malformed", "not a well-formed XLIFF"),
    ("wrong document", "not in"),
    ("unknown unit", "para-99"),
    ("tags removed", "inline tags"),
    ("foreign tag", "<g>"),
    ("not a content file", "names no content file"),
])
def test_hostile_files_get_a_clear_error_and_change_nothing(content, tmp_path, case, expected):
    xlf = export(content, tmp_path)
    if case == "malformed":
        xlf.write_text(xlf.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    elif case == "wrong document":
        _edit(xlf, lambda r: r.find(f"{X}file").set("original", "resolutions/ga-99-999/fr.md"))
    elif case == "unknown unit":
        _edit(xlf, lambda r: r.find(f".//{X}trans-unit[@id='para-3']").set("id", "para-99"))
    elif case == "tags removed":
        set_target(xlf, "preamble-2", "Rappelant, sans appel de note ni italique,")
    elif case == "foreign tag":
        def g(root):
            target = root.find(f".//{X}trans-unit[@id='para-2']/{X}target")
            etree.SubElement(target, f"{X}g", id="9").text = "x"
        _edit(xlf, g)
    elif case == "not a content file":
        _edit(xlf, lambda r: r.find(f"{X}file").set("original", "notes.txt"))
    before = snapshot(content)
    code, out = import_(content, xlf)  # run() lets a traceback through: the test would fail on one
    assert code == 1 and out.startswith("error: ") and expected in out, out
    assert str(xlf) in out
    assert snapshot(content) == before


def test_export_does_not_replace_a_file_unasked(content, tmp_path):
    xlf = export(content, tmp_path)
    xlf.write_text("keep me", encoding="utf-8")
    code, out = run("translate-export", DOC, "--lang", "fr", "--content", str(content), "--out", str(xlf))
    assert code == 1 and "--force" in out and xlf.read_text(encoding="utf-8") == "keep me"
    code, out = run("translate-export", DOC, "--lang", "fr", "--content", str(content), "--out", str(xlf), "--force")
    assert code == 0 and xlf.read_text(encoding="utf-8").startswith("<?xml")


def test_translate_diff_marks_changes_in_plain_text_when_not_on_a_terminal(capsys):
    Printer("auto").diff([("equal", "an "), ("delete", "appropriate"), ("insert", "suitable"), ("equal", " way")])
    assert "an [-appropriate-]{+suitable+} way" in capsys.readouterr().out


def test_a_translation_that_declares_a_source_unit_absent_round_trips(tmp_path):
    # An official translation may lack a unit of its source (translation.absent): the import parses the
    # translated text as the loader does, so the units after the absent one keep the source's ids.
    from helpers import write

    head = "---\nid: ecosoc-2000-9\nkind: resolution\ntitle: {t}\ncompleteness: complete\n{extra}---\n\n"
    write(tmp_path, "resolutions/ecosoc-2000-9/en.md", head.format(t="Nine", extra="") +
          "*Considering* one,\n\n*Now, therefore,*\n\n*Proclaims* three,\n\n1. *Decides* four.\n")
    write(tmp_path, "resolutions/ecosoc-2000-9/fr.md", head.format(
        t="Neuf", extra="translation: {status: official, absent: [preamble-2]}\n") +
        "*Considérant* un,\n\n*Proclame* trois,\n\n1. *Décide* quatre.\n")
    out = tmp_path / "fr.xlf"
    code, text = run("translate-export", "ecosoc-2000-9", "--lang", "fr", "--content", str(tmp_path),
                     "--out", str(out))
    assert code == 0, text
    ids = [u.get("id") for u in etree.parse(str(out)).getroot().iter(f"{X}trans-unit")]
    assert "preamble-2" not in ids and "preamble-3" in ids, ids
    set_target(out, "para-1", "*Décide* quatre fois.")
    code, text = run("translate-import", str(out), "--content", str(tmp_path))
    assert code == 0, text
    fr = load(tmp_path, Report()).get("ecosoc-2000-9", "fr")
    assert fr.unit_ids() == ["preamble-1", "preamble-3", "para-1"]
    assert "quatre fois" in dict((u.id, u.text) for u in fr.walk())["para-1"]


def test_the_title_travels_as_a_segment_and_comes_back_into_the_front_matter(content, tmp_path):
    path = content / "resolutions" / DOC / "fr.md"
    before = path.read_text(encoding="utf-8")
    xlf = export(content, tmp_path)
    unit = trans_unit(xlf, "front-matter/title")
    en_title = load(content, Report()).get(DOC, "en").title
    assert "".join(unit.find(f"{X}source").itertext()) == en_title
    fr_title = load(content, Report()).get(DOC, "fr").title
    assert "".join(unit.find(f"{X}target").itertext()) == fr_title
    set_target(xlf, "front-matter/title", "Un titre revu : « règles » et 2025")
    code, out = import_(content, xlf)
    assert code == 0, out
    fr = load(content, Report()).get(DOC, "fr")
    assert fr.title == "Un titre revu : « règles » et 2025"
    old_lines, new_lines = before.split("\n"), path.read_text(encoding="utf-8").split("\n")
    changed = [n for n in new_lines if n not in old_lines]
    assert changed == ['title: "Un titre revu : « règles » et 2025"'], changed
    assert units(content) == {u.id: (u.heading, u.text) for u in fr.walk()}
    code, out = run("validate", "--content", str(content))
    assert code == 0, out


def test_a_title_with_tags_or_two_lines_is_refused(content, tmp_path):
    path = content / "resolutions" / DOC / "fr.md"
    before = path.read_bytes()
    xlf = export(content, tmp_path)
    set_target(xlf, "front-matter/title", "Ligne une\nligne deux")
    code, out = import_(content, xlf)
    assert code == 1 and "front-matter/title" in out and "one line" in out, out
    assert path.read_bytes() == before
