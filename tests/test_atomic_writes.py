"""Nothing is lost or overwritten: every write is atomic (compendium/atomic.py), import and the translators'
commands never replace a file without --force, and a full disk or a read-only file is one line, not a traceback.

The tests run as root, where chmod stops no write: faults are injected by making os.write, os.open or
os.replace fail the way the system would.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from click.testing import CliRunner

from compendium import atomic
from compendium.atomic import WriteError, line_ending, split_lines, write_bytes, write_many, write_text
from compendium.cli import main
from helpers import write


def run(*args: str) -> tuple[int, str]:
    """The exit code and what a terminal would show (standard output and error, each line once)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output

DOC = "ecosoc-1999-1"
SRC = f"resolutions/{DOC}/en.md"
SOURCE = """---
id: ecosoc-1999-1
kind: resolution
title: A resolution written for this test
adopted_by: {body: ecosoc, resolution: 1999/1, date: '1999-07-28'}
completeness: complete
---

*The Economic and Social Council*,

1. *Decides* that the first paragraph says something long enough to be cut off in the middle of a word;

2. *Requests* a second paragraph;

3. *Decides* to remain seized of the matter.
"""

TWO = ("1999/2. A first test\n\nThe Economic and Social Council,\n\n1. *Decides* it.\n\n2nd plenary meeting\n"
       "2 February 1999\n\n1999/3. A second test\n\nThe Economic and Social Council,\n\n1. *Decides* more.\n\n"
       "3rd plenary meeting\n3 February 1999\n")
ONE = "1999/2. A test\n\nThe Economic and Social Council,\n\n1. *Decides* it.\n\n2nd plenary meeting\n2 February 1999\n"

REASONS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
           errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied"}


# -- fault injection ------------------------------------------------------------------------------------

def full_disk(monkeypatch, after: int, code: int = errno.ENOSPC) -> None:
    """os.write into a file writes `after` bytes in all, the last call short, then fails like a full disk."""
    real = os.write
    left = [after]

    def fake(fd, data):
        if fd <= 2:
            return real(fd, data)
        if left[0] <= 0:
            raise OSError(code, os.strerror(code))
        n = min(len(data), left[0])
        left[0] -= n
        return real(fd, bytes(data[:n]))
    monkeypatch.setattr(os, "write", fake)


def read_only_replace(monkeypatch, code: int = errno.EROFS) -> None:
    def fake(src, dst, **kwargs):
        raise OSError(code, os.strerror(code), str(dst))
    monkeypatch.setattr(os, "replace", fake)


