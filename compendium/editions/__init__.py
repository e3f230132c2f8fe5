"""Printable editions of the compendium: a PDF per language, per cluster and per instrument.

    plan        which editions a corpus gives and where their files go (`<lang>/downloads/…`)
    scripts     a language's script, direction and Noto font stack, derived from its locale
    book        one document as a chapter: the Renderer's HTML with book ids and page-foot footnotes
    compose     an edition's whole HTML: cover, contents, parts, resolutions, colophon; the stylesheet
    provenance  the edition date and the SHA-256 fingerprint of the content files
    pdf         WeasyPrint in a worker process: HTML → PDF/UA-1, deterministic bytes
    cache       input keys and the rendered-PDF cache (`.cache/editions/`)
    runner      the process pool and the progress display
    epub        the full edition as an EPUB 3 e-book per language (its own link policy, notes and fonts)
    publish     all of it for a set of languages, with a manifest per language
    manifest    the manifest's format, writing and reading ($COMPENDIUM_EDITIONS_DIR)
    downloads   the Downloads page's HTML table
    site        the step of `compendium build`: render before the pages, move into the staged site after

`compendium build` calls build_editions before the site's pages are built, so that the site build can read
each language's manifest (load_manifest) and show downloads_html; the PDFs then move into the site.
"""

from .downloads import downloads_html
from .manifest import ENV as MANIFEST_ENV
from .manifest import find_file, load_manifest, manifest_path
from .publish import Failure, Outcome, build_editions

__all__ = ["MANIFEST_ENV", "Failure", "Outcome", "build_editions", "downloads_html", "find_file", "load_manifest",
           "manifest_path"]
