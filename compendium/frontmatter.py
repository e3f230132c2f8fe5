"""Read one content file: decode it, split the YAML front matter from the body, load it safely.

Every failure is reported with the file, line and column; nothing here raises on bad content.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Report

MAX_BYTES = 5_000_000  # a content file larger than this is almost certainly not text


@dataclass
class RawFile:
    path: Path
    metadata: dict[str, Any] | None
    body: str
    body_line: int  # line number of the body's first line
    key_lines: dict[str, int] = field(default_factory=dict)


def decode(path: Path, data: bytes, report: Report) -> str | None:
    if not data.strip():
        report.error(path, 1, 1, "the file is empty", "write the front matter between two '---' lines, or delete the file")
        return None
    if len(data) > MAX_BYTES:
        report.error(path, 1, 1, f"the file is {len(data)} bytes, too large for a content file", "split it or check that it is text")
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        report.error(path, line, 1, "the file holds NUL bytes: it looks binary, not text", "save it as UTF-8 text")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        report.error(path, line, col, f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", "save the file as UTF-8")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plain(value: Any) -> Any:
    """Dates become ISO strings so that metadata is plain JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: 3× faster

MAX_DEPTH = 32  # nesting levels; real front matter needs 3 (translation: source_hashes: unit: hash)
_TAG = "tag:yaml.org,2002:"
# The value types front matter may hold. Explicit tags for anything else (!!binary, !!set, !!omap,
# !!python/...) are refused: nothing downstream expects bytes, sets or pairs.
PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


class _Loader(_Base):
    """The safe loader, whose constructors report a value they cannot read (an impossible date,
    '!!int abc') as a YAML error with its position instead of raising ValueError."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            reason = f" ({exc})" if isinstance(exc, ValueError) else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date{reason}", node.start_mark) from None

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the value {getattr(node, 'value', '')!r} as {node.tag.removeprefix(_TAG)} ({exc})",
                node.start_mark) from None


_Loader.add_constructor(_TAG + "timestamp", _Loader.construct_yaml_timestamp)


_MAY_ALIAS = re.compile(r"[&*][^\s]")


def _depth_bound(text: str) -> int:
    """An upper bound of the nesting depth, from the text alone: flow brackets, block indentation levels,
    and '- ' or '? ' entries that open a level on one line."""
    indents = {len(line) - len(line.lstrip(" ")) for line in text.split("\n") if line.strip()}
    per_line = max((line.count("-") + line.count("?") for line in text.split("\n")), default=0)
    return text.count("[") + text.count("{") + 2 * len(indents) + per_line + 2


def _scan(text: str) -> tuple[str, yaml.Mark] | None:
    """The first alias (*name) or nesting deeper than MAX_DEPTH, from the event stream: libyaml's parser is
    iterative, while composing nodes recurses (and crashes the process some ten thousand levels down).
    Parsed only when the text could hold either."""
    if not _MAY_ALIAS.search(text) and _depth_bound(text) <= MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            return "alias", event.start_mark
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return "deep", event.start_mark
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _check_nodes(root: yaml.Node, path: Path, first_line: int, report: Report) -> bool:
    """Refuse duplicate keys (the last would silently win) and explicit tags of types front matter never holds."""
    ok = True
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in PLAIN_TAGS:
            report.error(path, first_line + node.start_mark.line, node.start_mark.column + 1,
                         f"the YAML tag {node.tag.replace(_TAG, '!!')!r} is not allowed in front matter",
                         "remove the tag and write a plain text, number, date, list or mapping")
            ok = False
            continue
        if isinstance(node, yaml.MappingNode):
            seen: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    ident = (key.tag, key.value)
                    if ident in seen:
                        report.error(path, first_line + key.start_mark.line, key.start_mark.column + 1,
                                     f"duplicate key '{key.value}' (first on line {seen[ident]})",
                                     "keep one of them: YAML would silently use the last")
                        ok = False
                    else:
                        seen[ident] = first_line + key.start_mark.line
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return ok


def load_yaml(path: Path, text: str, first_line: int, report: Report) -> tuple[Any, dict[str, int]] | None:
    """Safe-load one YAML document; refuse aliases (no front matter needs them, and they allow bombs),
    nesting deeper than MAX_DEPTH, duplicate keys, unusual tags and values no constructor can read."""
    try:
        found = _scan(text)
        if found is not None:
            what, mark = found
            if what == "alias":
                report.error(path, first_line + mark.line, mark.column + 1,
                             "YAML aliases (*name) are not allowed in front matter", "write the value out in full")
            else:
                report.error(path, first_line + mark.line, mark.column + 1,
                             f"the front matter is nested more than {MAX_DEPTH} levels deep",
                             "flatten it: front matter needs a few levels at most")
            return None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None and not _check_nodes(node, path, first_line, report):
                return None
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        if isinstance(exc, yaml.constructor.ConstructorError):  # a value no constructor can read: 1993-02-30
            report.error(path, line, col, f"YAML error: {problem}", "correct the value, or quote it if it is a text")
        else:
            report.error(path, line, col, f"YAML syntax error: {problem}",
                         "fix the front matter; check quotes, colons and indentation")
        return None
    except yaml.YAMLError as exc:  # anything else PyYAML can raise, without a position
        report.error(path, first_line, 1, f"YAML error: {exc}", "fix the front matter")
        return None
    except RecursionError:  # a last resort: _scan bounds the depth before anything recurses
        report.error(path, first_line, 1, "the front matter is nested too deeply", "flatten it")
        return None
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = first_line + key_node.start_mark.line
    return _plain(data), key_lines


def read_bytes(path: Path, report: Report) -> bytes | None:
    """A regular file's bytes, at most MAX_BYTES: a FIFO, a device (a link to /dev/zero) or a folder is
    refused before it is opened, and a file is never read past the limit."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, device or socket)"
            report.error(path, 1, 1, f"the content file is {what}", "replace it with a plain text file")
            return None
        if info.st_size > MAX_BYTES:
            report.error(path, 1, 1, f"the file is {info.st_size} bytes, too large for a content file",
                         "split it or check that it is text")
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced between stat and open
                report.error(path, 1, 1, "the content file is not a regular file", "replace it with a plain text file")
                return None
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        report.error(path, 1, 1, f"cannot read the file: {exc.strerror or exc}", "check that it exists and its permissions")
        return None
    if len(data) > MAX_BYTES:
        report.error(path, 1, 1, f"the file is over {MAX_BYTES} bytes, too large for a content file",
                     "split it or check that it is text")
        return None
    return data


def read(path: Path, report: Report) -> RawFile | None:
    data = read_bytes(path, report)
    if data is None:
        return None
    text = decode(path, data, report)
    if text is None:
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        report.error(path, 1, 1, "no front matter: the file must start with a '---' line",
                     "add the YAML front matter between two '---' lines at the top")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        report.error(path, 1, 1, "unterminated front matter: no closing '---' line", "add a '---' line after the last front matter key")
        return None
    loaded = load_yaml(path, "\n".join(lines[1:end]), 2, report)
    if loaded is None:
        return None
    data_, key_lines = loaded
    if not isinstance(data_, dict):
        got = "empty" if data_ is None else type(data_).__name__
        report.error(path, 2, 1, f"the front matter must be a mapping of keys to values, not {got}",
                     "write it as 'key: value' lines")
        return None
    return RawFile(path, data_, "\n".join(lines[end + 1:]), end + 2, key_lines)
