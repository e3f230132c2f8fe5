"""A word-by-word diff of two texts; Chinese and Japanese, written without spaces, are compared per character."""

from __future__ import annotations

import difflib
import re

# One CJK character is one token; otherwise a word, a run of spaces, or one punctuation mark.
TOKEN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\W\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+|[^\w\s]")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces, op one of 'equal', 'delete', 'insert'; a replacement is a delete then an insert."""
    a, b = tokens(old), tokens(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            pieces.append(("equal" if op == "equal" else "delete", "".join(a[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            pieces.append(("insert", "".join(b[j1:j2])))
    return _spaces_after_words(pieces)


def _spaces_after_words(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'The{+ Member+} States' reads better as 'The {+Member +}States': move a leading space to the end."""
    out = [list(p) for p in pieces]
    for i in range(1, len(out) - 1):
        before, piece, after = out[i - 1], out[i], out[i + 1]
        if before[0] == after[0] == "equal" and piece[0] != "equal":
            space = re.match(r"\s+", piece[1])
            if space and after[1].startswith(space.group()) and piece[1].strip():
                n = len(space.group())
                before[1], piece[1], after[1] = before[1] + piece[1][:n], piece[1][n:] + piece[1][:n], after[1][n:]
    return [(op, text) for op, text in out if text]


def plain(pieces: list[tuple[str, str]]) -> str:
    """The diff as text, in git's --word-diff=plain notation: [-removed-]{+added+}."""
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(marks[op][0] + text + marks[op][1] for op, text in pieces)
