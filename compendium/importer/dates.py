"""The adoption line: "43rd plenary meeting / 27 July 1993" in every language, to front matter facts.

Month names come from each language's data file (`months:`); a language writing dates in figures
gives their pattern instead (`date_pattern:`, Chinese: 1993年7月27日).
"""

from __future__ import annotations

import re

from ..language_data import all_data, cached

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er)?\s+(?:de\s+)?(?:[^\W\d_]+/)?([^\W\d_]+)(?:\s+de)?\s+(\d{4})")
_MEETING_NUMBER = re.compile(r"(\d+)")
_OCR_ORDINAL = re.compile(r"^(\d+)\s+(st|nd|rd|th)\b")


@cached
def month_numbers() -> dict[str, int]:
    """Every language's month names (lower case) → 1..12."""
    out: dict[str, int] = {}
    for data in all_data().values():
        for index, names in enumerate(data.get("months") or ()):
            for name in [names] if isinstance(names, str) else names:
                out.setdefault(name.lower(), index + 1)
    return out


@cached
def _figure_dates() -> tuple[re.Pattern, ...]:
    """The languages' dates in figures (`date_pattern`: groups year, month, day)."""
    return tuple(re.compile(d["date_pattern"]) for d in all_data().values() if d.get("date_pattern"))


def _figure_date(text: str) -> re.Match | None:
    return next((m for regex in _figure_dates() if (m := regex.search(text))), None)


def iso_date(text: str) -> str | None:
    """'27 July 1993' → '1993-07-27'; None when the text holds no date this reader knows."""
    if m := _figure_date(text):
        year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    elif m := _DAY_MONTH_YEAR.search(text):
        month = month_numbers().get(m.group(2).lower())
        if month is None:
            return None
        day, year = int(m.group(1)), int(m.group(3))
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def split_adoption(meeting_line: str, date_line: str | None) -> tuple[str, str | None]:
    """The meeting ('43rd plenary meeting') and the date text, from one or two lines."""
    meeting = meeting_line.strip("* ")
    date = date_line.strip("* ") if date_line else None
    if date is None and (m := _DAY_MONTH_YEAR.search(meeting) or _figure_date(meeting)):
        meeting, date = meeting[: m.start()].strip(" ,"), m.group(0)
    return _OCR_ORDINAL.sub(r"\1\2", meeting), date


def meeting_number(meeting: str) -> int | None:
    m = _MEETING_NUMBER.search(meeting)
    return int(m.group(1)) if m else None
