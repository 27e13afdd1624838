"""Settings of the proposals app, read from ``PARTICIPATION`` with these defaults."""

from django.conf import settings

DEFAULTS = {
    # Supports a standalone citizen initiative needs before staff must look at it.
    "INITIATIVE_SUPPORT_THRESHOLD": 300,
    # How long a new initiative collects supports (staff may change one initiative's end in the admin).
    "INITIATIVE_COLLECTION_DAYS": 180,
    "PROPOSALS_PAGE_SIZE": 20,
    # Numbered pages of the list (counted up to this many pages: « more than N » past them, then
    # the list goes on by keyset).
    "PROPOSALS_PAGE_WINDOW": 50,
    "PROPOSAL_TITLE_MAX_LENGTH": 160,
    "PROPOSAL_BODY_MAX_LENGTH": 10000,
    "PROPOSAL_ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
    "PROPOSAL_ATTACHMENT_TYPES": {
        ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
        ".pdf": "application/pdf",
    },
    # PostgreSQL text search configuration made by the migration (French, accents ignored).
    "SEARCH_CONFIG": "french_unaccent",
}


def get_setting(name):
    return getattr(settings, "PARTICIPATION", {}).get(name, DEFAULTS[name])
