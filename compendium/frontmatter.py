"""Read one content file: decode it, split the YAML front matter from the body, load it safely.

Every failure is reported with the file, line and column; nothing here raises on bad content.
"""

from __future__ import annotations

import datetime as dt
import re
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


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: 3× faster


_MAY_ALIAS = re.compile(r"[&*][^\s]")


def _first_alias(text: str) -> yaml.Mark | None:
    """Where the first alias (*name) is used, or None. Parsed only when the text could hold one."""
    if not _MAY_ALIAS.search(text):
        return None
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


def load_yaml(path: Path, text: str, first_line: int, report: Report) -> tuple[Any, dict[str, int]] | None:
    """Safe-load one YAML document; refuse aliases (no front matter needs them, and they allow bombs)."""
    try:
        mark = _first_alias(text)
        if mark is not None:
            report.error(path, first_line + mark.line, mark.column + 1,
                         "YAML aliases (*name) are not allowed in front matter", "write the value out in full")
            return None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        report.error(path, line, col, f"YAML syntax error: {problem}", "fix the front matter; check quotes, colons and indentation")
        return None
    except yaml.YAMLError as exc:  # anything else PyYAML can raise, without a position
        report.error(path, first_line, 1, f"YAML error: {exc}", "fix the front matter")
        return None
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = first_line + key_node.start_mark.line
    return _plain(data), key_lines


def read(path: Path, report: Report) -> RawFile | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(path, 1, 1, f"cannot read the file: {exc.strerror}", "check its permissions")
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
