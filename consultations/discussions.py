"""A discussion under any content: what a discussion app (the comments) offers the other plugins.

The comments register, in their ``AppConfig.ready()``, how a thread is shown::

    from consultations.discussions import discussions

    discussions.register(render=comment_thread)   # (context, target) -> HTML

and send ``comment_added`` / ``comment_deleted`` (sender: the model class of the commented object,
``comment=<the comment>``, whose ``object_id`` is the commented object's id) inside the transaction that
adds or deletes a comment. Any plugin keeps its own counter exact by receiving them, and shows the
thread with ``{% discussion obj %}`` (``participation_host`` tag library), which renders nothing
when no discussion app is installed. ``{% has_discussion as flag %}`` hides a comment count that
would always be zero.
"""

from django.dispatch import Signal

comment_added = Signal()
comment_deleted = Signal()


class Discussions:
    def __init__(self):
        self._render = None

    def register(self, *, render):
        if self._render is not None and self._render != render:
            raise ValueError("A different discussion app is already registered.")
        self._render = render
        return render

    def unregister(self):
        """For a host (or a test) that wants the discussions off while the app stays installed: returns
        what was registered, to register it again."""
        render, self._render = self._render, None
        return render

    @property
    def available(self):
        return self._render is not None

    def render(self, context, target):
        return self._render(context, target) if self._render is not None else ""


discussions = Discussions()
