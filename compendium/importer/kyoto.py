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
