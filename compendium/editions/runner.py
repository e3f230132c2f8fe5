"""Render jobs in parallel over the cores and show which edition is where.

One worker process per core (WeasyPrint is single-threaded and holds the GIL), started with `spawn` so that
no lock of the parent's threads is inherited. Jobs go biggest first so the cores finish together. A job
that fails is reported with its edition's name; the others go on. A worker that dies (a crash in a C
library) breaks the pool: the editions it left undone are reported as failed, never silently dropped.
"""

from __future__ import annotations

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

from .. import settings
from .pdf import Job, Result, init_worker, render


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
    results, errors, broken = _pool(jobs, workers or default_workers(), console, render_fn)
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
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[pages]}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress, \
            ProcessPoolExecutor(workers, mp_context=ctx, initializer=init_worker, initargs=(events,)) as pool:
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
    events.close()
    return results, errors, broken
