from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .conf import get_setting
from .ical import event_calendar
from .models import Registration, RegistrationStatus
from .outbox import send_once

SUBJECTS = {
    "confirmed": "consultations/email/registration_confirmed_subject.txt",
    "waiting": "consultations/email/registration_waiting_subject.txt",
    "promoted": "consultations/email/registration_promoted_subject.txt",
    "changed": "consultations/email/registration_changed_subject.txt",
    "cancelled": "consultations/email/registration_cancelled_subject.txt",
}


def send_registration_message(registration_id, kind):
    """Tell the person where they stand; a seat comes with an .ics attachment kept up to date.

    ``kind``: "confirmed", "waiting", "promoted" (a seat came free), "changed" (a session moved)
    or "cancelled" (the event). The .ics carries the event's revision as its SEQUENCE, and a
    cancellation is sent as METHOD:CANCEL, so calendar apps update the entry they already have.
    """
    registration = (
        Registration.objects.select_related("event", "user", "event__theme")
        .prefetch_related("event__sessions")
        .get(pk=registration_id)
    )
    if not registration.is_active and kind in ("changed", "cancelled"):
        return  # cancelled since the change: no longer concerned
    with_calendar = registration.status == RegistrationStatus.CONFIRMED and kind != "waiting"
    context = {
        "registration": registration,
        "event": registration.event,
        "kind": kind,
        "with_calendar": with_calendar,
        "site_name": get_setting("SITE_NAME"),
        "site_url": get_setting("SITE_URL").rstrip("/"),
    }
    with translation.override("fr"):
        subject = " ".join(render_to_string(SUBJECTS[kind], context).split())
        body = render_to_string("consultations/email/registration_body.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[registration.user.email])
    if with_calendar:
        method = "CANCEL" if registration.event.is_cancelled else "PUBLISH"
        calendar = event_calendar(registration.event, include_private_links=True, method=method)
        message.attach(
            f"{registration.event.slug}.ics", calendar.to_ical(), f"text/calendar; method={method}"
        )
    send_once(message, task="registration")
