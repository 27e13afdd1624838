"""Proposals as content the moderation can act on (see consultations.moderation)."""

from django.utils.translation import gettext_lazy as _

from consultations.moderation import ContentKind
from consultations.visibility import consultation_is_visible

KINDS = [
    ContentKind(
        key="proposal",
        label=_("Proposal"),
        model="proposals.Proposal",
        text=lambda proposal: f"{proposal.title}\n\n{proposal.body}",
        consultation_of=lambda proposal: proposal.consultation,
        readable_by=lambda proposal, user: consultation_is_visible(user, proposal.consultation),
    ),
]
