"""A language's own words, from its data file: `languages/<code>.yml` beside the languages file.

The languages file (languages.yml) says which languages there are; each language's data file says how
it words what the engine reads: citations (citations/patterns.py), the "United Nations" prefix of
titles, month names, unit labels. A languages.yml entry may name its file (`data: languages/pt.yml`);
otherwise `languages/<code>.yml` beside the languages file is used, else the one shipped with the
compendium. A language without a data file simply has no such words (`compendium validate` says so).

    language_data("fr")["months"][0]  → "janvier"

A malformed file is a LanguageDataError naming the file and line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import click
import yaml

from . import languages
from .model import Meeting

SHIPPED = Path(__file__).with_name("languages")
UNIT_KINDS = ("article", "rule", "principle", "guideline", "prelim")  # prelim: "Preliminary observation 1"
_CACHES: list[Callable] = []


class LanguageDataError(click.ClickException):
    """A data file that cannot be read; the message starts with `file:line:`. Shown without a traceback."""


def cached(fn: Callable) -> Callable:
    """`lru_cache`, cleared by clear_caches() with the data it was built from."""
    wrapped = lru_cache(maxsize=None)(fn)
    _CACHES.append(wrapped)
    return wrapped


def clear_caches() -> None:
    """Forget every file read and everything built from them (a test that switches languages file)."""
    for fn in _CACHES:
        fn.cache_clear()


def languages_file() -> Path:
    """The active languages file (compendium.settings)."""
    return Path(languages.config_path())


def known() -> tuple[str, ...]:
    return languages.known_languages()


def data_file(lang: str) -> Path | None:
    """The language's data file; None when it has none. A file named in languages.yml must exist."""
    try:
        named = languages.info(lang).get("data")
    except KeyError:
        named = None
    folder = languages_file().parent
    if named:
        path = folder / named
        if not path.is_file():
            raise LanguageDataError(f"{languages_file()}: error: the data file of '{lang}' ({named}) does not exist")
        return path
    for path in (folder / "languages" / f"{lang}.yml", SHIPPED / f"{lang}.yml"):
        if path.is_file():
            return path
    return None


def language_data(lang: str) -> dict[str, Any]:
    """The language's data ({} without a data file), checked."""
    path = data_file(lang)
    return _load(path) if path else {}


def all_data() -> dict[str, dict[str, Any]]:
    """Every configured language's data, in the order of the languages file."""
    return {lang: language_data(lang) for lang in known()}


