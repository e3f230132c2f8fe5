"""The `compendium` command: validate, import, export and build.

The settings are read from the environment here, once, and activated for the engine (compendium.settings);
a caller in the same process may pass its own instead: `main(args, obj=Settings(...))`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import settings as settings_module
from .diagnostics import QA_CHECK, Report
from .languages import known_languages
from .settings import Settings, SettingsError


class LanguageChoice(click.Choice):
    """One of the active settings' languages: asked when the command line is read, not when this is imported."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        return known_languages()

    @choices.setter
    def choices(self, _value) -> None:
        pass


class SettingsGroup(click.Group):
    """Activates the settings before any command runs; a bad setting is one message and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SettingsError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)


CONTENT_OPTION = click.option("--content", "content", type=click.Path(path_type=Path), default=Path("content"),
                              show_default=True, help="The content folder.")


def print_report(report: Report, strict: bool = False, summarise: tuple[str, ...] = ()) -> int:
    """Print every problem; return the exit code (1 on errors, or on warnings with --strict).

    Warnings of the families in `summarise` are counted in one line, not listed (a build is not where a
    translator reads the quality checks; `compendium validate` lists them)."""
    hidden = [d for d in report.warnings if d.check in summarise]
    for diag in report.sorted():
        if diag not in hidden:
            click.echo(diag.format(), err=True)
    if hidden:
        click.echo(f"{len(hidden)} translation quality warning(s) not listed here: "
                   "run 'compendium validate' to see them", err=True)
    errors, warnings = len(report.errors), len(report.warnings)
    failed = errors > 0 or (strict and warnings > 0)
    if errors or warnings:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    return 1 if failed else 0


@click.group(cls=SettingsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """Publish the Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice."""
    active = ctx.obj if isinstance(ctx.obj, Settings) else Settings.from_env(os.environ)
    if isinstance(ctx.obj, Settings):
        active.check()
    previous = settings_module.use(active)
    ctx.call_on_close(lambda: settings_module.use(previous))  # a caller in the same process gets its own back


@main.command()
@CONTENT_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--qa-errors", is_flag=True,
              help="Make the translations' quality warnings (numbers, symbols, dates, notes, untranslated text) errors.")
def validate(content: Path, strict: bool, qa_errors: bool) -> None:
    """Check every content file and report every problem at once."""
    from .citations import check_citations
    from .history import check_current
    from .loader import load

    report = Report()
    corpus = load(content, report)
    check_citations(corpus, report)  # mentions of resolutions that cannot be linked: warnings
    check_current(corpus, report)  # a content file whose change is not recorded in its history.yml: warnings
    if qa_errors:
        report.promote(QA_CHECK)
    code = print_report(report, strict)
    if code == 0:
        click.echo(f"{content}: {len(corpus.documents)} file(s) of {len(corpus.ids())} document(s) are valid", err=True)
    sys.exit(code)


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", required=True, type=LanguageChoice(), help="The language of the text.")
@click.option("--kind", type=click.Choice(["resolution", "instrument"]), default=None,
              help="What the text is (guessed when not given).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="A .md file to write (one document), or a content folder to write every document into.")
@click.option("--force", is_flag=True, help="Replace files that exist already (what they hold is lost).")
@click.option("--id", "doc_id", default=None,
              help="The document's id (with --out <collection>/<id>/<lang>.md, the folder's name is the id).")
@click.option("--cluster", type=click.Choice(["custody", "cooperation", "prevention", "governance"]), default=None,
              help="The instrument's cluster (ECOSOC resolution 2003/30, paragraph 3).")
def import_(file: Path, lang: str, kind: str | None, out: Path | None, force: bool, doc_id: str | None,
            cluster: str | None) -> None:
    """Turn a plain-text or Markdown-ish UN text, or a born-digital UN PDF, into content files.

    With --out <collection>/<id>/<lang>.md the id comes from the folder; where the folder holds the file of the
    document's source language and LANG is another language, the text is a translation: its id, kind, symbol,
    adoption and cluster are the source file's."""
    from .importer import duplicate_ids, problems

    report = Report()
    if file.suffix.lower() == ".xml":
        sys.exit(_import_akn(file, lang, out, force, report))
    source = None
    if out is not None and out.suffix == ".md" and out.stem == lang:
        kind, doc_id, source = _import_target(out, lang, kind, doc_id, report)
        if report.errors:
            sys.exit(print_report(report))
    if file.suffix.lower() == ".pdf":
        docs = _pdf_documents(file, lang, kind, cluster)
    else:  # a file that cannot be read: one message, and exit
        docs = _text_documents(file, lang, kind, report, doc_id=doc_id, cluster=cluster, source=source)
    for doc in docs:
        for line, message in doc.warnings:
            report.warning(file, line, 1, message, "check the imported text at this place")
    for first, second in duplicate_ids(docs):
        report.error(file, second.line, 1,
                     f"a second document with the id '{second.id}' (the first starts at line {first.line}): "
                     "one would be written over the other",
                     "split the input into one file per document, or correct the number or title of one of them")
    if not docs:
        report.error(file, 1, 1, "no document found in the file", "check that it is a UN resolution or instrument")
    elif report.errors:
        pass  # nothing is printed or written
    elif out is None:
        for doc in docs:
            if len(docs) > 1:
                click.echo(f"<!-- {doc.collection}/{doc.id}/{doc.lang}.md -->")
            click.echo(doc.markdown, nl=False)
    elif out.suffix == ".md" and len(docs) > 1:
        report.error(file, 1, 1, f"the file holds {len(docs)} documents but --out names one file",
                     "pass a content folder as --out")
    else:
        for doc in docs:  # a file is written only if it validates as it is
            for diag in problems(doc).errors:
                report.error(file, doc.line, 1, f"the imported {doc.collection}/{doc.id}/{doc.lang}.md would not "
                             f"validate: {diag.message}", diag.hint or "correct the input or pass the missing option")
        if not report.errors:
            targets = [(out, docs[0].markdown)] if out.suffix == ".md" else \
                [(out / doc.collection / doc.id / f"{doc.lang}.md", doc.markdown) for doc in docs]
            _write(targets, report, replace=force)
    code = print_report(report)  # import warnings do not fail the command: the text was kept
    sys.exit(1 if code and report.errors else 0)


