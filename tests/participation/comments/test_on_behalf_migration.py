"""Migrations 0004-0006: the council a comment spoke for (its old foreign key) becomes its speaker's
content type and id, and back; no comment loses its council on the way."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from participation.comments.models import Comment
from tests.factories import EventFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory

BEFORE = [("comments", "0004_on_behalf_fields")]
AFTER = [("comments", "0006_remove_comment_council")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_council_of_each_comment_moves_to_on_behalf_and_back():
    event, author = EventFactory(), UserFactory()
    council = CouncilFactory(name="Conseil citoyen des Clos")
    old_apps = migrate(BEFORE)
    old_comment = old_apps.get_model("comments", "Comment")
    event_type = old_apps.get_model("contenttypes", "ContentType").objects.get(app_label="consultations", model="event")
    common = {"content_type_id": event_type.pk, "object_id": event.pk, "author_id": author.pk}
    spoken = old_comment.objects.create(body="Au nom du conseil", council_id=council.pk, **common)
    own = old_comment.objects.create(body="En mon nom", **common)

    migrate(AFTER)
    spoken, own = Comment.objects.get(pk=spoken.pk), Comment.objects.get(pk=own.pk)
    assert (spoken.on_behalf_type.model_class(), spoken.on_behalf_id) == (council.__class__, council.pk)
    assert (own.on_behalf_type, own.on_behalf_id) == (None, None)

    back = migrate(BEFORE).get_model("comments", "Comment")
    assert back.objects.get(pk=spoken.pk).council_id == council.pk
    assert back.objects.get(pk=own.pk).council_id is None
    migrate(AFTER)
