"""Joining two pieces of one paragraph that a line end (or a page break) separated.

Typesetting splits words at line ends, with a hyphen ("resolu-/tion") or, after OCR, without
one ("resolu/tion"). A join is made only when the document itself shows that the joined word
is a word; every guess is returned as a message so that the caller can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import Vocabulary

HYPHENS = "-‐\u00ad"
_TAIL = re.compile(r"([^\W\d_]+)([-‐\u00ad]?)$")
_HEAD = re.compile(r"^([^\W\d_]+)")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass
class Joint:
    text: str  # the two pieces joined
    message: str | None = None  # what was repaired, or what looks wrong but was left alone


def join(left: str, right: str, vocab: Vocabulary, split: bool | None = None) -> Joint:
    """`split`: whether the input says the line end cuts a word (True), ends one (False) or cannot tell."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return Joint(left + right)
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
        return Joint(left + right)  # Chinese has no spaces between words
    tail, head = _TAIL.search(left), _HEAD.match(right)
    if left[-1] in HYPHENS:
        return _hyphenated(left, right, tail, head, vocab)
    if split is False or tail is None or head is None or not head.group(1)[0].islower():
        return Joint(f"{left} {right}")
    return _unhyphenated(left, right, tail.group(1), head.group(1), vocab, split)


def _hyphenated(left: str, right: str, tail, head, vocab: Vocabulary) -> Joint:
    if tail is None or head is None:
        return Joint(left + right)  # "1990-" + "1991": a range, keep the hyphen
    first, second, hyphen = tail.group(1), head.group(1), tail.group(2)
    body, rest = left[: tail.start()], right[head.end():]
    closed, compound = first + second, f"{first}-{second}"
    if hyphen == "\u00ad":
        return Joint(body + closed + rest)  # a soft hyphen only ever marks a break
    if second[0].isupper() or vocab.has(compound):
        return Joint(body + compound + rest)  # "Secretary-General", "non-governmental"
    if vocab.has(closed) or (vocab.form_of(closed) and not vocab.has(first)):
        return Joint(body + closed + rest, f"removed the line-end hyphen in '{first}-' + '{second}': "
                     f"'{closed}' is used elsewhere in the text")
    if vocab.has(first) and vocab.has(second):
        return Joint(body + compound + rest, f"kept the hyphen in '{compound}' (split at a line end; both parts are words)")
    return Joint(body + closed + rest, f"removed the line-end hyphen in '{first}-' + '{second}' although "
                 f"'{closed}' is not used elsewhere in the text")


def _unhyphenated(left: str, right: str, first: str, second: str, vocab: Vocabulary, split: bool | None) -> Joint:
    closed = first + second
    # Two words that happen to make a third ("in" + "to") stay apart unless the input marks a cut.
    both_words = vocab.has(first) and vocab.has(second) and not split
    if vocab.has(closed) and not both_words:
        return Joint(left[: -len(first)] + closed + right[len(second):],
                     f"joined '{first}' + '{second}' (split at a line end without a hyphen): "
                     f"'{closed}' is used elsewhere in the text")
    if vocab.form_of(closed) and not vocab.has(second) and not vocab.form_of(second):
        return Joint(left[: -len(first)] + closed + right[len(second):],
                     f"joined '{first}' + '{second}' (split at a line end without a hyphen): "
                     f"another form of '{closed}' is used elsewhere in the text")
    if vocab.has(closed):
        return Joint(f"{left} {right}", f"'{first} {second}' could also be the word '{closed}' split at a line end; "
                     "kept apart")
    first_known = vocab.has(first) or vocab.form_of(first)
    second_known = vocab.has(second) or vocab.form_of(second)
    # Where the input marks a cut, one unknown half is suspicious; elsewhere it takes two.
    if (not first_known or not second_known) if split else (not first_known and not second_known):
        return Joint(f"{left} {right}", f"'{first}' + '{second}' at a line end may be one word split without a "
                     f"hyphen; kept apart because '{closed}' is not used elsewhere in the text")
    return Joint(f"{left} {right}")
