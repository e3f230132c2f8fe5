"""The translators' commands: status, translate-init, translate-diff, translate-mark, translate-export and
translate-import (see content/TRANSLATING.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .diagnostics import Report
from .languages import known_languages
from .model import Corpus, Document
from .schema import TRANSLATION_STATUSES

# Defined here too rather than imported: cli.py imports this module while it is itself being imported.
CONTENT_OPTION = click.option("--content", "content", type=click.Path(path_type=Path), default=Path("content"),
                              show_default=True, help="The content folder.")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _load(content: Path) -> tuple[Corpus, Report]:
    from .loader import load

    report = Report()
    return load(content, report), report


def _files(corpus: Corpus, doc_id: str) -> dict[str, Document]:
    files = {d.lang: d for d in corpus.documents if d.id == doc_id}
    if not files:
        _fail(f"no document '{doc_id}' in the content (or its files have errors: run 'compendium validate')")
    return files


def _source(files: dict[str, Document], doc_id: str, lang: str) -> Document:
    from .translating import source_language

    src_lang = source_language(files)
    if lang == src_lang:
        _fail(f"{lang} is the source language of '{doc_id}': there is nothing to translate it from")
    source = files.get(src_lang)
    if source is None:
        _fail(f"'{doc_id}' has no valid source text {src_lang}.md (missing or with errors: run 'compendium validate')")
    return source


def _translation(files: dict[str, Document], source: Document, lang: str) -> Document:
    doc = files.get(lang)
    if doc is None:
        path = source.path.with_name(f"{lang}.md")
        if path.is_file():
            _fail(f"{path} has errors: run 'compendium validate'")
        _fail(f"{path} does not exist: start it with 'compendium translate-init {source.id} --lang {lang}'")
    return doc


def _write_text(path: Path, text: str, keep: bool = True) -> None:
    """Write atomically (the file is whole, or as it was); a failure is one line and exit code 1."""
    from .atomic import WriteError, write_text

    try:
        write_text(path, text, newline="keep" if keep else None)
    except WriteError as exc:
        _fail(str(exc))


# -- status ---------------------------------------------------------------------------------------------

def _status(content: Path, langs: tuple[str, ...], fmt: str, fail_on: tuple[str, ...], catalogs: Path | None) -> None:
    """Where every translation stands: each document in each language, and each interface catalog."""
    from .translating import catalog_status, status, status_json
    from .translating.display import status_table

    if not content.is_dir():  # else an empty table and exit 0: every translation would look absent, not wrong
        what = "is not a folder" if content.exists() else "does not exist"
        _fail(f"{content}: the content folder {what} (pass the right folder with --content)")
    corpus, report = _load(content)
    languages = list(langs) or list(known_languages())
    states = status(corpus, languages)
    cats = catalog_status(languages, catalogs)
    if report.errors:
        click.echo(f"{len(report.errors)} error(s) in the content: files with errors show as 'invalid' "
                   "(run 'compendium validate')", err=True)
    if fmt == "json":
        click.echo(json.dumps(status_json(states, cats, languages), ensure_ascii=False, indent=2))
    else:
        status_table(states, cats, languages)
    failures = []
    if "missing" in fail_on:
        failures += [f"{s.document} ({s.lang}): missing" for s in states if s.status == "missing"]
        failures += [f"catalog ({c.lang}): {c.status}" for c in cats if c.status in ("missing", "incomplete", "invalid")]
    if "outdated" in fail_on:
        failures += [f"{s.document} ({s.lang}): outdated" for s in states if s.status == "outdated"]
    if "draft" in fail_on:
        failures += [f"{s.document} ({s.lang}): {s.status}" for s in states if s.status in ("draft", "untracked")
                     or s.recorded_status == "draft" or s.untranslated_units or s.untranslated_fields]
    if failures:
        click.echo(f"--fail-on {','.join(fail_on)}: {len(failures)} problem(s): " + "; ".join(failures), err=True)
        sys.exit(1)


# -- translate-init -------------------------------------------------------------------------------------

def _init(doc_id: str, lang: str, content: Path, force: bool) -> None:
    """Start a translation: write <lang>.md with every unit of the source, marked untranslated."""
    from .translating.scaffold import ScaffoldError, scaffold

    corpus, _report = _load(content)
    files = _files(corpus, doc_id)
    source = _source(files, doc_id, lang)
    target = source.path.with_name(f"{lang}.md")
    if target.exists() and not force:
        _fail(f"{target} already exists; pass --force to replace it (the translation in it would be lost)")
    try:
        text = scaffold(source, lang)
    except ScaffoldError as exc:
        _fail(str(exc))
    _write_text(target, text)
    n = len(source.unit_ids())
    click.echo(f"wrote {target}: the source's {n} unit(s), their text marked [untranslated], status draft. "
               "Translate them, then run "
               f"'compendium validate' and 'compendium status --lang {lang}'", err=True)


# -- translate-diff -------------------------------------------------------------------------------------

def _diff(doc_id: str, lang: str, content: Path, fmt: str) -> None:
    """Show what changed in the source, word by word, since each outdated unit was translated."""
    from .translating import align
    from .translating.alignment import recorded_hashes
    from .translating.history import HistoryUnavailable, find_old_texts, own_text
    from .translating.display import Printer
    from .translating.worddiff import word_diff

    corpus, _report = _load(content)
    files = _files(corpus, doc_id)
    source = _source(files, doc_id, lang)
    doc = _translation(files, source, lang)
    a = align(doc, source)
    out = Printer(fmt)
    if not a.outdated and not a.missing:
        out.line(f"{doc.path}: up to date with {source.path.name}; nothing to update")
        return
    src_units = {u.id: u for u in source.walk()}
    mine = {u.id: u for u in doc.walk()}
    recorded = recorded_hashes(doc)
    try:
        old = find_old_texts(source.path, {uid: recorded[uid] for uid in a.outdated})
        why_absent = f"no committed version of {source.path.name} has this unit with the recorded hash"
    except HistoryUnavailable as exc:
        old, why_absent = {}, str(exc)
    for uid in a.outdated:
        now = own_text(src_units[uid].heading, src_units[uid].text)
        out.heading(f"{uid} (line {mine[uid].line} of {doc.path.name}): outdated")
        if uid in old:
            was = old[uid]
            out.line(f"changes to the source since {was.date} (commit {was.commit[:10]}):")
            out.diff(word_diff(was.text, now))
        else:
            out.line(f"the source text it was made from cannot be shown: {why_absent} "
                     f"(recorded hash {recorded[uid]}). The source now reads:")
            out.line(now, indent=True)
        out.line("the translation now reads:")
        out.line(own_text(mine[uid].heading, mine[uid].text), indent=True)
    for uid in a.missing:
        out.heading(f"{uid}: in the source ({source.path.name} line {src_units[uid].line}), not in the translation")
        out.line(own_text(src_units[uid].heading, src_units[uid].text), indent=True)
    ids = " ".join(f"--unit {uid}" for uid in a.outdated + a.missing)
    out.line("")
    out.line(f"After updating the translation, record it: compendium translate-mark {doc_id} --lang {lang} {ids}".rstrip())


# -- translate-mark -------------------------------------------------------------------------------------

def _mark(doc_id: str, lang: str, content: Path, new_status: str | None, units: tuple[str, ...], all_units: bool) -> None:
    """Record that units are up to date with the source (their current hashes), and/or set the status."""
    from .frontmatter import decode
    from .translating import align
    from .translating.record import rewrite, updated_block

    if not (new_status or units or all_units):
        _fail("say what to record: --status, --unit UNIT or --all")
    corpus, _report = _load(content)
    files = _files(corpus, doc_id)
    source = _source(files, doc_id, lang)
    doc = _translation(files, source, lang)
    current = {u.id: u.hash for u in source.walk()}
    mine = set(doc.unit_ids())
    for uid in units:
        if uid not in current or uid not in mine:
            where = source.path.name if uid not in current else doc.path.name
            _fail(f"unit '{uid}' is not in {where}")
    chosen = [uid for uid in current if uid in mine] if all_units else list(units)
    a = align(doc, source)
    drop = set(a.unknown_hashes) if all_units else set()
    still_outdated = [uid for uid in a.outdated + a.unrecorded if uid not in chosen]
    if new_status in ("translated", "reviewed", "official"):
        left = a.untranslated + a.untranslated_fields
        if left:
            _fail(f"{len(left)} part(s) still carry [untranslated] ({', '.join(left[:5])}"
                  f"{', ...' if len(left) > 5 else ''}): translate them before marking the translation {new_status}")
        if still_outdated or a.missing:
            _fail(f"the translation is not up to date with the source ({', '.join((still_outdated + a.missing)[:5])}): "
                  f"see 'compendium translate-diff {doc_id} --lang {lang}'; record the units you updated with --unit")
    report = Report()
    try:
        data = doc.path.read_bytes()
    except OSError as exc:
        _fail(f"{doc.path}: cannot read the file: {exc.strerror} (check the path)")
    if decode(doc.path, data, report) is None:
        _fail("; ".join(d.format() for d in report.items))
    text = data.decode("utf-8")  # as it is: its line endings (CRLF stays CRLF) and a byte order mark are kept
    block = updated_block(doc, new_status, {uid: current[uid] for uid in chosen}, drop, list(current))
    _write_text(doc.path, rewrite(text, doc, block), keep=False)
    click.echo(f"{doc.path}: recorded {len(chosen)} source hash(es)"
               + (f", status {new_status}" if new_status else ""), err=True)


# -- translate-export / translate-import (XLIFF 1.2) ------------------------------------------------------

def _export(doc_id: str, lang: str, content: Path, out: Path | None, force: bool) -> None:
    """Write the translation as XLIFF 1.2 for a CAT tool."""
    from .atomic import FilesExist, WriteError, write_many
    from .translating.xliff import export

    corpus, _report = _load(content)
    files = _files(corpus, doc_id)
    source = _source(files, doc_id, lang)
    doc = _translation(files, source, lang)
    data = export(doc, source, doc.path.relative_to(content).as_posix() if doc.path.is_relative_to(content)
                  else doc.path.as_posix())
    if out is not None and str(out) == "-":
        sys.stdout.buffer.write(data)
        return
    target = out or Path(f"{doc_id}.{lang}.xlf")
    try:
        write_many([(target, data)], replace=force)
    except FilesExist as exc:
        _fail(str(exc))
    except WriteError as exc:
        _fail(str(exc))
    click.echo(f"wrote {target}: {doc_id} in {lang}, from {source.path.name}. Translate it in a CAT tool, keep its "
               f"tags, then run 'compendium translate-import {target}'", err=True)


def _import(path: Path, content: Path, force: bool, dry_run: bool) -> None:
    """Bring a translated XLIFF file back into its translation file: only the units it changed."""
    from .frontmatter import decode
    from .translating.xliff import XliffError, apply, plan, read

    try:
        data = path.read_bytes()
    except OSError as exc:
        _fail(f"{path}: cannot read the file: {exc.strerror}")
    try:
        incoming = read(path, data)
    except XliffError as exc:
        _fail(str(exc))
    parts = Path(incoming.original).parts
    if len(parts) < 3 or not incoming.original.endswith(".md"):
        _fail(f"{path}: its <file original='{incoming.original}'> names no content file "
              "(collection/ID/LL.md); import a file made by 'compendium translate-export'")
    doc_id, lang = parts[-2], Path(parts[-1]).stem
    if lang not in known_languages():
        _fail(f"{path}: '{lang}' (from <file original='{incoming.original}'>) is not a language of the compendium")
    corpus, _report = _load(content)
    files = {d.lang: d for d in corpus.documents if d.id == doc_id}
    if not files:
        _fail(f"{path}: it was made for document '{doc_id}', which is not in {content} "
              "(or its files have errors: run 'compendium validate')")
    source = _source(files, doc_id, lang)
    doc = _translation(files, source, lang)
    try:
        changes = plan(path, incoming, doc, source)
    except XliffError as exc:
        _fail(str(exc))
    if changes.stale and not force:
        _fail(f"{path} was made from an older {source.path}: the source of {len(changes.stale)} unit(s) changed since "
              f"({', '.join(changes.stale)}). Export the file again ('compendium translate-export {doc_id} --lang "
              f"{lang}') and carry your work over, or pass --force to import it as a translation of the old source "
              "(those units then show as outdated)")
    if changes.conflicts and not force:
        _fail(f"{doc.path} changed since {path} was exported, in unit(s) {', '.join(changes.conflicts)}, which the "
              "file changes too; compare them, or pass --force to replace them with the file's text")
    if not changes.texts and not changes.record and not changes.front:
        click.echo(f"{path}: nothing to import, {doc.path} already holds this translation", err=True)
        return
    report = Report()
    raw = doc.path.read_bytes()
    if decode(doc.path, raw, report) is None:
        _fail("; ".join(d.format() for d in report.items))
    try:
        text = apply(raw.decode("utf-8"), doc, changes, [u.id for u in source.walk()])
    except XliffError as exc:
        _fail(f"{path}: {exc}; nothing was written")
    units = sorted({uid for uid, _part in changes.texts}) + list(changes.front)
    if dry_run:
        click.echo(f"{doc.path}: would update {len(units)} unit(s) ({', '.join(units)}) and record "
                   f"{len(changes.record)} source hash(es)", err=True)
        return
    _write_text(doc.path, text, keep=False)
    click.echo(f"{doc.path}: updated {len(units)} unit(s) ({', '.join(units) or 'none'}), recorded "
               f"{len(changes.record)} source hash(es). Check it with 'compendium validate'", err=True)


def register(group: click.Group) -> None:
    """Add the commands to the `compendium` group (called once, from cli.py, once LanguageChoice is defined)."""
    from .cli import LanguageChoice

    lang_choice = LanguageChoice()

    @group.command("status")
    @CONTENT_OPTION
    @click.option("--lang", "langs", multiple=True, type=lang_choice, help="Only these languages (repeatable).")
    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
    @click.option("--fail-on", "fail_on", multiple=True, type=click.Choice(["missing", "outdated", "draft"]),
                  help="Exit 1 when something is missing (a translation or catalog), outdated, or still a draft "
                       "(repeatable).")
    @click.option("--catalogs", type=click.Path(path_type=Path), default=None,
                  help="The gettext catalogs folder (default: translations/ of the project).")
    def status_cmd(content, langs, fmt, fail_on, catalogs):
        """Where every translation stands: each document in each language, and each interface catalog."""
        _status(content, langs, fmt, fail_on, catalogs)

    @group.command("translate-init")
    @click.argument("doc_id", metavar="ID")
    @click.option("--lang", required=True, type=lang_choice, help="The language to translate into.")
    @CONTENT_OPTION
    @click.option("--force", is_flag=True, help="Replace an existing file (its translation is lost).")
    def init_cmd(doc_id, lang, content, force):
        """Start a translation: write <lang>.md with every unit of the source, marked untranslated."""
        _init(doc_id, lang, content, force)

    @group.command("translate-diff")
    @click.argument("doc_id", metavar="ID")
    @click.option("--lang", required=True, type=lang_choice, help="The translation's language.")
    @CONTENT_OPTION
    @click.option("--format", "fmt", type=click.Choice(["auto", "rich", "text"]), default="auto", show_default=True,
                  help="text: plain output, [-removed-]{+added+}; rich: colours; auto: colours on a terminal, "
                       "text when piped to a file or a pager.")
    def diff_cmd(doc_id, lang, content, fmt):
        """Show, word by word, what changed in the source since each outdated unit was translated."""
        _diff(doc_id, lang, content, fmt)

    @group.command("translate-mark")
    @click.argument("doc_id", metavar="ID")
    @click.option("--lang", required=True, type=lang_choice, help="The translation's language.")
    @CONTENT_OPTION
    @click.option("--status", "new_status", type=click.Choice(TRANSLATION_STATUSES), default=None,
                  help="Set translation.status.")
    @click.option("--unit", "units", multiple=True, help="A unit now up to date with the source (repeatable).")
    @click.option("--all", "all_units", is_flag=True, help="Every unit is up to date with the source.")
    def mark_cmd(doc_id, lang, content, new_status, units, all_units):
        """Record that units are up to date with the source, and/or set the translation's status."""
        _mark(doc_id, lang, content, new_status, units, all_units)

    @group.command("translate-export")
    @click.argument("doc_id", metavar="ID")
    @click.option("--lang", required=True, type=lang_choice, help="The translation's language.")
    @CONTENT_OPTION
    @click.option("--out", type=click.Path(path_type=Path), default=None,
                  help="The XLIFF file to write (default: ID.LL.xlf here; '-' for standard output).")
    @click.option("--force", is_flag=True, help="Replace the XLIFF file if it exists.")
    def export_cmd(doc_id, lang, content, out, force):
        """Write a translation as XLIFF 1.2 for a CAT tool (Trados, memoQ, OmegaT, Weblate)."""
        _export(doc_id, lang, content, out, force)

    @group.command("translate-import")
    @click.argument("file", type=click.Path(path_type=Path))
    @CONTENT_OPTION
    @click.option("--force", is_flag=True, help="Import a file made from an older source, or over units changed "
                                                "in the content file since the export.")
    @click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
    def import_cmd(file, content, force, dry_run):
        """Bring a translated XLIFF file back: only the units it changed, their source hashes recorded."""
        _import(file, content, force, dry_run)
