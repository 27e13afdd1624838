from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .conf import get_setting
from .ical import event_calendar
from .models import Registration

SUBJECTS = {
    "confirmed": "consultations/email/registration_confirmed_subject.txt",
    "waiting": "consultations/email/registration_waiting_subject.txt",
    "promoted": "consultations/email/registration_promoted_subject.txt",
}


def send_registration_message(registration_id, kind):
    """Tell the person where they stand; a confirmed seat comes with an .ics attachment."""
    registration = (
        Registration.objects.select_related("event", "user", "event__theme")
        .prefetch_related("event__sessions")
        .get(pk=registration_id)
    )
    context = {
        "registration": registration,
        "event": registration.event,
        "kind": kind,
        "site_name": get_setting("SITE_NAME"),
        "site_url": get_setting("SITE_URL").rstrip("/"),
    }
    with translation.override("fr"):
        subject = " ".join(render_to_string(SUBJECTS[kind], context).split())
        body = render_to_string("consultations/email/registration_body.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[registration.user.email])
    if kind in ("confirmed", "promoted"):
        calendar = event_calendar(registration.event, include_private_links=True)
        message.attach(
            f"{registration.event.slug}.ics", calendar.to_ical(), "text/calendar; method=PUBLISH"
        )
    message.send()
