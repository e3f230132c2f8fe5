"""The catalog commands as the README gives them: update.py for a national edition's folder, plain pybabel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

from helpers import snapshot

ROOT = Path(__file__).resolve().parent.parent
UPDATE = ROOT / "translations" / "update.py"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPENDIUM_") and k != "PYTHONPATH"}
    return {**env, **extra}


def test_update_writes_a_national_editions_catalogs_in_its_own_folder_only(tmp_path):
    config = yaml.safe_load((ROOT / "compendium" / "languages.yml").read_text(encoding="utf-8"))
    config["languages"] = {"en": config["languages"]["en"],
                           "pt": {"name": "Português", "dir": "ltr", "locale": "pt", "theme": "pt",
                                  "stemmer": "portuguese", "labels": {"article": ["Artigo"]}}}
    (tmp_path / "languages.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    national = tmp_path / "translations"
    national.mkdir()
    project = snapshot(ROOT / "translations")
    env = _env(COMPENDIUM_LANGUAGES=str(tmp_path / "languages.yml"), COMPENDIUM_TRANSLATIONS=str(national))

    done = subprocess.run([sys.executable, str(UPDATE), "--check"], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and str(national) in done.stdout  # the new folder has no catalogs yet
    done = subprocess.run([sys.executable, str(UPDATE)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.relative_to(national).as_posix() for p in national.rglob("*") if p.is_file()) == [
        "en/LC_MESSAGES/messages.po", "messages.pot", "pt/LC_MESSAGES/messages.po"]
    with (national / "pt" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        pt = read_po(fh, locale="pt")
    assert "Resolutions" in {m.id for m in pt} and str(pt.locale) == "pt"
    assert snapshot(ROOT / "translations") == project  # the project's own catalogs are not touched
    done = subprocess.run([sys.executable, str(UPDATE), "--check"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_a_missing_national_folder_is_a_clear_error():
    done = subprocess.run([sys.executable, str(UPDATE), "--check"], capture_output=True, text=True,
                          env=_env(COMPENDIUM_TRANSLATIONS="/nonexistent/catalogs"))
    assert done.returncode == 2 and "COMPENDIUM_TRANSLATIONS=/nonexistent/catalogs" in done.stderr
    assert "Traceback" not in done.stderr


def test_plain_pybabel_extracts_with_no_pythonpath(tmp_path):
    """The README's extraction command works as written: babel.cfg's extractors are in the installed package."""
    pybabel = Path(sys.executable).parent / "pybabel"
    out = tmp_path / "messages.pot"
    done = subprocess.run([str(pybabel), "extract", "-F", "translations/babel.cfg", "-k", "_", "-k", "N_",
                           "-c", "TRANSLATORS:", "-o", str(out), "."], cwd=ROOT, env=_env(),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with out.open("rb") as fh:
        fresh = {(m.context, m.id) for m in read_po(fh) if m.id}
    with (ROOT / "translations" / "messages.pot").open("rb") as fh:
        shipped = {(m.context, m.id) for m in read_po(fh) if m.id}
    assert fresh == shipped and ("button", "Cite") in fresh  # the f-string extractor and msgctxt both at work
