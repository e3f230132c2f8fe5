"""Bring the interface-string catalogs up to date: the one command to run after adding or changing strings.

    .venv/bin/python translations/update.py           # re-extract messages.pot, update (or create) every catalog
    .venv/bin/python translations/update.py --check   # write nothing; exit 1 if the .pot or a catalog is stale

The catalogs folder is the one the settings name: COMPENDIUM_TRANSLATIONS (a national edition's own catalogs),
else translations/ here; the languages are those of COMPENDIUM_LANGUAGES, else compendium/languages.yml. Only
that folder is written (its messages.pot and its <lang>/LC_MESSAGES/messages.po).

1. Extraction. Every marked string in the files babel.cfg names (compendium/**.py, hooks/**.py,
   overrides/**.html, translations/indirect_strings.py) goes into translations/messages.pot. That is

       pybabel extract -F translations/babel.cfg -k _ -k N_ -c TRANSLATORS: --sort-output \
           --add-location=file -o translations/messages.pot .

   run from the repository root; babel.cfg's own extractor (compendium/babel_extract.py, which also reads
   inside f-strings) is part of the installed package. EXTRACT_OPTIONS below is the exact list. Babel's default keywords stay on, so these are all found:
     Python     _("..."), self._("..."), gettext("..."), ngettext("one", "many", n), pgettext("ctx", "..."),
                N_("...") (marks a string for extraction without translating it there);
     templates  {{ _("...") }}, {{ _("... %(count)s", count=n) }}, {{ ngettext(...) }},
                {% trans %}...{% endtrans %} and {% trans count=n %}...{% pluralize %}...{% endtrans %}
                (read as hooks/site.py renders them: jinja2.ext.i18n with newstyle gettext).
   A comment starting "TRANSLATORS:" on the line(s) just above a marked string reaches the translators.
   Extraction cannot see a string that is translated through a variable (compendium/pages.py does
   self._(SITE_TITLE)); such strings are listed, marked, in translations/indirect_strings.py.
   The .pot keeps file names but no line numbers, and is rewritten only when a message changed, so editing code
   does not churn it (or its POT-Creation-Date).

2. Catalogs. For every language of the languages file, <folder>/<lang>/LC_MESSAGES/messages.po is
   created as `pybabel init -l <lang>` would (with the language's Plural-Forms: Arabic 6, Russian 3, Chinese 1;
   Arabic's as in GNU gettext and CLDR, see PLURAL_FORMS) and then updated as `pybabel update --previous` would:
     - a new string arrives with an empty msgstr;
     - a string whose English changed a little arrives "#, fuzzy" with the old translation and, as "#| msgid",
       the old English: check it against the new English, correct it and delete the fuzzy flag;
     - a string no longer in the code stays at the end as an obsolete "#~" entry, and its translation comes back
       by itself if the same string is marked again.
   English is the source language: its catalog is kept complete here with msgstr = msgid.

3. It prints, per language, how many strings still need a translation. Translate them in the .po files (keep
   every placeholder such as %(number)s or {n} exactly; templates %-format every string, so a literal percent
   sign there is written %%), then run `.venv/bin/pytest -q tests/test_catalogs.py`.
   The .mo files are compiled at build time (compendium.catalogs.compile_all) and are not committed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"  # the project's catalogs; main() works on the settings' folder
CONFIG = TRANSLATIONS / "babel.cfg"
DOMAIN = "messages"
WIDTH = 76

# Plural-Forms where Babel's table differs from GNU gettext and CLDR. Babel gives Arabic
# "... n%100>=0 && n%100<=2 ? 4 : 5", i.e. form 4 for 100-102 and form 5 for 11-99, the reverse of the order
# zero, one, two, few, many, other that gettext, CLDR and translation tools use (form 4 "many" = 11-99).
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}

EXTRACT_OPTIONS = [
    "-F", str(CONFIG),
    "-k", "_", "-k", "N_",            # on top of Babel's defaults (gettext, ngettext, pgettext, ...)
    "-c", "TRANSLATORS:",
    "--sort-output",
    "--add-location=file",
    "--width", str(WIDTH),
    "--project", "compendium",
    "--copyright-holder", "United Nations",
]

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def languages() -> tuple[str, ...]:
    from compendium.languages import known_languages
    return known_languages()


def po_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{DOMAIN}.pot"


def extract(output: Path, root: Path = ROOT) -> None:
    """Run `pybabel extract` from `root` (the repository root) into `output`, with babel.cfg from here."""
    cmd = [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", *EXTRACT_OPTIONS, "-o", str(output), "."]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"extraction failed:\n{' '.join(cmd)}\n{done.stdout}{done.stderr}")


def _stable(text: str) -> str:
    """The file without the lines that change on every run although no message did."""
    return "\n".join(line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:'))


def fresh_template(pot: Path | None = None) -> tuple[str, Catalog]:
    """The .pot as extraction makes it now, and as a Catalog. The creation date of the existing .pot (`pot`,
    by default the project's) is kept when no message changed."""
    pot = pot or pot_path()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "messages.pot"
        extract(out)
        text = out.read_text(encoding="utf-8")
    if pot.exists():
        old = pot.read_text(encoding="utf-8")
        if _stable(old) == _stable(text):
            text = old
    return text, read_po(io.StringIO(text))


def _serialise(catalog: Catalog) -> str:
    buf = io.BytesIO()
    write_po(buf, catalog, width=WIDTH, include_previous=True, ignore_obsolete=False)
    return buf.getvalue().decode("utf-8")


def _new_catalog(template_text: str, lang: str) -> Catalog:
    """As `pybabel init -l <lang>`: the template, with the language's header and plural forms."""
    catalog = read_po(io.StringIO(template_text), locale=lang)
    catalog.locale = Locale.parse(lang)
    catalog.language_team = f"{lang} <LL@li.org>"
    catalog.revision_date = dt.datetime.now(dt.timezone.utc)
    catalog.fuzzy = False
    return catalog


def _is_translated(string) -> bool:
    return bool(string) if isinstance(string, str) else bool(string) and all(string)


def updated(lang: str, template_text: str, template: Catalog, folder: Path = TRANSLATIONS) -> str:
    """The text the language's catalog should have for this template (as `pybabel update --previous`)."""
    path = po_path(lang, folder)
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=DOMAIN)
    else:
        catalog = _new_catalog(template_text, lang)
    if lang in PLURAL_FORMS:
        catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[lang])]
    before = dict(catalog.obsolete)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    # A string marked again after it went obsolete gets its own translation back, rather than none or a fuzzy
    # guess from a similar string.
    for message in catalog:
        if not message.id:
            continue
        key = catalog._key_for(message.id, message.context)
        old = before.get(key)
        if old is not None:
            if ((message.fuzzy or not _is_translated(message.string)) and _is_translated(old.string)
                    and type(old.string) is type(message.string)):
                message.string = old.string
                message.flags = (message.flags - {"fuzzy"}) | (old.flags & {"fuzzy"})
                message.previous_id = []
            catalog.obsolete.pop(key, None)
    # A string that gained (or changed) its msgctxt keeps the translation it had without it, fuzzy for a check,
    # rather than a fuzzy guess from another string ("Cite" is not "Title").
    by_id = {}
    for key, old in catalog.obsolete.items():
        if _is_translated(old.string):
            by_id.setdefault(old.id if isinstance(old.id, str) else old.id[0], (key, old))
    for message in catalog:
        if not message.id or not (message.fuzzy or not _is_translated(message.string)):
            continue
        found = by_id.get(message.id if isinstance(message.id, str) else message.id[0])
        if found and found[1].context != message.context and type(found[1].string) is type(message.string):
            message.string = found[1].string
            message.flags = message.flags | {"fuzzy"}
            message.previous_id = []
            catalog.obsolete.pop(found[0], None)
    if lang == "en":
        # The source language: every translation is the English itself.
        for message in catalog:
            if message.id:
                message.string = tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id
                message.flags.discard("fuzzy")
                message.previous_id = []
        catalog.obsolete.clear()
    return _serialise(catalog)


