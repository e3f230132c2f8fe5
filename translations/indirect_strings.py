"""Interface strings that the code translates through a variable, which `pybabel extract` cannot follow.

compendium/pages.py translates the site title as `self._(SITE_TITLE)`; the string itself is marked here so that
translations/update.py puts it in messages.pot. Keep each string identical to the constant it stands for
(tests/test_catalogs.py checks that every one is still in the code). Nothing imports this module.

A string defined in the code as `N_("...")` (a no-op marker, `def N_(s): return s`) is extracted where it is and
needs no entry here.
"""


def _(message: str) -> str:
    return message


STRINGS = (
    # compendium.pages.SITE_TITLE: the site's name, in the header and the browser tab.
    _("Compendium of United Nations Standards and Norms in Crime Prevention and Criminal Justice"),
)
