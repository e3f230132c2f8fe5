"""The Downloads page's body: a table of a language's PDF files and e-book, from its manifest."""

from __future__ import annotations

from types import SimpleNamespace

from babel.numbers import format_decimal

from .. import addresses
from ..markup import macro
from ..i18n import gettext_for, locale_of
from ..languages import direction
from .manifest import listed


MEDIA_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip"}


def human_size(size: int, lang: str) -> str:
    """Bytes as a reader reads them, with the language's decimal sign."""
    _ = gettext_for(lang)
    if size >= 1024 * 1024:
        return _("%(size)s MB") % {"size": format_decimal(round(size / 1048576, 1), locale=locale_of(lang))}
    return _("%(size)s kB") % {"size": format_decimal(max(1, round(size / 1024)), locale=locale_of(lang))}


def downloads_html(lang: str, manifest: dict | None, page_dir: str | None = None) -> str:
    """HTML fragment listing the editions; links are relative to `page_dir` (the page's folder from the site
    root, default the language's Downloads page) so the site works under any base path."""
    _ = gettext_for(lang)
    files = listed(manifest)
    if not files:
        return str(macro("downloads.html", "no_editions")(_))
    here = page_dir if page_dir is not None else addresses.downloads_page(lang)
    kinds = {"full": _("Full compendium"), "cluster": _("Cluster"), "instrument": _("Instrument"),
             "resolution": _("Resolution"), "epub": _("E-book (EPUB)")}
    rows = []
    for f in files:
        title_lang = f.get("title_lang") or lang
        rows.append(SimpleNamespace(
            kind=f["kind"], href=addresses.relative(here if here.endswith("/") else here + "/", f["path"]),
            title=f["title"], title_lang=title_lang if title_lang != lang else None, dir=direction(title_lang),
            fallback=bool(f.get("fallback")), kind_label=kinds.get(f["kind"], f["kind"]),
            pages=format_decimal(f["pages"], locale=locale_of(lang)) if f.get("pages") else "",
            size=human_size(f["bytes"], lang), type=MEDIA_TYPES.get(f["path"].rsplit(".", 1)[-1], "application/pdf"),
            sha256=f["sha256"]))
    return str(macro("downloads.html", "table")(_, rows))
