"""Digits and numerals of the scripts the compendium is written in: one definition, used everywhere."""

from __future__ import annotations

# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits, as ranges for a regex character class.
ARABIC_INDIC = "\u0660-\u0669\u06f0-\u06f9"
# Any digit a resolution number or a unit number may be written in: `[{DIGITS}]`.
DIGITS = "0-9" + ARABIC_INDIC
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """'١٩٩٣/٣٤' → '1993/34': Arabic-Indic digits written as ASCII ones; everything else kept."""
    return text.translate(_TO_ASCII)
