"""The compact search index: one entry per paragraph, stemming per language, Chinese cut into words."""

from __future__ import annotations

from pathlib import Path

from compendium.model import Document, Unit
from compendium.search import build_index, fold, search


def doc(lang: str, *texts: str, doc_id: str = "ecosoc-2000-1") -> Document:
    units = [Unit(f"para-{i}", "paragraph", str(i), t) for i, t in enumerate(texts, 1)]
    return Document(doc_id, "resolutions", lang, Path("x"), {"title": "T"}, units)


def hits(index, query: str) -> list[str]:
    return [index["units"][n][1] for n in search(index, query)]


def test_results_are_paragraphs_and_stems_match_other_forms():
    index = build_index([doc("en", "The treatment of prisoners.", "Victims of crime.", "A prisoner was released.")], "en")
    assert hits(index, "prisoner") == ["para-1", "para-3"]
    assert hits(index, "victim") == ["para-2"]
    assert hits(index, "prisoner released") == ["para-3"]  # every word must match
    assert hits(index, "nowhere") == []


def test_french_and_russian_stemming():
    fr = build_index([doc("fr", "Les détenus sont protégés.", "La protection des victimes.")], "fr")
    assert hits(fr, "détenu") == ["para-1"] and hits(fr, "detenus") == ["para-1"]  # accents folded
    ru = build_index([doc("ru", "Права заключенных.", "Защита жертв преступлений.")], "ru")
    assert hits(ru, "заключенный") == ["para-1"]


def test_chinese_is_cut_into_words_so_a_two_character_word_finds_its_paragraph():
    index = build_index([doc("zh", "各会员国应当保护被拘留者的权利。", "预防犯罪是共同的责任。")], "zh")
    assert hits(index, "权利") == ["para-1"]
    assert hits(index, "犯罪") == ["para-2"]


def test_arabic_alef_forms_are_one_letter():
    assert fold("أمم") == fold("امم") == fold("إمم")
    index = build_index([doc("ar", "حقوق الإنسان الأساسية")], "ar")
    assert hits(index, "الانسان") == ["para-1"]


def test_postings_are_gaps_and_every_document_is_listed_once():
    docs = [doc("en", *(["crime"] * 5), doc_id=f"ecosoc-2000-{n}") for n in range(1, 4)]
    index = build_index(docs, "en")
    assert [d[0] for d in index["docs"]] == [f"resolutions/ecosoc-2000-{n}/" for n in range(1, 4)]
    stem = index["stems"][index["terms"].index("crime")]
    gaps = [int(x) for x in index["postings"][stem].split(",")]
    assert len(gaps) == 15 and all(g >= 1 for g in gaps[1:])
