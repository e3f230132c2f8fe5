"""Worker processes die with the build that started them, and a runaway one is bounded.

Called first thing in every worker of `compendium build` (the MkDocs workers of hooks/build_languages.py and
the PDF workers of editions/runner.py): a worker whose build was killed (SIGKILL leaves no time to clean up)
would otherwise be adopted by PID 1 and go on working into a folder nobody will use.
"""

from __future__ import annotations

import os
import sys

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int | None) -> None:
    """Ask the kernel to SIGKILL this process when its parent ends (Linux); exit at once if the parent is gone
    already (it may have died before the request). Elsewhere, parent_alive() between steps is the guard."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if not parent_alive(parent):
        os._exit(1)


def parent_alive(parent: int | None) -> bool:
    """Whether the process that started this one still runs: an orphan is adopted by another (PID 1, a reaper)."""
    return os.getppid() == parent if parent else os.getppid() != 1


def limit_memory(limit: int) -> bool:
    """Bound this process's address space to `limit` bytes (RLIMIT_AS), so that a runaway allocation fails with
    MemoryError instead of taking the machine. False where that cannot be set."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return True
    except (ImportError, ValueError, OSError):
        return False
