"""Keep every footnote on the page of its call (WeasyPrint 70).

When a page is full and a paragraph's next line cannot be pushed to the next page without breaking its
`orphans`/`widows`, WeasyPrint 70 (`layout.block._linebox_layout`, from its pull request 2437) moves the page's
last footnotes to the next page to make room for that line. A reader then finds the note a page after its call
although the call's page had room for it. Without that exchange WeasyPrint breaks the paragraph by
orphans and widows as it does on a page without notes, and a note goes with its call.

The exchange is one condition in that function; `keep_notes_with_calls()` recompiles the function without
it. If the WeasyPrint installed is not the one this was written for (the condition's text is not found), it
changes nothing and says so: the editions are still made, notes may then move as WeasyPrint decides.
"""

from __future__ import annotations

import inspect
import textwrap

_CONDITION = "report = not context.in_column and can_break_now and not could_break_before"
_PATCHED = "_compendium_notes_with_calls"
VERSION = 1  # in the editions' cache key (pdf.RENDERING): a change here renders the PDFs again


def keep_notes_with_calls() -> bool:
    """Patch WeasyPrint in this process (once); True when notes are kept with their calls."""
    from weasyprint.layout import block

    if getattr(block, _PATCHED, False):
        return True
    source = textwrap.dedent(inspect.getsource(block._linebox_layout))
    if source.count(_CONDITION) != 1:
        return False
    namespace: dict = {}
    exec(compile(source.replace(_CONDITION, "report = False"), inspect.getsourcefile(block), "exec"),  # noqa: S102
         block.__dict__, namespace)
    block._linebox_layout = namespace["_linebox_layout"]
    setattr(block, _PATCHED, True)
    return True
