"""A synthetic corpus of real size, in six scripts, for benchmarks only.

The words are generated nonsense in each script; nothing here pretends to be a UN text.
"""

from __future__ import annotations

import random
from pathlib import Path

LANGS = ("ar", "zh", "en", "fr", "ru", "es")
CLUSTERS = ("custody", "cooperation", "prevention", "governance")
_ALPHABETS = {
    "en": "abcdefghijklmnoprstuvw",
    "fr": "abcdeéèfghilmnoprstuv",
    "es": "abcdefghijlmnñoprstuvá",
    "ru": "абвгдежзийклмнопрстуфя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
}


VOCABULARY = 12000  # distinct words per language, used with Zipf frequencies as in real texts


def _new_word(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return "".join(chr(rng.randint(0x4E00, 0x4E00 + 2500)) for _ in range(rng.choice((1, 2, 2, 2, 3))))
    letters = _ALPHABETS[lang]
    return "".join(rng.choice(letters) for _ in range(rng.randint(2, 10)))


_vocabularies: dict[str, tuple[list[str], list[float]]] = {}


def _vocabulary(lang: str) -> tuple[list[str], list[float]]:
    if lang not in _vocabularies:
        rng = random.Random(f"vocabulary-{lang}")
        words = [_new_word(rng, lang) for _ in range(VOCABULARY)]
        words.sort(key=len)  # frequent words are short, as in real languages
        _vocabularies[lang] = (words, [1 / (rank + 1) for rank in range(VOCABULARY)])
    return _vocabularies[lang]


def sentence(rng: random.Random, lang: str, words: int) -> str:
    vocabulary, weights = _vocabulary(lang)
    joiner = "" if lang == "zh" else " "
    return joiner.join(rng.choices(vocabulary, weights, k=words))


def document(index: int, lang: str, paragraphs: int, seed: int = 0) -> tuple[str, str]:
    """Returns (id, body) of one synthetic instrument: sections, numbered paragraphs, items, footnotes."""
    rng = random.Random(f"{seed}-{index}-{lang}")
    doc_id = f"synthetic-{index:03d}"
    lines = [sentence(rng, lang, 25) + ",", ""]
    footnotes = []
    per_section = max(1, paragraphs // 5)
    for n in range(1, paragraphs + 1):
        if (n - 1) % per_section == 0:
            roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][min(9, (n - 1) // per_section)]
            lines += [f"## {roman}. {sentence(rng, lang, 4).upper()}", ""]
        text = sentence(rng, lang, rng.randint(40, 90))
        if n % 10 == 0:
            text += f"[^{n}]"
            footnotes.append(f"[^{n}]: {sentence(rng, lang, 12)}.")
        lines += [f"{n}. {text};", ""]
        if n % 7 == 0:
            lines += [f"(a) {sentence(rng, lang, 20)};", "", f"(b) {sentence(rng, lang, 20)}.", ""]
    lines += footnotes
    return doc_id, "\n".join(lines) + "\n"


def front_matter(doc_id: str, index: int, lang: str) -> str:
    return (f"---\nid: {doc_id}\nkind: rules\ntitle: Synthetic instrument {index} ({lang})\n"
            f"cluster: {CLUSTERS[index % 4]}\ncompleteness: complete\nnumbering: document\n---\n\n")


def write_corpus(root: Path, documents: int, paragraphs: int) -> tuple[Path, Path]:
    """Write the same texts twice: as our content/ tree and as a stock mkdocs-static-i18n docs/ tree."""
    content, docs = root / "content", root / "docs"
    for i in range(documents):
        for lang in LANGS:
            doc_id, body = document(i, lang, paragraphs)
            ours = content / "instruments" / doc_id / f"{lang}.md"
            ours.parent.mkdir(parents=True, exist_ok=True)
            ours.write_text(front_matter(doc_id, i, lang) + body, encoding="utf-8")
            stock = docs / f"{doc_id}.{lang}.md" if lang != "en" else docs / f"{doc_id}.md"
            stock.parent.mkdir(parents=True, exist_ok=True)
            stock.write_text(f"---\ntitle: Synthetic instrument {i}\n---\n\n# Synthetic instrument {i}\n\n{body}",
                             encoding="utf-8")
    (docs / "index.md").write_text("# Synthetic corpus\n", encoding="utf-8")
    return content, docs
