"""Step 6: the front matter of an imported document, from what the text itself says.

Only facts the text states are written. What the importer had to guess (the symbol, which
follows the usual pattern; the adopting body of an untitled fragment) is listed under
`verified`, so that the site shows it as unconfirmed until an editor checks it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from .assemble import Result
from .dates import iso_date, meeting_number, split_adoption
from .documents import Draft

SYMBOL_PREFIX = {"ecosoc": "E/RES/", "ga": "A/RES/"}
# An instrument's kind from the words of its English title, most specific first.
INSTRUMENT_KINDS = (("model treaty", "model-treaty"), ("model agreement", "agreement"), ("agreement", "agreement"),
                    ("safeguards", "safeguards"), ("procedures", "procedures"), ("strategies", "strategies"),
                    ("code", "code"), ("declaration", "declaration"), ("guidelines", "guidelines"),
                    ("principles", "principles"), ("rules", "rules"), ("standards", "standards"))


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


def _adoption(result: Result) -> tuple[str | None, str | None]:
    if result.meeting is None:
        return None, None
    return split_adoption(result.meeting, result.date)


class _Front:
    def __init__(self, draft: Draft, result: Result, lang: str):
        self.draft, self.result, self.lang = draft, result, lang
        self.meta: dict[str, Any] = {}
        self.unverified: list[str] = []
        self.why: list[str] = []  # verification_note sentences
        self.notes: list[tuple[int, str]] = []

    def resolution(self, index: int, file_body: str | None) -> dict[str, Any]:
        d, r = self.draft, self.result
        body = d.body or r.body
        meeting, date_text = _adoption(r)
        date = iso_date(date_text) if date_text else None
        if body is None and d.number and re.match(r"^\d{4}/", d.number):
            body = "ecosoc"
            self.notes.append((d.line, "the adopting body is not named; assumed ECOSOC from the form of the number"))
            self.unverified.append("adopted_by")
            self.why.append("The adopting body is inferred from the form of the resolution number.")
        if d.number and body:
            doc_id = f"{body}-{d.number.replace('/', '-')}".lower()
        else:
            if body is None and file_body:
                body = file_body
                self.why.append(f"The adopting body ({body}) is inferred from the other resolutions in the same source.")
            year = (date or "")[:4]
            number = meeting_number(meeting) if meeting else None
            parts = [body or "unknown", year, "unidentified", f"plenary-{number}" if number else f"{index + 1}"]
            doc_id = "-".join(p for p in parts if p)
            self.why.insert(0, "The text does not say which resolution it is: its heading is missing from the source.")
            self.notes.append((d.line, f"no resolution number or title: imported as '{doc_id}' (verified: false)"))
        self.meta.update(id=doc_id, kind="resolution", title=d.title or self._untitled(meeting, date_text))
        if d.number and body in SYMBOL_PREFIX:
            self.meta["symbol"] = SYMBOL_PREFIX[body] + d.number
            self.unverified.append("symbol")
            self.why.append("The symbol follows the usual pattern for the resolution number and has not been "
                            "checked against the official record.")
        adopted: dict[str, Any] = {k: v for k, v in (("body", body), ("resolution", d.number), ("meeting", meeting))
                                   if v}
        if date:
            adopted["date"] = date
        elif date_text:
            adopted["text"] = date_text
        if adopted:
            self.meta["adopted_by"] = adopted
        if meeting is None:
            self.notes.append((d.line, "no adoption line (meeting and date) found"))
        return self.finish(identified=bool(d.number))

    def instrument(self) -> dict[str, Any]:
        d = self.draft
        title = d.title or "Untitled text (the source gives no title)"
        kind = next((k for words, k in INSTRUMENT_KINDS if words in title.lower()), "instrument") \
            if self.lang == "en" else "instrument"
        doc_id = slug(title) if d.title else ""
        if not doc_id:
            doc_id = "untitled-instrument"
            self.notes.append((d.line, "no id can be made from the title; choose one (the folder name)"))
        self.meta.update(id=doc_id, kind=kind, title=title)
        self.notes.append((d.line, "an instrument needs a 'cluster' (custody, cooperation, prevention or governance): "
                                   "the text does not say which, so none is set"))
        return self.finish(identified=bool(d.title))

    def _untitled(self, meeting: str | None, date_text: str | None) -> str:
        if meeting:
            when = f"{meeting}, {date_text}" if date_text else meeting
            return f"Resolution adopted at the {when} (its title is missing from the source)"
        return "Untitled resolution (its title is missing from the source)"

    def finish(self, identified: bool) -> dict[str, Any]:
        missing = self._missing()
        self.meta["completeness"] = "partial" if missing else "complete"
        if missing:
            self.meta["completeness_note"] = " ".join(missing)
        if not identified:
            self.meta["verified"] = False
        elif self.unverified:
            self.meta["verified"] = self.unverified
        if self.why:
            self.meta["verification_note"] = " ".join(self.why)
        if self._footnotes_missing():
            self.meta["footnotes_missing"] = True
        return self.meta

    def _missing(self) -> list[str]:
        r, d, out = self.result, self.draft, []
        if d.title is None and self.meta.get("kind") == "resolution":
            out.append("The heading (number and title) is missing from the source" + (
                ", and the text begins mid-sentence." if r.starts_mid else
                "; the text begins without the name of the adopting body, so its opening is missing too."
                if r.body is None else "."))
        elif d.title is None and r.starts_mid:
            out.append("The beginning of the text (with its title) is missing from the source.")
        last_line = max((e.line for e in r.entries if e.kind != "footnote"), default=0)
        for line in r.cut_at:
            out.append("The text ends mid-sentence; the rest is missing." if line == last_line else
                       f"Text is missing after the paragraph that starts at line {line} of the source, "
                       "which breaks off mid-sentence.")
        if r.gaps:
            out.append("Missing: " + "; ".join(r.gaps) + ".")
        return out

    def _footnotes_missing(self) -> bool:
        cited, given = set(), {e.number for e in self.result.entries if e.kind == "footnote"}
        for e in self.result.entries:
            if e.kind != "footnote":
                cited.update(re.findall(r"\[\^([^\]\s]+)\](?!:)", e.text))
        absent = sorted(cited - given, key=lambda s: (len(s), s))
        if absent:
            self.notes.append((self.draft.line, "the source gives no text for footnote(s) " + ", ".join(absent)))
        return bool(absent)


def front_matter(draft: Draft, result: Result, lang: str, collection: str, index: int,
                 file_body: str | None) -> tuple[dict[str, Any], list[tuple[int, str]]]:
    front = _Front(draft, result, lang)
    meta = front.resolution(index, file_body) if collection == "resolutions" else front.instrument()
    return meta, front.notes


def dump(meta: dict[str, Any]) -> str:
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{text}---\n"
