"""The site folder that `compendium build` replaces: what it may replace, its lock, and what a dead build left.

The build only ever replaces a folder it made itself: every site it builds holds the marker file `MARKER`.
A target that is the content folder or holds it, the repository or one of its ancestors, a file, or a
non-empty folder without the marker is refused before anything is written. Beside the site folder `<site>`:

- `.<site>-build.lock`: held for the whole build, so two builds into one site folder never swap at once
  (the second waits `LOCK_TIMEOUT` seconds, then stops with a message). The file stays; it holds nothing.
- `.<site>.staging-<pid>`: the build of process <pid>, renamed to `<site>` when every part succeeded.
- `.<site>.old-<pid>`: the previous site, for the moment between the two renames of the swap.

A build that was killed leaves the last two behind; the next build (holding the lock) removes the staging
folders of processes that are gone, and puts an aside site back when the kill fell between the two renames.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

MARKER = ".compendium-site"
MARKER_TEXT = "This folder was made by `compendium build`, which replaces it at every build.\n"
LOCK_TIMEOUT = 600.0  # seconds a build waits for another build into the same site folder


class SiteDirError(Exception):
    """A site folder the build may not use, or cannot write: one line, naming the path and what to do."""

    def __init__(self, path: Path, message: str, hint: str):
        super().__init__(f"{path}: {message} ({hint})")
        self.path, self.message, self.hint = path, message, hint


def staging_dir(site_dir: Path, pid: int | None = None) -> Path:
    return site_dir.parent / f".{site_dir.name}.staging-{pid or os.getpid()}"


def aside_dir(site_dir: Path, pid: int | None = None) -> Path:
    return site_dir.parent / f".{site_dir.name}.old-{pid or os.getpid()}"


def lock_file(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}-build.lock"


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(site_dir: Path, content: Path, root: Path) -> None:
    """Raise SiteDirError unless `site_dir` (resolved) is missing, empty, or a site this build made."""
    site_dir, content, root = site_dir.resolve(), content.resolve(), root.resolve()
    other = "choose another --site-dir"
    if _within(content, site_dir):
        what = "is the content folder" if site_dir == content else f"holds the content folder {content}"
        raise SiteDirError(site_dir, f"the site folder {what}; building would delete it", other)
    if _within(site_dir, content):
        raise SiteDirError(site_dir, f"the site folder is inside the content folder {content}",
                           "choose a --site-dir outside the content folder")
    if _within(root, site_dir):
        what = "is the repository" if site_dir == root else f"holds the repository {root}"
        raise SiteDirError(site_dir, f"the site folder {what}; building would delete it", other)
    if not os.path.lexists(site_dir):
        return
    if not site_dir.is_dir():
        raise SiteDirError(site_dir, "the site folder is a file, not a folder; building would replace it",
                           f"remove it by hand or {other}")
    if (site_dir / MARKER).is_file():
        return
    try:
        empty = next(os.scandir(site_dir), None) is None
    except OSError as exc:
        raise os_error(exc, site_dir) from exc
    if not empty:
        raise SiteDirError(site_dir, f"the folder is not empty and was not made by compendium build (it has no "
                           f"{MARKER} file; a site built by an older version has none either)",
                           f"remove it by hand or {other}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(site_dir: Path) -> list[str]:
    """With the lock held: undo what dead builds into `site_dir` left. Returns what was done, for the report."""
    done: list[str] = []
    pattern = re.compile(rf"^\.{re.escape(site_dir.name)}\.(staging|old)-(\d+)$")
    leftovers: dict[str, list[tuple[float, Path]]] = {"staging": [], "old": []}
    try:
        entries = list(os.scandir(site_dir.parent))
    except FileNotFoundError:
        return done
    for entry in entries:
        found = pattern.match(entry.name)
        if not found or _alive(int(found.group(2))) or not entry.is_dir(follow_symlinks=False):
            continue
        leftovers[found.group(1)].append((entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)))
    asides = [path for _mtime, path in sorted(leftovers["old"], reverse=True)]
    if asides and not os.path.lexists(site_dir):
        # Killed between the two renames of the swap: the previous site was set aside and nothing took its place.
        os.rename(asides.pop(0), site_dir)
        done.append("restored the previous site, which a build that was stopped had set aside")
    for path in asides + [path for _mtime, path in leftovers["staging"]]:
        shutil.rmtree(path, ignore_errors=True)
        done.append(f"removed {path.name}, left by a build that was stopped")
    return done


def swap(staging: Path, site_dir: Path) -> None:
    """Replace the site in two renames, so a reader or a failed build never sees half a site; a failed second
    rename puts the previous site back."""
    old = aside_dir(site_dir)
    had_site = os.path.lexists(site_dir)
    if had_site:
        os.rename(site_dir, old)
    try:
        os.rename(staging, site_dir)
    except BaseException:
        if had_site:
            os.rename(old, site_dir)
        raise
    if had_site:
        shutil.rmtree(old, ignore_errors=True)


_WORDING = {
    errno.EROFS: ("the file system is read-only", "choose a --site-dir on a writable file system"),
    errno.EACCES: ("permission denied", "make the folder writable for this user or choose another --site-dir"),
    errno.EPERM: ("operation not permitted", "make the folder writable for this user or choose another --site-dir"),
    errno.ENOSPC: ("no space left on the device", "free some space on it and build again"),
    errno.EDQUOT: ("the disk quota is exceeded", "free some space and build again"),
}


def os_error(exc: OSError, fallback: Path) -> SiteDirError:
    """An error of the file system while building, worded for the reader, with its path."""
    path = Path(exc.filename) if exc.filename else fallback
    message, hint = _WORDING.get(exc.errno, (exc.strerror or str(exc), "check the path and build again"))
    return SiteDirError(path, f"cannot write the site: {message}; the previous site is unchanged", hint)
