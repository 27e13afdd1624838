"""What the comments app holds about a person, and what goes when they delete their account.

Comments stay in their threads (signed by the anonymised account); reply emails stop.
"""

from django.utils.translation import pgettext_lazy

from consultations.privacy import iso
from consultations.speakers import attach_groups

from .models import Comment


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "body": pgettext_lazy("personal data", "Text"),
    "comments": pgettext_lazy("personal data", "Comments"),
    "deleted_at": pgettext_lazy("personal data", "Deleted on"),
    "edited_at": pgettext_lazy("personal data", "Edited on"),
    "email_me_on_replies": pgettext_lazy("personal data", "Email me on replies"),
    "in_reply_to": pgettext_lazy("personal data", "In reply to"),
    "moderation": pgettext_lazy("personal data", "Moderation"),
    "on": pgettext_lazy("personal data", "On"),
    "on_behalf_of": pgettext_lazy("personal data", "On behalf of"),
    "position": pgettext_lazy("personal data", "Position"),
    "posted_at": pgettext_lazy("personal data", "Posted on"),
    "url": pgettext_lazy("personal data", "Address"),
}


def user_data(user):
    # The generic target is prefetched: one query per kind of commented content, not per comment.
    comments = attach_groups(
        Comment.objects.filter(author=user).prefetch_related("target").order_by("created_at", "pk")
    )
    return {
        "comments": [
            {
                "body": comment.body,
                "on": str(comment.target) if comment.target is not None else None,
                "url": comment.url,
                "in_reply_to": comment.parent_id,
                "position": comment.get_position_display() or None,
                "on_behalf_of": str(comment.on_behalf_of) if comment.on_behalf_of is not None else None,
                "moderation": comment.get_moderation_status_display(),
                "email_me_on_replies": comment.notify_replies,
                "posted_at": comment.created_at.isoformat(),
                "edited_at": iso(comment.edited_at),
                "deleted_at": iso(comment.deleted_at),
            }
            for comment in comments
        ]
    }


def forget_user(user):
    Comment.objects.filter(author=user, notify_replies=True).update(notify_replies=False)
