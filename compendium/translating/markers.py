"""The marks a translation file carries: the untranslated marker and the format of a recorded source hash."""

from __future__ import annotations

import re

from ..model import Unit

# Put in front of source text that a scaffold copied into a translation. Visible on a preview page on
# purpose: a reader must never take the source wording for the translation.
MARKER = "[untranslated]"

# Unit.hash is the first 12 hex digits of a SHA-256; anything else was typed or damaged by hand.
HASH = re.compile(r"^[0-9a-f]{12}$")

# Front matter values a translator translates; the other keys are facts that stay as the source gives them.
TRANSLATABLE_KEYS = ("title", "short_title", "completeness_note", "verification_note")


def is_untranslated(unit: Unit) -> bool:
    return MARKER in unit.text or MARKER in (unit.heading or "")


def strip_marker(text: str) -> str:
    """The text without the marker, for a page that shows the mark in its own way."""
    # One space goes with the marker: the scaffold writes "[untranslated] text" and "adoption line [untranslated]".
    return text.replace(MARKER + " ", "").replace(" " + MARKER, "").replace(MARKER, "")


def untranslated_fields(doc) -> list[str]:
    """The front-matter texts of a translation that still carry the marker."""
    return [k for k in TRANSLATABLE_KEYS if isinstance(doc.front_matter(k), str) and MARKER in doc.front_matter(k)]
