"""One visibility rule for everything that hangs under a consultation.

A public consultation is seen by everyone, a private one by its members, a draft by nobody; staff
see every one (``Consultation.objects.visible_to(user)``, the ``consultations.view_consultation``
rule). What a plugin hangs under a consultation (proposals, comments, supports, follows, reports,
exports, feeds, e-mails, API, websockets) follows the same rule: lists filter on their foreign key with
``under_visible_consultation``, single objects ask ``consultation_is_visible``. Content under no
consultation (a standalone citizen initiative) is not restricted by this rule.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from .models import Consultation, Visibility
from .rules import is_staff_member, is_visible_consultation


def _person(user):
    return AnonymousUser() if user is None else user


def under_visible_consultation(user, field="consultation"):
    """A filter keeping the rows whose consultation (the foreign key ``field``) the person may see."""
    user = _person(user)
    if is_staff_member(user):
        return Q()
    visible = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__visibility": Visibility.PUBLIC})
    if user.is_authenticated:
        # A subquery on the membership, not a join, so that no row comes back twice.
        mine = Consultation.objects.filter(visibility=Visibility.PRIVATE, members=user).values("pk")
        visible |= Q(**{f"{field}__in": mine})
    return visible


def consultation_is_visible(user, consultation):
    """Whether the person may see this consultation and what hangs under it (None: under none)."""
    if consultation is None:
        return True
    user = _person(user)
    return bool(is_staff_member(user) or is_visible_consultation(user, consultation))


def people_who_see(consultation, people, field=""):
    """Narrow a queryset (of people, or of rows with a person at ``field``) to those who may see the
    consultation now: e-mails about it reach nobody who could not open it."""
    if consultation is None or consultation.visibility == Visibility.PUBLIC:
        return people
    prefix = f"{field}__" if field else ""
    staff = Q(**{f"{prefix}is_staff": True, f"{prefix}is_active": True})
    if consultation.visibility == Visibility.PRIVATE:
        members = consultation.members.values("pk")
        return people.filter(staff | Q(**{f"{prefix}pk__in": members}))
    return people.filter(staff)
