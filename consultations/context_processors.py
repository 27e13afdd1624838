"""Template context the apps' pages need from the host: add it to ``TEMPLATES[...]["OPTIONS"]``."""

from .conf import get_setting


def participation(request):
    """``participation_base_template``: the host's layout, extended by every page of the apps."""
    return {"participation_base_template": get_setting("BASE_TEMPLATE")}
