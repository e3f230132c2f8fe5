"""The Kyoto Model Strategies: the annex of General Assembly resolution 80/226, published as an instrument.

Resolution 80/226 adopted the United Nations Model Strategies on Reducing Reoffending (the Kyoto Model
Strategies) as its annex; ECOSOC resolution 2025/16 recommended the same text to the Assembly. As with
resolution 1997/33 and its annexed instrument, the resolution pages keep the annex and the instrument has the
annex's text: its own sections and paragraphs, the same footnotes, in the six languages.
"""

from __future__ import annotations

KYOTO_ID = "kyoto-model-strategies"
ADOPTING = "ga-80-226"
RECOMMENDING = "ecosoc-2025-16"


def kyoto_related(resolution_id: str) -> list[str]:
    """The `related` ids of a resolution: the two Kyoto resolutions name the instrument and each other."""
    if resolution_id == ADOPTING:
        return [KYOTO_ID, RECOMMENDING]
    if resolution_id == RECOMMENDING:
        return [KYOTO_ID, ADOPTING]
    return []


def instrument_body(markdown: str) -> str:
    """The annex of the resolution's Markdown: below the annex heading and the title, with its footnotes."""
    import re

    blocks = markdown.strip("\n").split("\n\n")
    start = next(i for i, b in enumerate(blocks) if re.match(r"^## \S+$", b))  # "## Annex" in any language
    annex = [b for b in blocks[start + 2:] if not b.startswith("[^")]
    text = "\n\n".join(annex)
    labels = set(re.findall(r"\[\^([^\]\s]+)\](?!:)", text))
    notes = [b for b in blocks if (m := re.match(r"^\[\^([^\]\s]+)\]:", b)) and m.group(1) in labels]
    return "\n\n".join(annex + notes) + "\n"


def instrument_files(group) -> dict[str, str]:
    """The instrument's content files, from the imported group of resolution 80/226 (its languages only)."""
    import re

    from ..body import parse_body
    from ..diagnostics import Report
    from .akn_files import ACKNOWLEDGEMENT, front_matter

    bodies = {lang: instrument_body(p.akn.markdown) for lang, p in group.parsed.items()}
    hashes = {u.id: u.hash for top in parse_body(group.parsed["en"].akn.path, bodies["en"], 1, Report())
              for u in top.walk()}
    files = {}
    for lang, parsed in group.parsed.items():
        blocks = parsed.akn.markdown.split("\n\n")
        start = next(i for i, b in enumerate(blocks) if re.match(r"^## \S+$", b))
        title = blocks[start + 1].lstrip("#").strip()
        en = group.parsed["en"].akn
        meta = {"id": KYOTO_ID, "kind": "strategies", "title": title, "symbol": en.symbol,
                "adopted_by": {"body": "ga", "resolution": en.number, "meeting": en.meeting, "date": en.date,
                               "text": f"General Assembly resolution {en.number}, annex"},
                "cluster": "custody", "related": [ADOPTING, RECOMMENDING],
                "source": f"{ACKNOWLEDGEMENT}: annex to General Assembly resolution {en.number} ({en.symbol}).",
                "completeness": "complete"}
        files[lang] = front_matter(meta, None if lang == "en" else ("official", hashes)) + bodies[lang]
    return files
