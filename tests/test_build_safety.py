"""`compendium build` never destroys what it did not make, and a killed, concurrent or failing build leaves
nothing behind that the next build does not clean."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from filelock import FileLock

from compendium import build as build_module
from compendium import lifeline, sitedir
from compendium.diagnostics import Report
from compendium.editions import runner
from compendium.editions.pdf import Job
from helpers import good, run, snapshot, write

ROOT = Path(__file__).resolve().parents[1]
CONFIG = str(ROOT / "mkdocs.yml")
LINUX = sys.platform.startswith("linux")


@pytest.fixture()
def content(tmp_path) -> Path:
    content = tmp_path / "content"
    good(content, "ecosoc-2000-1", "*Recalling* x,\n\n#### I. ONE\n\n1. *Decides* y;\n")
    good(content, "ecosoc-2000-2", "1. *Welcomes* z.\n")
    return content


def build(content: Path, site: Path, *extra: str) -> tuple[int, str]:
    return run("build", "--content", str(content), "--site-dir", str(site), "--config", CONFIG, "--no-pdf",
               "--lang", "en", *extra)


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.glob(f".{site.name}.*"))


def assert_complete(site: Path) -> None:
    assert (site / sitedir.MARKER).is_file()
    assert (site / "index.html").is_file() and (site / "404.html").is_file()  # no sitemap without a site URL
    assert (site / "en/resolutions/ecosoc-2000-1/index.html").is_file()


# --- what the build refuses to replace ---------------------------------------------------------------------

def _refused(code: int, out: str, path: Path) -> None:
    assert code != 0
    assert "Traceback" not in out
    assert f"{path}:" in out, out
    assert "--site-dir" in out  # what to do


def test_refuses_the_content_folder_and_a_folder_holding_it(tmp_path, content):
    before = snapshot(tmp_path)
    for target in (content, tmp_path):
        code, out = build(content, target)
        _refused(code, out, target)
    assert snapshot(tmp_path) == before


def test_refuses_the_repository_and_its_ancestors(tmp_path, content):
    for target in (ROOT, ROOT.parent):
        code, out = build(content, target)
        _refused(code, out, target)
    assert (ROOT / "README.md").is_file() and (ROOT / "pyproject.toml").is_file() and (ROOT / "content").is_dir()


def test_refuses_a_folder_inside_the_content_folder(tmp_path, content):
    before = snapshot(content)
    code, out = build(content, content / "resolutions")
    _refused(code, out, content / "resolutions")
    assert snapshot(content) == before


def test_refuses_an_existing_file(tmp_path, content):
    target = tmp_path / "notes.txt"
    target.write_text("mine\n")
    code, out = build(content, target)
    _refused(code, out, target)
    assert "is a file" in out
    assert target.read_text() == "mine\n"


def test_refuses_a_non_empty_folder_it_did_not_make(tmp_path, content):
    target = tmp_path / "photos"
    write(target, "holiday/1.jpg", b"\xff\xd8")
    write(target, "index.html", "<p>an old site, built before the marker</p>")
    code, out = build(content, target)
    _refused(code, out, target)
    assert "remove it by hand" in out
    assert snapshot(target) == {"holiday/1.jpg": hashlib.sha256(b"\xff\xd8").hexdigest(),
                                "index.html": hashlib.sha256(b"<p>an old site, built before the marker</p>").hexdigest()}
    assert leftovers(target) == []


def test_a_missing_or_empty_folder_is_built_then_replaced_again_and_again(tmp_path, content):
    empty = tmp_path / "empty"
    empty.mkdir()
    for target in (tmp_path / "new" / "site", empty):
        code, out = build(content, target)
        assert code == 0, out
        assert_complete(target)
    good(content, "ecosoc-2000-3", "1. *Notes* w.\n")
    code, out = build(content, empty)  # a site it made: replaced
    assert code == 0, out
    assert (empty / "en/resolutions/ecosoc-2000-3/index.html").is_file()
    assert leftovers(empty) == []


# --- a build that was killed -------------------------------------------------------------------------------

def _processes() -> dict[int, tuple[int, str, str]]:
    """pid -> (ppid, state, cmdline) of every process, from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry.name)] = (int(fields[1]), fields[0], cmdline)
    return found


