"""Text in an lxml tree: what the exporters that build XML with lxml (Akoma Ntoso, EPUB, XLIFF) share."""

from __future__ import annotations


def append_text(parent, text: str | None) -> None:
    """`text` at the end of `parent`'s content: the last child's tail, else the element's own text."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
