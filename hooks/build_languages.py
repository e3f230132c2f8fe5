"""Build several languages' sites in one process: the framework is imported once, not once per language.

    python hooks/build_languages.py CONFIG OUT_DIR LANG [LANG ...]

`compendium build` starts one of these per core, each with the whole list, before it parses the content:
a process claims its first language (a claim is a file created exclusively in OUT_DIR), warms up for it,
and waits for OUT_DIR/.go.json (the settings for the builds, as environment variables) or OUT_DIR/.abort.
Then it builds, and takes the next language nobody has claimed yet, so the cores stay busy whatever each
language costs. Exit code 1 and the language on stderr when a language fails; the other languages are
still built. Exit code 2 on a bad setting.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


def claim(out_dir: str, langs: list[str]) -> str | None:
    for lang in langs:
        try:
            os.close(os.open(Path(out_dir) / f".claim-{lang}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return lang
        except FileExistsError:
            continue
    return None


def warm_up(lang: str | None) -> None:
    """What every build needs first, done while the content is still being parsed."""
    import markdown  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401

    import compendium.pages  # noqa: F401
    from compendium.search import words

    if lang == "zh":
        words("中文", "zh")  # loads the word-cutting dictionary


def wait_for_go(out_dir: str) -> dict | None:
    go, abort = Path(out_dir) / ".go.json", Path(out_dir) / ".abort"
    while True:
        if go.exists():
            return json.loads(go.read_text(encoding="utf-8"))
        if abort.exists() or os.getppid() == 1:  # told to stop, or `compendium build` itself is gone
            return None
        time.sleep(0.02)


def main(config_file: str, out_dir: str, langs: list[str]) -> int:
    from compendium import settings
    from compendium.settings import Settings, SettingsError

    try:
        settings.use(Settings.from_env(os.environ))  # the languages file, before the engine is imported
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lang = claim(out_dir, langs)
    warm_up(lang)
    go = wait_for_go(out_dir)
    if go is None:
        return 0
    os.environ.update(go.get("env") or {})
    base = Settings.from_env(os.environ)
    failed = 0
    while lang is not None:
        # The site hooks (hooks/site.py) read their settings from the environment, as under `mkdocs serve`.
        os.environ.update(replace(base, lang=lang).to_env())
        try:
            config = load_config(config_file, site_dir=str(Path(out_dir) / lang))
            build(config)
        except (Abort, ConfigurationError, PluginError) as exc:
            print(f"[{lang}] {exc}", file=sys.stderr)
            failed = 1
        lang = claim(out_dir, langs)
    return failed


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
