"""Rewrite a translation's `translation:` block in place: its status and the source hashes it records
(the units it declares `absent` are kept as they were).

Only that block's lines change, so a translator's comments and layout elsewhere in the file survive.
"""

from __future__ import annotations

from ..atomic import line_ending, split_lines
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
    absent = doc.meta.translation.absent if doc.meta.translation is not None else ()
    kept = [f"  absent: [{', '.join(absent)}]"] if absent else []  # ids are slugs: plain YAML scalars
    return ["translation:", f"  status: {new_status}", *kept, *hash_lines(merged)]


def rewrite(text: str, doc: Document, block_lines: list[str]) -> str:
    """`text` (the file as read, any line endings) with the translation block replaced or added.

    Every other line keeps its own line ending; the block's lines get the one the file mostly uses."""
    pairs = split_lines(text)
    lines, ends = [p[0] for p in pairs], [p[1] for p in pairs]
    eol = line_ending(text)
    close = doc.body_line - 2  # index of the line that closes the front matter
    start_line = doc.key_lines.get("translation")
    if start_line is None:
        start, stop = close, close
    else:
        later = [line for line in doc.key_lines.values() if line > start_line]
        stop = (min(later) - 1) if later else close  # index just past the block
        while stop - 1 > start_line - 1 and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
            stop -= 1  # comments and blank lines before the next key belong to it, not to the block
        start = start_line - 1
    lines[start:stop] = block_lines
    ends[start:stop] = [eol] * len(block_lines)
    return "".join(line + end for line, end in zip(lines, ends))