def _import_target(out: Path, lang: str, kind: str | None, doc_id: str | None,
                   report: Report) -> tuple[str | None, str | None, dict | None]:
    """What `--out <collection>/<id>/<lang>.md` says: the kind (from the collection), the id (from the folder),
    and, for a translation, the front matter of the source-language file beside it."""
    from .frontmatter import read
    from .vocabulary import DEFAULT_SOURCE_LANGUAGE

    folder = out.parent
    if folder.name and doc_id is not None and doc_id != folder.name:
        report.error(out, 1, 1, f"--id {doc_id} does not match the folder '{folder.name}'",
                     "the folder's name is the id: give the same one, or leave --id out")
    doc_id = doc_id or folder.name or None
    if kind is None and folder.parent.name in ("resolutions", "instruments"):
        kind = folder.parent.name[:-1]
    siblings = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.stem != lang:
            raw = read(path, Report())
            if raw is not None and isinstance(raw.metadata, dict):
                siblings[path.stem] = raw.metadata
    declared = [m["source_language"] for m in siblings.values() if isinstance(m.get("source_language"), str)]
    source_lang = declared[0] if declared else DEFAULT_SOURCE_LANGUAGE
    source = siblings.get(source_lang) if lang != source_lang else None
    if source is not None and source.get("id") not in (None, doc_id):
        report.error(folder / f"{source_lang}.md", 1, 1, f"the source file's id '{source.get('id')}' does not match "
                     f"the folder '{doc_id}'", "correct the source file first")
    return kind, doc_id, source


