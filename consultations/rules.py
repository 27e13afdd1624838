"""Who may do what with the frame: one predicate per question."""

import rules
from django.utils.module_loading import import_string

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


@rules.predicate
def is_moderator(user):
    """In the MODERATOR_GROUP, or whatever the host's own MODERATOR_CHECK (a function of a user) says."""
    if not user.is_authenticated:
        return False
    host_check = get_setting("MODERATOR_CHECK")
    if host_check:
        return bool(import_string(host_check)(user))
    return get_setting("MODERATOR_GROUP") in group_names(user)

rules.add_perm("consultations.view_event", is_published_event | is_staff_member)
rules.add_perm("consultations.register_for_event", is_citizen & is_published_event)
rules.add_perm("consultations.view_event_registrations", is_staff_member | is_event_facilitator)

rules.add_perm("consultations.view_consultation", is_visible_consultation | is_staff_member)
rules.add_perm("consultations.follow_consultation", is_citizen & (is_visible_consultation | is_staff_member))

# The background tasks' failures and workers (/equipe/taches/): they may name people's objects.
rules.add_perm("consultations.view_background_tasks", is_staff_member)
