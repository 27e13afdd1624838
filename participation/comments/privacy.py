"""What the comments app holds about a person, and what goes when they delete their account.

Comments stay in their threads (signed by the anonymised account); reply emails stop.
"""

from consultations.privacy import iso

from .models import Comment


def user_data(user):
    # The generic target is prefetched: one query per kind of commented content, not per comment.
    comments = (
        Comment.objects.filter(author=user)
        .select_related("council")
        .prefetch_related("target")
        .order_by("created_at", "pk")
    )
    return {
        "comments": [
            {
                "body": comment.body,
                "on": str(comment.target) if comment.target is not None else None,
                "url": comment.url,
                "in_reply_to": comment.parent_id,
                "position": comment.get_position_display() or None,
                "on_behalf_of": comment.council.name if comment.council_id else None,
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
