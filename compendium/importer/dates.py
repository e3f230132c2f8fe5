"""The adoption line: "43rd plenary meeting / 27 July 1993" in the six languages, to front matter facts."""

from __future__ import annotations

import re

MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ar": "يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
_MONTH_NUMBER = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names.split())}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er)?\s+(?:de\s+)?(?:[^\W\d_]+/)?([^\W\d_]+)(?:\s+de)?\s+(\d{4})")
_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MEETING_NUMBER = re.compile(r"(\d+)")
_OCR_ORDINAL = re.compile(r"^(\d+)\s+(st|nd|rd|th)\b")


def iso_date(text: str) -> str | None:
    """'27 July 1993' → '1993-07-27'; None when the text holds no date this reader knows."""
    if m := _ZH.search(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DAY_MONTH_YEAR.search(text):
        month = _MONTH_NUMBER.get(m.group(2).lower())
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
    if date is None and (m := _DAY_MONTH_YEAR.search(meeting) or _ZH.search(meeting)):
        meeting, date = meeting[: m.start()].strip(" ,"), m.group(0)
    return _OCR_ORDINAL.sub(r"\1\2", meeting), date


def meeting_number(meeting: str) -> int | None:
    m = _MEETING_NUMBER.search(meeting)
    return int(m.group(1)) if m else None
