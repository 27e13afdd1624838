"""What the proposals app holds about a person, and what goes when they delete their account.

Proposals stay (anonymised with the account) and supports stay counted, as the privacy page
says; only follows go, so that no answer is emailed to an anonymised address.
"""

from consultations.privacy import iso

from .models import Follow, Proposal, Support


def user_data(user):
    proposals = (
        Proposal.objects.filter(author=user).select_related("consultation", "council").order_by("created_at", "pk")
    )
    supports = (
        Support.objects.filter(user=user).select_related("proposal", "council").order_by("created_at", "pk")
    )
    follows = Follow.objects.filter(user=user).select_related("proposal").order_by("created_at", "pk")
    return {
        "proposals": [
            {
                "title": proposal.title,
                "body": proposal.body,
                "url": proposal.get_absolute_url(),
                "consultation": proposal.consultation.title if proposal.consultation_id else None,
                "on_behalf_of": proposal.council.name if proposal.council_id else None,
                "state": proposal.get_state_display(),
                "moderation": proposal.get_moderation_status_display(),
                "official_answer": proposal.answer or None,
                "withdrawal_reason": proposal.withdrawal_reason or None,
                "attachment_url": proposal.attachment.url if proposal.attachment else None,
                "supports": proposal.support_count,
                "comments": proposal.comment_count,
                "published_at": proposal.created_at.isoformat(),
                "updated_at": iso(proposal.updated_at),
            }
            for proposal in proposals
        ],
        "supports": [
            {
                "proposal": support.proposal.title,
                "proposal_url": support.proposal.get_absolute_url(),
                "on_behalf_of": support.council.name if support.council_id else None,
                "given_at": support.created_at.isoformat(),
            }
            for support in supports
        ],
        "followed_proposals": [
            {
                "proposal": follow.proposal.title,
                "proposal_url": follow.proposal.get_absolute_url(),
                "since": follow.created_at.isoformat(),
            }
            for follow in follows
        ],
    }


def forget_user(user):
    Follow.objects.filter(user=user).delete()
