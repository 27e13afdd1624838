"""Sent inside the transaction that adds or deletes a comment, so counters stay exact."""

from django.dispatch import Signal

# Both send comment=<Comment>; the sender is the model class of the commented object.
comment_added = Signal()
comment_deleted = Signal()
