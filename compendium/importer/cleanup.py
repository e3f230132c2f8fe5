"""Step 1: raw text to numbered lines with uniform whitespace and Markdown footnote markers.

Nothing is classified here and no word is changed: only invisible characters, spacing and the
spelling of footnote markers (`<sup>96</sup>`, `¹⁷⁹` → `[^96]`, `[^179]`) and of sub-item marks
(`a)` → `(a)`) are normalised, so that every later step sees one convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Spaces that PDF and word-processor exports use; all of them are plain spaces in content.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
SOFT_HYPHEN = "\u00ad"

_SUP_HTML = re.compile(r"<sup>\s*([0-9A-Za-z]{1,4})\s*</sup>", re.I)
_SUP_UNICODE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUP_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_LEADING_REF = re.compile(r"^\[\^([^\]\s]+)\]\s*(?!:)(\S.*)$")
# "a) text", "ii) text", "- b) text": a sub-item mark without its opening parenthesis.
_HALF_ITEM = re.compile(r"^((?:[-•–]\s+)?)([a-z]{1,2}|[ivxlc]{1,6})\)\s+(?=\S)")


@dataclass
class Line:
    number: int  # 1-based line of the input, for warnings
    text: str  # without leading or trailing whitespace
    indented: bool = False  # the input line began with a space: OCR's sign of a new paragraph
    spaced_end: bool = False  # the input line ended with a space: OCR's sign that its last word is whole


def _markers(text: str) -> str:
    text = _SUP_HTML.sub(lambda m: f"[^{m.group(1)}]", text)
    return _SUP_UNICODE.sub(lambda m: f"[^{m.group(0).translate(_SUP_DIGITS)}]", text)


def clean_lines(text: str) -> list[Line]:
    """Every input line, blank ones included (as empty text), in order."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    previous_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = _INVISIBLE.sub("", _SPACES.sub(" ", raw))
        spaced_end = raw != raw.rstrip()
        # A soft hyphen inside a word is invisible; only at a line end does it mark a break.
        raw = raw.rstrip()
        body = raw[:-1].replace(SOFT_HYPHEN, "") + raw[-1:] if raw else raw
        stripped = _HALF_ITEM.sub(r"\1(\2) ", _markers(body.strip()))
        # A footnote marker that opens a paragraph (or follows another footnote) is the
        # footnote's own text, not a reference.
        if previous_blank and (m := _LEADING_REF.match(stripped)):
            stripped = f"[^{m.group(1)}]: {m.group(2)}"
        lines.append(Line(number, stripped, indented=bool(body) and body[0] == " ", spaced_end=spaced_end))
        previous_blank = not stripped or stripped.startswith("[^") and "]: " in stripped[:12]
    return lines
