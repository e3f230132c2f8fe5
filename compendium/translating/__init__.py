"""Translating the compendium: where each translation stands, scaffolds, source diffs and alignment checks.

The site uses `status` (a documents × languages matrix) and `document_status` (one page's outdated and
untranslated units); the CLI commands are in compendium/cli_translate.py; the guide is content/TRANSLATING.md.
"""

from .alignment import Alignment, align, source_language
from .markers import MARKER, is_untranslated, strip_marker
from .status import (STATES, CatalogStatus, TranslationState, catalog_status, document_status, status, status_json,
                     status_map)

__all__ = [
    "Alignment", "align", "source_language", "MARKER", "is_untranslated", "strip_marker", "STATES",
    "CatalogStatus", "TranslationState", "catalog_status", "document_status", "status", "status_json", "status_map",
]
