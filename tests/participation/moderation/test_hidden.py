"""Hidden content keeps its row and shows a neutral marker, never its text."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.moderation import services
from participation.surveys.models import Answer
from tests.factories import UserFactory

from .helpers import make_item, reported_case

pytestmark = pytest.mark.django_db

MARKER = "Ce contenu a été masqué par la modération."
COMMENT_MARKER = "Commentaire masqué par la modération"


def hide(obj, moderator, reason="Propos injurieux"):
    case = reported_case(obj)
    services.hide(moderator, case, reason)
    obj.refresh_from_db()
    return case


@pytest.mark.parametrize("role", ["visitor", "citizen"])
def test_a_hidden_proposal_shows_the_marker(role, user_for_role, moderator, client_for):
    proposal = make_item("proposal", title="Titre injurieux", body="Corps injurieux")
    hide(proposal, moderator)
    page = client_for(user_for_role(role)).get(proposal.get_absolute_url())
    assert page.status_code == 200
    assert MARKER in page.text
    assert "Titre injurieux" not in page.text and "Corps injurieux" not in page.text
    assert "Titre injurieux" not in client_for(None).get(reverse("proposals:list")).text
    data = client_for(user_for_role(role)).get(f"/api/proposals/{proposal.pk}/").json()
    assert data["moderation_status"] == "hidden"
    assert (data["title"], data["body"], data["author"]) == ("", "", None)


def test_moderators_still_read_hidden_content(moderator, client_for):
    proposal = make_item("proposal", title="Titre injurieux")
    hide(proposal, moderator)
    page = client_for(moderator).get(proposal.get_absolute_url())
    assert "Titre injurieux" in page.text and MARKER not in page.text
    assert client_for(moderator).get(f"/api/proposals/{proposal.pk}/").json()["title"] == "Titre injurieux"


def test_the_author_is_told_an_email_explains_why(moderator, client_for):
    proposal = make_item("proposal", title="Titre injurieux")
    hide(proposal, moderator)
    page = client_for(proposal.author).get(proposal.get_absolute_url())
    assert MARKER in page.text and "Titre injurieux" not in page.text
    assert "Nous vous avons envoyé le motif par e-mail" in page.text
    assert "Nous vous avons envoyé le motif par e-mail" not in client_for(UserFactory()).get(proposal.get_absolute_url()).text


def test_a_hidden_comment_in_the_thread_and_the_api(moderator, client_for, api_for):
    proposal = make_item("proposal")
    comment = make_item("comment", target=proposal, body="Commentaire injurieux")
    hide(comment, moderator)
    page = client_for(None).get(proposal.get_absolute_url())
    assert COMMENT_MARKER in page.text and "Commentaire injurieux" not in page.text
    [row] = api_for().get("/api/comments/", {"target": "proposals.proposal", "object_id": proposal.pk}).json()["results"]
    assert row["id"] == comment.pk and row["moderation_status"] == "hidden"
    assert row["body"] == "" and row["author"] in (None, "", {})
    assert comment.author.display_name not in str(row)


def test_a_hidden_council_leaves_the_api_list_and_the_filter_box(moderator, client_for, api_for):
    council = make_item("council", name="Conseil injurieux", description="Présentation injurieuse")
    hide(council, moderator)
    assert "Conseil injurieux" not in client_for(None).get(reverse("proposals:list")).text
    listing = api_for().get("/api/councils/").json()
    assert council.slug not in [row["slug"] for row in listing["results"]]
    detail = api_for(UserFactory()).get(f"/api/councils/{council.slug}/").json()
    assert (detail["moderation_status"], detail["name"], detail["description"]) == ("hidden", "", "")
    assert api_for(moderator).get(f"/api/councils/{council.slug}/").json()["name"] == "Conseil injurieux"


def test_a_hidden_council_presentation(moderator, client_for):
    council = make_item("council", name="Conseil injurieux", description="Présentation injurieuse")
    hide(council, moderator)
    page = client_for(UserFactory()).get(council.get_absolute_url())
    assert page.status_code == 200 and MARKER in page.text
    assert "Présentation injurieuse" not in page.text
    assert "Conseil injurieux" not in client_for(None).get(reverse("councils:list")).text


def test_a_hidden_free_text_answer_leaves_the_results(moderator, client_for):
    answer = make_item("answer")  # in a questionnaire whose results are published
    questionnaire = answer.question.questionnaire
    other = Answer.objects.create(
        response=answer.response.__class__.objects.create(questionnaire=questionnaire, user=UserFactory()),
        question=answer.question, text="Une autre réponse, correcte",
    )
    results = client_for(None).get(questionnaire.get_results_url())
    assert "Une réponse libre à signaler" in results.text
    assert reverse("moderation:report", args=["answer", answer.pk]) in results.text
    hide(answer, moderator)
    results = client_for(None).get(questionnaire.get_results_url())
    assert "Une réponse libre à signaler" not in results.text
    assert other.text in results.text


def test_hidden_content_keeps_its_row(moderator):
    comment = make_item("comment", body="Gardé en base")
    hide(comment, moderator)
    assert type(comment).objects.get(pk=comment.pk).body == "Gardé en base"


def test_answering_again_does_not_undo_a_hiding(moderator):
    from participation.surveys import services as survey_services
    from tests.participation.surveys.fixtures import make_questionnaire, valid_raw

    questionnaire, q, choices = make_questionnaire()
    questionnaire.results_published_at = timezone.now()
    questionnaire.save(update_fields=["results_published_at"])
    author = UserFactory()
    raw = valid_raw(q, choices)
    survey_services.submit_answers(questionnaire, author, raw)
    answer = Answer.objects.get(question=q["long"], response__user=author)
    hide(answer, moderator)
    survey_services.submit_answers(questionnaire, author, raw)  # the same text, sent again
    assert not Answer.objects.filter(question=q["long"], response__user=author, moderation_status="visible").exists()


def test_the_author_cannot_rewrite_a_hidden_proposal(moderator, client_for, api_for):
    """A restore must publish the text the moderators read."""
    proposal = make_item("proposal", title="Titre injurieux", body="Corps injurieux")
    hide(proposal, moderator)
    author = proposal.author
    assert not author.has_perm("proposals.change_proposal", proposal)
    response = api_for(author).patch(f"/api/proposals/{proposal.pk}/", {"title": "Titre poli", "body": "Corps poli"}, format="json")
    assert response.status_code == 409
    assert response.json() == {"detail": "Cette proposition a été masquée par la modération.", "code": "hidden"}
    proposal.refresh_from_db()
    assert proposal.title == "Titre injurieux"
