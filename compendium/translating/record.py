"""Rewrite a translation's `translation:` block in place: its status and the source hashes it records.

Only that block's lines change, so a translator's comments and layout elsewhere in the file survive.
"""

from __future__ import annotations

from ..model import Document
from .alignment import recorded_hashes
from .scaffold import hash_lines


def updated_block(doc: Document, status: str | None, hashes: dict[str, str], drop: set[str],
                  order: list[str]) -> list[str]:
    """The new block: `hashes` recorded over the old ones, ids in `drop` removed, in the source's `order`."""
    merged = {uid: h for uid, h in recorded_hashes(doc).items() if uid not in drop}
    merged.update(hashes)
    rank = {uid: i for i, uid in enumerate(order)}
    merged = dict(sorted(merged.items(), key=lambda kv: rank.get(kv[0], len(rank))))
    recorded = doc.meta.translation.status if doc.meta.translation is not None else None
    new_status = status or recorded or "draft"
    return ["translation:", f"  status: {new_status}", *hash_lines(merged)]


def rewrite(text: str, doc: Document, block_lines: list[str]) -> str:
    """`text` (the file, newlines normalised) with the translation block replaced or added."""
    lines = text.split("\n")
    close = doc.body_line - 2  # index of the line that closes the front matter
    start_line = doc.key_lines.get("translation")
    if start_line is None:
        lines[close:close] = block_lines
        return "\n".join(lines)
    later = [line for line in doc.key_lines.values() if line > start_line]
    stop = (min(later) - 1) if later else close  # index just past the block
    while stop - 1 > start_line - 1 and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
        stop -= 1  # comments and blank lines before the next key belong to it, not to the block
    lines[start_line - 1:stop] = block_lines
    return "\n".join(lines)

