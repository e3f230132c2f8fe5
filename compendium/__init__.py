"""The compendium engine: content model, loader, validator, importer and exporters.

Nothing in this package imports MkDocs: the site framework is glue in ``hooks/``.
"""

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
COLLECTIONS = ("instruments", "resolutions")
SOURCE_LANGUAGE = "en"

__version__ = "0.1.0"
