"""Who may do what with citizen councils: one predicate per question."""

import rules

from consultations.rules import is_citizen, is_staff_member

from .models import MembershipRole, MembershipState


def _membership(user, council):
    if not user.is_authenticated or council is None:
        return None
    cache = getattr(user, "_council_memberships", None)
    if cache is None:
        cache = {m.council_id: m for m in user.council_memberships.all()}
        user._council_memberships = cache
    return cache.get(council.pk)


@rules.predicate
def is_council_member(user, council):
    membership = _membership(user, council)
    return bool(membership and membership.state == MembershipState.ACCEPTED and council.is_verified)


@rules.predicate
def is_council_manager(user, council):
    membership = _membership(user, council)
    return bool(
        membership
        and membership.state == MembershipState.ACCEPTED
        and membership.role == MembershipRole.MANAGER
    )


@rules.predicate
def is_verified_council(user, council):
    return council is not None and council.is_verified


@rules.predicate
def has_no_membership(user, council):
    return _membership(user, council) is None


rules.add_perm("councils.request_council", is_citizen)
rules.add_perm("councils.view_council", is_verified_council | is_staff_member | is_council_manager)
rules.add_perm("councils.join_council", is_citizen & is_verified_council & has_no_membership)
rules.add_perm("councils.manage_members", is_council_manager | is_staff_member)
rules.add_perm("councils.verify_council", is_staff_member)
rules.add_perm("councils.act_for_council", is_citizen & is_council_member)


def councils_acting_for(user):
    """The verified councils the person may act on behalf of."""
    from .models import Council

    if not is_citizen(user):
        return Council.objects.none()
    return Council.objects.verified().filter(
        memberships__user=user, memberships__state=MembershipState.ACCEPTED
    )
