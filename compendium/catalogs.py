"""gettext catalogs of the interface strings: compile them and measure their completeness (Babel)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .atomic import write_with
from .i18n import DOMAIN, translations_dir


@dataclass
class CatalogState:
    lang: str
    total: int
    untranslated: list[str]
    fuzzy: list[str]

    @property
    def complete(self) -> bool:
        return not self.untranslated and not self.fuzzy


def po_path(lang: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages(folder: Path | None = None) -> list[str]:
    return sorted(p.parent.parent.name for p in (folder or translations_dir()).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def state(lang: str, folder: Path | None = None) -> CatalogState:
    with po_path(lang, folder).open("rb") as fh:
        catalog = read_po(fh, locale=None)
    messages = [m for m in catalog if m.id]
    untranslated = [str(m.id) for m in messages if not (m.string if isinstance(m.string, str) else all(m.string))]
    fuzzy = [str(m.id) for m in messages if m.fuzzy]
    return CatalogState(lang, len(messages), untranslated, fuzzy)


def compile_all(folder: Path | None = None) -> list[Path]:
    """Compile every .po to .mo when the .po is newer: done at build time, .mo files are not committed.
    Without `folder`, the active settings' catalogs."""
    folder = folder or translations_dir()
    written = []
    for lang in catalog_languages(folder):
        po = po_path(lang, folder)
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        # Whole or not at all: several builds compile at once, and read what another wrote.
        write_with(mo, lambda fh, catalog=catalog: write_mo(fh, catalog, use_fuzzy=False))
        written.append(mo)
    return written
