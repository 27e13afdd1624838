"""Sent inside the transaction that adds or deletes a comment, so counters stay exact.

They are the frame's (``consultations.discussions``): a plugin that counts comments receives them
without importing this app.
"""

from consultations.discussions import comment_added, comment_deleted

__all__ = ["comment_added", "comment_deleted"]
