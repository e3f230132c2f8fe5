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
from .diagnostics import Report
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


def print_report(report: Report, strict: bool = False) -> int:
    """Print every problem; return the exit code (1 on errors, or on warnings with --strict)."""
    for diag in report.sorted():
        click.echo(diag.format(), err=True)
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
def validate(content: Path, strict: bool) -> None:
    """Check every content file and report every problem at once."""
    from .citations import check_citations
    from .loader import load

    report = Report()
    corpus = load(content, report)
    check_citations(corpus, report)  # mentions of resolutions that cannot be linked: warnings
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
def import_(file: Path, lang: str, kind: str | None, out: Path | None) -> None:
    """Turn a plain-text or Markdown-ish UN text into content files."""
    from .frontmatter import decode
    from .importer import import_text

    report = Report()
    try:
        data = file.read_bytes()
    except OSError as exc:
        report.error(file, 1, 1, f"cannot read the file: {exc.strerror}", "check the path")
        sys.exit(print_report(report))
    text = decode(file, data, report)
    if text is None:
        sys.exit(print_report(report))
    docs = import_text(text, lang, kind)
    for doc in docs:
        for line, message in doc.warnings:
            report.warning(file, line, 1, message, "check the imported text at this place")
    if not docs:
        report.error(file, 1, 1, "no document found in the file", "check that it is a UN resolution or instrument")
    elif out is None:
        for doc in docs:
            if len(docs) > 1:
                click.echo(f"<!-- {doc.collection}/{doc.id}/{doc.lang}.md -->")
            click.echo(doc.markdown, nl=False)
    elif out.suffix == ".md":
        if len(docs) > 1:
            report.error(file, 1, 1, f"the file holds {len(docs)} documents but --out names one file",
                         "pass a content folder as --out")
        else:
            _write(out, docs[0].markdown)
    else:
        for doc in docs:
            _write(out / doc.collection / doc.id / f"{doc.lang}.md", doc.markdown)
    code = print_report(report)  # import warnings do not fail the command: the text was kept
    sys.exit(1 if code and report.errors else 0)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {path}", err=True)


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
        _write(out, text)
    else:
        click.echo(text, nl=False)


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
    sys.exit(max(code, print_report(report)))


@main.command("check-links")
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="The built site to check.")
def check_links(site_dir: Path) -> None:
    """Check every internal link and anchor of a built site, in every language."""
    from .linkcheck import check_site

    if not (site_dir / "index.html").is_file():
        click.echo(f"{site_dir}: no built site here (run 'compendium build' first)", err=True)
        sys.exit(1)
    broken, checked = check_site(site_dir)
    for link in broken:
        click.echo(link.format(), err=True)
    click.echo(f"{checked} link(s) checked, {len(broken)} broken", err=True)
    sys.exit(1 if broken else 0)


from .cli_translate import register as _register_translating; _register_translating(main)  # noqa: E402,E702


if __name__ == "__main__":
    main()
