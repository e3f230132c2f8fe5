"""The script of a language, its direction and the fonts that set it, derived rather than listed per language.

A language added to languages.yml gets its script from its Babel locale (CLDR likely subtags: `pt` → Latin,
`fa` → Arabic, `hi` → Devanagari), and from the script the Noto families that cover it. Nothing here names
the six languages, so a seventh needs no code.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

from babel.core import Locale

from ..languages import script_of

# Scripts whose Noto families do not follow the "Noto Serif <script name>" pattern.
SPECIAL_FAMILIES = {
    # Arabic headings in Naskh too: Noto Sans Arabic draws lam-alef as one ligature glyph, which Poppler-based
    # readers extract in the wrong order ("األمم" for "الأمم"); Naskh draws it as two joined glyphs.
    "Arab": (["Noto Naskh Arabic", "Noto Sans Arabic"], ["Noto Naskh Arabic", "Noto Sans Arabic"]),
    "Hans": (["Noto Serif CJK SC"], ["Noto Sans CJK SC"]),
    "Hant": (["Noto Serif CJK TC"], ["Noto Sans CJK TC"]),
    "Jpan": (["Noto Serif CJK JP"], ["Noto Sans CJK JP"]),
    "Kore": (["Noto Serif CJK KR"], ["Noto Sans CJK KR"]),
    "Hebr": (["Noto Serif Hebrew"], ["Noto Sans Hebrew"]),
}
# Scripts that Noto Serif and Noto Sans cover themselves.
BASE_SCRIPTS = {"Latn", "Cyrl", "Grek"}
# Scripts set in a fixed (non-proportional) line: no inter-word justification, taller lines.
CJK_SCRIPTS = {"Hans", "Hant", "Jpan", "Kore"}


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str] | None:
    """Font families fontconfig knows (None when fc-list is missing: then every family is trusted)."""
    if not shutil.which("fc-list"):
        return None
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def _available(names: list[str]) -> list[str]:
    known = installed_families()
    return names if known is None else [n for n in names if n in known]


def _wanted(lang: str) -> tuple[list[str], list[str]]:
    """(text families, heading families) that set the language's script, installed or not (none for Latin,
    Cyrillic and Greek: Noto Serif and Noto Sans cover them)."""
    script = script_of(lang)
    if script in SPECIAL_FAMILIES:
        return SPECIAL_FAMILIES[script]
    if script in BASE_SCRIPTS:
        return [], []
    name = Locale("en").scripts.get(script, script)  # Noto names most scripts' families after the script
    return [f"Noto Serif {name}", f"Noto Sans {name}"], [f"Noto Sans {name}", f"Noto Serif {name}"]


def text_family(lang: str) -> str | None:
    """The family that sets a language's text where a reader's device may lack it (Arabic, Chinese…): an e-book
    embeds it. None for the scripts every device has (Latin, Cyrillic, Greek)."""
    serif, _sans = _wanted(lang)
    return serif[0] if serif else None


class FontMissing(Exception):
    pass


def face_file(family: str, bold: bool = False) -> tuple[str, int]:
    """The file (and its index in a collection) that fontconfig gives for a family, or FontMissing."""
    if not shutil.which("fc-match"):
        raise FontMissing(f"fontconfig's fc-match is not installed, so the font {family!r} cannot be found: "
                          "install fontconfig")
    out = subprocess.run(["fc-match", "-f", "%{family}\n%{file}\n%{index}", family + (":bold" if bold else "")],
                         capture_output=True, text=True, check=False).stdout.split("\n")
    if len(out) < 3 or family not in (f.strip() for f in out[0].split(",")):
        raise FontMissing(f"the font {family!r} is not installed (fontconfig offers {out[0]!r} instead): install "
                          "Debian's fonts-noto-core and fonts-noto-cjk")
    return out[1], int(out[2] or 0)


@lru_cache(maxsize=None)
def font_stacks(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(text families, heading families) for a language, best first, installed ones only."""
    serif, sans = _wanted(lang)
    # Latin comes last: numbers, symbols and quoted Latin text in every script.
    serif = _available(serif) + _available(["Noto Serif"])
    sans = _available(sans) + _available(["Noto Sans"])
    return tuple(serif), tuple(sans)


def css_family(names: tuple[str, ...], generic: str) -> str:
    return ", ".join([f'"{n}"' for n in names] + [generic])


def font_css(lang: str, quoted: list[str]) -> str:
    """Font rules for the edition's language and for every language whose text it quotes (fallbacks)."""
    script = script_of(lang)
    # Sizes are set once at the root: per-element em sizes would compound in nested quotations.
    size, leading = ("11.5pt", 1.6) if script == "Arab" else ("10.5pt", 1.7) if script in CJK_SCRIPTS else ("10.5pt", 1.45)
    rules = [f"html {{ font-size: {size}; line-height: {leading}; }}"]
    for code in dict.fromkeys([lang, *quoted]):
        serif, sans = font_stacks(code)
        # :lang() matches the nearest lang attribute, so a quoted English text in the Arabic edition gets Latin fonts.
        rules.append(f":lang({code}) {{ font-family: {css_family(serif, 'serif')}; }}")
        headings = ", ".join(f"{tag}:lang({code})" for tag in ("h1", "h2", "h3", "h4", "h5", ".cmp-sans"))
        rules.append(f"{headings} {{ font-family: {css_family(sans, 'sans-serif')}; }}")
    return "\n".join(rules) + "\n"


@lru_cache(maxsize=None)
def font_files(lang: str) -> tuple[str, ...]:
    """The files fontconfig picks for the stack: part of an edition's cache key (a font update re-renders)."""
    serif, sans = font_stacks(lang)
    files = []
    for family in dict.fromkeys(serif + sans):
        for style in ("", ":bold", ":italic"):
            if shutil.which("fc-match"):
                out = subprocess.run(["fc-match", "-f", "%{file}", family + style], capture_output=True, text=True,
                                     check=False).stdout.strip()
                files.append(out)
    return tuple(files)
