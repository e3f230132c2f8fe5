"""The recorded history (content/<collection>/<id>/history.yml): hostile input, recording from git, the
validator's warning, the shipped content's history being current, the Atom feed, and the same bytes from a
source archive without git."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from lxml import etree

from compendium.diagnostics import Report
from compendium.editions.provenance import edition_timestamp
from compendium.feed import feed_xml
from compendium.history import HISTORY_FILE, check_current, parse_history, read_history
from compendium.history_record import record
from compendium.i18n import gettext_for
from compendium.languages import known_languages
from compendium.loader import load
from compendium.pages import Site
from helpers import run

ROOT = Path(__file__).resolve().parents[1]
DOC = "resolutions/ga-77-241"
SHA = "a" * 64
ATOM = "{http://www.w3.org/2005/Atom}"


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A repository whose content folder holds one shipped document: added in English, then translated into
    French, then one paragraph of the English changed; the history recorded from it."""
    top = tmp_path_factory.mktemp("repo")
    content = top / "content"
    (content / DOC).mkdir(parents=True)
    git(top, "init", "-q", "-b", "main")
    shutil.copy(ROOT / "content" / DOC / "en.md", content / DOC / "en.md")
    git(top, "add", "-A")
    subprocess.run(["git", "commit", "-qm", "add"], cwd=top, check=True, env={**os.environ, **_dates("2024-01-02T10:00:00Z")})
    shutil.copy(ROOT / "content" / DOC / "fr.md", content / DOC / "fr.md")
    git(top, "add", "-A")
    subprocess.run(["git", "commit", "-qm", "translate"], cwd=top, check=True, env={**os.environ, **_dates("2024-02-03T23:30:00Z")})
    en = content / DOC / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("*Recalling* all", "*Recalling* also all", 1), encoding="utf-8")
    git(top, "add", "-A")
    subprocess.run(["git", "commit", "-qm", "fix"], cwd=top, check=True, env={**os.environ, **_dates("2024-03-04T08:00:00Z")})
    report = Report()
    written, total = record(content, report)
    assert not report.errors, report.errors
    assert len(written) == 1 and total == 3
    git(top, "add", "-A")
    subprocess.run(["git", "commit", "-qm", "history"], cwd=top, check=True, env={**os.environ, **_dates("2024-03-04T09:00:00Z")})
    return top


