"""Problems found in content, reported as ``path:line:col: severity: message (what to do)``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

QA_CHECK = "qa"  # the family of the translations' quality checks (translating/qa.py)


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: str  # "error" or "warning"
    message: str
    hint: str = ""
    check: str = ""  # the family of checks it comes from, e.g. "qa": the translation quality checks

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass
class Report:
    """Collects every problem of one run, so that one bad file never hides another."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: Path | str, line: int, col: int, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(str(path), line, col, "error", message, hint))

    def warning(self, path: Path | str, line: int, col: int, message: str, hint: str = "", check: str = "") -> None:
        self.items.append(Diagnostic(str(path), line, col, "warning", message, hint, check))

    def promote(self, check: str) -> None:
        """Make the warnings of one family of checks errors (`compendium validate --qa-errors`)."""
        self.items = [replace(d, severity="error") if d.check == check and d.severity == "warning" else d
                      for d in self.items]

    def extend(self, other: "Report") -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.path, d.line, d.col, d.message))
