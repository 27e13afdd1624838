from django.contrib.contenttypes.models import ContentType

from consultations.speakers import group_key
from participation.comments.models import Comment


def comment(target, author, body, parent=None, council=None, **fields):
    """A comment row as the service leaves it, without its checks; ``council``: the group it speaks
    for (stored as the speakers' content type and id)."""
    on_behalf_type, on_behalf_id = group_key(council)
    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        author=author,
        on_behalf_type=on_behalf_type,
        on_behalf_id=on_behalf_id,
        body=body,
        **fields,
    )
