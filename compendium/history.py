"""When each document entered the compendium, from the content folder's version history (for "latest additions")."""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=8)
def added_times(content_dir: Path) -> dict[str, int]:
    """Document id → time of the commit that first added a file of it; empty where there is no history."""
    try:
        out = subprocess.run(["git", "log", "--diff-filter=A", "--format=@%ct", "--name-only", "--relative", "--", "."],
                             cwd=content_dir, capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    added: dict[str, int] = {}
    when = 0
    for line in out.splitlines():
        if line.startswith("@"):
            when = int(line[1:])
        elif line.count("/") == 2 and line.endswith(".md"):
            doc_id = line.split("/")[1]
            added[doc_id] = min(added.get(doc_id, when), when)  # the log runs newest first
    return added


def content_root(path: Path) -> Path:
    """The content folder of a content file: content/<collection>/<id>/<lang>.md."""
    return path.resolve().parent.parent.parent
