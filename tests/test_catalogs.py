"""The interface-string catalogs in translations/: complete, in step with the code, placeholders intact, usable.

When one of these fails after strings were added or changed in the code or templates:

    .venv/bin/python translations/update.py

then translate the entries it reports in translations/<lang>/LC_MESSAGES/messages.po (empty msgstr, or
"#, fuzzy": check the translation, then delete the flag) and run this file again.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import shutil
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po
from babel.support import Translations

from compendium import i18n, settings
from compendium.catalogs import compile_all, po_path, state
from compendium.languages import known_languages

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
FIX = ("Run `.venv/bin/python translations/update.py`, translate the new or fuzzy entries in "
       "translations/<lang>/LC_MESSAGES/messages.po, then run `.venv/bin/pytest -q tests/test_catalogs.py`.")
LANGS = known_languages()


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


update = _load("compendium_translations_update", TRANSLATIONS / "update.py")
from compendium import babel_extract as extract_python  # noqa: E402


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def key(message: Message):
    return (message.context, message.id)


def ids(catalog: Catalog) -> set:
    return {key(m) for m in catalog if m.id}


def show(keys) -> str:
    return "\n".join(f"  {msgid!r}" + (f" (context {ctx!r})" if ctx else "") for ctx, msgid in sorted(keys, key=str))


@pytest.fixture(scope="module")
def fresh_pot(tmp_path_factory) -> Catalog:
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    update.extract(out)
    return read(out)


@pytest.fixture(scope="module")
def template() -> Catalog:
    return read(POT)


# -- (a) complete catalogs -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_a_complete_catalog(lang):
    path = po_path(lang, TRANSLATIONS)
    assert path.exists(), f"no catalog for {lang!r} ({path.relative_to(ROOT)}). {FIX}"
    s = state(lang, TRANSLATIONS)
    assert s.total > 0, f"{path.relative_to(ROOT)} has no messages. {FIX}"
    problems = [f"  untranslated: {m!r}" for m in s.untranslated] + [f"  fuzzy: {m!r}" for m in s.fuzzy]
    assert not problems, f"{lang}: {len(problems)} of {s.total} messages need work:\n" + "\n".join(problems) + f"\n{FIX}"


def test_english_catalog_is_the_source_text():
    wrong = [m.id for m in read(po_path("en", TRANSLATIONS), "en")
             if m.id and m.string != (tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id)]
    assert not wrong, "English msgstr must equal msgid:\n" + "\n".join(f"  {w!r}" for w in wrong) + f"\n{FIX}"


# -- (b) the template is what extraction gives now -------------------------------------------------

def test_template_is_up_to_date(fresh_pot, template):
    missing = ids(fresh_pot) - ids(template)
    extra = ids(template) - ids(fresh_pot)
    report = []
    if missing:
        report.append(f"marked in the code but not in translations/messages.pot:\n{show(missing)}")
    if extra:
        report.append(f"in translations/messages.pot but no longer marked in the code:\n{show(extra)}")
    assert not report, "\n".join(report) + f"\n{FIX}"


def test_template_flags_format_strings(fresh_pot):
    """python-format marks the strings whose %-placeholders the checks below hold every translation to."""
    unflagged = [m.id for m in fresh_pot if m.id and re.search(r"%\(\w+\)[sd]", str(m.id)) and not formatted(m)]
    assert not unflagged, f"%-formatted strings not recognised as such: {unflagged}"
    assert any(m.python_format for m in fresh_pot if m.id), "no python-format string found: placeholders unchecked"


def test_strings_translated_through_a_variable_are_in_the_template(template):
    from compendium import pages

    title = getattr(pages, "SITE_TITLE", None)
    assert title is None or title in {m.id for m in template}, (
        "compendium.pages.SITE_TITLE is translated with self._(SITE_TITLE) but is not in messages.pot: keep it "
        f"in translations/indirect_strings.py identical to the constant. {FIX}")
    indirect = _load("compendium_translations_indirect", TRANSLATIONS / "indirect_strings.py")
    code = "\n".join(p.read_text(encoding="utf-8") for folder in ("compendium", "hooks")
                     for p in (ROOT / folder).rglob("*.py"))
    stale = [s for s in indirect.STRINGS if repr(s)[1:-1] not in code and s not in code]
    assert not stale, f"translations/indirect_strings.py lists strings the code no longer has: {stale}"


def test_extraction_finds_every_way_of_marking_a_string(tmp_path):
    """Python calls (also inside f-strings and on self), gettext, ngettext, pgettext, N_, translator comments,
    and in templates _(), {% trans %} and {% trans count %} with {% pluralize %}."""
    (tmp_path / "compendium").mkdir()
    (tmp_path / "compendium" / "sample.py").write_text(
        "def page(self, n, ngettext, pgettext, N_):\n"
        "    # TRANSLATORS: a comment for the translators\n"
        "    a = _('Plain call')\n"
        "    b = self._('Method call')\n"
        "    c = f'<h2>{_(\"Inside an f-string\")}</h2><p>{self._(\"Method in an f-string\")}</p>'\n"
        "    d = ngettext('%(n)s paragraph', '%(n)s paragraphs', n)\n"
        "    e = N_('Marked only')\n"
        "    return pgettext('menu', 'With a context')\n", encoding="utf-8")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "hook.py").write_text("gettext('From a hook')\n", encoding="utf-8")
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "sample.html").write_text(
        "<p>{{ _('Template call') }}</p>{% trans %}A trans block with 100%{% endtrans %}"
        "{% trans count=n %}{{ count }} result{% pluralize %}{{ count }} results{% endtrans %}", encoding="utf-8")
    (tmp_path / "compendium" / "unmarked.txt").write_text("_('Not a source file')", encoding="utf-8")
    out = tmp_path / "out.pot"
    update.extract(out, root=tmp_path)
    found = {m.id: m for m in read(out) if m.id}
    expected = {"Plain call", "Method call", "Inside an f-string", "Method in an f-string",
                ("%(n)s paragraph", "%(n)s paragraphs"), "Marked only", "With a context", "From a hook",
                "Template call", "A trans block with 100%%", ("%(count)s result", "%(count)s results")}
    assert expected <= set(found), f"not extracted: {expected - set(found)}"
    assert "Not a source file" not in found
    assert found["With a context"].context == "menu"
    assert found["Plain call"].auto_comments == ["TRANSLATORS: a comment for the translators"]


def test_f_string_extractor_yields_what_babel_misses():
    source = b"x = f'{_(\"Hidden\")}'\ny = _('Seen')\n"
    babel_only = {m for _l, m, _c, _x in extract("python", io.BytesIO(source), DEFAULT_KEYWORDS)}
    ours = {m for _l, m, _c, _x in extract(extract_python.extract, io.BytesIO(source), DEFAULT_KEYWORDS)}
    assert ours == {"Hidden", "Seen"}
    assert babel_only <= ours


# -- (c) every catalog has exactly the template's messages -----------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_catalog_has_exactly_the_template_messages(lang, template):
    catalog = read(po_path(lang, TRANSLATIONS), lang)
    missing = ids(template) - ids(catalog)
    extra = ids(catalog) - ids(template)
    report = []
    if missing:
        report.append(f"{lang}: in messages.pot but not in the catalog:\n{show(missing)}")
    if extra:
        report.append(f"{lang}: active in the catalog but not in messages.pot (obsolete ones belong in #~ entries):"
                      f"\n{show(extra)}")
    assert not report, "\n".join(report) + f"\n{FIX}"


# -- (d) placeholders ------------------------------------------------------------------------------

PERCENT = re.compile(r"%(?:\(\w+\))?[#0\- +]?\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACES = re.compile(r"\{[^{}\s]*\}")


def placeholders(text: str, formatted: bool) -> Counter:
    found = Counter(BRACES.findall(text))
    if formatted:
        found.update(PERCENT.findall(text))
    return found


def formatted(message: Message) -> bool:
    """%-formatted at run time: python-format strings, and every template string (Jinja's newstyle gettext)."""
    return message.python_format or any(loc.endswith(".html") for loc, _line in message.locations)


def placeholder_problems(message: Message) -> list[str]:
    fmt = formatted(message)
    sources = list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]
    targets = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
    wanted = [placeholders(s, fmt) for s in sources]
    problems = []
    for i, target in enumerate(targets):
        have = placeholders(target, fmt)
        if len(sources) == 1:
            ok = have == wanted[0]
        else:  # a plural form may leave the number out ("one" in many languages), never add a placeholder
            ok = set(have) <= set(wanted[0]) | set(wanted[-1])
        if not ok:
            problems.append(f"{message.id!r} -> msgstr[{i}] {target!r}: {dict(have)} instead of {dict(wanted[-1])}")
        if fmt and "%" in PERCENT.sub("", target):
            problems.append(f"{message.id!r} -> {target!r}: a lone % breaks formatting (write %%)")
    if len(sources) > 1:
        unused = (set(wanted[0]) | set(wanted[-1])) - set().union(*(placeholders(t, fmt) for t in targets))
        if unused:
            problems.append(f"{message.id!r}: no plural form uses {sorted(unused)}")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_match(lang):
    catalog = read(po_path(lang, TRANSLATIONS), lang)
    problems = [p for m in catalog if m.id and any(m.string if isinstance(m.string, tuple) else [m.string])
                for p in placeholder_problems(m)]
    assert not problems, f"{lang}: placeholders differ from the English:\n  " + "\n  ".join(problems)


