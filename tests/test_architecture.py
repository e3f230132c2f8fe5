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


def _from_link_policy(value: ast.expr) -> bool:
    """`{_esc(self.links.unit(...))}`: an href the output's link policy made, escaped."""
    if not isinstance(value, ast.FormattedValue):
        return False
    call = value.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "_esc" and call.args):
        return False
    inner = call.args[0]
    if not (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute)):
        return False
    owner = inner.func.value
    return (isinstance(owner, ast.Attribute) and owner.attr == "links" and isinstance(owner.value, ast.Name)
            and owner.value.id == "self") or (isinstance(owner, ast.Name) and owner.id == "self"
                                              and inner.func.attr == "source_href")


def url_fstrings(path: Path, root: Path = ENGINE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        pieces = [v.value if isinstance(v, ast.Constant) else None for v in node.values]
        folder = pieces[-1] is not None and pieces[-1].endswith("/") and len(pieces) > 1  # "{lang}/downloads/"
        for i, piece in enumerate(pieces):
            if piece is None:
                continue
            if piece.endswith('href="') and i + 1 < len(node.values) and _from_link_policy(node.values[i + 1]):
                piece = piece.removesuffix('href="')  # the value is the policy's; the rest is still checked
            if _URLISH.search(piece) or folder or re.search(r'href=\S*$', piece):
                found.append(f"{path.relative_to(root).as_posix()}:{node.lineno}: {piece!r}")
                break
    return found


def test_no_address_is_built_outside_the_address_type():
    offenders = [hit for p in SOURCES if relative(p) not in {"addresses.py", *NOT_ADDRESSES} for hit in url_fstrings(p)]
    assert offenders == []


def test_the_check_finds_an_address_built_by_hand(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('a = f"../../{c}/{i}/"\nb = f"{lang}/downloads/"\nc = f"E/RES/{n}"\n'
                      'd = f\'<a href="{_esc(self.links.unit(i))}">\'\ne = f\'<a href="{_esc("#" + i)}">\'\n',
                      encoding="utf-8")
    assert [hit.split(":")[1] for hit in url_fstrings(sample, tmp_path)] == ["1", "2", "5"]


_HTML_TAG = re.compile(r"</?(a|div|p|span|section|h[1-6]|li|ul|ol|table|tr|td|th|dl|dt|dd|nav|sup|bdi|br|em|strong)\b"
                       r"|</?\{")
# The renderer builds a text's units in Python (a template macro per unit doubled the build's time). There, an
# f-string may hold HTML only if each value in it is escaped (_esc) or is markup the renderer itself made.
_RENDERER_MARKUP = {"_inline", "_paragraphs", "_unit", "_permalink", "_outdated_note", "_untranslated_note", "_breaks_off", "_elsewhere", "_number",
                    "heading_tag"}
_SAFE_FUNCTIONS = {"_esc", "inline_text"}  # escape a value; a quoted text, sanitised (render.py)


def _is_html(node: ast.JoinedStr) -> bool:
    return any(isinstance(v, ast.Constant) and _HTML_TAG.search(v.value) for v in node.values)


def _safe_value(expr: ast.expr, bound: dict[str, list[ast.expr]], seen: frozenset[str] = frozenset()) -> bool:
    """Escaped, or the renderer's own markup: a call of _esc, of one of its markup methods, a join of those, a
    string constant, or a local name every assignment of which is one of these."""
    if isinstance(expr, ast.Constant):
        return isinstance(expr.value, str)
    if isinstance(expr, ast.JoinedStr):
        return all(_safe_value(v.value, bound, seen) for v in expr.values if isinstance(v, ast.FormattedValue))
    if isinstance(expr, ast.IfExp):
        return _safe_value(expr.body, bound, seen) and _safe_value(expr.orelse, bound, seen)
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Name):
            return func.id in _SAFE_FUNCTIONS
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
            return func.attr in _RENDERER_MARKUP
        if isinstance(func, ast.Attribute) and func.attr == "join" and isinstance(func.value, ast.Constant):
            arg = expr.args[0]
            return isinstance(arg, (ast.ListComp, ast.GeneratorExp)) and _safe_value(arg.elt, bound, seen)
        return False
    if isinstance(expr, ast.Name) and expr.id in bound and expr.id not in seen:
        return all(_safe_value(v, bound, seen | {expr.id}) for v in bound[expr.id])
    return False


def html_fstrings(tree: ast.AST, checked: bool) -> list[int]:
    """Lines of f-strings holding HTML: all of them, or (checked) those with a value not known to be safe. A
    name is judged by its assignments in the function that holds the f-string."""
    found: set[int] = set()

    def scan(scope: ast.AST) -> None:
        body = list(ast.iter_child_nodes(scope))
        nodes, stack = [], body
        while stack:  # this scope's nodes, not those of the functions it defines
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                scan(node)
                continue
            nodes.append(node)
            stack.extend(ast.iter_child_nodes(node))
        bound: dict[str, list[ast.expr]] = {}
        for node in nodes:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                bound.setdefault(node.targets[0].id, []).append(node.value)
        for node in nodes:
            if isinstance(node, ast.JoinedStr) and _is_html(node) and (not checked or not _safe_value(node, bound)):
                found.add(node.lineno)

    scan(tree)
    return sorted(found)


def test_html_of_the_engine_comes_from_autoescaping_templates():
    """Markup is written in templates (or with markupsafe's escaping format), not as f-string HTML; the units
    built by the renderer escape every value."""
    offenders = [f"{relative(p)}:{line}" for p in SOURCES
                 for line in html_fstrings(ast.parse(p.read_text(encoding="utf-8")), checked=relative(p) == "render.py")]
    assert offenders == []


def test_the_check_finds_an_unescaped_value_in_the_renderer():
    tree = ast.parse('''
def ok(self, u):
    anchor = _esc(u.id)
    kids = "".join([self._unit(c) for c in u.children])
    return f'<div id="{anchor}">{self._inline(u.text)}{kids}</div>'

def bad(self, u):
    return f'<div id="{u.id}">{self._inline(u.text)}</div>'

def bad_name(self, u):
    number = u.number
    return f'<span class="n">{number}</span>'
''')
    assert html_fstrings(tree, checked=True) == [8, 12]
    assert html_fstrings(tree, checked=False) == [5, 8, 12]


# The build asks nothing of git: dates come from the recorded history (compendium/history.py), so a build
# from a source archive gives the same bytes. Only the editors' and translators' tools run it.
GIT_TOOLS = {"vcs.py", "history_record.py", "translating/history.py"}


def test_no_module_on_the_build_path_runs_git():
    offenders = []
    for path in SOURCES:
        if relative(path) in GIT_TOOLS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"git|\.git", node.value):
                offenders.append(f"{relative(path)}:{node.lineno}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                recorder = any(n.endswith(("history_record", "vcs")) for n in names) and relative(path) != "cli.py"  # its command
                if recorder or any(n in ("git", "pygit2", "dulwich") for n in names):
                    offenders.append(f"{relative(path)}:{node.lineno}")
    hooks = sorted((ENGINE.parent / "hooks").glob("*.py"))
    offenders += [p.name for p in hooks if re.search(r"[\"']git[\"']|history_record", p.read_text(encoding="utf-8"))]
    assert offenders == [], "only " + ", ".join(sorted(GIT_TOOLS)) + " may run git"
