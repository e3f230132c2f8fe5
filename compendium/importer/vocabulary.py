"""The words a document itself uses: the evidence for repairing a word split at a line end.

Only words seen whole count: the first and last word of a line may be halves, unless the input
marks the line's last word as whole (a space before the line end, as OCR output has).
A word is "known" when the text uses it, or - for languages with a stemmer - a form of it
("recognized" when the text says "recognizing").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_STEMMER_NAMES = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
MIN_STEM = 5  # shorter stems match too many unrelated words to count as evidence


def _stemmer(lang: str):
    name = _STEMMER_NAMES.get(lang)
    if name is None:
        return None
    try:
        import Stemmer  # PyStemmer, a declared dependency (the search index uses it too)
    except ImportError:  # pragma: no cover - without it, only exact words count
        return None
    return Stemmer.Stemmer(name)


class Vocabulary:
    def __init__(self, lines: Iterable[tuple[str, bool]], lang: str):
        """`lines`: each line's text and whether its last word is known to be whole."""
        self.words: set[str] = set()
        for line, whole_end in lines:
            tokens = WORD.findall(line)
            for token in tokens[1:] if whole_end else tokens[1:-1]:
                self.add(token)
        self._stemmer = _stemmer(lang)
        self.stems = {self._stem(w) for w in self.words if "-" not in w} if self._stemmer else set()

    def add(self, token: str) -> None:
        word = token.lower().replace("‐", "-")
        self.words.add(word)
        if "-" in word:
            self.words.update(part for part in word.split("-") if part)

    def _stem(self, word: str) -> str:
        return self._stemmer.stemWord(word) if self._stemmer else word

    def has(self, word: str) -> bool:
        return word.lower() in self.words

    def form_of(self, word: str) -> bool:
        """True when the text uses another form of the word (same stem, long enough to mean something)."""
        if not self._stemmer:
            return False
        stem = self._stem(word.lower())
        return len(stem) >= MIN_STEM and stem in self.stems
