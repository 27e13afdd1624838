"""Settings of the comments app, read from ``PARTICIPATION`` with these defaults."""

from django.conf import settings

DEFAULTS = {
    # Replies nest at most this deep: 0 is a top-level comment, so 3 allows three levels of replies.
    "COMMENT_MAX_DEPTH": 3,
    "COMMENT_MAX_LENGTH": 5000,
    # How long, in minutes, the author may still edit a comment.
    "COMMENT_EDIT_MINUTES": 15,
    # Top-level comments per page of a discussion (each shows with all its replies).
    "COMMENT_PAGE_SIZE": 30,
    # "app_label.model" of the content people may comment on.
    "COMMENTABLE_MODELS": ["proposals.proposal", "consultations.consultation", "consultations.event"],
}


def get_setting(name):
    return getattr(settings, "PARTICIPATION", {}).get(name, DEFAULTS[name])
