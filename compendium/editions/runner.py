"""Render jobs in parallel over the cores and show which edition is where.

One worker process per core (WeasyPrint is single-threaded and holds the GIL), started with `spawn` so that
no lock of the parent's threads is inherited. Jobs go biggest first so the cores finish together. A job
that fails is reported with its edition's name; the others go on. A worker that dies (a crash in a C
library) breaks the pool: the editions it left undone are reported as failed, never silently dropped.

Bounds, so that one hostile or mistaken document cannot take the machine: an edition whose HTML is larger
than MAX_EDITION_CHARS or has more elements than MAX_EDITION_ELEMENTS is refused before rendering, with a
message naming it; each worker's address space is capped at WORKER_MEMORY (RLIMIT_AS), so a runaway render
fails with MemoryError, reported as the edition's failure. The workers die with the build (lifeline.py).
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
import queue as queue_module
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from .. import lifeline, settings
from .pdf import Job, Result, init_worker, render

# The largest edition of the benchmark corpus (benchmarks/editions.py at its default size, 50 documents x 100
# paragraphs in six languages: the full Spanish edition) has 2.3 million characters and 56,000 tags of HTML and
# renders in about a minute; the real content's largest has 0.26 million and 6,600. A document of 100,000 short
# paragraphs (3.7 MB) made WeasyPrint grow past 10 GB and never finish. The caps are 3.5 times the benchmark.
MAX_EDITION_CHARS = 8_000_000
MAX_EDITION_ELEMENTS = 200_000  # counted as the tags of the HTML ('<'), opening and closing
# That benchmark edition peaks at 1.3 GB of address space (1.0 GB resident) in its worker.
WORKER_MEMORY = 6 * 1024**3  # bytes of address space per PDF worker
TOO_LARGE = "the edition is too large to typeset"


def default_workers() -> int:
    """The settings' `editions_workers`, else one process per core this process may use."""
    configured = settings.current().editions_workers
    if configured:
        return configured
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _describe(exc: BaseException) -> str:
    # The last frame says where WeasyPrint (or we) gave up; the whole trace would drown the report.
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename.rsplit('/', 2)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def run(jobs: list[Job], workers: int | None = None, console: Console | None = None,
        render_fn: Callable[[Job], Result] = render) -> tuple[dict[str, Result], dict[str, str]]:
    """Returns (results by label, error messages by label)."""
    console = console or Console(stderr=True)
    errors_before: dict[str, str] = {}
    for job in jobs:
        if (too_big := oversize(job)) is not None:
            errors_before[job.label] = too_big
    jobs = [job for job in jobs if job.label not in errors_before]
    results, errors, broken = _pool(jobs, workers or default_workers(), console, render_fn)
    errors = {**errors_before, **errors}
    # A crashed worker takes the pool's other jobs down with it: each is tried again alone, so that only
    # the edition that crashes is reported, and the message is its own.
    for job in broken:
        again, failed, crashed = _pool([job], 1, console, render_fn)
        results.update(again)
        errors.update(failed)
        if crashed:
            errors[job.label] = "the rendering process died (a crash in WeasyPrint or a library it uses)"
    for label, message in errors.items():
        console.print(f"[red]failed[/red] {escape(label)}: {escape(message)}", highlight=False, soft_wrap=True)
    return results, errors


def oversize(job: Job) -> str | None:
    """Why the edition is too large to typeset safely, or None."""
    chars, elements = len(job.html), job.html.count("<")
    if chars <= MAX_EDITION_CHARS and elements <= MAX_EDITION_ELEMENTS:
        return None
    return (f"{TOO_LARGE} ({chars:,} characters and {elements:,} tags of HTML; the limit is "
            f"{MAX_EDITION_CHARS:,} and {MAX_EDITION_ELEMENTS:,}): split the document that makes it so large into "
            "several documents")


def _init_worker(events, parent: int, memory: int) -> None:
    lifeline.die_with_parent(parent)  # first: a build killed meanwhile must not leave this process working
    lifeline.limit_memory(memory)
    init_worker(events)


def _render_guarded(render_fn: Callable[[Job], Result], parent: int, job: Job) -> Result:
    if not lifeline.parent_alive(parent):  # the build is gone (where the kernel could not be asked to tell)
        os._exit(1)
    try:
        return render_fn(job)
    except MemoryError:
        raise MemoryError(f"the edition needs more than {WORKER_MEMORY / 1024**3:.0f} GiB of memory to typeset; "
                          "split its largest document into several documents") from None


def _pool(jobs: list[Job], workers: int, console: Console, render_fn: Callable[[Job], Result]
          ) -> tuple[dict[str, Result], dict[str, str], list[Job]]:
    results: dict[str, Result] = {}
    errors: dict[str, str] = {}
    broken: list[Job] = []
    if not jobs:
        return results, errors, broken
    workers = max(1, min(workers, len(jobs)))
    ctx = mp.get_context("spawn")
    events = ctx.Queue()
    jobs = sorted(jobs, key=lambda j: len(j.html), reverse=True)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(events, os.getpid(), WORKER_MEMORY))
    guarded = functools.partial(_render_guarded, render_fn, os.getpid())
    try:
        _progress(pool, guarded, jobs, workers, console, events, results, errors, broken)
    except BaseException:  # Ctrl-C, a signal: the renders in progress would go on for minutes
        _kill(pool)
        raise
    pool.shutdown(wait=True)
    events.close()
    return results, errors, broken


def _kill(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(5)


def _progress(pool: ProcessPoolExecutor, render_fn: Callable[[Job], Result], jobs: list[Job], workers: int,
              console: Console, events, results: dict[str, Result], errors: dict[str, str], broken: list[Job]) -> None:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[pages]}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        overall = progress.add_task(f"PDF editions ({workers} processes)", total=len(jobs), pages="")
        running: dict[str, TaskID] = {}
        pending: dict[Future, Job] = {pool.submit(render_fn, job): job for job in jobs}

        def drain() -> None:
            while True:
                try:
                    kind, label, value = events.get_nowait()
                except (queue_module.Empty, OSError, EOFError):
                    return
                if kind == "start" and label not in running:
                    running[label] = progress.add_task(escape(label), total=None, pages="")
                elif kind == "page" and label in running:
                    progress.update(running[label], pages=f"page {value}")
                elif kind == "writing" and label in running:
                    progress.update(running[label], pages="writing PDF")
                elif kind == "done" and label in running:
                    progress.remove_task(running.pop(label))

        while pending:
            done, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            drain()
            for future in done:
                job = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken.append(job)
                except Exception as exc:  # noqa: BLE001  (any failure of one edition is reported, not raised)
                    errors[job.label] = _describe(exc)
                else:
                    results[job.label] = result
                    if not console.is_terminal and "] instruments/" not in job.label:
                        console.print(f"rendered {escape(job.label)}: {result.pages} pages in {result.seconds:.1f} s",
                                      highlight=False, soft_wrap=True)
                if job.label in running:
                    progress.remove_task(running.pop(job.label))
                progress.advance(overall)
        drain()
