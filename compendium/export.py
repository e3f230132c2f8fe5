"""Exporters: the parsed corpus as JSON, the shape every other consumer (site, PDF, tools) can read."""

from __future__ import annotations

import json
from typing import Any

from .model import Corpus, Document


def document_json(doc: Document) -> dict[str, Any]:
    return doc.to_dict()


def corpus_json(corpus: Corpus, lang: str | None = None) -> dict[str, Any]:
    docs = sorted((d for d in corpus.documents if lang is None or d.lang == lang),
                  key=lambda d: (d.collection, d.id, d.lang))
    return {"documents": [document_json(d) for d in docs]}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
