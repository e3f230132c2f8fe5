"""The one home for writing a file: whole or not at all.

Every write goes to a temporary file in the same folder, is flushed to the disk (fsync), and then takes the
place of the target with os.replace, after which the folder is flushed too where the system allows. A reader,
a crash or a full disk sees the old file or the new one, never half of one. The temporary file is removed on
any failure. An existing file keeps its permission bits (and, where allowed, its owner); a symbolic link is
followed, so the file it points to is the one replaced.

A failure is a `WriteError`: one line naming the file, what went wrong and what to do (`message`, `hint`),
for the commands to report like any other problem.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from pathlib import Path
from typing import BinaryIO, Literal

CHUNK = 1 << 20

_EOL = re.compile(r"\r\n|\r|\n")

# errno -> (what happened, what to do)
_REASONS = {
    errno.ENOSPC: ("the disk is full", "free some space and run the command again"),
    errno.EDQUOT: ("the disk quota is exceeded", "free some space or ask for a larger quota, then run the command again"),
    errno.EROFS: ("the file system is read-only", "write to a writable folder, or remount it read-write"),
    errno.EACCES: ("permission denied", "make the file and its folder writable, or run the command as their owner"),
    errno.EPERM: ("operation not permitted", "make the file and its folder writable, or run the command as their owner"),
}


class WriteError(OSError):
    """A file could not be written; the file as it was before is untouched."""

    def __init__(self, path: Path | str, cause: OSError):
        code = cause.errno
        reason, advice = _REASONS.get(code, (cause.strerror or str(cause), "check the path and run the command again"))
        super().__init__(code, reason, str(path))
        self.path = Path(path)
        self.message = f"cannot write the file: {reason}; nothing was written, the file is as it was before"
        self.hint = advice

    def __str__(self) -> str:
        return f"{self.path}: {self.message} ({self.hint})"


def line_ending(text: str) -> str:
    """The line ending most used in `text` ("\\n" when it has none; "\\n" wins a tie)."""
    counts = {"\n": 0, "\r\n": 0, "\r": 0}
    for match in _EOL.finditer(text):
        counts[match.group()] += 1
    best = max(counts.values())
    return next(e for e in ("\n", "\r\n", "\r") if counts[e] == best)


def split_lines(text: str) -> list[tuple[str, str]]:
    """`text` as (line, its ending) pairs, "\\r\\n", "\\r" and "\\n" alike: joined back they are `text` again."""
    out, start = [], 0
    for match in _EOL.finditer(text):
        out.append((text[start:match.start()], match.group()))
        start = match.end()
    out.append((text[start:], ""))
    return out


def existing_line_ending(path: Path) -> str | None:
    """The line ending most used in the file at `path`, or None when there is no such file."""
    try:
        data = Path(path).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    return line_ending(data.decode("utf-8", errors="replace"))


def keep_line_endings(path: Path | str, text: str) -> str:
    """`text` (with "\\n" line endings) with the line ending the file at `path` mostly uses now, if it exists."""
    try:
        ending = existing_line_ending(_target(Path(path)))
    except OSError as exc:
        raise WriteError(path, exc) from exc
    if ending and ending != "\n":
        return text.replace("\r\n", "\n").replace("\n", ending)
    return text


def write_text(path: Path | str, text: str, *, newline: Literal["keep"] | None = None, encoding: str = "utf-8",
               parents: bool = False) -> None:
    """Write `text` atomically.

    newline=None: the text is written as it is. newline="keep": `text` uses "\\n", and each becomes the line
    ending the file at `path` mostly uses now (CRLF stays CRLF); a new file gets "\\n".
    """
    if newline == "keep":
        text = keep_line_endings(path, text)
    elif newline is not None:
        raise ValueError(f"newline must be None or 'keep', not {newline!r}")
    write_bytes(path, text.encode(encoding), parents=parents)


def write_bytes(path: Path | str, data: bytes, *, parents: bool = False) -> None:
    """Write `data` atomically; `parents` creates the missing folders first."""
    write_many([(path, data)], parents=parents)


class FilesExist(Exception):
    """Files that would be replaced without being asked: nothing was written."""

    def __init__(self, paths: list[Path]):
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = paths
        self.message = f"{len(paths)} file(s) exist already; nothing was written"
        self.hint = "pass --force to replace them, or move them away first"

    def __str__(self) -> str:
        return f"{', '.join(str(p) for p in self.paths)}: {self.message} ({self.hint})"


def write_many(files: list[tuple[Path | str, bytes]], *, parents: bool = False, replace: bool = True) -> None:
    """Write several files, all or none as far as a file system allows: each is first written whole beside its
    target (where a full disk or a read-only folder shows), and only then do they take their targets' places.
    With replace=False, any target that exists already raises FilesExist before anything is written."""
    if not replace:
        taken = [Path(path) for path, _data in files if os.path.lexists(path)]
        if taken:
            raise FilesExist(taken)
    staged: list[tuple[Path, Path, Path]] = []  # (as asked, target, temporary file)
    try:
        for path, data in files:
            path = Path(path)
            target = _target(path)
            staged.append((path, target, _stage(path, target, lambda fd, data=data: _write_all(fd, data), parents)))
        while staged:
            path, target, tmp = staged[0]
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise WriteError(path, exc) from exc
            staged.pop(0)
            _sync_folder(target.parent)
    finally:
        for _path, _target_path, tmp in staged:
            _remove(tmp)


def copy_file(source: Path | str, path: Path | str, *, parents: bool = False) -> None:
    """Copy the file `source` to `path` atomically (its bytes, not its permissions)."""
    def fill(fd: int) -> None:
        with open(source, "rb") as fh:
            while chunk := fh.read(CHUNK):
                _write_all(fd, chunk)
    path = Path(path)
    target = _target(path)
    tmp = _stage(path, target, fill, parents)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise WriteError(path, exc) from exc
    _sync_folder(target.parent)


def write_with(path: Path | str, produce, *, parents: bool = False) -> None:
    """Write atomically what `produce(fh)` writes to a binary file object (e.g. a library's writer)."""
    import io

    buffer: BinaryIO = io.BytesIO()
    produce(buffer)
    write_bytes(path, buffer.getvalue(), parents=parents)


def _target(path: Path) -> Path:
    """The file to replace: a symbolic link's target, so the link stays a link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:CHUNK])
        view = view[written:]


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink()
    except OSError:
        pass


def _stage(path: Path, target: Path, fill, parents: bool) -> Path:
    """A temporary file beside `target`, filled, with the old file's mode, flushed to the disk."""
    tmp: Path | None = None
    try:
        if parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            old = target.stat()
        except FileNotFoundError:
            old = None
        name = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        # 0o666 less the umask for a new file, like open(); an existing file's own bits are set below.
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        tmp = name
        try:
            fill(fd)
            if old is not None:
                _keep_owner_and_mode(fd, old)
            os.fsync(fd)
        finally:
            os.close(fd)
        return tmp
    except BaseException as exc:
        if tmp is not None:
            _remove(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise WriteError(path, exc) from exc
        raise


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    if hasattr(os, "fchown"):
        try:
            st = os.fstat(fd)
            if (st.st_uid, st.st_gid) != (old.st_uid, old.st_gid):
                os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            pass  # only the owner or root may give a file away: the new file is then the writer's own
    if hasattr(os, "fchmod"):
        os.fchmod(fd, old.st_mode & 0o7777)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open or flush a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["WriteError", "copy_file", "existing_line_ending", "keep_line_endings", "line_ending", "split_lines", "write_bytes",
           "write_many", "write_text", "write_with"]
