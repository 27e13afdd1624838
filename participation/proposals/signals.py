"""Keep comment_count exact: a discussion app (the comments) signals inside its own transaction.

The signals are the frame's, so the proposals need no comments app: without one, nobody sends them.
"""

from django.dispatch import receiver

from consultations.discussions import comment_added, comment_deleted

from .models import Proposal
from .services import adjust_comment_count


@receiver(comment_added, sender=Proposal)
def count_added_comment(sender, comment, **kwargs):
    adjust_comment_count(comment.object_id, +1)


@receiver(comment_deleted, sender=Proposal)
def count_deleted_comment(sender, comment, **kwargs):
    adjust_comment_count(comment.object_id, -1)