# -- reading and checking ---------------------------------------------------------------------------
@cached
def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise LanguageDataError(f"{where}: error: {exc.problem or exc.context}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LanguageDataError(f"{path}: error: cannot be read ({exc})") from None
    data = {} if data is None else data
    _Checker(path, node).check(data)
    return data


class _Checker:
    """Checks a data file's keys and types; every complaint names the line of the key at fault."""

    def __init__(self, path: Path, node: yaml.Node | None):
        self.path, self.node = path, node

    def line(self, *keys: str | int) -> int:
        """1-based line of the deepest of `keys` (a path of mapping keys and list indexes) found in the file."""
        node = self.node
        line = node.start_mark.line + 1 if node else 1
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                found = next(((k, v) for k, v in node.value if k.value == key), None)
                if found is None:
                    break
                line, node = found[0].start_mark.line + 1, found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def fail(self, keys: tuple, message: str, line: int | None = None) -> None:
        raise LanguageDataError(f"{self.path}:{line or self.line(*keys)}: error: {message}")

    def check(self, data: Any) -> None:
        if not isinstance(data, dict):
            self.fail((), "a language data file is a mapping of keys (citations, months, labels...)")
        for key, value in data.items():
            checker = _TOP.get(key)
            if checker is None:
                self.fail((key,), f"unknown key '{key}' (known: {', '.join(_TOP)})")
            checker(self, (key,), value)

    # value checkers: (self, where, value)
    def inflection(self, keys: tuple, value: Any) -> None:
        if not (isinstance(value, dict) and set(value) == {"min", "cut", "ending"}
                and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10 for v in value.values())):
            self.fail(keys, "title_inflection is a mapping of three small numbers: {min: 5, cut: 2, ending: 3} (a "
                            "title word of at least 'min' letters matches with its last 'cut' letters replaced by "
                            "up to 'ending' letters)")

    def text(self, keys: tuple, value: Any) -> None:
        if not isinstance(value, str):
            self.fail(keys, f"'{keys[-1]}' must be text")

    def regex(self, keys: tuple, value: Any) -> None:
        self.text(keys, value)
        try:
            re.compile(value.replace("{bodies}", "").replace("{items}", ""))
        except re.error as exc:
            self.fail(keys, f"'{keys[-1]}' is not a valid regular expression: {exc}")

    def words(self, keys: tuple, value: Any) -> None:
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            self.fail(keys, f"'{keys[-1]}' must be a list of words")

    def pairs(self, keys: tuple, value: Any, codes: tuple[str, ...]) -> None:
        """A block of lines `code regex`: `ga  General\\s+Assembly`."""
        self.text(keys, value)
        first = self.line(*keys) + 1  # a block scalar's text starts on the line after its key
        for offset, row in enumerate(value.splitlines()):
            if not row.strip():
                continue
            code, _, rx = row.strip().partition(" ")
            if code not in codes or not rx.strip():
                self.fail(keys, f"each line of '{keys[-1]}' is a code ({', '.join(codes)}), spaces and a regular "
                                f"expression; not {row.strip()!r}", first + offset)
            try:
                re.compile(rx.strip())
            except re.error as exc:
                self.fail(keys, f"not a valid regular expression: {exc}", first + offset)

    def citations(self, keys: tuple, value: Any) -> None:
        if not isinstance(value, dict):
            self.fail(keys, "'citations' must be a mapping of fragments (head, bodies, date...)")
        missing = [k for k in CITATION_REQUIRED if k not in value]
        if missing:
            self.fail(keys, f"'citations' lacks {', '.join(missing)}")
        for key, item in value.items():
            where = keys + (key,)
            if key in CITATION_PAIRS:
                self.pairs(where, item, CITATION_PAIRS[key])
            elif key in ("ordinals", "keywords"):
                self.words(where, item)
            elif key == "item_letters":
                self.text(where, item)
            elif key in CITATION_REQUIRED or key in CITATION_OPTIONAL:
                self.regex(where, item)
            else:
                self.fail(where, f"unknown key '{key}' in 'citations'")

    def months(self, keys: tuple, value: Any) -> None:
        if (not isinstance(value, list) or len(value) != 12
                or not all(isinstance(m, str) and m or isinstance(m, list) and m and all(isinstance(w, str) for w in m)
                           for m in value)):
            self.fail(keys, "'months' must list the twelve month names, January first (a name, or a list of spellings)")

    def months_written(self, keys: tuple, value: Any) -> None:
        if not isinstance(value, list) or len(value) != 12 or not all(isinstance(m, str) and m for m in value):
            self.fail(keys, "'months_written' must list the twelve month names as dates are written, January first")

    def unit_words(self, keys: tuple, value: Any, shape: Callable[[Any], bool], what: str) -> None:
        if not isinstance(value, dict):
            self.fail(keys, f"'{keys[-1]}' must map a kind ({', '.join(UNIT_KINDS)}) to {what}")
        for kind, items in value.items():
            if kind not in UNIT_KINDS:
                self.fail(keys + (kind,), f"unknown unit kind '{kind}' (known: {', '.join(UNIT_KINDS)})")
            if not isinstance(items, list) or not all(shape(i) for i in items):
                self.fail(keys + (kind,), f"'{kind}' must be a list of {what}")

    def ordinals_map(self, keys: tuple, value: Any) -> None:
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in value.items()):
            self.fail(keys, f"'{keys[-1]}' must map a word to its number (premier: 1)")

    def meeting(self, keys: tuple, value: Any) -> None:
        if not isinstance(value, dict):
            self.fail(keys, "'meeting' must be a mapping (read, write, write_resumed, ordinal...)")
        missing = [k for k in ("read", "write") if k not in value]
        if missing:
            self.fail(keys, f"'meeting' lacks {', '.join(missing)}")
        for key, item in value.items():
            where = keys + (key,)
            if key == "read":
                self.regex(where, item)
                if "n" not in re.compile(item).groupindex:
                    self.fail(where, "'read' must have the group (?P<n>...) for the meeting's number")
            elif key in ("write", "write_resumed"):
                self.text(where, item)
                if "{n}" not in item:
                    self.fail(where, f"'{key}' must hold {{n}} where the meeting's number goes")
            elif key == "ordinal":
                if not isinstance(item, dict) or not all(isinstance(v, str) for v in item.values()):
                    self.fail(where, "'ordinal' must map a number's ending to its suffix ('1': st, '': th)")
            elif key == "superscript":
                if not isinstance(item, bool):
                    self.fail(where, "'superscript' must be true or false")
            elif key == "numbers":
                self.ordinals_map(where, item)
            else:
                self.fail(where, f"unknown key '{key}' in 'meeting' (known: read, write, write_resumed, ordinal, "
                                 "superscript, numbers)")

    def date_pattern(self, keys: tuple, value: Any) -> None:
        self.regex(keys, value)
        if not {"year", "month", "day"} <= set(re.compile(value).groupindex):
            self.fail(keys, "'date_pattern' must have the groups (?P<year>...), (?P<month>...) and (?P<day>...)")


