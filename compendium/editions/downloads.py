"""The Downloads page's body: a table of a language's PDF files, from its manifest."""

from __future__ import annotations

import html
import posixpath

from babel.numbers import format_decimal

from ..i18n import gettext_for, locale_of
from ..languages import direction


def human_size(size: int, lang: str) -> str:
    """Bytes as a reader reads them, with the language's decimal sign."""
    _ = gettext_for(lang)
    if size >= 1024 * 1024:
        return _("%(size)s MB") % {"size": format_decimal(round(size / 1048576, 1), locale=locale_of(lang))}
    return _("%(size)s kB") % {"size": format_decimal(max(1, round(size / 1024)), locale=locale_of(lang))}


def downloads_html(lang: str, manifest: dict | None, page_dir: str | None = None) -> str:
    """HTML fragment listing the editions; links are relative to `page_dir` (the page's folder from the site
    root, default `<lang>/downloads/`) so the site works under any base path."""
    _ = gettext_for(lang)
    files = (manifest or {}).get("files") or []
    if not files:
        return f'<p class="cmp-downloads-none">{html.escape(_("No printable edition is available yet."))}</p>'
    page_dir = page_dir if page_dir is not None else f"{lang}/downloads/"
    kinds = {"full": _("Full compendium"), "cluster": _("Cluster"), "instrument": _("Instrument")}
    rows = []
    for f in files:
        href = posixpath.relpath(f["path"], page_dir.rstrip("/") or ".")
        title_lang = f.get("title_lang") or lang
        attrs = f' lang="{title_lang}" dir="{direction(title_lang)}"' if title_lang != lang else ""
        note = f' <span class="cmp-note">({html.escape(_("source language"))})</span>' if f.get("fallback") else ""
        rows.append(
            f'<tr class="cmp-download cmp-download-{html.escape(f["kind"])}">'
            f'<td><a href="{html.escape(href)}" download{attrs}>{html.escape(f["title"])}</a>{note}</td>'
            f'<td>{html.escape(kinds.get(f["kind"], f["kind"]))}</td>'
            f'<td class="cmp-num">{html.escape(format_decimal(f["pages"], locale=locale_of(lang)))}</td>'
            f'<td class="cmp-num">{html.escape(human_size(f["bytes"], lang))}</td>'
            f'<td><code class="cmp-sha256" title="SHA-256">{html.escape(f["sha256"])}</code></td></tr>')
    head = "".join(f'<th scope="col">{html.escape(h)}</th>'
                   for h in (_("Document"), _("Type"), _("Pages"), _("Size"), _("SHA-256 checksum")))
    intro = html.escape(_("Printable editions in PDF, for reading offline and printing. The checksum lets you "
                          "check that a file is the one published here."))
    return (f'<p class="cmp-downloads-intro">{intro}</p><table class="cmp-downloads"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
