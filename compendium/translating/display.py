"""Terminal output for translators, with rich: the status matrix and word-by-word diffs."""

from __future__ import annotations

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .status import STATES, CatalogStatus, TranslationState
from .worddiff import plain

STATUS_COLOURS = {
    "missing": "bold red", "invalid": "bold red", "outdated": "yellow", "untracked": "magenta", "draft": "cyan",
    "translated": "green", "reviewed": "bold green", "official": "bold green", "no-source-text": "dim",
    "no-source": "red", "source": "dim", "complete": "green", "incomplete": "yellow",
}


def status_table(states: list[TranslationState], cats: list[CatalogStatus], languages: list[str]) -> None:
    console = Console(highlight=False)
    table = Table(title="Translations", show_lines=False)
    table.add_column("document")
    for lang in languages:
        table.add_column(lang)
    rows: dict[str, dict[str, object]] = {}
    details = []
    for s in states:
        count = len(s.outdated_units) + len(s.missing_units) if s.status == "outdated" else len(s.untranslated_units)
        label = f"{s.status} ({count})" if count else s.status
        rows.setdefault(s.document, {})[s.lang] = f"[{STATUS_COLOURS.get(s.status, '')}]{label}[/]"
        parts = [f"{name}: {', '.join(units)}" for name, units in (
            ("outdated", s.outdated_units), ("missing in translation", s.missing_units),
            ("not in source", s.extra_units), ("untranslated", s.untranslated_units),
            ("no hash recorded", s.unrecorded_units)) if units]
        if parts:
            details.append(f"{s.document} [{s.lang}] {'; '.join(parts)}")
    for doc_id, cells in rows.items():
        table.add_row(doc_id, *(cells.get(lang, "") for lang in languages))
    console.print(table)
    catalog_table = Table(title="Interface catalogs (translations/<lang>/LC_MESSAGES/messages.po)")
    for column in ("language", "status", "messages", "untranslated", "fuzzy"):
        catalog_table.add_column(column)
    for c in cats:
        catalog_table.add_row(c.lang, f"[{STATUS_COLOURS.get(c.status, '')}]{c.status}[/]", str(c.total),
                              str(c.untranslated), str(c.fuzzy))
    console.print(catalog_table)
    for line in details:
        console.print(line, markup=False)
    shown = sorted({s.status for s in states}, key=list(STATES).index)
    for name in shown:
        console.print(f"[{STATUS_COLOURS.get(name, '')}]{name}[/]: {STATES[name]}")
    console.print("(n): units outdated or missing for 'outdated', units still untranslated otherwise")


class Printer:
    """rich output for people, plain text (git's word-diff notation) for scripts and tests."""

    def __init__(self, fmt: str):
        # "auto": colours on a terminal; piped to a file or a pager, git's notation, or the struck and the
        # added words would run together ("appropriatesuitable").
        self.plain = fmt == "text" or (fmt == "auto" and not click.get_text_stream("stdout").isatty())
        if not self.plain:
            self.console = Console(highlight=False)

    def line(self, text: str, indent: bool = False) -> None:
        text = "\n".join("    " + t for t in text.split("\n")) if indent else text
        click.echo(text) if self.plain else self.console.print(text, markup=False, soft_wrap=True)

    def heading(self, text: str) -> None:
        click.echo(f"\n== {text}") if self.plain else self.console.print(f"\n[bold]{escape(text)}[/]", soft_wrap=True)

    def diff(self, pieces: list[tuple[str, str]]) -> None:
        if self.plain:
            self.line(plain(pieces), indent=True)
            return
        styles = {"equal": "", "delete": "red strike", "insert": "green underline"}
        text = Text("    ")
        for op, piece in pieces:
            text.append(piece.replace("\n", "\n    "), style=styles[op])
        self.console.print(text)