def test_placeholder_check_catches_a_broken_translation():
    good = Message("resolution %(number)s", "résolution %(number)s", flags=["python-format"])
    renamed = Message("resolution %(number)s", "résolution %(numero)s", flags=["python-format"])
    dropped = Message("Matching: {n}", "Correspondances")
    lone = Message("Matching: %(count)s", "%(count)s à 100 %", locations=[("overrides/partials/search.html", 4)])
    assert placeholder_problems(good) == []
    assert placeholder_problems(renamed) and placeholder_problems(dropped) and placeholder_problems(lone)


# -- plural forms ----------------------------------------------------------------------------------

# nplurals and, for a sample of n, the form gettext must choose (CLDR order: zero one two few many other).
PLURALS = {
    "ar": (6, {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 101: 5, 102: 5, 103: 3, 111: 4}),
    "ru": (3, {0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 21: 0, 22: 1, 25: 2, 101: 0, 111: 2}),
    "zh": (1, {0: 0, 1: 0, 2: 0, 100: 0}),
    "fr": (2, {0: 0, 1: 0, 2: 1, 100: 1}),
    "es": (2, {0: 1, 1: 0, 2: 1, 100: 1}),
    "en": (2, {0: 1, 1: 0, 2: 1, 100: 1}),
}


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms(lang):
    catalog = read(po_path(lang, TRANSLATIONS), lang)
    if lang not in PLURALS:
        pytest.skip(f"no reference plural rule for {lang}")
    nplurals, samples = PLURALS[lang]
    assert catalog.num_plurals == nplurals, f"{lang}: Plural-Forms header says {catalog.plural_forms}"
    rule = gettext.c2py(catalog.plural_expr)
    assert {n: rule(n) for n in samples} == samples, f"{lang}: {catalog.plural_forms}"
    short = [m.id for m in catalog if isinstance(m.id, (list, tuple)) and len(m.string) != nplurals]
    assert not short, f"{lang}: plural messages without {nplurals} forms: {short}"


