from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from consultations.conf import get_setting
from consultations.moderation import readable_by

from .models import Comment


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
        "site_name": get_setting("SITE_NAME"),
        "url": get_setting("SITE_URL").rstrip("/") + (target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"),
    }
    with translation.override("fr"):
        subject = " ".join(render_to_string("comments/email/reply_subject.txt", context).split())
        body = render_to_string("comments/email/reply_body.txt", context)
    send_mail(subject, body, None, [parent.author.email])
