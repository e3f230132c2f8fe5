"""HTML for the engine's own markup: Jinja2 templates with autoescaping (compendium/templates/).

A value reaches a page escaped unless it is `Markup`, and a fragment becomes `Markup` only where it is
made: in the renderer's inline pipeline (sanitised by nh3) or by a template of this environment.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "render", "template"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("compendium", "templates"), autoescape=select_autoescape(default=True),
                      extensions=["jinja2.ext.do"],
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    return env


def template(name: str):
    return environment().get_template(name)


def render(name: str, **values: Any) -> Markup:
    """A whole template, as Markup."""
    return Markup(template(name).render(**values).strip())


def macro(name: str, macro_name: str):
    """A macro of a template, callable from Python; it returns Markup."""
    return getattr(template(name).module, macro_name)
