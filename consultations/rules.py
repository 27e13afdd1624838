"""Who may do what with the frame: one predicate per question."""

import rules

from .conf import get_setting, verified_email_check
from .models import EventStatus, Visibility
from .moderation import active_block


@rules.predicate
def is_citizen(user):
    """An active account whose email is verified, and that the moderation has not blocked."""
    return bool(verified_email_check()(user) and active_block(user) is None)


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


@rules.predicate
def is_visible_consultation(user, consultation):
    """Public, or private and the person is a member; drafts and private ones stay hidden."""
    if consultation is None:
        return False
    if consultation.visibility == Visibility.PUBLIC:
        return True
    if consultation.visibility == Visibility.PRIVATE and user.is_authenticated:
        return consultation.members.filter(pk=user.pk).exists()
    return False


def group_names(user):
    """The names of the person's groups, read once per user object (a request, a websocket)."""
    names = user.__dict__.get("_group_names")
    if names is None:
        names = user.__dict__["_group_names"] = frozenset(user.groups.values_list("name", flat=True))
    return names


def group_member(setting_name):
    @rules.predicate(name=f"in_{setting_name.lower()}")
    def predicate(user):
        if not user.is_authenticated:
            return False
        return get_setting(setting_name) in group_names(user)

    return predicate


is_moderator = group_member("MODERATOR_GROUP")

rules.add_perm("consultations.view_event", is_published_event | is_staff_member)
rules.add_perm("consultations.register_for_event", is_citizen & is_published_event)
rules.add_perm("consultations.view_event_registrations", is_staff_member | is_event_facilitator)

rules.add_perm("consultations.view_consultation", is_visible_consultation | is_staff_member)
rules.add_perm("consultations.follow_consultation", is_citizen & (is_visible_consultation | is_staff_member))
