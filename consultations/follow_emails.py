"""News of a consultation for the people who joined it, each email with a one-click unsubscribe."""

from django.utils.translation import gettext as _

from .models import Consultation, Follow, Step
from .notifications import notification, site_url
from .outbox import send_all_once
from .visibility import people_who_see


def describe_follow(user_id, follow_id):
    membership = Follow.objects.select_related("consultation").filter(pk=follow_id, user_id=user_id).first()
    if membership is None:
        return None
    title = membership.consultation.title
    return _("emails about “%(title)s”") % {"title": title}, membership.consultation.get_absolute_url()


def _send_to_followers(consultation, template_prefix, extra):
    # Read at send time: a consultation back to draft, or made private, is news for nobody else.
    follows = people_who_see(
        consultation, Follow.objects.filter(consultation=consultation, email_notifications=True), field="user"
    ).select_related("user").order_by("pk")
    context = {"consultation": consultation, "consultation_url": site_url(consultation.get_absolute_url()), **extra}
    messages = (
        notification(
            user=membership.user, topic="consultation", key=membership.pk, template=template_prefix, context=context
        )
        for membership in follows.iterator()
        if membership.user.is_active and membership.user.email
    )
    return send_all_once(messages, task=template_prefix)


def send_step_opened(step_id):
    step = Step.objects.select_related("consultation").filter(pk=step_id).first()
    if step is None:
        return 0
    return _send_to_followers(step.consultation, "consultations/email/step_opened", {"step": step})


def send_synthesis_published(consultation_id):
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    return _send_to_followers(consultation, "consultations/email/synthesis_published", {})
