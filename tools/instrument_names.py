"""Write the catalogue records that give an instrument its title in each language, as the United Nations
writes it in its own resolutions, so that pages show it and citations in that language are linked.

    .venv/bin/python tools/instrument_names.py [--content content] [--force]

Each title and short title below is quoted, not translated: the tool finds the first resolution of the
compendium, in that language, whose paragraph holds both verbatim, and names that document and paragraph
in the record's `source`. A wording that no resolution holds stops the tool before anything is written. The
other facts (kind, symbol, adoption, cluster) are the English record's. Existing files are kept unless
--force; writes go through compendium/atomic.py.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compendium.atomic import FilesExist, WriteError, write_many  # noqa: E402
from compendium.diagnostics import Report  # noqa: E402
from compendium.importer.metadata import dump  # noqa: E402
from compendium.loader import load  # noqa: E402

# instrument id -> language -> (title, short title), as the UN's resolutions in that language write them
NAMES = {
    "nelson-mandela-rules": {
        "fr": ("Ensemble de règles minima des Nations Unies pour le traitement des détenus (Règles Nelson Mandela)",
               "Règles Nelson Mandela"),
        "es": ("Reglas Mínimas de las Naciones Unidas para el Tratamiento de los Reclusos (Reglas Nelson Mandela)",
               "Reglas Nelson Mandela"),
        "ru": ("Минимальные стандартные правила Организации Объединенных Наций в отношении обращения с "
               "заключенными (Правила Нельсона Манделы)", "Правила Нельсона Манделы"),
        "ar": ("قواعد الأمم المتحدة النموذجية الدنيا لمعاملة السجناء (قواعد نيلسون مانديلا)", "قواعد نيلسون مانديلا"),
        "zh": ("联合国囚犯待遇最低限度标准规则", "纳尔逊·曼德拉规则"),
    },
    "tokyo-rules": {
        "fr": ("Règles minima des Nations Unies pour l’élaboration de mesures non privatives de liberté "
               "(Règles de Tokyo)", "Règles de Tokyo"),
        "es": ("Reglas Mínimas de las Naciones Unidas sobre las Medidas No Privativas de la Libertad "
               "(Reglas de Tokio)", "Reglas de Tokio"),
        "ru": ("Минимальные стандартные правила Организации Объединенных Наций в отношении мер, не связанных с "
               "тюремным заключением (Токийские правила)", "Токийские правила"),
        "ar": ("قواعد الأمم المتحدة الدنيا النموذجية للتدابير غير الاحتجازية (قواعد طوكيو)", "قواعد طوكيو"),
        "zh": ("联合国非拘禁措施最低限度标准规则", "东京规则"),
    },
    "bangkok-rules": {
        "fr": ("Règles des Nations Unies concernant le traitement des détenues et l’imposition de mesures non "
               "privatives de liberté aux délinquantes (Règles de Bangkok)", "Règles de Bangkok"),
        "es": ("Reglas de las Naciones Unidas para el Tratamiento de las Reclusas y Medidas No Privativas de la "
               "Libertad para las Mujeres Delincuentes (Reglas de Bangkok)", "Reglas de Bangkok"),
        "ru": ("Правила Организации Объединенных Наций, касающиеся обращения с женщинами-заключенными и мер "
               "наказания для женщин-правонарушителей, не связанных с лишением свободы (Бангкокские правила)",
               "Бангкокские правила"),
        "ar": ("قواعد الأمم المتحدة لمعاملة السجينات والتدابير غير الاحتجازية للمجرمات (قواعد بانكوك)", "قواعد بانكوك"),
        "zh": ("联合国女性囚犯待遇和女性罪犯非拘禁措施规则", "曼谷规则"),
    },
}
FACTS = ("kind", "symbol", "adopted_by", "cluster", "supersedes", "superseded_by")  # the English record's
# "… (ecosoc-2021-20, annex-para-35)": where the record's wording is quoted from; tests read it back.
QUOTED_FROM = re.compile(r"\(([a-z0-9-]+), ([a-z0-9-]+)\)\.?$")


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def quoted_from(corpus, lang: str, title: str, short: str):
    """The first resolution in `lang` (by id) with a unit holding both wordings verbatim: (document, unit)."""
    for doc in sorted((d for d in corpus.documents if d.collection == "resolutions" and d.lang == lang),
                      key=lambda d: d.id):
        for unit in doc.walk():
            text = plain(unit.text or "")
            if plain(title) in text and plain(short) in text:
                return doc, unit
    return None


def records(corpus) -> tuple[list[tuple[Path, str]], list[str]]:
    files, problems = [], []
    for inst_id, langs in NAMES.items():
        english = corpus.get(inst_id, "en")
        if english is None:
            problems.append(f"{inst_id}: no English record")
            continue
        for lang, (title, short) in langs.items():
            found = quoted_from(corpus, lang, title, short)
            if found is None:
                problems.append(f"{inst_id} {lang}: no resolution in {lang} holds {title!r} and {short!r}")
                continue
            doc, unit = found
            meta = {"id": inst_id, "kind": english.front_matter("kind"), "title": title, "short_title": short}
            meta.update({k: english.front_matter(k) for k in FACTS[1:] if english.has_key(k)})
            meta.update(completeness="none",
                        source=f"Title and short title as the United Nations writes them in {doc.meta.symbol} "
                               f"({doc.id}, {unit.id})")
            files.append((english.path.with_name(f"{lang}.md"), dump(meta)))
    return files, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--force", action="store_true", help="replace the files that exist already")
    args = parser.parse_args(argv)
    report = Report()
    corpus = load(args.content, report)
    if report.errors:
        print("error: the content has errors; run 'compendium validate'", file=sys.stderr)
        return 1
    files, problems = records(corpus)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    try:
        write_many([(path, text.encode("utf-8")) for path, text in files], replace=args.force)
    except (FilesExist, WriteError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path, _text in files:
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