def _text_documents(file: Path, lang: str, kind: str | None, report: Report, **options) -> list:
    from .frontmatter import decode
    from .importer import import_text

    try:
        data = file.read_bytes()
    except OSError as exc:
        report.error(file, 1, 1, f"cannot read the file: {exc.strerror}", "check the path")
        sys.exit(print_report(report))
    text = decode(file, data, report)
    if text is None:
        sys.exit(print_report(report))
    return import_text(text, lang, kind, **options)


def _pdf_documents(file: Path, lang: str, kind: str | None, cluster: str | None) -> list:
    """A born-digital UN PDF, read character by character (compendium/importer/pdf.py)."""
    from .importer.pdf import PdfImportError, import_pdf

    try:
        return import_pdf(file, lang, kind, cluster)
    except PdfImportError as exc:
        click.echo(f"error: {exc} ({exc.hint})", err=True)
        sys.exit(1)


def _import_akn(file: Path, lang: str, out: Path | None, force: bool, report: Report) -> int:
    """One AKN4UN XML file: printed, or written to <out>/resolutions/<id>/<lang>.md (a translation gets its
    source hashes from the en.md beside it when there is one)."""
    from .importer.akn import AknError, read_akn
    from .importer.akn_files import front_matter, parse, resolution_meta

    try:
        akn = read_akn(file)
    except AknError as exc:
        report.error(exc.path, 1, 1, exc.message, "check that it is an AKN4UN resolution file")
        return print_report(report)
    if akn.lang != lang:
        report.error(file, 1, 1, f"the file is in '{akn.lang}' (FRBRlanguage), not '{lang}'", "pass the right --lang")
        return print_report(report)
    translation = None
    if lang != "en":
        source = (out / "resolutions" / akn.id / "en.md") if out is not None and out.suffix != ".md" else None
        if source is not None and source.is_file():
            from .loader import load_file
            doc = load_file(source, "resolutions", Report())
            translation = ("official", {u.id: u.hash for u in doc.walk()}) if doc else None
        if translation is None:
            report.warning(file, 1, 1, "no en.md to take source hashes from",
                           "import the English first, or run 'compendium translate-mark ID --lang LL --status official --all'")
    text = front_matter(resolution_meta(akn, akn, None, []), translation) + akn.markdown
    if parse(akn).report.errors:
        report.error(file, 1, 1, "the imported text does not parse", "run 'compendium validate' on the output")
    elif out is None:
        click.echo(text, nl=False)
    else:
        target = out if out.suffix == ".md" else out / "resolutions" / akn.id / f"{lang}.md"
        _write([(target, text)], report, replace=force)
    return 1 if print_report(report) and report.errors else 0


def _write(targets: list[tuple[Path, str]], report: Report, replace: bool = True) -> bool:
    """Write every target or none, atomically (an existing one keeps its line endings, and is replaced only with
    `replace`: --force); a failure is reported, not raised."""
    from .atomic import FilesExist, WriteError, keep_line_endings, write_many

    try:
        write_many([(path, keep_line_endings(path, text).encode("utf-8")) for path, text in targets], parents=True,
                   replace=replace)
    except FilesExist as exc:
        for path in exc.paths:
            report.error(path, 1, 1, "the file exists already; import does not replace it",
                         "pass --force to replace it, or move it away first; nothing was written")
        return False
    except WriteError as exc:
        report.error(exc.path, 1, 1, exc.message, exc.hint)
        return False
    for path, _text in targets:
        click.echo(f"wrote {path}", err=True)
    return True


@main.group()
def export() -> None:
    """Export the parsed corpus."""


