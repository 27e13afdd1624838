"""Comments where no app offers to speak on behalf of a group (a host without the councils, or one
that turned the speaker off): no choice in the form, no field in the API, every comment its author's."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from consultations.speakers import speakers
from participation.comments import services
from participation.comments.models import Comment
from tests.factories import EventFactory


@pytest.fixture(autouse=True)
def no_speaker():
    removed = [speaker for speaker in speakers if speakers.unregister(speaker.field)]
    yield
    for speaker in removed:
        speakers.register(speaker)


def test_the_form_offers_no_group_and_the_comment_is_the_authors(council_member, client_for, db):
    event = EventFactory()
    page = client_for(council_member).get(event.get_absolute_url()).content.decode()
    assert "Ajouter un commentaire" in page and "Publier au nom de" not in page
    client_for(council_member).post(
        reverse("comments:add", args=["consultations.event", event.pk]), {"body": "En mon nom", "council": "1"}
    )
    comment = Comment.objects.get()
    assert (comment.body, comment.on_behalf_type, comment.on_behalf_id) == ("En mon nom", None, None)
    assert "En mon nom" in client_for(None).get(event.get_absolute_url()).content.decode()


def test_the_api_has_no_council_field(citizen, db):
    event = EventFactory()
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.post(
        "/api/comments/",
        {"target": "consultations.event", "object_id": event.pk, "body": "Bonjour", "council": "un-conseil"},
        format="json",
    )
    assert response.status_code == 201 and "council" not in response.json()
    services.add_comment(citizen, event, "Encore")
    thread = client.get("/api/comments/", {"target": "consultations.event", "object_id": event.pk}).json()
    assert thread["count"] == 2 and all("council" not in row for row in thread["results"])