# -- (e) the catalogs compile and are used ---------------------------------------------------------

@pytest.fixture()
def compiled(tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, folder, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    written = compile_all(folder)
    i18n.translations.cache_clear()
    with settings.using(replace(settings.current(), translations=folder)):
        yield folder, written
    i18n.translations.cache_clear()


def test_catalogs_compile_and_the_site_uses_them(compiled):
    folder, written = compiled
    assert {p.parent.parent.name for p in written} >= set(LANGS)
    for lang in LANGS:
        mo = Translations.load(str(folder), [lang], "messages")
        for message in read(po_path(lang, folder), lang):
            if not message.id:
                continue
            if isinstance(message.id, (list, tuple)):
                assert mo.ngettext(message.id[0], message.id[1], 1) in message.string, (lang, message.id)
            elif message.context:  # pgettext("button", "Cite")
                assert mo.pgettext(message.context, message.id) == message.string, (lang, message.id)
            else:
                assert mo.gettext(message.id) == message.string, (lang, message.id)
    assert "Resolutions" in {m.id for m in read(POT)}, "the check below needs a real msgid"
    for lang in LANGS:
        expected = read(po_path(lang, folder), lang)["Resolutions"].string
        assert i18n.gettext_for(lang)("Resolutions") == expected
    for lang in set(LANGS) - {"en"}:
        assert i18n.gettext_for(lang)("Resolutions") != "Resolutions", f"{lang} shows the English"


# -- translations/update.py ------------------------------------------------------------------------

def test_update_keeps_translations_and_creates_catalogs(tmp_path):
    template_text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                     'msgid "Kept"\nmsgstr ""\n\nmsgid "Back again"\nmsgstr ""\n\nmsgid "New"\nmsgstr ""\n\n'
                     'msgid "Contents"\nmsgstr ""\n\n'
                     '#, python-format\nmsgid "%(n)s paragraph"\nmsgid_plural "%(n)s paragraphs"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    template = read_po(io.StringIO(template_text))
    fr = po_path("fr", tmp_path)
    fr.parent.mkdir(parents=True)
    fr.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
                  'msgid "Kept"\nmsgstr "Conservé"\n\nmsgid "Gone"\nmsgstr "Parti"\n\n'
                  'msgid "Content"\nmsgstr "Contenu"\n\n'
                  '#~ msgid "Back again"\n#~ msgstr "De retour"\n\n#~ msgid "Contents"\n#~ msgstr "Table des matières"\n', encoding="utf-8")

    text = update.updated("fr", template_text, template, tmp_path)
    result = read_po(io.StringIO(text), locale="fr")
    assert result["Kept"].string == "Conservé"
    assert result["Back again"].string == "De retour" and not result["Back again"].fuzzy
    assert result["New"].string == ""
    assert result["Contents"].string == "Table des matières" and not result["Contents"].fuzzy  # not "Contenu"
    assert "Gone" in result.obsolete and "Back again" not in result.obsolete

    ar = read_po(io.StringIO(update.updated("ar", template_text, template, tmp_path)), locale="ar")
    assert ar.num_plurals == 6 and len(ar["%(n)s paragraph"].string) == 6
    assert gettext.c2py(ar.plural_expr)(11) == 4 and gettext.c2py(ar.plural_expr)(100) == 5

    en = read_po(io.StringIO(update.updated("en", template_text, template, tmp_path)), locale="en")
    assert en["New"].string == "New"
    assert en["%(n)s paragraph"].string == ("%(n)s paragraph", "%(n)s paragraphs")


def test_the_engine_speaks_a_language_before_its_catalog_is_compiled(tmp_path):
    # A fresh clone has no .mo files (they are built): the engine reads the .po itself, and writes nothing.
    folder = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", folder, ignore=shutil.ignore_patterns("*.mo"))
    with settings.using(replace(settings.current(), translations=folder)):
        i18n.translations.cache_clear()
        try:
            assert i18n.gettext_for("fr")("Notes") == "Notes"
            assert i18n.gettext_for("ru")("Notes") != "Notes"
            assert i18n.pgettext_for("fr")("button", "Cite") == "Citer"
        finally:
            i18n.translations.cache_clear()
    assert not list(folder.rglob("*.mo"))
