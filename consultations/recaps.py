"""After the session: a summary for the event page, drafted in one click, edited and published by staff.

``draft_recap(event)`` writes the Markdown draft into ``Event.recap`` (unpublished): a heading per
section that the tools registered here give — the live room's answered questions and transcript
link, a poll tool's results — then the replay. Staff edit it in the event's admin (*Afterwards*)
and tick *published*; it is rendered once, at save (``Event.recap_html``, Markdown without raw HTML,
nh3), and shown on the event page.

A tool adds its part with ``register_section(name, function, position)``: ``function(event)``
returns Markdown, or "" for nothing to say.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from .conf import get_setting
from .models import Event, EventResource

_MARKDOWN_SIGNS = re.compile(r"([\\`*_\[\]<>#|!~])")


@dataclass(frozen=True)
class Section:
    name: str
    function: object
    position: int


_sections = {}


def register_section(name, function, position=50):
    """Add (or replace, by name) a part of the drafted summary; lower positions come first."""
    _sections[name] = Section(name, function, position)


def sections():
    return sorted(_sections.values(), key=lambda section: (section.position, section.name))


def quote(text):
    """Someone's text on one line, its Markdown signs escaped: it reads as they wrote it."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", " ".join(str(text).split()))


def absolute(path):
    return get_setting("SITE_URL").rstrip("/") + path


def _replay(event):
    links = [(_("Watch the replay"), event.replay_url)] if event.replay_url else []
    links += [
        (resource.title, absolute(resource.href) if resource.href.startswith("/") else resource.href)
        for resource in event.resources.filter(kind=EventResource.Kind.REPLAY)
    ]
    if not links:
        return ""
    lines = [f"### {_('Replay')}", ""] + [f"- [{quote(title)}]({href})" for title, href in links]
    return "\n".join(lines)


register_section("replay", _replay, position=90)


def compose(event):
    parts = [part.strip() for part in (section.function(event) for section in sections()) if part and part.strip()]
    return "\n\n".join(parts) + "\n" if parts else ""


def draft_recap(event_id):
    """Write a fresh draft, unpublished: what staff then read, edit and publish."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event_id)
        event.recap = compose(event)
        event.recap_published = False
        event.save(update_fields=["recap", "recap_html", "recap_published", "updated_at"])
    return event
