"""What the proposals app holds about a person, and what goes when they delete their account.

Proposals stay (anonymised with the account) and supports stay counted, as the privacy page
says; only follows go, so that no answer is emailed to an anonymised address.
"""

from django.utils.translation import pgettext_lazy

from consultations.privacy import iso

from .models import Follow, Proposal, Support


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "attachment_url": pgettext_lazy("personal data", "Attachment"),
    "body": pgettext_lazy("personal data", "Text"),
    "comments": pgettext_lazy("personal data", "Comments"),
    "consultation": pgettext_lazy("personal data", "Consultation"),
    "followed_proposals": pgettext_lazy("personal data", "Followed proposals"),
    "given_at": pgettext_lazy("personal data", "Given on"),
    "moderation": pgettext_lazy("personal data", "Moderation"),
    "official_answer": pgettext_lazy("personal data", "Official answer"),
    "on_behalf_of": pgettext_lazy("personal data", "On behalf of"),
    "proposal": pgettext_lazy("personal data", "Proposal"),
    "proposal_url": pgettext_lazy("personal data", "Proposal address"),
    "proposals": pgettext_lazy("personal data", "Proposals"),
    "published_at": pgettext_lazy("personal data", "Published on"),
    "since": pgettext_lazy("personal data", "Since"),
    "state": pgettext_lazy("personal data", "State"),
    "supports": pgettext_lazy("personal data", "Supports"),
    "title": pgettext_lazy("personal data", "Title"),
    "updated_at": pgettext_lazy("personal data", "Updated on"),
    "url": pgettext_lazy("personal data", "Address"),
    "withdrawal_reason": pgettext_lazy("personal data", "Reason for withdrawal"),
}


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


def apply_retention(now):
    """Files chosen before « Aperçu » and never published: kept a day, then deleted."""
    from .pending import clean_pending_uploads

    return {"unpublished proposal files deleted": clean_pending_uploads(now)}