def _dates(when: str) -> dict[str, str]:
    return {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def test_the_history_records_each_change_with_its_day_and_word_diff(repo):
    history = read_history(repo / "content" / DOC / HISTORY_FILE, known_languages(), Report())
    en, fr = history.of("en"), history.of("fr")
    assert [(c.date, c.kind) for c in en] == [("2024-01-02", "document-added"), ("2024-03-04", "text-changed")]
    assert [(c.date, c.kind) for c in fr] == [("2024-02-03", "translation-added")]
    changed = en[-1].units
    assert len(changed) == 1 and ("+", "also ") in changed[0].diff or ("+", " also") in changed[0].diff
    assert en[-1].sha256 == hashlib.sha256((repo / "content" / DOC / "en.md").read_bytes()).hexdigest()


def test_recording_twice_changes_nothing_and_keeps_an_editors_note(repo):
    path = repo / "content" / DOC / HISTORY_FILE
    noted = path.read_text(encoding="utf-8").replace("  change: text-changed\n", "  change: text-changed\n  note: Typo.\n", 1)
    path.write_text(noted, encoding="utf-8")
    record(repo / "content", Report())  # the note is kept, in its place at the end of its change
    kept = path.read_text(encoding="utf-8")
    assert read_history(path, known_languages(), Report()).of("en")[-1].note == "Typo."
    report = Report()
    assert record(repo / "content", report)[0] == [] and not report.errors
    assert path.read_text(encoding="utf-8") == kept
    subprocess.run(["git", "commit", "-qam", "note"], cwd=repo, check=True, env={**os.environ, **_dates("2024-03-05T09:00:00Z")})


def test_an_uncommitted_change_is_recorded_today_and_validate_warns_until_then(repo, tmp_path):
    top = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(top))
    fr = top / "content" / DOC / "fr.md"
    fr.write_text(fr.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out = run("validate", "--content", str(top / "content"))
    assert code == 0 and "fr.md:1:1: warning: this file changed since its history was last recorded" in out
    assert "run `compendium history record`" in out and "en.md:1:1: warning: this file" not in out
    (top / "content" / DOC / "es.md").write_text((top / "content" / DOC / "fr.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert "es.md:1:1: warning: this file has no recorded history" in run("validate", "--content", str(top / "content"))[1]
    (top / "content" / DOC / "es.md").unlink()
    record(top / "content", Report(), today="2030-05-06")
    history = read_history(top / "content" / DOC / HISTORY_FILE, known_languages(), Report())
    assert (history.of("fr")[-1].date, history.of("fr")[-1].kind) == ("2030-05-06", "metadata-changed")
    report = Report()
    check_current(load(top / "content", Report()), report)
    assert report.warnings == []


@pytest.mark.parametrize("text, line, message", [
    ("en: [\n", 2, "YAML syntax error"),
    ("format: 1\nxx:\n- {date: '2024-01-01', change: document-added, sha256: " + SHA + "}\n", 2, "'xx' is not a known language"),
    ("format: 1\nen:\n- date: '2024-13-01x'\n  change: document-added\n  sha256: " + SHA + "\n", 3, "is not a day"),
    ("format: 1\nen:\n- date: '2024-01-01'\n  change: deleted\n  sha256: " + SHA + "\n", 3, "is not a kind of change"),
    ("format: 1\nen:\n- {date: '2024-01-01', change: document-added, sha256: abc}\n", 3, "not the 64 hexadecimal"),
    ("format: 1\nen:\n- {date: '2024-01-01', change: text-changed, sha256: " + SHA + ", units: [{id: para-1, diff: [[x, y]]}]}\n", 3, "a piece of the diff"),
    ("format: 1\nen:\n- {date: '2024-02-01', change: document-added, sha256: " + SHA + "}\n- {date: '2024-01-01', change: text-changed, sha256: " + SHA + "}\n", 2, "not in order of date"),
    ("format: 2\n", 1, "unknown history format"),
    ("- 1\n", 1, "a mapping of language codes"),
    ("en: &a [*a]\n", 1, "aliases"),
])
def test_a_bad_history_file_is_reported_with_its_line(text, line, message):
    report = Report()
    assert parse_history(Path("history.yml"), text, known_languages(), report) is None
    assert any(e.line == line and message in e.message for e in report.errors), report.errors


def test_the_shipped_content_s_history_is_current():
    """Every content file's last recorded SHA-256 is the file's: a change committed without
    `compendium history record` fails here."""
    stale = []
    for path in sorted((ROOT / "content").glob("*/*/*.md")):
        if path.stem not in known_languages():
            continue
        history = read_history(path.parent / HISTORY_FILE, known_languages(), Report()) if (path.parent / HISTORY_FILE).exists() else None
        last = history.last(path.stem) if history is not None else None
        if last is None or last.sha256 != hashlib.sha256(path.read_bytes()).hexdigest():
            stale.append(path.relative_to(ROOT).as_posix())
    assert stale == []


def test_the_feed_is_atom_dated_by_the_history_and_links_each_change(repo):
    corpus = load(repo / "content", Report())
    data = feed_xml(corpus, "en", "", gettext_for("en"))
    assert data == feed_xml(corpus, "en", "", gettext_for("en"))
    feed = etree.fromstring(data)
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, an author (or every entry has one);
    # 4.1.2: each entry exactly one id, title, updated and a link (no content); ids are IRIs; dates RFC 3339.
    assert feed.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(ATOM + name)) == 1
    assert feed.find(ATOM + "author/" + ATOM + "name").text
    # the feed names no outside address (the library's web site would be its generator's uri by default)
    assert feed.findtext(ATOM + "generator") == "compendium" and b"http" not in data.replace(b"http://www.w3.org/2005/Atom", b"")
    entries = feed.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "updated") for e in entries] == ["2024-03-04T00:00:00+00:00", "2024-01-02T00:00:00+00:00"]
    assert feed.findtext(ATOM + "updated") == "2024-03-04T00:00:00+00:00"
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + name)) == 1
        assert entry.findtext(ATOM + "id").startswith("tag:")
        href = entry.find(ATOM + "link").get("href")
        assert href.startswith("resolutions/ga-77-241/#change-en-")
    # the change the link names is on the page, with its diff
    html = Site(corpus, "en").document_page(corpus.get("ga-77-241", "en"), False).html()
    anchor = entries[0].find(ATOM + "link").get("href").split("#")[1]
    assert f'id="{anchor}"' in html and "<ins>" in html and 'datetime="2024-03-04"' in html
    absolute = etree.fromstring(feed_xml(corpus, "fr", "https://example.org/", gettext_for("fr")))
    assert [e.findtext(ATOM + "id") for e in absolute.findall(ATOM + "entry")][0].startswith(
        "https://example.org/fr/resolutions/ga-77-241/#change-fr-2024-02-03-")


def test_a_translation_s_history_says_when_the_source_changed_since(repo):
    corpus = load(repo / "content", Report())
    html = Site(corpus, "fr").document_page(corpus.get("ga-77-241", "fr"), False).html()
    assert 'class="cmp-history-source"' in html and "4 mars 2024" in html
    assert "change-en-" not in html  # its own language's changes only


@pytest.mark.slow
def test_a_build_from_a_source_archive_gives_the_same_bytes(repo, tmp_path):
    archive = tmp_path / "archive.tar"
    git(repo, "archive", "-o", str(archive), "HEAD")
    plain = tmp_path / "plain"
    with tarfile.open(archive) as tar:
        tar.extractall(plain, filter="data")
    assert not (plain / ".git").exists()
    for path in (repo / "content").rglob("*.md"):
        os.utime(path, (2_000_000_000, 2_000_000_000))  # other file times: they must not count
    sites = []
    for top in (repo, plain):
        site = tmp_path / f"site-{top.name}"
        done = subprocess.run([str(ROOT / ".venv/bin/compendium"), "build", "--content", str(top / "content"), "--no-pdf",
                               "--lang", "en", "--lang", "ar", "--site-dir", str(site), "--config", str(ROOT / "mkdocs.yml")],
                              cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert done.returncode == 0, done.stderr[-3000:]
        sites.append(site)
    # Pagefind writes its filters' table (pagefind.<lang>_<hash>.pf_meta, named in pagefind-entry.json) in the
    # order of a hash map: two builds of the same tree differ there, with git or without. Its fragments (what
    # each page says) are compared with everything else.
    def ours(p: Path) -> bool:
        return p.is_file() and not (p.suffix == ".pf_meta" or p.name == "pagefind-entry.json")

    files = [{p.relative_to(s).as_posix(): p.read_bytes() for p in sorted(s.rglob("*")) if ours(p)} for s in sites]
    assert sorted(files[0].keys() ^ files[1].keys()) == []
    assert [name for name in files[0] if files[0][name] != files[1][name]] == []
    assert b"change-en-2024-03-04" in files[0]["en/feed.xml"]
    assert edition_timestamp(repo / "content") == edition_timestamp(plain / "content") == 1709510400  # 2024-03-04
