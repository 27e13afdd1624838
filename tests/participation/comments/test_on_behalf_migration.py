"""Migrations 0005-0006 on a database migrated when a comment still had its ``council_id`` column
(a foreign key to the councils, indexed): each council moves to the comment's on-behalf pair, then
the column goes. A database that never had the column (a host without the councils) passes through."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from participation.comments.models import Comment
from tests.factories import EventFactory, UserFactory

BEFORE = [("comments", "0004_on_behalf_fields")]
# Through 0006, up to the migration the current model matches (0007-0008 add the stored HTML and the root).
AFTER = [("comments", "0008_comment_root")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def columns():
    with connection.cursor() as cursor:
        return {column.name for column in connection.introspection.get_table_description(cursor, "comments_comment")}


def add_the_old_column():
    """What 0002 used to create: council_id, a nullable foreign key to councils_council, indexed."""
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE comments_comment ADD COLUMN council_id bigint NULL "
            "REFERENCES councils_council (id) DEFERRABLE INITIALLY DEFERRED"
        )
        cursor.execute("CREATE INDEX comments_comment_council_id_old ON comments_comment (council_id)")


@pytest.mark.needs_apps("participation.councils")
@pytest.mark.django_db(transaction=True)
def test_an_old_database_keeps_every_council_and_loses_the_column():
    from tests.participation.councils.factories import CouncilFactory

    event, author = EventFactory(), UserFactory()
    council = CouncilFactory(name="Conseil citoyen des Clos")
    spoken = Comment.objects.create(target=event, author=author, body="Au nom du conseil")
    own = Comment.objects.create(target=event, author=author, body="En mon nom")
    migrate(BEFORE)
    add_the_old_column()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE comments_comment SET council_id = %s WHERE id = %s", [council.pk, spoken.pk])

    migrate(AFTER)
    assert "council_id" not in columns()
    spoken, own = Comment.objects.get(pk=spoken.pk), Comment.objects.get(pk=own.pk)
    assert (spoken.on_behalf_type.model_class(), spoken.on_behalf_id) == (council.__class__, council.pk)
    assert (own.on_behalf_type, own.on_behalf_id) == (None, None)
    assert (spoken.body, spoken.author, spoken.content_type.model) == ("Au nom du conseil", author, "event")


@pytest.mark.django_db(transaction=True)
def test_a_database_without_the_old_column_passes_through():
    event = EventFactory()
    comment = Comment.objects.create(target=event, author=UserFactory(), body="Bonjour")
    migrate(BEFORE)
    migrate(AFTER)
    assert "council_id" not in columns()
    assert Comment.objects.get(pk=comment.pk).on_behalf_id is None
