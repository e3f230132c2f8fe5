"""Which language version of a document a reader gets: the one rule used by the web pages, search, the
sitemap, the printed editions, the citation index and the side-by-side view.

A document's source language is what any of its files declares with `source_language`, else the
compendium's default (English). A reader of language X gets the version in X when it has a text; a
catalogue record (no text in any language) is shown in X when it exists in X; otherwise the reader gets
the source text (or, where the source file is missing, any version with a text), marked as a fallback.
"""

from __future__ import annotations

from .model import Corpus, Document
from .vocabulary import DEFAULT_SOURCE_LANGUAGE


def declared_source_languages(versions: dict[str, Document]) -> list[str]:
    """The `source_language` values the files of one document give (more than one is a conflict)."""
    seen: list[str] = []
    for doc in versions.values():
        value = doc.meta.source_language
        if value and value not in seen:
            seen.append(value)
    return seen


def source_language_of(versions: dict[str, Document]) -> str:
    declared = declared_source_languages(versions)
    return declared[0] if declared else DEFAULT_SOURCE_LANGUAGE


def source_language(corpus: Corpus, doc_id: str) -> str:
    return source_language_of(corpus.versions(doc_id))


def source_version(corpus: Corpus, doc_id: str) -> Document | None:
    """The version translations are made from and readers fall back on: the source language's, else the
    first version with a text, else any version."""
    versions = corpus.versions(doc_id)
    if not versions:
        return None
    source = versions.get(source_language_of(versions))
    if source is not None and source.has_text:
        return source
    with_text = [d for d in versions.values() if d.has_text]
    return with_text[0] if with_text else source or next(iter(versions.values()))


def has_text_in(corpus: Corpus, doc_id: str, lang: str) -> bool:
    """The document has a text in `lang`."""
    doc = corpus.get(doc_id, lang)
    return doc is not None and doc.has_text


def languages_with_text(corpus: Corpus, doc_id: str, langs: tuple[str, ...] | list[str]) -> list[str]:
    return [lang for lang in langs if has_text_in(corpus, doc_id, lang)]


def pick(corpus: Corpus, doc_id: str, lang: str) -> tuple[Document, bool]:
    """The version a reader of `lang` gets, and whether it is a fallback (a text in another language)."""
    own = corpus.get(doc_id, lang)
    if own is not None and own.has_text:
        return own, False
    source = source_version(corpus, doc_id)
    if source is None:
        raise KeyError(doc_id)
    if own is not None and not source.has_text:
        return own, False  # a catalogue record in the reader's language, and no text anywhere
    return source, source.lang != lang


def title_version(corpus: Corpus, shown: Document, lang: str) -> Document:
    """The version whose title a reader of `lang` sees for the document `shown`: the reader's own file where
    there is one, a catalogue record without a text included (the French record of the Nelson Mandela Rules
    gives its French title above the English text), else the version shown."""
    own = corpus.get(shown.id, lang)
    return own if own is not None and own.title else shown


def own_version(corpus: Corpus, doc_id: str, lang: str) -> bool:
    """The reader of `lang` gets a version in `lang` (not a fallback): what the sitemap and search list."""
    return not pick(corpus, doc_id, lang)[1]
