"""Who may do what with the frame: one predicate per question."""

import rules

from .conf import get_setting, verified_email_check
from .models import EventStatus


@rules.predicate
def is_citizen(user):
    """An active account whose email is verified."""
    return verified_email_check()(user)


@rules.predicate
def is_staff_member(user):
    return bool(user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_event_facilitator(user, event):
    if not user.is_authenticated or event is None:
        return False
    return event.facilitators.filter(pk=user.pk).exists()


@rules.predicate
def is_published_event(user, event):
    return event is not None and event.status in (EventStatus.PUBLISHED, EventStatus.CANCELLED)


def group_member(setting_name):
    @rules.predicate(name=f"in_{setting_name.lower()}")
    def predicate(user):
        if not user.is_authenticated:
            return False
        return user.groups.filter(name=get_setting(setting_name)).exists()

    return predicate


is_facilitator = group_member("FACILITATOR_GROUP")
is_moderator = group_member("MODERATOR_GROUP")

rules.add_perm("consultations.view_event", is_published_event | is_staff_member)
rules.add_perm("consultations.register_for_event", is_citizen & is_published_event)
rules.add_perm("consultations.view_event_registrations", is_staff_member | is_event_facilitator)
