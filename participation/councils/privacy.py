"""What the councils app holds about a person, and how they leave their councils on deletion.

A council always keeps at least one accepted manager (``services.remove_member`` refuses to remove
the last one). Deleting an account cannot be refused, so the last manager hands over to the
council's longest-standing member; a council with no other member keeps the anonymised manager's
membership (off its public page), and staff, who manage every council, take it from there.
"""

from django.db.models import F
from django.utils.translation import pgettext_lazy

from consultations.privacy import iso

from .models import Council, Membership, MembershipRole, MembershipState


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "accepted_at": pgettext_lazy("personal data", "Accepted on"),
    "council": pgettext_lazy("personal data", "Council"),
    "council_url": pgettext_lazy("personal data", "Council address"),
    "councils_requested": pgettext_lazy("personal data", "Councils requested"),
    "memberships": pgettext_lazy("personal data", "Memberships"),
    "requested_at": pgettext_lazy("personal data", "Requested on"),
    "role": pgettext_lazy("personal data", "Role"),
    "shown_on_council_page": pgettext_lazy("personal data", "Shown on the council page"),
    "state": pgettext_lazy("personal data", "State"),
    "status": pgettext_lazy("personal data", "Status"),
    "verified_at": pgettext_lazy("personal data", "Verified on"),
}


def user_data(user):
    memberships = Membership.objects.filter(user=user).select_related("council").order_by("created_at", "pk")
    requested = Council.objects.filter(requested_by=user).order_by("created_at", "pk")
    return {
        "memberships": [
            {
                "council": membership.council.name,
                "council_url": membership.council.get_absolute_url(),
                "role": membership.get_role_display(),
                "state": membership.get_state_display(),
                "shown_on_council_page": membership.show_on_page,
                "requested_at": membership.created_at.isoformat(),
                "accepted_at": iso(membership.accepted_at),
            }
            for membership in memberships
        ],
        "councils_requested": [
            {
                "council": council.name,
                "council_url": council.get_absolute_url(),
                "status": council.get_status_display(),
                "requested_at": council.created_at.isoformat(),
                "verified_at": iso(council.verified_at),
            }
            for council in requested
        ],
    }


def _successor(council, user):
    return (
        Membership.objects.select_for_update()
        .filter(council=council, state=MembershipState.ACCEPTED)
        .exclude(user=user)
        .order_by(F("accepted_at").asc(nulls_last=True), "created_at", "pk")
        .first()
    )


def forget_user(user):
    # Pending requests are simply withdrawn.
    Membership.objects.filter(user=user, state=MembershipState.REQUESTED).delete()
    memberships = Membership.objects.filter(user=user, state=MembershipState.ACCEPTED).select_related("council")
    for membership in memberships:
        if membership.role == MembershipRole.MANAGER:
            # The council row is locked so that two managers deleting their accounts at once
            # cannot both leave, each believing the other stays.
            Council.objects.select_for_update().filter(pk=membership.council_id).first()
            other_managers = Membership.objects.filter(
                council=membership.council, state=MembershipState.ACCEPTED, role=MembershipRole.MANAGER
            ).exclude(pk=membership.pk)
            if not other_managers.exists():
                successor = _successor(membership.council, user)
                if successor is None:
                    membership.show_on_page = False
                    membership.save(update_fields=["show_on_page"])
                    continue
                successor.role = MembershipRole.MANAGER
                successor.save(update_fields=["role"])
        membership.delete()
