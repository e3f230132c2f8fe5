"""Babel extraction method for Python that also finds strings marked inside f-strings.

Up to Python 3.11 the tokenizer returns an f-string as one STRING token, so Babel's own Python extractor does
not see `f'<h2>{_("Notes")}</h2>'`, and the code marks many strings that way. This method yields everything
Babel's extractor yields and, before Python 3.12, also the keyword calls found inside f-strings by the `ast`
module. translations/babel.cfg names it for every Python file as `compendium.babel_extract:extract`: it is part of
the installed package, so `pybabel extract` finds it from a fresh clone once `.ci/setup` has run.
"""

from __future__ import annotations

import ast
import io
import sys
import tokenize
from collections.abc import Collection, Iterator, Mapping

from babel.messages.extract import extract_python as babel_extract_python


def extract(fileobj, keywords: Mapping, comment_tags: Collection[str], options: Mapping) -> Iterator[tuple]:
    data = fileobj.read()
    yield from babel_extract_python(io.BytesIO(data), keywords, comment_tags, options)
    if sys.version_info >= (3, 12):  # Babel's tokenizer-based extractor reads inside f-strings there
        return
    encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    text = data.decode(encoding)
    tree = ast.parse(text, filename=getattr(fileobj, "name", "<file>"))
    lines = text.splitlines()
    seen: set[int] = set()
    for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
        for call in ast.walk(fstring):
            if not isinstance(call, ast.Call) or id(call) in seen:
                continue
            seen.add(id(call))
            name = _name(call.func)
            if name not in keywords:
                continue
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in call.args]
            if not args:
                continue
            messages = tuple(args) if len(args) > 1 else args[0]
            yield call.lineno, name, messages, _comments(lines, call.lineno, comment_tags)


def _name(func: ast.expr) -> str | None:
    """`_` for `_(...)` and for `self._(...)`, as Babel's extractor reads them."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _comments(lines: list[str], lineno: int, comment_tags: Collection[str]) -> list[str]:
    """The comment block just above the line, when it starts with one of the tags (e.g. TRANSLATORS:)."""
    block: list[str] = []
    at = lineno - 2
    while at >= 0 and lines[at].lstrip().startswith("#"):
        block.insert(0, lines[at].lstrip()[1:].strip())
        at -= 1
    if block and any(block[0].startswith(tag) for tag in comment_tags):
        return block
    return []


def extract_engine_templates(fileobj, keywords: Mapping, comment_tags: Collection[str],
                             options: Mapping) -> Iterator[tuple]:
    """The engine's own templates (compendium/templates/) take the page's gettext as an attribute of the
    object they draw (`r._("Notes")`, `c.t("Contents")`), which Jinja's extractor does not follow: every call
    of a keyword, by name or as an attribute, with a literal first argument, is a message."""
    from jinja2 import Environment, nodes

    env = Environment(extensions=["jinja2.ext.do"])
    tree = env.parse(fileobj.read().decode("utf-8"))
    for call in tree.find_all(nodes.Call):
        func = call.node
        name = func.name if isinstance(func, nodes.Name) else func.attr if isinstance(func, nodes.Getattr) else None
        if name not in keywords and name != "t":
            continue
        if call.args and isinstance(call.args[0], nodes.Const) and isinstance(call.args[0].value, str):
            yield call.lineno, "_", call.args[0].value, []
