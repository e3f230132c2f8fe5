"""Build several languages' sites in one process: the framework is imported once, not once per language.

    python hooks/build_languages.py [--parent=PID] CONFIG OUT_DIR LANG [LANG ...]

`compendium build` starts one of these per core, each with the whole list, before it parses the content:
a process claims its first language (a claim is a file created exclusively in OUT_DIR), warms up for it,
and waits for OUT_DIR/.go.json (the settings for the builds, as environment variables) or OUT_DIR/.abort.
Then it builds, and takes the next language nobody has claimed yet, so the cores stay busy whatever each
language costs. Exit code 1 and the language on stderr when a language fails; the other languages are
still built. Exit code 2 on a bad setting.

A worker dies with `compendium build` (PID): on Linux the kernel kills it (PR_SET_PDEATHSIG, asked for before
anything else), elsewhere, and as a second guard, it stops when its parent has changed, between steps.
"""

from __future__ import annotations

import os
import sys

from compendium.lifeline import die_with_parent, parent_alive  # light: no framework, no engine

if __name__ == "__main__":  # before the imports below: they take a while
    PARENT = int(sys.argv.pop(1).split("=", 1)[1]) if len(sys.argv) > 1 and sys.argv[1].startswith("--parent=") else None
    die_with_parent(PARENT)
else:
    PARENT = None

import json  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, ConfigurationError, PluginError  # noqa: E402


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


def wait_for_go(out_dir: str) -> dict | None:
    go, abort = Path(out_dir) / ".go.json", Path(out_dir) / ".abort"
    while True:
        if go.exists():
            return json.loads(go.read_text(encoding="utf-8"))
        if abort.exists() or not parent_alive(PARENT):  # told to stop, or `compendium build` itself is gone
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
        if not parent_alive(PARENT):  # `compendium build` is gone: nobody will use what this builds
            return 1
        # The site hooks (hooks/site.py) read their settings from the environment, as under `mkdocs serve`.
        os.environ.update(replace(base, lang=lang).to_env())
        try:
            config = load_config(config_file, site_dir=str(Path(out_dir) / lang))
            build(config)
        except (Abort, ConfigurationError, PluginError) as exc:
            print(f"[{lang}] {exc}", file=sys.stderr)
            failed = 1
        except OSError as exc:  # a full disk, a read-only file system: one line, the build reports it
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"[{lang}] cannot write the site: {where}{exc.strerror or exc}", file=sys.stderr)
            return 1
        lang = claim(out_dir, langs)
    return failed


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
