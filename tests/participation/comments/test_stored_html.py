"""A comment's body is rendered and sanitised once, when written: pages print what nh3 produced,
edits re-render it, payloads stay inert, and the migrations fill the rows written before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from consultations.text import render_markdown
from participation.comments import services
from participation.comments.models import Comment
from tests.factories import EventFactory, UserFactory
from tests.security.html_safety import fragment_problems
from tests.security.xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db

def test_the_stored_html_is_what_the_sanitiser_produces(citizen):
    event = EventFactory()
    posted = services.add_comment(citizen, event, "Un **jardin** et [un lien](https://example.org)")
    assert posted.body_html == str(render_markdown(posted.body))
    assert Comment.objects.get(pk=posted.pk).body_html == posted.body_html
    assert "<strong>jardin</strong>" in posted.body_html and 'rel="noopener noreferrer nofollow ugc"' in posted.body_html


def test_an_edit_renders_again(citizen):
    posted = services.add_comment(citizen, EventFactory(), "Avant")
    services.edit_comment(citizen, posted, "Après *modification*")
    assert Comment.objects.get(pk=posted.pk).body_html == "<p>Après <em>modification</em></p>\n"


@pytest.mark.parametrize("payload", PAYLOADS[::5])
def test_a_poisoned_body_is_stored_inert(payload):
    stored = Comment.objects.create(target=EventFactory(), author=UserFactory(), body=payload)
    assert stored.body_html == str(render_markdown(payload))
    assert fragment_problems(stored.body_html) == []


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.mark.django_db(transaction=True)
def test_the_migrations_fill_the_rows_written_before_them():
    event, author = EventFactory(), UserFactory()
    migrate(("comments", "0006_remove_comment_council"))
    with connection.cursor() as cursor:
        insert = (
            "INSERT INTO comments_comment (content_type_id, object_id, parent_id, depth, author_id, body, position,"
            " notify_replies, created_at, moderation_status) VALUES (%s, %s, %s, %s, %s, %s, '', true, %s, 'visible') RETURNING id"
        )
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone

        kind = ContentType.objects.get_for_model(event).pk
        cursor.execute(insert, [kind, event.pk, None, 0, author.pk, "**Ancien**", timezone.now()])
        root = cursor.fetchone()[0]
        cursor.execute(insert, [kind, event.pk, root, 1, author.pk, "<script>alert(1)</script> réponse", timezone.now()])
        reply_id = cursor.fetchone()[0]
        cursor.execute(insert, [kind, event.pk, reply_id, 2, author.pk, "plus bas", timezone.now()])
    migrate(("comments", "0008_comment_root"))
    old, reply, deeper = Comment.objects.filter(object_id=event.pk).order_by("depth")
    assert old.body_html == "<p><strong>Ancien</strong></p>\n"
    assert "<script" not in reply.body_html and "réponse" in reply.body_html
    assert (old.root_id, reply.root_id, deeper.root_id) == (None, old.pk, old.pk)
