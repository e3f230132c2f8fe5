"""Build several languages' sites in one process: the framework is imported once, not once per language.

    python hooks/build_languages.py CONFIG OUT_DIR LANG [LANG ...]

`compendium build` starts one of these per core, each with the whole list: a process takes the next
language nobody has claimed yet (a claim is a file created exclusively in OUT_DIR), so the cores stay
busy whatever each language costs. Exit code 1 and the language on stderr when a language fails; the
other languages are still built.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


def main(config_file: str, out_dir: str, langs: list[str]) -> int:
    failed = 0
    for lang in langs:
        try:
            os.close(os.open(Path(out_dir) / f".claim-{lang}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        os.environ["COMPENDIUM_LANG"] = lang
        try:
            config = load_config(config_file, site_dir=str(Path(out_dir) / lang))
            build(config)
        except (Abort, ConfigurationError, PluginError) as exc:
            print(f"[{lang}] {exc}", file=sys.stderr)
            failed = 1
    return failed


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