def _show(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _summary(lang: str, folder: Path, shown: int = 8) -> str:
    from compendium.catalogs import state
    s = state(lang, folder)
    todo = list(dict.fromkeys(s.untranslated + s.fuzzy))
    if not todo:
        return f"{lang}: {s.total} messages, complete"
    lines = [f"{lang}: {s.total} messages, {len(todo)} to translate or review in {_show(po_path(lang, folder))}"]
    lines += [f"      {m!r}" for m in todo[:shown]] + ([f"      ... and {len(todo) - shown} more"] if len(todo) > shown else [])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything is out of date")
    args = parser.parse_args(argv)
    from compendium import settings
    from compendium.atomic import WriteError, write_text

    try:  # read once, here at the edge: COMPENDIUM_TRANSLATIONS and COMPENDIUM_LANGUAGES
        settings.use(settings.Settings.from_env(os.environ))
    except settings.SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    folder = settings.current().translations
    template_text, template = fresh_template(pot_path(folder))
    stale: list[Path] = []
    targets = [(pot_path(folder), template_text)]
    targets += [(po_path(lang, folder), updated(lang, template_text, template, folder)) for lang in languages()]
    for path, text in targets:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            try:
                write_text(path, text, parents=True)
            except WriteError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1

    rel = [_show(p) for p in stale]
    if args.check:
        if stale:
            print("out of date: " + ", ".join(rel) + "\nrun: .venv/bin/python translations/update.py")
            return 1
        print(f"messages.pot and every catalog in {_show(folder)} are up to date")
        return 0
    print(f"{len(template)} messages; " + ("updated: " + ", ".join(rel) if rel else "nothing changed"))
    for lang in languages():
        print("  " + _summary(lang, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