def _descendants(pid: int) -> set[int]:
    procs = _processes()
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, _state, _cmd) in procs.items():
            if ppid == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _running(pids: set[int], needle: str = "") -> set[int]:
    procs = _processes()
    alive = {pid for pid in pids if pid in procs and procs[pid][1] != "Z"}
    if needle:
        alive |= {pid for pid, (_ppid, state, cmd) in procs.items() if needle in cmd and state != "Z"}
    return alive


def _gone_soon(pids: set[int], needle: str = "", seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while (alive := _running(pids, needle)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def _start_build(content: Path, site: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "compendium.cli", "build", "--content", str(content), "--site-dir", str(site),
           "--config", CONFIG, "--no-pdf", "--lang", "en", "--lang", "fr", *extra]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def _wait_for_workers(proc: subprocess.Popen, site: Path) -> tuple[Path, set[int]]:
    """The moment the language workers build: both have claimed a language and were told to go."""
    staging = sitedir.staging_dir(site, proc.pid)
    deadline = time.monotonic() + 60
    while len(list(staging.glob(".claim-*"))) < 2 or not (staging / ".go.json").exists():
        assert proc.poll() is None, proc.communicate()[0]
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.02)
    workers = _descendants(proc.pid)
    assert len(workers) >= 2
    return staging, workers


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_sigkill_while_workers_run_leaves_nothing_the_next_build_does_not_clean(tmp_path, content):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    proc = _start_build(content, site)
    staging, workers = _wait_for_workers(proc, site)
    proc.kill()
    proc.communicate()
    assert _gone_soon(workers, str(staging)) == set(), "a worker outlived its build"
    assert snapshot(site) == before  # the previous site is untouched
    assert staging.name in leftovers(site)  # SIGKILL leaves no time: the next build cleans
    code, out = build(content, site)
    assert code == 0, out
    assert leftovers(site) == []
    assert_complete(site)


def test_a_kill_between_the_two_renames_of_the_swap_is_undone(tmp_path, content):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    dead = _dead_pid()
    # The state a kill between the renames leaves: the previous site set aside, the new one not yet in place.
    os.rename(site, sitedir.aside_dir(site, dead))
    staging = sitedir.staging_dir(site, dead)
    write(staging, "en/index.html", "half a site")
    write(content, "resolutions/ecosoc-2000-2/en.md", "---\nid: [broken\n---\n")  # this build fails...
    code, out = build(content, site)
    assert code == 1 and "Traceback" not in out
    assert snapshot(site) == before, "...and the previous site is back"
    assert "restored the previous site" in out
    assert leftovers(site) == []


def test_an_aside_site_left_after_a_finished_swap_is_removed(tmp_path, content):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    aside = sitedir.aside_dir(site, _dead_pid())
    write(aside, "index.html", "the site before")
    code, out = build(content, site)
    assert code == 0, out
    assert leftovers(site) == []
    assert_complete(site)


def test_what_a_running_build_has_is_not_touched(tmp_path):
    site = tmp_path / "site"
    alive = os.getppid()
    staging, aside = sitedir.staging_dir(site, alive), sitedir.aside_dir(site, alive)
    write(staging, "x", "building")
    write(aside, "y", "being swapped")
    assert sitedir.recover(site) == []
    assert staging.is_dir() and aside.is_dir() and not site.exists()


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_sigterm_stops_the_build_and_cleans_up(tmp_path, content):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    proc = _start_build(content, site)
    staging, workers = _wait_for_workers(proc, site)
    proc.send_signal(signal.SIGTERM)
    out = proc.communicate(timeout=30)[0]
    assert proc.returncode == 128 + signal.SIGTERM, out
    assert "Traceback" not in out and "stopped (SIGTERM)" in out
    assert not staging.exists() and leftovers(site) == []
    assert _gone_soon(workers, str(staging), seconds=2) == set()
    assert snapshot(site) == before


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_pdf_workers_die_with_the_build(tmp_path):
    """A render in progress when the build is SIGKILLed: its WeasyPrint worker must not go on alone."""
    (tmp_path / "slowrender.py").write_text("import time\n\ndef render(job):\n    time.sleep(300)\n")
    script = textwrap.dedent("""
        import slowrender
        from compendium.editions import runner
        from compendium.editions.pdf import Job
        jobs = [Job(f"[en] e{i}.pdf", "<p>x</p>", "", "k", "/nonexistent") for i in range(2)]
        runner.run(jobs, 2, render_fn=slowrender.render)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(workers := {pid for pid in _descendants(proc.pid) if "spawn_main" in _processes()[pid][2]}) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "the PDF workers never started"
        time.sleep(0.05)
    time.sleep(1)  # past their start-up: rendering
    proc.kill()
    proc.wait()
    assert _gone_soon(workers) == set(), "a PDF worker outlived its build"


def test_a_worker_knows_when_its_parent_is_gone():
    assert lifeline.parent_alive(os.getppid())
    assert not lifeline.parent_alive(_dead_pid())


# --- two builds at once ------------------------------------------------------------------------------------

def test_a_second_build_into_the_same_site_waits_then_says_so(tmp_path, content, monkeypatch):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    monkeypatch.setattr(sitedir, "LOCK_TIMEOUT", 0.5)
    with FileLock(sitedir.lock_file(site)):  # another build holds the site folder
        code, out = build(content, site)
    assert code == 1 and "Traceback" not in out
    assert f"{site}:" in out and "another build" in out and "wait for it" in out
    assert snapshot(site) == before and leftovers(site) == []


@pytest.mark.slow
def test_two_builds_at_once_both_succeed_one_after_the_other(tmp_path, content):
    site = tmp_path / "site"
    procs = [_start_build(content, site) for _ in range(2)]
    outs = [proc.communicate(timeout=180)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outs
    assert not any("Traceback" in out for out in outs)
    assert_complete(site)
    assert leftovers(site) == []


# --- the file system fails ---------------------------------------------------------------------------------

def _failing(monkeypatch, module, name: str, err: int, when=lambda *args: True) -> None:
    real = getattr(module, name)

    def fail(*args, **kwargs):
        if when(*args):
            raise OSError(err, os.strerror(err), str(args[0]) if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, fail)


@pytest.mark.parametrize("err, wording", [(errno.EROFS, "read-only"), (errno.EACCES, "permission denied"),
                                          (errno.ENOSPC, "no space left")])
def test_a_failing_swap_keeps_the_previous_site(tmp_path, content, monkeypatch, err, wording):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    good(content, "ecosoc-2000-3", "1. *Notes* w.\n")
    swap = lambda src, dst: Path(src) == site or Path(src).name.startswith(".site.staging-")  # noqa: E731
    _failing(monkeypatch, sitedir.os, "rename", err, when=swap)
    code, out = build(content, site)
    assert code == 1 and "Traceback" not in out
    assert wording in out and "previous site is unchanged" in out and f"{site}" in out
    assert snapshot(site) == before
    monkeypatch.undo()
    assert leftovers(site) == []


def test_a_second_rename_that_fails_puts_the_previous_site_back(tmp_path, content, monkeypatch):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    second = lambda src, dst: Path(src).name.startswith(".site.staging-")  # noqa: E731  (staging -> site)
    _failing(monkeypatch, sitedir.os, "rename", errno.ENOSPC, when=second)
    code, out = build(content, site)
    assert code == 1 and "no space left" in out and "Traceback" not in out
    assert snapshot(site) == before
    monkeypatch.undo()
    assert leftovers(site) == []


def test_a_full_disk_while_staging_is_one_line_and_leaves_nothing(tmp_path, content, monkeypatch):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    _failing(monkeypatch, build_module.pickle, "dump", errno.ENOSPC)
    code, out = build(content, site)
    assert code == 1 and "Traceback" not in out
    assert "no space left" in out and "free some space" in out
    assert snapshot(site) == before and leftovers(site) == []


def test_a_parent_folder_that_cannot_be_written(tmp_path, content, monkeypatch):
    site = tmp_path / "site"
    assert build(content, site)[0] == 0
    before = snapshot(site)
    if os.geteuid() == 0:  # root writes anywhere: the refusal is simulated
        _failing(monkeypatch, sitedir, "mark", errno.EACCES)
    else:
        tmp_path.chmod(0o555)
    try:
        code, out = build(content, site)
    finally:
        tmp_path.chmod(0o755)
    assert code == 1 and "Traceback" not in out
    assert "permission denied" in out and "writable" in out
    assert snapshot(site) == before


# --- an edition too large to typeset -----------------------------------------------------------------------

def test_an_edition_too_large_fails_fast_naming_it(monkeypatch):
    monkeypatch.setattr(runner, "MAX_EDITION_ELEMENTS", 1000)
    huge = Job("[en] compendium-en.pdf", "<p>x</p>" * 100_000, "", "k", "/nonexistent")

    def never(job):
        raise AssertionError("rendered")

    started = time.monotonic()
    results, errors = runner.run([huge], 1, render_fn=never)
    assert time.monotonic() - started < 5
    assert results == {} and "too large to typeset" in errors[huge.label] and "split" in errors[huge.label]


def test_the_build_names_the_document_that_makes_an_edition_too_large(tmp_path, monkeypatch):
    from compendium.editions.site import render_for_site
    from compendium.loader import load

    content = tmp_path / "content"
    good(content, "ecosoc-2000-1", "1. *Decides* y.\n")
    # An instrument: the editions print the standards (and the resolutions that adopted them).
    big = write(content, "instruments/test-rules/en.md",
                "---\nid: test-rules\nkind: rules\ntitle: Rules written for this test\ncluster: custody\n"
                "completeness: complete\n---\n\n" + "".join(f"{i}. Prisoners z.\n\n" for i in range(1, 400)))
    monkeypatch.setattr(runner, "MAX_EDITION_ELEMENTS", 500)
    report = Report()
    corpus = load(content, report)
    staging = tmp_path / "staging"
    staging.mkdir()
    assert render_for_site(corpus, content, tmp_path / "site", staging, ["en"], report) is None
    errors = [d for d in report.errors if "too large to typeset" in d.message]
    assert errors and all(d.path == str(big) for d in errors), [d.format() for d in report.items]
    assert "compendium-en.pdf" in errors[0].message


def test_the_caps_are_far_above_the_largest_real_edition():
    from compendium.editions import publish
    from compendium.loader import load

    seen: list[Job] = []

    def capture(jobs, *args, **kwargs):
        seen.extend(jobs)
        return {}, {}

    report = Report()
    corpus = load(ROOT / "content", report)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        mp.setattr(publish, "run", capture)
        publish.build_editions(corpus, Path(tmp) / "out", ["en", "fr", "zh"], Path(tmp) / "cache",
                               content=ROOT / "content", kinds=("full",))
    largest = max(seen, key=lambda job: len(job.html))
    assert runner.oversize(largest) is None
    assert len(largest.html) * 10 < runner.MAX_EDITION_CHARS
    assert largest.html.count("<") * 10 < runner.MAX_EDITION_ELEMENTS
    # The benchmark corpus's largest edition (benchmarks/editions.py, default size): 2.3 M chars, 56,000 tags.
    assert 2_343_292 * 3 < runner.MAX_EDITION_CHARS and 56_404 * 3 < runner.MAX_EDITION_ELEMENTS


def test_a_runaway_render_fails_with_a_clear_memory_error():
    def runaway(job):
        raise MemoryError()

    with pytest.raises(MemoryError, match="GiB of memory to typeset"):
        runner._render_guarded(runaway, os.getppid(), Job("[en] x.pdf", "", "", "k", "/nonexistent"))
    if LINUX:
        code = ("from compendium import lifeline\nassert lifeline.limit_memory(300 * 1024**2)\n"
                "try:\n    bytearray(1024**3)\nexcept MemoryError:\n    print('bounded')\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=30)
        assert done.stdout.strip() == "bounded", done.stderr
