"""The rules that keep one home for each concept, checked on the source itself."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "compendium"
SOURCES = sorted(p for p in ENGINE.rglob("*.py"))
TEMPLATES = sorted((ENGINE / "templates").glob("*.html"))


def relative(path: Path) -> str:
    return path.relative_to(ENGINE).as_posix()


def test_the_engine_imports_no_site_framework():
    offenders = [relative(p) for p in SOURCES if re.search(r"^\s*(from|import)\s+(mkdocs|material)\b",
                                                            p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_no_theme_class_names_in_the_engine():
    theme = re.compile(r"\b(admonition|md-[a-z_-]+)\b")
    files = SOURCES + TEMPLATES + sorted(ENGINE.rglob("*.css"))
    offenders = [f"{relative(p)}: {m.group(0)}" for p in files for m in theme.finditer(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_only_the_model_and_the_schema_read_the_raw_front_matter():
    allowed = {"model.py", "schema.py"}
    offenders = [f"{relative(p)}:{n}" for p in SOURCES if relative(p) not in allowed
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\bmetadata\.get\(|\.metadata\[", line)]
    assert offenders == []


# Literal pieces of an f-string that make it an address: a relative step, a scheme, a page or file of the
# site, a fragment or a path segment next to a value.
_URLISH = re.compile(r'\.\./|://|index\.(md|json|html)|\.(pdf|json)\b|href="$|src="$|^#$')
# Where a file name is made that is no address: the edition cache's own store.
NOT_ADDRESSES = {"editions/cache.py"}


def url_fstrings(path: Path, root: Path = ENGINE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        pieces = [v.value if isinstance(v, ast.Constant) else None for v in node.values]
        folder = pieces[-1] is not None and pieces[-1].endswith("/") and len(pieces) > 1  # "{lang}/downloads/"
        for piece in pieces:
            if piece is None:
                continue
            if _URLISH.search(piece) or folder or re.search(r'href=\S*$', piece):
                found.append(f"{path.relative_to(root).as_posix()}:{node.lineno}: {piece!r}")
                break
    return found


def test_no_address_is_built_outside_the_address_type():
    offenders = [hit for p in SOURCES if relative(p) not in {"addresses.py", *NOT_ADDRESSES} for hit in url_fstrings(p)]
    assert offenders == []


def test_the_check_finds_an_address_built_by_hand(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('a = f"../../{c}/{i}/"\nb = f"{lang}/downloads/"\nc = f"E/RES/{n}"\n', encoding="utf-8")
    assert [hit.split(":")[1] for hit in url_fstrings(sample, tmp_path)] == ["1", "2"]


def test_html_of_the_engine_comes_from_autoescaping_templates():
    """Markup is written in templates (or with markupsafe's escaping format), not as f-string HTML."""
    tag = re.compile(r"<(a|div|p|span|section|h[1-6]|li|ul|ol|table|tr|td|th|dl|dt|dd|nav|sup|bdi)\b[^>]*\{")
    offenders = [f"{relative(p)}:{node.lineno}" for p in SOURCES
                 for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                 if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.Constant) and tag.search(v.value + "{")
                                                            for v in node.values)]
    assert offenders == []
