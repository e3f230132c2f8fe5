"""Settings: read once from the environment (Settings.from_env), checked, and activated for the engine."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compendium import i18n, settings
from compendium.cli import main
from compendium.editions.cache import default_dir
from compendium.editions.manifest import load_manifest
from compendium.editions.provenance import edition_timestamp
from compendium.editions.runner import default_workers
from compendium.languages import config_path, direction, info, known_languages, load_config, locale_of, script_of
from compendium.settings import DEFAULT_LANGUAGES, DEFAULT_TRANSLATIONS, ENV_NAMES, Settings, SettingsError

ROOT = Path(__file__).resolve().parents[1]

LANGUAGES_YML = """\
# A national edition's list.
languages:
  en: {name: English, locale: en_GB, theme: en}
  pt:
    name: Português
    locale: pt
    labels: {article: [Artigo]}
"""


def write(tmp_path: Path, text: str, name: str = "languages.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- from_env -------------------------------------------------------------------------------------------

def test_no_variable_gives_the_defaults():
    s = Settings.from_env({})
    assert s == Settings()
    assert s.languages == DEFAULT_LANGUAGES == ROOT / "compendium" / "languages.yml"
    assert s.translations == DEFAULT_TRANSLATIONS == ROOT / "translations"
    assert (s.lang, s.content, s.corpus_cache, s.editions_dir, s.editions_cache) == (None,) * 5
    assert (s.editions_workers, s.source_date_epoch, s.site_url) == (None, None, "")


def test_empty_variables_count_as_unset():
    assert Settings.from_env({name: "" for name in ENV_NAMES.values()}) == Settings()


def test_each_variable_sets_its_setting(tmp_path):
    languages = write(tmp_path, LANGUAGES_YML)
    (tmp_path / "catalogs").mkdir()
    env = {"COMPENDIUM_LANGUAGES": str(languages), "COMPENDIUM_TRANSLATIONS": str(tmp_path / "catalogs"),
           "COMPENDIUM_LANG": "pt", "COMPENDIUM_CONTENT": "content", "COMPENDIUM_CORPUS_CACHE": "c.pickle",
           "COMPENDIUM_SITE_URL": "https://example.org/compendium/", "COMPENDIUM_EDITIONS_DIR": "eds",
           "COMPENDIUM_EDITIONS_CACHE": "cache", "COMPENDIUM_EDITIONS_WORKERS": "3", "SOURCE_DATE_EPOCH": "1700000000"}
    assert set(env) == set(ENV_NAMES.values()), "every variable is tested"
    s = Settings.from_env(env)
    assert s == Settings(languages=languages, translations=tmp_path / "catalogs", lang="pt", content=Path("content"),
                         corpus_cache=Path("c.pickle"), site_url="https://example.org/compendium/",
                         editions_dir=Path("eds"), editions_cache=Path("cache"), editions_workers=3,
                         source_date_epoch=1700000000)
    again = Settings.from_env(s.to_env())  # what a worker process is given reads back the same
    assert again == Settings(**{**vars(s), **{k: Path(v).resolve() for k, v in vars(s).items() if isinstance(v, Path)}})


def test_the_engine_takes_its_settings_from_the_active_ones(tmp_path):
    (tmp_path / "eds" / "en" / "downloads").mkdir(parents=True)
    (tmp_path / "eds" / "en" / "downloads" / "manifest.json").write_text('{"format": 1, "files": []}', encoding="utf-8")
    s = Settings(editions_dir=tmp_path / "eds", editions_cache=tmp_path / "cache", editions_workers=5,
                 source_date_epoch=86400)
    with settings.using(s):
        assert settings.current() is s
        assert default_workers() == 5 and default_dir(tmp_path / "site") == tmp_path / "cache"
        assert edition_timestamp(tmp_path) == 86400 and load_manifest("en") == {"format": 1, "files": []}
    assert settings.current() == Settings()
    assert default_dir(tmp_path / "site") == tmp_path / ".cache" / "editions" and load_manifest("en") is None
    assert default_workers() >= 1


# -- bad values: one message naming the variable, or the file and line -------------------------------------

@pytest.mark.parametrize("value", ["0", "-2", "four", "2.5"])
def test_workers_must_be_a_positive_whole_number(value):
    with pytest.raises(SettingsError, match=rf"^COMPENDIUM_EDITIONS_WORKERS={re.escape(value)}: not a positive whole"):
        Settings.from_env({"COMPENDIUM_EDITIONS_WORKERS": value})


@pytest.mark.parametrize("value", ["yesterday", "2024-01-01", "-5", "1e9", "99999999999999999999"])
def test_source_date_epoch_must_be_seconds(value):
    with pytest.raises(SettingsError, match=rf"^SOURCE_DATE_EPOCH={re.escape(value)}: not a number of seconds"):
        Settings.from_env({"SOURCE_DATE_EPOCH": value})


def test_a_languages_file_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere.yml"
    with pytest.raises(SettingsError) as err:
        Settings.from_env({"COMPENDIUM_LANGUAGES": str(missing)})
    assert str(err.value).startswith(f"{missing}: the languages file does not exist (check COMPENDIUM_LANGUAGES")


def test_a_translations_folder_that_does_not_exist(tmp_path):
    with pytest.raises(SettingsError, match=r"^COMPENDIUM_TRANSLATIONS=.*nowhere: no such folder"):
        Settings.from_env({"COMPENDIUM_TRANSLATIONS": str(tmp_path / "nowhere")})


def test_an_unknown_language_to_build(tmp_path):
    with pytest.raises(SettingsError, match=r"^COMPENDIUM_LANG=pt: not a language of .*languages\.yml \(one of ar, "):
        Settings.from_env({"COMPENDIUM_LANG": "pt"})


@pytest.mark.parametrize("text, line, message", [
    ("languages:\n  en: {name: English\n  fr: {name: Français}\n", 3, "not valid YAML: "),
    ("languages:\n\ten: {name: English}\n", 2, "not valid YAML: found character '\\t'"),
    ("languages:\n  en: {name: English}\n  pt: {locale: pt, dir: ltr}\n", 3,
     "language 'pt' has no 'name' (add name: ..., the language's name in its own script)"),
    ("# a comment\nlanguages:\n  en: {name: English}\n  pt:\n    locale: pt\n", 4, "language 'pt' has no 'name'"),
    ("languages:\n  en: {name: English}\n  pt: {name: '  '}\n", 3, "language 'pt' has no 'name'"),
    ("languages:\n  en: {name: English}\n  pt: Português\n", 3, "language 'pt' is not a mapping of its settings"),
    ("languages:\n  en: {name: English}\n  pt:\n    name: Português\n    dir: up\n", 5,
     "language 'pt' has dir 'up' (write dir: ltr or dir: rtl"),
    ("languages:\n  pt:\n    name: Português\n    labels: {article: Artigo}\n", 4,
     "language 'pt' has labels that are not lists of words"),
    ("languages:\n", 1, "no mapping 'languages:'"),
    ("languages: {}\n", 1, "'languages:' lists no language"),
    ("- en\n- fr\n", 1, "no mapping 'languages:'"),
    ("", 1, "no mapping 'languages:'"),
])
def test_a_bad_languages_file_names_its_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as err:
        Settings.from_env({"COMPENDIUM_LANGUAGES": str(path)})
    assert str(err.value).startswith(f"{path}:{line}: {message}"), str(err.value)


def test_the_command_prints_a_bad_setting_and_exits_2(tmp_path):
    path = write(tmp_path, "languages:\n  en: {name: English}\n  pt: {locale: pt}\n")
    result = CliRunner().invoke(main, ["validate", "--content", str(tmp_path)], env={"COMPENDIUM_LANGUAGES": str(path)},
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}:3: language 'pt' has no 'name' (add name: ..., the language's name " \
                            "in its own script)\n"
    result = CliRunner().invoke(main, ["validate"], env={"SOURCE_DATE_EPOCH": "soon"}, catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr.startswith("error: SOURCE_DATE_EPOCH=soon: ")
    assert "Traceback" not in result.output


def test_settings_passed_to_the_command_are_checked_too(tmp_path):
    result = CliRunner().invoke(main, ["validate"], obj=Settings(languages=tmp_path / "none.yml"),
                                catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {tmp_path / 'none.yml'}: the languages file")
    assert settings.current() == Settings()


# -- switching languages files in one process -------------------------------------------------------------

def test_another_languages_file_in_process(tmp_path):
    from compendium.labels import parse_label

    path = write(tmp_path, LANGUAGES_YML)
    assert parse_label("Artigo 3") is None
    with settings.using(Settings(languages=path)):
        assert config_path() == path and known_languages() == ("en", "pt")
        assert info("pt")["name"] == "Português" and locale_of("pt") == "pt"
        assert script_of("pt") == "Latn" and direction("pt") == "ltr"
        assert parse_label("Artigo 3 Disposições") == ("article", 3, "Disposições"), "label words of the file"
        path.write_text(LANGUAGES_YML.replace("pt:", "ar:\n    name: العربية\n    locale: ar\n  pt:", 1),
                        encoding="utf-8")
        assert "ar" not in known_languages(), "a file is read once per activation"
    assert config_path() == DEFAULT_LANGUAGES and "pt" not in known_languages()
    assert parse_label("Artigo 3") is None and parse_label("Article 3") == ("article", 3, "")
    with settings.using(Settings(languages=path)):
        assert known_languages() == ("en", "ar", "pt") and direction("ar") == "rtl"
    assert load_config()["languages"]["en"]["locale"] == "en_GB"


def test_a_bad_languages_file_activated_directly_fails_with_its_line(tmp_path):
    path = write(tmp_path, "languages:\n  en: {name: English}\n  pt: {locale: pt}\n")
    with pytest.raises(SettingsError, match=rf"^{re.escape(str(path))}:3: language 'pt' has no 'name'"):
        with settings.using(Settings(languages=path)):
            known_languages()
    assert settings.current() == Settings() and "pt" not in known_languages(), "the previous settings stay"


def test_another_catalogs_folder_in_process(tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(ROOT / "translations" / "fr", folder / "fr", ignore=shutil.ignore_patterns("*.mo"))
    po = folder / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Resolutions"\nmsgstr "', 'msgid "Resolutions"\nmsgstr "X-'), encoding="utf-8")
    from compendium.catalogs import compile_all

    with settings.using(Settings(translations=folder)):
        assert i18n.translations_dir() == folder
        assert compile_all() == [po.with_suffix(".mo")]
        assert i18n.gettext_for("fr")("Resolutions").startswith("X-")
    assert i18n.translations_dir() == DEFAULT_TRANSLATIONS
    assert not i18n.gettext_for("fr")("Resolutions").startswith("X-")


# -- the environment is read at the edge only ---------------------------------------------------------------

EDGE = {"cli.py", "cli_translate.py", "build.py"}


def test_only_the_entry_points_read_the_environment():
    package = ROOT / "compendium"
    readers = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                     if re.search(r"os\.environ|getenv", p.read_text(encoding="utf-8"))
                     and str(p.relative_to(package)) not in EDGE)
    assert readers == [], f"read the setting in Settings.from_env and pass it down instead: {readers}"
    names = "|".join(ENV_NAMES.values())
    knowing = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                     if re.search(rf"\"({names})\"", p.read_text(encoding="utf-8")))
    assert knowing == ["settings.py"], "only compendium/settings.py spells the variables' names"