def refused_open(monkeypatch, code: int = errno.EACCES) -> None:
    real = os.open

    def fake(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real(path, flags, *args, **kwargs)
    monkeypatch.setattr(os, "open", fake)


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_one_line_error(out: str, path: Path, code: int) -> None:
    assert "Traceback" not in out and "OSError" not in out, out
    lines = [line for line in out.splitlines() if path.name in line and "error" in line]
    assert len(lines) == 1, out
    assert str(path) in lines[0] and REASONS[code] in lines[0] and "nothing was written" in lines[0], out


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    write(folder, SRC, SOURCE)
    return folder


def translation(content: Path) -> Path:
    code, out = run("translate-init", DOC, "--lang", "fr", "--content", str(content))
    assert code == 0, out
    return content / f"resolutions/{DOC}/fr.md"


def mark(content: Path, *extra: str) -> tuple[int, str]:
    return run("translate-mark", DOC, "--lang", "fr", "--content", str(content), *(extra or ("--all",)))


# -- translate-mark and translate-init on a full disk, a read-only file system, a refused file -------------

@pytest.mark.parametrize("after", [0, 40, 300])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_during_translate_mark_leaves_the_translation_whole(content, monkeypatch, after, code):
    fr = translation(content)
    before = snapshot(content)
    full_disk(monkeypatch, after, code)
    status, out = mark(content, "--all", "--status", "draft")
    assert status != 0
    assert snapshot(content) == before and not temp_files(content)
    assert_one_line_error(out, fr, code)


@pytest.mark.parametrize("inject, code", [(read_only_replace, errno.EROFS), (refused_open, errno.EACCES)])
def test_a_read_only_file_during_translate_mark_is_one_line(content, monkeypatch, inject, code):
    fr = translation(content)
    before = snapshot(content)
    inject(monkeypatch, code)
    status, out = mark(content)
    assert status != 0 and snapshot(content) == before and not temp_files(content)
    assert_one_line_error(out, fr, code)


def test_a_full_disk_during_translate_init_creates_nothing(content, monkeypatch):
    before = snapshot(content)
    full_disk(monkeypatch, 100)
    code, out = run("translate-init", DOC, "--lang", "fr", "--content", str(content))
    assert code != 0 and snapshot(content) == before and not temp_files(content)
    assert_one_line_error(out, content / f"resolutions/{DOC}/fr.md", errno.ENOSPC)


def test_a_full_disk_during_translate_init_force_keeps_the_old_translation(content, monkeypatch):
    fr = translation(content)
    fr.write_bytes(fr.read_bytes() + "\nMy own work, not yet saved anywhere else.\n".encode())
    before = snapshot(content)
    full_disk(monkeypatch, 500)
    code, out = run("translate-init", DOC, "--lang", "fr", "--content", str(content), "--force")
    assert code != 0 and snapshot(content) == before and not temp_files(content)
    assert_one_line_error(out, fr, errno.ENOSPC)


# -- line endings, byte order mark, permissions -------------------------------------------------------------

def test_translate_mark_keeps_a_crlf_file_crlf(content, tmp_path):
    fr = translation(content)
    lf_result = content.parent / "lf"
    # The same file with LF, marked, is what the CRLF file must become with CRLF.
    import shutil
    shutil.copytree(content, lf_result)
    assert mark(lf_result)[0] == 0
    expected = (lf_result / f"resolutions/{DOC}/fr.md").read_bytes()
    assert b"\r" not in expected  # an LF file stays LF
    fr.write_bytes(fr.read_bytes().replace(b"\n", b"\r\n"))
    code, out = mark(content)
    assert code == 0, out
    got = fr.read_bytes()
    assert got == expected.replace(b"\n", b"\r\n")
    assert b"source_hashes:" in got and re.search(rb"[^\r]\n", got) is None


def test_translate_mark_keeps_a_mixed_file_as_it_was_outside_the_block(content):
    fr = translation(content)
    data = fr.read_bytes()
    head, sep, body = data.partition(b"\n---\n")
    body = b"\r\n".join(body.split(b"\n"))  # the body in CRLF, the front matter in LF: mostly CRLF in all
    fr.write_bytes(b"\xef\xbb\xbf" + head + sep + body)  # and a byte order mark
    fr.chmod(0o640)
    before_lines = split_lines(fr.read_bytes().decode("utf-8"))
    code, out = mark(content, "--all", "--status", "draft")
    assert code == 0, out
    after = fr.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\n")
    assert after.endswith(body)  # every line of the body byte for byte
    after_lines = split_lines(after.decode("utf-8"))
    kept = [pair for pair in before_lines if not pair[0].startswith(("translation:", "  ", "    "))]
    assert [pair for pair in after_lines if pair in kept] == kept  # every other line with its own ending
    assert fr.stat().st_mode & 0o777 == 0o640


# -- import: never overwrite without --force, a duplicate id is an error ------------------------------------

def test_import_refuses_to_replace_a_file_and_force_replaces_it(tmp_path):
    source = write(tmp_path, "in.txt", ONE)
    out = tmp_path / "content"
    target = write(out, "resolutions/ecosoc-1999-2/en.md", "---\nid: ecosoc-1999-2\n---\nAn editor's own file.\n")
    code, output = run("import", str(source), "--lang", "en", "--out", str(out))
    assert code == 1 and target.read_text(encoding="utf-8").endswith("An editor's own file.\n")
    line = next(line for line in output.splitlines() if str(target) in line)
    assert "exists already" in line and "--force" in line and "move it" in line
    code, output = run("import", str(source), "--lang", "en", "--out", str(out), "--force")
    assert code == 0 and "1. *Decides* it." in target.read_text(encoding="utf-8")


def test_import_to_one_named_file_refuses_too(tmp_path):
    source = write(tmp_path, "in.txt", ONE)
    target = write(tmp_path, "mine.md", "hand-written\n")
    code, output = run("import", str(source), "--lang", "en", "--out", str(target))
    assert code == 1 and target.read_text(encoding="utf-8") == "hand-written\n" and "--force" in output


def test_a_refusal_writes_nothing_even_when_one_target_of_several_exists(tmp_path):
    source = write(tmp_path, "in.txt", TWO)
    out = tmp_path / "content"
    write(out, "resolutions/ecosoc-1999-3/en.md", "mine\n")
    before = snapshot(out)
    code, output = run("import", str(source), "--lang", "en", "--out", str(out))
    assert code == 1 and snapshot(out) == before  # ecosoc-1999-2, which does not exist, was not written either
    assert "ecosoc-1999-3" in output and "ecosoc-1999-2/en.md" not in output
    code, output = run("import", str(source), "--lang", "en", "--out", str(out), "--force")
    assert code == 0 and set(snapshot(out)) == {"resolutions/ecosoc-1999-2/en.md", "resolutions/ecosoc-1999-3/en.md"}


def test_a_duplicate_id_in_one_input_is_an_error_and_nothing_is_written(tmp_path):
    source = write(tmp_path, "in.txt", TWO.replace("1999/3. A second", "1999/2. A second"))
    out = tmp_path / "content"
    code, output = run("import", str(source), "--lang", "en", "--out", str(out))
    assert code == 1 and not out.exists()
    line = next(line for line in output.splitlines() if "ecosoc-1999-2" in line)
    assert line.startswith(f"{source}:10:1: error:") and "line 1" in line  # the input, both occurrences
    code, output = run("import", str(source), "--lang", "en")  # not even on standard output
    assert code == 1 and "1. *Decides* more." not in output


def test_import_keeps_the_line_endings_of_a_file_it_is_told_to_replace(tmp_path):
    source = write(tmp_path, "in.txt", ONE)
    target = write(tmp_path, "content/resolutions/ecosoc-1999-2/en.md", b"old\r\nfile\r\n")
    code, _ = run("import", str(source), "--lang", "en", "--out", str(tmp_path / "content"), "--force")
    data = target.read_bytes()
    assert code == 0 and b"Decides" in data and re.search(rb"[^\r]\n", data) is None


@pytest.mark.parametrize("in_second", [False, True])
def test_a_full_disk_during_import_changes_nothing(tmp_path, monkeypatch, in_second):
    from compendium.importer import import_text

    first = import_text(TWO, "en")[0]
    assert first.id == "ecosoc-1999-2"
    after = len(first.markdown.encode()) + 20 if in_second else 0  # the disk fills in the second file
    source = write(tmp_path, "in.txt", TWO)
    out = tmp_path / "content"
    write(out, "resolutions/ecosoc-1999-3/en.md", "an older import, corrected by hand\n")
    before = snapshot(out)
    full_disk(monkeypatch, after)
    code, output = run("import", str(source), "--lang", "en", "--out", str(out), "--force")
    assert code != 0 and snapshot(out) == before and not temp_files(out)  # neither file: all or none
    failed = out / "resolutions" / ("ecosoc-1999-3" if in_second else "ecosoc-1999-2") / "en.md"
    assert_one_line_error(output, failed, errno.ENOSPC)


# -- export json --out ----------------------------------------------------------------------------------

@pytest.mark.parametrize("inject, code", [(read_only_replace, errno.EROFS), (full_disk, errno.ENOSPC)])
def test_a_failed_export_keeps_the_previous_file(content, tmp_path, monkeypatch, inject, code):
    target = tmp_path / "corpus.json"
    target.write_bytes(b'{"previous": true}\n')
    if inject is full_disk:
        full_disk(monkeypatch, 10, code)
    else:
        inject(monkeypatch, code)
    status, out = run("export", "json", "--content", str(content), "--out", str(target))
    assert status != 0 and target.read_bytes() == b'{"previous": true}\n' and not temp_files(tmp_path)
    assert_one_line_error(out, target, code)
    monkeypatch.undo()
    status, out = run("export", "json", "--content", str(content), "--out", str(target))
    assert status == 0 and DOC in target.read_text(encoding="utf-8")


# -- the writer itself ----------------------------------------------------------------------------------

def test_a_link_stays_a_link_and_the_file_it_names_is_replaced(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_text(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def test_write_many_writes_none_when_one_fails(tmp_path, monkeypatch):
    (tmp_path / "a").write_bytes(b"A")
    full_disk(monkeypatch, 5)
    with pytest.raises(WriteError) as caught:
        write_many([(tmp_path / "a", b"12345"), (tmp_path / "b", b"67890")])
    assert caught.value.path == tmp_path / "b" and caught.value.errno == errno.ENOSPC
    assert snapshot(tmp_path) == {"a": b"A"}


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_bytes(tmp_path / "new", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o644


ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
LINES = st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=12),
                 max_size=12)


@st.composite
def texts(draw) -> str:
    lines = draw(LINES)
    return "".join(line + draw(ENDINGS) for line in lines) + draw(st.text(max_size=5).filter(lambda t: "\r" not in t
                                                                                               and "\n" not in t))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=texts(), new=st.lists(LINES.map("\n".join), max_size=1).map("".join) | texts())
def test_written_text_reads_back_as_the_keep_line_endings_rule_says(old, new):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.md"
        write_text(path, old)
        assert path.read_bytes() == old.encode("utf-8")  # newline=None: exactly as given
        assert "".join(a + b for a, b in split_lines(old)) == old
        plain = new.replace("\r\n", "\n").replace("\r", "\n")
        write_text(path, plain, newline="keep")
        ending = line_ending(old)
        assert path.read_bytes() == plain.replace("\n", ending).encode("utf-8")
        assert os.listdir(folder) == ["f.md"]


@settings(max_examples=150, deadline=None)
@given(old=st.binary(max_size=300), new=st.binary(min_size=1, max_size=3000), data=st.data())
def test_a_failure_at_any_byte_leaves_the_old_file_whole(old, new, data):
    offset = data.draw(st.integers(min_value=0, max_value=len(new) - 1))
    code = data.draw(st.sampled_from([errno.ENOSPC, errno.EDQUOT, errno.EIO]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.bin"
        path.write_bytes(old)
        with pytest.MonkeyPatch.context() as mp:
            full_disk(mp, offset, code)
            with pytest.raises(WriteError) as caught:
                write_bytes(path, new)
        assert caught.value.errno == code and str(path) in str(caught.value)
        assert path.read_bytes() == old and os.listdir(folder) == ["f.bin"]


# -- no write goes around the writer ----------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
OWNED = ["compendium/cli_translate.py", "compendium/catalogs.py", "compendium/editions/cache.py",
         "compendium/editions/manifest.py", "compendium/editions/pdf.py", "hooks/site.py",
         *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "compendium/translating").glob("*.py"))),
         *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "compendium/importer").glob("*.py")))]
DIRECT = re.compile(r"\.write_text\(|\.write_bytes\(|open\([^)]*[\"'][wax]b?\+?[\"']|json\.dump\(|shutil\.copy|"
                    r"\.replace\(\s*\w+\s*\)\s*#|\bos\.rename\(")


@pytest.mark.parametrize("rel", OWNED)
def test_these_modules_write_only_through_the_atomic_writer(rel):
    text = (ROOT / rel).read_text(encoding="utf-8")
    assert not DIRECT.findall(text), f"{rel} writes a file directly: use compendium.atomic"


def test_the_import_and_export_commands_write_only_through_the_atomic_writer():
    text = (ROOT / "compendium/cli.py").read_text(encoding="utf-8")
    start, end = text.index('@main.command("import")'), text.index("@main.command()\n@CONTENT_OPTION\n@click.option(\"--site-dir\"")
    assert not DIRECT.findall(text[start:end])
    assert atomic.write_many.__module__ == "compendium.atomic"
