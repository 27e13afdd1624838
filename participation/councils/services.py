"""Actions on councils that touch several rows, each in one transaction."""

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from consultations.rules import is_citizen, is_staff_member
from consultations.moderation import not_citizen_refusal

from .conf import get_setting
from .models import Council, CouncilStatus, Membership, MembershipRole, MembershipState
from consultations.refusals import Refused
from .rules import is_council_manager


def _unique_slug(name):
    base = slugify(name)[:120] or "conseil"
    slug, n = base, 2
    while Council.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def request_council(user, *, name, description="", neighbourhood=None, commune=None):
    """A citizen asks to create a council; they become its first manager once staff verify it."""
    if not is_citizen(user):
        raise Refused(*not_citizen_refusal(user, _("Please verify your email address first."), "council"), 403)
    name = (name or "").strip()
    if not name:
        raise Refused(_("Give the council a name."), "empty")
    if Council.objects.filter(name__iexact=name).exists():
        raise Refused(_("A council with this name already exists."), "duplicate", 409)
    council = Council.objects.create(
        slug=_unique_slug(name),
        name=name,
        description=description,
        neighbourhood=neighbourhood,
        commune=commune,
        requested_by=user,
    )
    Membership.objects.create(
        council=council,
        user=user,
        role=MembershipRole.MANAGER,
        state=MembershipState.ACCEPTED,
        accepted_at=timezone.now(),
    )
    return council


def _member_group():
    return Group.objects.get_or_create(name=get_setting("COUNCIL_MEMBER_GROUP"))[0]


@transaction.atomic
def verify_council(staff_user, council, approve=True):
    if not is_staff_member(staff_user):
        raise Refused(_("Only staff can verify a council."), "forbidden", 403)
    council = Council.objects.select_for_update().get(pk=council.pk)
    if approve:
        council.status = CouncilStatus.VERIFIED
        council.verified_at = timezone.now()
        group = _member_group()
        for membership in council.memberships.accepted().select_related("user"):
            membership.user.groups.add(group)
    else:
        council.status = CouncilStatus.REJECTED
        council.verified_at = None
    council.save(update_fields=["status", "verified_at"])
    return council


@transaction.atomic
def request_membership(user, council, show_on_page=True):
    if not is_citizen(user):
        raise Refused(*not_citizen_refusal(user, _("Please verify your email address first."), "council"), 403)
    if not council.is_verified:
        raise Refused(_("This council has not been verified yet."), "not_verified", 409)
    try:
        with transaction.atomic():
            return Membership.objects.create(council=council, user=user, show_on_page=show_on_page)
    except IntegrityError:
        raise Refused(_("You have already asked to join this council."), "duplicate", 409) from None


def _check_manager(manager, council):
    if not (is_council_manager(manager, council) or is_staff_member(manager)):
        raise Refused(_("Only the council's managers can do this."), "not_manager", 403)


@transaction.atomic
def accept_member(manager, membership):
    _check_manager(manager, membership.council)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.state == MembershipState.ACCEPTED:
        raise Refused(_("This person is already a member."), "duplicate", 409)
    membership.state = MembershipState.ACCEPTED
    membership.accepted_at = timezone.now()
    membership.save(update_fields=["state", "accepted_at"])
    if membership.council.is_verified:
        membership.user.groups.add(_member_group())
    return membership


@transaction.atomic
def remove_member(manager, membership):
    council = membership.council
    if membership.user_id != manager.pk:
        _check_manager(manager, council)
    # Two managers leaving at once must not both see the other still there: lock every manager row
    # (in one order, so two leavers queue instead of deadlocking), then count what is left.
    managers = list(
        council.memberships.accepted().filter(role=MembershipRole.MANAGER)
        .select_for_update().order_by("pk").values_list("pk", flat=True)
    )
    membership = Membership.objects.select_for_update().filter(pk=membership.pk).select_related("user").first()
    if membership is None:
        raise Refused(_("This person is no longer a member."), "gone", 409)
    if membership.pk in managers and len(managers) <= 1:
        raise Refused(_("A council needs at least one manager."), "last_manager", 409)
    user = membership.user
    membership.delete()
    still_member = Membership.objects.accepted().filter(user=user, council__status=CouncilStatus.VERIFIED).exists()
    if not still_member:
        user.groups.remove(_member_group())