@export.command("json")
@CONTENT_OPTION
@click.option("--lang", type=LanguageChoice(), default=None, help="Only this language.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write to this file instead of stdout.")
def export_json(content: Path, lang: str | None, out: Path | None) -> None:
    """The corpus as JSON: documents with their metadata and units."""
    from .export import corpus_json, dumps
    from .loader import load

    report = Report()
    corpus = load(content, report)
    if report.errors:
        sys.exit(print_report(report))
    text = dumps(corpus_json(corpus, lang))
    if out:
        if not _write([(out, text)], report):
            sys.exit(print_report(report))
    else:
        click.echo(text, nl=False)


@export.command("akn")
@CONTENT_OPTION
@click.option("--lang", type=LanguageChoice(), default=None, help="Only this language.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("akn"), show_default=True,
              help="The folder to write into: <lang>/<collection>/<id>/akn.xml, as on the site.")
@click.option("--force", is_flag=True, help="Write into a non-empty folder that an earlier export did not make.")
def export_akn(content: Path, lang: str | None, out: Path, force: bool) -> None:
    """Every document as Akoma Ntoso 3.0 XML (AKN4UN names), each checked against the OASIS schema."""
    from .akn.export import AknError, FolderRefused, export_folder
    from .atomic import WriteError
    from .loader import load

    report = Report()
    corpus = load(content, report)
    if report.errors:
        sys.exit(print_report(report))
    try:
        written = export_folder(corpus, out, lang, force)
    except (FolderRefused, AknError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except WriteError as exc:
        report.error(exc.path, 1, 1, exc.message, exc.hint)
        sys.exit(print_report(report))
    click.echo(f"wrote {len(written)} Akoma Ntoso file(s) into {out}", err=True)


@main.command()
@CONTENT_OPTION
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Where the site is written.")
@click.option("--lang", "langs", multiple=True, type=LanguageChoice(),
              help="Build only these languages (default: all).")
@click.option("--config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("--no-pdf", is_flag=True, help="Skip the printable PDF editions (the new site then has no downloads).")
def build(content: Path, site_dir: Path, langs: tuple[str, ...], config: Path, no_pdf: bool) -> None:
    """Build the site into --site-dir, replacing it only when every part succeeded."""
    from .build import build_site

    report = Report()
    code = build_site(content, site_dir, config, list(langs), report, pdf=not no_pdf)
    sys.exit(max(code, print_report(report, summarise=(QA_CHECK,))))


@main.group()
def history() -> None:
    """The recorded history of each document (content/<collection>/<id>/history.yml)."""


@history.command("record")
@CONTENT_OPTION
def history_record(content: Path) -> None:
    """Record the content's changes from git: the whole log, then the uncommitted changes (dated today, UTC).

    Run it before committing a change to the content; running it again changes nothing."""
    import time

    from .history_record import record

    report = Report()
    started = time.monotonic()
    written, total = record(content, report)
    code = print_report(report)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(f"{total} change(s) recorded; {len(written)} history file(s) written in "
               f"{time.monotonic() - started:.1f} s", err=True)
    sys.exit(code)


@main.command("check-links")
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="The built site to check.")
@click.option("--offline", "offline", is_flag=True,
              help="Check the offline editions too (<lang>/downloads/*-offline.zip): no link to a folder, nothing "
                   "loaded from a host.")
def check_links(site_dir: Path, offline: bool) -> None:
    """Check every internal link and anchor of a built site, in every language."""
    from .linkcheck import check_site

    if not (site_dir / "index.html").is_file():
        click.echo(f"{site_dir}: no built site here (run 'compendium build' first)", err=True)
        sys.exit(1)
    broken, checked = check_site(site_dir)
    if offline:
        from .offline import check_offline_zips

        more, count = check_offline_zips(site_dir, settings_module.current().site_url)
        broken, checked = broken + more, checked + count
    for link in broken:
        click.echo(link.format(), err=True)
    click.echo(f"{checked} link(s) checked, {len(broken)} broken", err=True)
    sys.exit(1 if broken else 0)


from .cli_translate import register as _register_translating; _register_translating(main)  # noqa: E402,E702


if __name__ == "__main__":
    main()
