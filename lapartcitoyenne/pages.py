"""Pages a French public site must carry: accessibility statement, legal notice, site map.

The contact page is in ``contact.py``. The legal notice reads the publisher and host from the
site settings staff edit in the admin (``SiteSettings``); the accessibility statement's status and
known defects come from our own audits (tests/browser), dated here when they were last reviewed.
"""

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.conf import get_setting
from consultations.models import Consultation, Event
from consultations.plugins import optional_reverse

from .models import SiteSettings
from consultations.page_cache import visitor_cached

# The day the statement below was last checked against the tests' results (RGAA asks for it).
ACCESSIBILITY_REVIEWED_ON = datetime.date(2026, 12, 2)

# The site map: every public page that takes no argument, grouped. A page of an app the site does
# not install drops out (optional_reverse). tests/lapartcitoyenne/test_public_pages.py checks this
# list against the URL resolver, so a new public page cannot be left out.
SITE_MAP = [
    (_("Take part"), [
        ("home", _("Home")),
        ("consultations:programme", _("Programme of the rendez-vous")),
        ("consultations:consultation_list", _("Consultations")),
        ("proposals:list", _("Proposals and citizen initiatives")),
        ("proposals:create", _("Propose an initiative")),
        ("councils:list", _("Citizen councils")),
        ("councils:request", _("Register a citizen council")),
    ]),
    (_("Your account"), [
        ("account_signup", _("Create an account")),
        ("account_login", _("Log in")),
        ("account_reset_password", _("Forgotten password")),
        ("profile", _("My account")),
        ("consultations:my_registrations", _("My registrations")),
        ("consultations:my_consultations", _("My consultations")),
        ("my_data", _("My data")),
    ]),
    (_("Open data"), [
        ("exports:open_data", _("Open data")),
        ("consultations:programme_ics", _("Programme as a calendar (iCalendar)")),
        ("swagger-ui", _("API documentation")),
    ]),
    (_("About this site"), [
        ("accessibility", _("Accessibility statement")),
        ("legal", _("Legal notice")),
        ("privacy", _("Privacy")),
        ("contact", _("Contact")),
        ("sitemap", _("Site map")),
    ]),
]


@visitor_cached
def accessibility(request):
    site = SiteSettings.load()
    return render(
        request,
        "pages/accessibility.html",
        {"site": site, "reviewed_on": ACCESSIBILITY_REVIEWED_ON, "site_url": get_setting("SITE_URL")},
    )


@visitor_cached
def legal(request):
    return render(request, "pages/legal.html", {"site": SiteSettings.load(), "site_url": get_setting("SITE_URL")})


def site_map_groups():
    groups = []
    for title, entries in SITE_MAP:
        links = [(label, url) for name, label in entries if (url := optional_reverse(name))]
        if links:
            groups.append((title, links))
    return groups


@visitor_cached
def sitemap(request):
    consultations = Consultation.objects.visible_to(request.user).order_by("title").only("slug", "title")
    events = Event.objects.published().upcoming(timezone.now()).order_by("first_start").only("slug", "title")
    return render(
        request,
        "pages/sitemap.html",
        {"groups": site_map_groups(), "consultations": consultations, "events": events},
    )
