"""The name an account gets when nobody chose one: « Habitant·e 4821 », never anything from the e-mail.

Sign-up asks for a public name; accounts made elsewhere (createsuperuser, the admin, scripts,
accounts older than that question) get one of these, which the person can change in « Mon compte ».
"""

import secrets

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

# Four digits read well aloud in a live room; past a few thousand accounts, six avoid most clashes.
SHORT, LONG = range(1000, 10000), range(100000, 1000000)
# A prime that shares no factor with len(SHORT): pk → number is a bijection over 9,000 accounts.
_STRIDE = 7919


def pseudonym(number):
    # Stored, so written in the site's language rather than the language of whoever triggered it.
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Resident %(number)s") % {"number": number}


def pseudonym_for_pk(pk):
    """Deterministic, distinct for the first 9,000 accounts (the data migration uses it)."""
    return pseudonym(SHORT.start + (pk * _STRIDE) % len(SHORT))


def new_pseudonym(is_taken):
    """A random pseudonym that ``is_taken(name)`` says nobody has yet (a clash only costs another draw)."""
    for numbers in (SHORT, SHORT, SHORT, LONG, LONG, LONG):
        name = pseudonym(numbers.start + secrets.randbelow(len(numbers)))
        if not is_taken(name):
            return name
    return name
