"""Settings: where the engine finds its configuration, read from the environment once, at the edge.

`Settings.from_env` is the one place that knows the environment variables' names. The CLI (cli.py) and the
build's entry points (build.py, hooks/) call it and activate the result with `use`; the engine below asks
`current()` and never reads the environment. Nothing is activated: the defaults, as if no variable were set.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import yaml

PACKAGE = Path(__file__).resolve().parent
DEFAULT_LANGUAGES = PACKAGE / "languages.yml"
DEFAULT_TRANSLATIONS = PACKAGE.parent / "translations"

# The environment variable of each field, in the README's order.
ENV_NAMES = {
    "languages": "COMPENDIUM_LANGUAGES",
    "translations": "COMPENDIUM_TRANSLATIONS",
    "lang": "COMPENDIUM_LANG",
    "content": "COMPENDIUM_CONTENT",
    "corpus_cache": "COMPENDIUM_CORPUS_CACHE",
    "site_url": "COMPENDIUM_SITE_URL",
    "editions_dir": "COMPENDIUM_EDITIONS_DIR",
    "editions_cache": "COMPENDIUM_EDITIONS_CACHE",
    "editions_workers": "COMPENDIUM_EDITIONS_WORKERS",
    "source_date_epoch": "SOURCE_DATE_EPOCH",
}
REQUIRED_KEYS = {"name": "the language's name in its own script"}
DIRECTIONS = ("ltr", "rtl")


class SettingsError(Exception):
    """A bad setting; the message names the variable, or the file and line, and says what to do."""


@dataclass(frozen=True)
class Settings:
    languages: Path = DEFAULT_LANGUAGES  # languages.yml: the publication languages
    translations: Path = DEFAULT_TRANSLATIONS  # the gettext catalogs of the interface strings
    lang: str | None = None  # the language of a one-language site build (MkDocs)
    content: Path | None = None  # the content folder of a site build (else MkDocs' docs_dir)
    corpus_cache: Path | None = None  # the corpus `compendium build` parsed once for its site builds
    site_url: str = ""  # the published site's address, for absolute sitemap links
    editions_dir: Path | None = None  # the per-language edition manifests a site build links to
    editions_cache: Path | None = None  # the rendered-PDF cache (else .cache/editions/ beside the site)
    editions_workers: int | None = None  # PDF rendering processes (else one per core)
    source_date_epoch: int | None = None  # the edition date, for reproducible builds (else the content's)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Read and check every setting; raises SettingsError on a bad value."""
        def text(field: str) -> str:
            return (environ.get(ENV_NAMES[field]) or "").strip()

        def path(field: str) -> Path | None:
            return Path(text(field)) if text(field) else None

        translations = path("translations")
        if translations is not None and not translations.is_dir():
            raise SettingsError(f"{ENV_NAMES['translations']}={translations}: no such folder "
                                "(point it at a folder of <lang>/LC_MESSAGES/messages.po, or unset it)")
        settings = cls(languages=path("languages") or DEFAULT_LANGUAGES,
                       translations=translations or DEFAULT_TRANSLATIONS,
                       lang=text("lang") or None, content=path("content"), corpus_cache=path("corpus_cache"),
                       site_url=text("site_url"), editions_dir=path("editions_dir"),
                       editions_cache=path("editions_cache"),
                       editions_workers=_positive_int(ENV_NAMES["editions_workers"], text("editions_workers")),
                       source_date_epoch=_epoch(ENV_NAMES["source_date_epoch"], text("source_date_epoch")))
        settings.check()
        return settings

    def to_env(self) -> dict[str, str]:
        """The variables that give a child process (a site build) these settings: every one that is set."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and value != "":
                out[ENV_NAMES[f.name]] = str(value.resolve() if isinstance(value, Path) else value)
        return out

    def check(self) -> None:
        """Read the languages file and check the language; raises SettingsError."""
        languages = read_languages(self.languages)
        if self.lang is not None and self.lang not in languages["languages"]:
            raise SettingsError(f"{ENV_NAMES['lang']}={self.lang}: not a language of {self.languages} "
                                f"(one of {', '.join(languages['languages'])}, or add it to that file)")


def _positive_int(name: str, value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise SettingsError(f"{name}={value}: not a positive whole number (e.g. {name}=4, or unset it for one "
                            "process per core)")
    return int(value)


def _epoch(name: str, value: str) -> int | None:
    if not value:
        return None
    try:
        stamp = int(value) if value.isdigit() else -1
        dt.datetime.fromtimestamp(stamp, dt.timezone.utc)  # a date the edition can print
    except (OverflowError, OSError, ValueError):
        stamp = -1
    if stamp < 0:
        raise SettingsError(f"{name}={value}: not a number of seconds since 1970-01-01 UTC "
                            f"(e.g. {name}=$(git log -1 --format=%ct), or unset it)")
    return stamp


# -- the languages file ---------------------------------------------------------------------------------

def read_languages(path: Path) -> dict:
    """languages.yml, checked: every problem raises SettingsError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(f"{path}: the languages file does not exist "
                            f"(check {ENV_NAMES['languages']}, or unset it for the shipped list)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the languages file ({exc})") from None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SettingsError(f"{path}:{line}: not valid YAML: {exc.problem or exc.context} "
                            "(fix the file at this line)") from None
    except yaml.YAMLError as exc:
        raise SettingsError(f"{path}:1: not valid YAML: {exc} (fix the file)") from None
    finally:
        loader.dispose()
    entries = _value(root, "languages")
    if not isinstance(data, dict) or entries is None or not isinstance(data.get("languages"), dict):
        line = _line(entries or root)
        raise SettingsError(f"{path}:{line}: no mapping 'languages:' of language codes "
                            "(write languages: followed by lines like   en: {name: English, locale: en_GB})")
    if not data["languages"]:
        raise SettingsError(f"{path}:{_line(entries)}: 'languages:' lists no language (add at least one)")
    for key_node, node in entries.value:
        code = key_node.value
        entry = data["languages"].get(code)
        if not isinstance(entry, dict):
            raise SettingsError(f"{path}:{_line(key_node)}: language '{code}' is not a mapping of its settings "
                                f"(write {code}: {{name: ..., locale: ...}})")
        for key, what in REQUIRED_KEYS.items():
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise SettingsError(f"{path}:{_line(key_node)}: language '{code}' has no '{key}' "
                                    f"(add {key}: ..., {what})")
        if entry.get("dir") is not None and entry["dir"] not in DIRECTIONS:
            raise SettingsError(f"{path}:{_line(_value(node, 'dir') or key_node)}: language '{code}' has "
                                f"dir '{entry['dir']}' (write dir: ltr or dir: rtl, or leave it out)")
        labels = entry.get("labels")
        if labels is not None and not (isinstance(labels, dict) and all(
                isinstance(words, list) and all(isinstance(w, str) for w in words) for words in labels.values())):
            raise SettingsError(f"{path}:{_line(_value(node, 'labels') or key_node)}: language '{code}' has "
                                "labels that are not lists of words (write labels: {article: [Artigo]})")
    return data


def _value(node: Any, key: str) -> yaml.Node | None:
    """The node of a key's value in a YAML mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


# -- the active settings --------------------------------------------------------------------------------

_active = Settings()
_listeners: list[Callable[[Settings, Settings], None]] = []


def current() -> Settings:
    """The settings in force: the last ones `use` activated, else the defaults."""
    return _active


def use(settings: Settings) -> Settings:
    """Activate settings (the CLI and the build's entry points do); returns the ones they replace."""
    global _active
    previous, _active = _active, settings
    if settings != previous:
        try:
            for listener in _listeners:
                listener(previous, settings)
        except BaseException:  # e.g. a SettingsError from a bad languages file: the previous ones stay
            _active = previous
            for listener in _listeners:
                listener(settings, previous)
            raise
    return previous


@contextmanager
def using(settings: Settings) -> Iterator[Settings]:
    """Settings in force for a block (tests, an in-process build), the previous ones restored after it."""
    previous = use(settings)
    try:
        yield settings
    finally:
        use(previous)


def on_change(listener: Callable[[Settings, Settings], None]) -> None:
    """Call listener(previous, new) whenever other settings are activated: for caches derived from them."""
    _listeners.append(listener)
