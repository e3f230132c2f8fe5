"""Make every edition of the given languages into a folder laid out like the site, with a manifest each.

Composes each edition's HTML (cheap, here), looks its key up in the cache, renders only the missing ones in
parallel, then places every PDF at its site path. A failed edition is reported with its language, its file
and, where known, the document at fault; the other editions are still made and cached.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rich.console import Console

from .. import addresses
from ..catalogs import compile_all
from ..model import Corpus
from . import epub, plan
from .cache import Cache, input_key
from ..citations import citation_index
from .compose import ChapterError, Composer
from .manifest import write_manifest
from .pdf import RENDERING, Job, Result, render
from .provenance import content_sha256, edition_timestamp, iso_day
from .runner import run
from ..languages import direction
from .scripts import font_files


@dataclass
class Failure:
    lang: str
    path: str  # the edition's file, from the site root
    message: str
    documents: list[str] = field(default_factory=list)  # content files known to be at fault

    def format(self) -> str:
        blame = f" (documents at fault: {', '.join(self.documents)})" if self.documents else ""
        return f"the {self.lang} edition {self.path} failed: {self.message}{blame}"


@dataclass
class Outcome:
    rendered: list[str] = field(default_factory=list)  # site paths rendered in this run
    reused: list[str] = field(default_factory=list)  # site paths taken from the cache
    failures: list[Failure] = field(default_factory=list)
    pages_rendered: int = 0
    render_seconds: float = 0.0  # wall time of the parallel rendering
    manifests: dict[str, Path] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class _Planned:
    edition: plan.Edition
    key: str
    record: dict  # manifest fields known before rendering


def build_editions(corpus: Corpus, out_dir: Path, langs: list[str], cache_dir: Path, *, content: Path | None = None,
                   workers: int | None = None, console: Console | None = None,
                   kinds: tuple[str, ...] = (*plan.KINDS, epub.KIND),
                   render_fn: Callable[[Job], Result] = render) -> Outcome:
    """Write `<out_dir>/<lang>/downloads/…pdf`, the e-book (…epub) and `manifest.json` for each language; see
    Outcome. `kinds` narrows the editions made (the benchmark times the full editions alone; epub.KIND: the e-book)."""
    outcome = Outcome()
    corpus = plan.printable(corpus)  # no draft translation is printed
    compile_all()  # the interface strings' catalogs, as the site build does: editions may come first
    cache = Cache(cache_dir)
    cache.prepare()
    stamp = edition_timestamp(content)
    planned: list[_Planned] = []
    jobs: dict[str, Job] = {}
    citations = citation_index(corpus)
    for lang in langs:
        composer = Composer(lang, stamp, citations=citations, corpus=corpus)
        fonts = font_files(lang)
        for edition in (e for e in plan.editions(corpus, lang) if e.kind in kinds):
            try:
                page, css = composer.html(edition), composer.stylesheet(edition)
            except ChapterError as exc:
                outcome.failures.append(Failure(lang, edition.path, str(exc), [exc.source]))
                continue
            quoted = {e.doc.lang for e in edition.entries()}
            key = input_key(page, css, fonts + tuple(f for q in sorted(quoted) for f in font_files(q)), RENDERING)
            first = edition.entries()[0]
            single = edition.single
            record = {"path": edition.path, "kind": edition.kind, "id": edition.slug,
                      "cluster": edition.parts[0][0] if edition.kind != "full" and edition.parts else None,
                      "title": composer.title(edition), "title_lang": first.doc.lang if single else lang,
                      "fallback": bool(single and first.fallback), "content_sha256": content_sha256(edition.docs())}
            planned.append(_Planned(edition, key, record))
            if cache.lookup(key) is None and edition.label not in jobs:
                jobs[edition.label] = Job(edition.label, page, css, key, str(cache.pdf(key)), direction(lang) == "rtl")

    started = time.perf_counter()
    results, errors = run(list(jobs.values()), workers, console, render_fn)
    outcome.render_seconds = time.perf_counter() - started if jobs else 0.0
    for label, result in results.items():
        path = next(p for p in planned if p.edition.label == label)
        cache.store(path.key, path.edition.path, result.pages, result.size, result.sha256)
        outcome.pages_rendered += result.pages
        outcome.warnings += [f"{label}: {w}" for w in dict.fromkeys(result.warnings)]
    _blame(planned, errors, outcome)

    # The e-book of each language: the full edition, cached apart.
    books, book_failures = epub.build(corpus, out_dir, langs, cache_dir, stamp, citations) \
        if epub.KIND in kinds else ({}, [])
    for lang, message in book_failures:
        outcome.failures.append(Failure(lang, addresses.epub_file(lang), message))

    files: dict[str, list[dict]] = {lang: [] for lang in langs}
    for item in planned:
        if item.edition.label in errors:
            continue
        meta = cache.lookup(item.key)
        if meta is None:  # pruned or removed by another build meanwhile: say so rather than list a missing file
            outcome.failures.append(Failure(item.edition.lang, item.edition.path, "its rendering vanished from the cache"))
            continue
        cache.place(item.key, out_dir / item.edition.path)
        (outcome.rendered if item.edition.label in results else outcome.reused).append(item.edition.path)
        files[item.edition.lang].append({**item.record, "pages": meta["pages"], "bytes": meta["size"],
                                         "sha256": meta["sha256"]})
    for lang, entries in files.items():
        if entries or lang in books:
            outcome.manifests[lang] = write_manifest(out_dir, lang, iso_day(stamp), entries,
                                                     [books[lang]] if lang in books else [])
    cache.prune()
    console = console or Console(stderr=True)
    rate = f", {outcome.pages_rendered / outcome.render_seconds:.1f} pages/s" if outcome.render_seconds else ""
    console.print(f"PDF editions: {len(outcome.rendered)} rendered ({outcome.pages_rendered} pages in "
                  f"{outcome.render_seconds:.1f} s{rate}), {len(outcome.reused)} unchanged, "
                  f"{len(outcome.failures)} failed", highlight=False, soft_wrap=True)
    return outcome


def _blame(planned: list[_Planned], errors: dict[str, str], outcome: Outcome) -> None:
    """A failed edition of many documents names those whose own edition failed too: the likely culprits."""
    failed_alone = {p.edition.entries()[0].id: p for p in planned
                    if p.edition.single and p.edition.label in errors}
    for item in planned:
        if item.edition.label not in errors:
            continue
        edition = item.edition
        culprits = [f"{e.doc.collection}/{e.id}/{e.doc.lang}.md" for e in edition.entries() if e.id in failed_alone]
        outcome.failures.append(Failure(edition.lang, edition.path, errors[edition.label], culprits))
