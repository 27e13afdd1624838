"""iCalendar (RFC 5545) for the programme and for one event, built with ``icalendar``."""

from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event as VEvent, vCalAddress, vText

from .conf import get_setting
from .models import EventStatus
from .notifications import site_url

PRODID = "-//La Part Citoyenne//Programme//FR"


def _calendar(name, method="PUBLISH"):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    return calendar


def _session_component(event, session, base_url, stamp, include_private_links):
    component = VEvent()
    # The UID names the site, not the address this copy was fetched from: the feed and the e-mailed
    # .ics must update the same entry in a calendar app.
    host = get_setting("SITE_URL").split("://", 1)[-1].split("/", 1)[0]
    component.add("uid", f"session-{session.pk}@{host}")
    component.add("dtstamp", stamp)
    component.add("dtstart", session.starts_at.astimezone(UTC))
    component.add("dtend", session.ends_at.astimezone(UTC))
    summary = event.title if not session.title else f"{event.title} — {session.title}"
    component.add("summary", summary)
    url = f"{base_url}{event.get_absolute_url()}"
    component.add("url", url)
    description = [event.summary, url]
    if session.is_online:
        component.add("location", vText(_("Online")))
        if include_private_links and session.online_url:
            description.append(_("Link to join: %(url)s") % {"url": session.online_url})
    else:
        component.add("location", ", ".join(p for p in [session.place, session.city] if p))
    component.add("description", "\n\n".join(part for part in description if part))
    component.add("categories", [event.get_kind_display(), event.theme.name])
    component.add(
        "status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED"
    )
    component.add("last-modified", event.updated_at.astimezone(UTC))
    # Raised by each change that matters (cancelled, moved): calendars replace the copy they hold.
    component.add("sequence", event.revision)
    return component


def _organizer():
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = vText(name)
    return organizer


def programme_calendar(events, request=None):
    """The whole programme; expects sessions prefetched and theme selected. Links point at the
    address of ``request`` when given (the feed), else at ``SITE_URL``."""
    calendar = _calendar(_("Programme of %(site)s") % {"site": get_setting("SITE_NAME")})
    base_url = site_url("", request).rstrip("/")
    stamp = datetime.now(UTC)
    for event in events:
        for session in event.sessions.all():
            calendar.add_component(_session_component(event, session, base_url, stamp, False))
    return calendar


def event_calendar(event, include_private_links=False, method="PUBLISH", request=None):
    """One event's sessions; ``method="CANCEL"`` (RFC 5546) for the e-mail telling a cancellation."""
    calendar = _calendar(event.title, method)
    base_url = site_url("", request).rstrip("/")
    stamp = datetime.now(UTC)
    for session in event.sessions.all():
        component = _session_component(event, session, base_url, stamp, include_private_links)
        if method == "CANCEL":
            component.add("organizer", _organizer())
        calendar.add_component(component)
    return calendar
