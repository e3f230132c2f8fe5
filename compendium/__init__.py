"""The compendium engine: content model, loader, validator, importer and exporters.

Nothing in this package imports MkDocs: the site framework is glue in ``hooks/``.
"""

from .vocabulary import COLLECTIONS

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")  # when a languages file lists none

__all__ = ["COLLECTIONS", "LANGUAGES"]
__version__ = "0.1.0"
