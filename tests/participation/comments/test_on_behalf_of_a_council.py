"""Comments on behalf of a citizen council, where the councils are installed (their speaker): the
choice in the form, the council on the page, in the API, the export and the person's data."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from consultations.identity import public_name
from consultations.refusals import Refused
from participation.comments import services
from participation.comments.models import Comment
from tests.factories import EventFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory, member_of

pytestmark = pytest.mark.needs_apps("participation.councils")


@pytest.fixture
def sanitas(council_member, db):
    council = CouncilFactory(name="Conseil citoyen de Tours – Le Sanitas", slug="tours-sanitas")
    member_of(council, council_member)
    return council


def test_a_member_picks_the_council_in_the_form_and_the_page_names_it(council_member, sanitas, client_for, db):
    event = EventFactory()
    page = client_for(council_member).get(event.get_absolute_url()).content.decode()
    assert "Publier au nom de" in page and "Conseil citoyen de Tours – Le Sanitas" in page
    client_for(council_member).post(
        reverse("comments:add", args=["consultations.event", event.pk]), {"body": "Le conseil viendra", "council": sanitas.pk}
    )
    comment = Comment.objects.get()
    assert (comment.on_behalf_type.model, comment.on_behalf_id) == ("council", sanitas.pk)
    page = client_for(None).get(event.get_absolute_url()).content.decode()
    assert "<strong>Conseil citoyen de Tours – Le Sanitas</strong>" in page and public_name(council_member) in page


def test_a_citizen_outside_the_council_is_offered_no_choice_and_refused(citizen, sanitas, client_for, db):
    event = EventFactory()
    assert "Publier au nom de" not in client_for(citizen).get(event.get_absolute_url()).content.decode()
    response = client_for(citizen).post(
        reverse("comments:add", args=["consultations.event", event.pk]), {"body": "Au nom du conseil", "council": sanitas.pk},
        follow=True,
    )
    assert "Vous n’êtes pas membre de ce conseil." in response.content.decode()
    assert not Comment.objects.exists()
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, event, "Au nom du conseil", on_behalf_of=sanitas)
    assert (refused.value.code, refused.value.status) == ("not_member", 403)


def test_the_api_takes_and_gives_the_council_slug(council_member, citizen, sanitas, db):
    event = EventFactory()
    client = APIClient()
    client.force_authenticate(council_member)
    payload = {"target": "consultations.event", "object_id": event.pk, "body": "Nous y serons"}
    response = client.post("/api/comments/", {**payload, "council": "tours-sanitas"}, format="json")
    assert response.status_code == 201 and response.json()["council"] == "tours-sanitas"
    assert client.post("/api/comments/", {**payload, "council": "inconnu"}, format="json").status_code == 404
    mine = client.post("/api/comments/", {**payload, "body": "En mon nom"}, format="json").json()
    assert mine["council"] is None
    outsider = APIClient()
    outsider.force_authenticate(citizen)
    refused = outsider.post("/api/comments/", {**payload, "council": "tours-sanitas"}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "not_member"
    thread = APIClient().get("/api/comments/", {"target": "consultations.event", "object_id": event.pk}).json()
    assert [row["council"] for row in thread["results"]] == ["tours-sanitas", None]


@pytest.mark.parametrize("size", [2, 12])
def test_the_thread_reads_its_councils_in_one_query(size, django_assert_max_num_queries, db):
    event = EventFactory()
    councils = [CouncilFactory(), CouncilFactory()]
    for n in range(size):
        author = UserFactory()
        council = councils[n % 2]
        member_of(council, author)
        parent = services.add_comment(author, event, f"Commentaire {n}", on_behalf_of=council)
        services.add_comment(UserFactory(), event, f"Réponse {n}", parent=parent)
    with django_assert_max_num_queries(5):
        response = APIClient().get("/api/comments/", {"target": "consultations.event", "object_id": event.pk})
    assert {row["council"] for row in response.json()["results"]} == {None, councils[0].slug, councils[1].slug}


@pytest.mark.needs_apps("participation.exports")
def test_the_council_name_is_in_the_export_and_the_members_data(council_member, sanitas, db):
    from participation.comments.exports import comment_rows
    from participation.comments.privacy import user_data
    from participation.exports.scope import Scope

    event = EventFactory()
    services.add_comment(council_member, event, "Au nom du conseil", on_behalf_of=sanitas)
    services.add_comment(council_member, event, "En mon nom")
    rows = list(comment_rows(Scope()))
    assert [row["on_behalf_of"] for row in rows] == ["Conseil citoyen de Tours – Le Sanitas", ""]
    assert [item["on_behalf_of"] for item in user_data(council_member)["comments"]] == [
        "Conseil citoyen de Tours – Le Sanitas", None,
    ]
