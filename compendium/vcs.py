"""Run git, for the tools that read the repository's history: `compendium history record` (history_record.py)
and `compendium translate-diff` (translating/history.py). The build never does (tests/test_architecture.py):
its dates come from the recorded history."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git could not answer; the message says why, in words for an editor."""


def git(cwd: Path, *args: str, stdin: bytes | None = None, timeout: float = 60) -> bytes:
    """git's standard output for `git ARGS` run in `cwd`; GitError when git is missing, slow or fails."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git took more than {timeout:.0f} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git failed: {lines[-1] if lines else 'no message'}")
    return done.stdout
