from django.utils.translation import gettext as _

from consultations.moderation import readable_by
from consultations.notifications import notification, site_url
from consultations.outbox import send_once

from .models import Comment


def describe_reply_emails(user_id, comment_id):
    comment = Comment.objects.filter(pk=comment_id, author_id=user_id).first()
    if comment is None:
        return None
    target = comment.target
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
    return _("emails about replies to your comment on “%(title)s”") % {"title": target}, url


def stop_reply_emails(user_id, comment_id):
    Comment.objects.filter(pk=comment_id, author_id=user_id).update(notify_replies=False)


def send_reply_message(comment_id):
    """Tell the parent's author that someone replied (they may have turned it off since)."""
    comment = Comment.objects.select_related("author", "parent__author").get(pk=comment_id)
    parent = comment.parent
    if parent is None or parent.author is None or not parent.notify_replies:
        return
    # Read at send time: the reply must still be something its reader may see where it is published.
    if not readable_by(comment, parent.author):
        return
    target = comment.target
    context = {
        "comment": comment,
        "parent": parent,
        "target": target,
        "url": site_url(target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"),
    }
    message = notification(
        user=parent.author, topic="comment_replies", key=parent.pk, template="comments/email/reply", context=context
    )
    send_once(message, task="comments/reply")