def _is_word(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


BODY_CODES = ("ga", "ecosoc", "commission", "other")
CITATION_PAIRS = {"bodies": BODY_CODES, "post_bodies": BODY_CODES, "antecedent_bodies": BODY_CODES,
                  "headed": UNIT_KINDS}
CITATION_REQUIRED = ("head", "date", "sep", "antecedent", "annex", "section", "paragraph", "item", "place_sep", "lead",
                     "trail")
CITATION_OPTIONAL = ("post_prefix", "post_link", "date_before", "item_prefix", "item_suffix", "tail_word", "internal",
                     "this_unit", "range")
_TOP: dict[str, Callable[[_Checker, tuple, Any], None]] = {
    "citations": _Checker.citations,
    "title_prefix": _Checker.text,
    "comma": _Checker.text,
    "months": _Checker.months,
    "months_written": _Checker.months_written,
    "date_pattern": _Checker.date_pattern,
    "meeting": _Checker.meeting,
    "labels": lambda c, k, v: c.unit_words(k, v, _is_word, "words"),
    "labels_joined": lambda c, k, v: c.unit_words(k, v, _is_word, "words"),
    "label_frames": lambda c, k, v: c.unit_words(
        k, v, lambda i: isinstance(i, list) and len(i) == 2 and all(isinstance(w, str) for w in i),
        "[before, after] pairs"),
    "label_ordinals": _Checker.ordinals_map,
    "preamble": _Checker.words,
    "open_words": _Checker.words,
    "title_inflection": _Checker.inflection,
}


def pairs(block: str) -> tuple[tuple[str, str], ...]:
    """A checked `code regex` block as (regex, code) pairs, in order."""
    out = []
    for row in block.splitlines():
        code, _, rx = row.strip().partition(" ")
        if code:
            out.append((rx.strip(), code))
    return tuple(out)


# -- meetings: "43rd plenary meeting" ---------------------------------------------------------------------
@cached
def _meeting_readers() -> tuple[tuple[str, re.Pattern], ...]:
    """Each configured language's `meeting.read`, anchored at a line's start (after an optional '*')."""
    out = []
    for lang, data in all_data().items():
        read = (data.get("meeting") or {}).get("read")
        if read:
            out.append((lang, re.compile(r"^\*?\s*(?:" + read + ")", re.I)))
    return tuple(out)


def read_meeting(text: str, whole: bool = False) -> tuple[str, Meeting | None] | None:
    """(language, meeting) when `text` starts with a plenary meeting as any configured language writes it
    ("43rd plenary meeting", "43<sup>e</sup> séance plénière", "第43次全体会议"), or is only that when `whole`;
    the meeting is None when its number is a word the language's data does not give."""
    for lang, rx in _meeting_readers():
        match = rx.match(text)
        if match is None or whole and text[match.end():].strip(" *"):
            continue
        spec = language_data(lang)["meeting"]
        raw = match.group("n")
        number = int(raw.translate(_DIGITS)) if raw.translate(_DIGITS).isdigit() else \
            {k.lower(): v for k, v in (spec.get("numbers") or {}).items()}.get(raw.lower())
        resumed = bool("resumed" in match.re.groupindex and match.group("resumed"))
        return lang, Meeting(number, resumed) if number else None
    return None


def is_adoption_line(text: str) -> bool:
    """Whether a line is an adoption line: it opens with a plenary meeting in a configured language."""
    return read_meeting(text) is not None


def parse_meeting(text: str | None) -> Meeting | None:
    """`adopted_by.meeting` as data, whichever configured language it is written in; None if it is not one."""
    found = read_meeting(text.strip(), whole=True) if text else None
    return found[1] if found else None


def meeting_words(lang: str, meeting: Meeting) -> tuple[str, str, str, bool, str] | None:
    """How `lang` writes a meeting: (before, number, ordinal suffix, suffix raised, after); None when the
    language's data does not say (or says nothing of resumed meetings and this one was)."""
    spec = language_data(lang).get("meeting")
    if not spec:
        return None
    template = spec.get("write_resumed") if meeting.resumed else spec["write"]
    if not template:
        return None
    number = str(meeting.number)
    rules = spec.get("ordinal") or {}
    exact = rules.get("=" + number)
    if exact is None:
        ending = max((k for k in rules if not k.startswith("=") and number.endswith(k)), key=len, default=None)
        exact = rules[ending] if ending is not None else ""
    before, _sep, after = template.partition("{n}")
    return before, number, exact, bool(spec.get("superscript")), after


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
