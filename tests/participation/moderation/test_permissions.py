"""Role by role: who works the queue, reads the log, blocks, reports, asks for a review."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from participation.moderation import services
from participation.moderation.models import Block, Case, CaseStatus, Report
from tests.conftest import ROLES
from tests.factories import UserFactory

from .helpers import make_item, reported_case

pytestmark = pytest.mark.django_db

MODERATES = {"moderator", "staff"}


@pytest.mark.parametrize("role", ROLES)
def test_the_queue_pages_are_for_moderators_and_staff(role, user_for_role, client_for):
    user = user_for_role(role)
    case = reported_case(make_item("proposal"))
    client = client_for(user)
    for url in (reverse("moderation:queue"), reverse("moderation:case", args=[case.pk]), reverse("moderation:blocks")):
        response = client.get(url)
        if role == "visitor":
            assert response.status_code == 302 and "/compte/login/" in response["Location"]
        else:
            assert response.status_code == (200 if role in MODERATES else 403), url
    assert (user or AnonymousUser()).has_perm("moderation.moderate") is (role in MODERATES)


@pytest.mark.parametrize("role", ROLES)
def test_the_queue_api_is_for_moderators_and_staff(role, user_for_role, api_for):
    case = reported_case(make_item("comment"))
    client = api_for(user_for_role(role))
    for url in ("/api/moderation/cases/", f"/api/moderation/cases/{case.pk}/", "/api/moderation/blocks/"):
        response = client.get(url)
        expected = 200 if role in MODERATES else (401 if role == "visitor" else 403)
        assert response.status_code == expected, url
    response = client.post(f"/api/moderation/cases/{case.pk}/decision/", {"decision": "dismiss"}, format="json")
    assert response.status_code == (200 if role in MODERATES else (401 if role == "visitor" else 403))
    case.refresh_from_db()
    assert (case.status == CaseStatus.KEPT) is (role in MODERATES)


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_read_the_log(role, user_for_role, client_for, api_for):
    user = user_for_role(role)
    page = client_for(user).get(reverse("moderation:log"))
    api = api_for(user).get("/api/moderation/log/")
    if role == "visitor":
        assert page.status_code == 302 and api.status_code == 401
    else:
        assert page.status_code == (200 if role == "staff" else 403)
        assert api.status_code == (200 if role == "staff" else 403)
    assert (user or AnonymousUser()).has_perm("moderation.read_log") is (role == "staff")


@pytest.mark.parametrize("role", ROLES)
def test_who_may_block_a_citizen(role, user_for_role, client_for):
    user = user_for_role(role)
    target = UserFactory()
    assert (user or AnonymousUser()).has_perm("moderation.block_person", target) is (role in MODERATES)
    response = client_for(user).post(reverse("moderation:block", args=[target.pk]), {"duration": "7", "reason": "Insultes"})
    if role == "visitor":
        assert response.status_code == 302 and "/compte/login/" in response["Location"]
    elif role in MODERATES:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
    assert Block.objects.filter(user=target).exists() is (role in MODERATES)


@pytest.mark.parametrize("target_role", ["moderator", "staff"])
@pytest.mark.parametrize("actor_role", ["moderator", "staff"])
def test_staff_and_moderators_cannot_be_blocked_here(actor_role, target_role, request, client_for, api_for):
    actor = request.getfixturevalue(actor_role)
    target = UserFactory(roles=["moderator"]) if target_role == "moderator" else UserFactory(is_staff=True)
    assert not actor.has_perm("moderation.block_person", target)
    assert client_for(actor).get(reverse("moderation:block", args=[target.pk])).status_code == 403
    response = api_for(actor).post("/api/moderation/blocks/", {"user": target.pk, "reason": "Non"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert not Block.objects.exists()


@pytest.mark.parametrize("role", ["moderator", "staff"])
def test_nobody_blocks_themselves(role, request, api_for):
    actor = request.getfixturevalue(role)
    assert not actor.has_perm("moderation.block_person", actor)
    response = api_for(actor).post("/api/moderation/blocks/", {"user": actor.pk, "reason": "Test"}, format="json")
    assert response.status_code == 403
    assert not Block.objects.exists()


def test_the_case_page_offers_to_block_a_citizen_author_but_not_a_moderator(moderator, client_for):
    citizen_case = reported_case(make_item("proposal"))
    moderator_case = reported_case(make_item("proposal", author=UserFactory(roles=["moderator"])))
    client = client_for(moderator)
    page = client.get(citizen_case.get_absolute_url()).text
    assert reverse("moderation:block", args=[citizen_case.author_id]) in page
    assert "bloqué·e" not in page
    assert reverse("moderation:block", args=[moderator_case.author_id]) not in client.get(moderator_case.get_absolute_url()).text
    services.block(moderator, citizen_case.author, "Spam répété", days=7)
    page = client.get(citizen_case.get_absolute_url()).text
    assert reverse("moderation:block", args=[citizen_case.author_id]) not in page
    assert "bloqué·e" in page


@pytest.mark.parametrize("role", ROLES)
def test_verified_people_report_visitors_are_sent_to_log_in(role, user_for_role, client_for, api_for):
    user = user_for_role(role)
    proposal = make_item("proposal")
    url = reverse("moderation:report", args=["proposal", proposal.pk])
    response = client_for(user).post(url, {"reason": "spam"})
    if role == "visitor":
        assert response.status_code == 302 and response["Location"].startswith("/compte/login/")
        assert api_for(None).post("/api/reports/", {"kind": "proposal", "object_id": proposal.pk, "reason": "spam"},
                                  format="json").status_code == 401
        assert not Report.objects.exists()
    else:
        assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
        assert Report.objects.filter(reporter=user, case__object_id=proposal.pk).exists()


def test_an_unverified_account_cannot_report(unverified_user, client_for, api_for):
    proposal = make_item("proposal")
    page = client_for(unverified_user).post(reverse("moderation:report", args=["proposal", proposal.pk]), {"reason": "spam"})
    assert page.status_code == 200  # the form again, with the refusal
    assert page.context["form"].non_field_errors()
    api = api_for(unverified_user).post("/api/reports/", {"kind": "proposal", "object_id": proposal.pk, "reason": "spam"},
                                        format="json")
    assert api.status_code == 403 and api.json()["code"] == "unverified"
    assert not Report.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_author_may_ask_a_review_of_hidden_content(role, user_for_role, moderator):
    user = user_for_role(role)
    author = user if user is not None else UserFactory()
    case = reported_case(make_item("comment", author=author))
    services.hide(moderator, case, "Propos injurieux")
    case.refresh_from_db()
    other = UserFactory()
    assert (user or AnonymousUser()).has_perm("moderation.request_review", case) is (user is not None)
    assert not other.has_perm("moderation.request_review", case)


def test_no_review_of_visible_content(citizen):
    case = reported_case(make_item("proposal", author=citizen))
    assert case.status == CaseStatus.REPORTED
    assert not citizen.has_perm("moderation.request_review", case)
    assert not citizen.has_perm("moderation.request_review", Case(status=CaseStatus.KEPT, author=citizen))


@pytest.mark.parametrize("role", ROLES)
def test_the_header_links_to_the_queue_for_moderators_and_staff(role, user_for_role, client_for):
    page = client_for(user_for_role(role)).get(reverse("proposals:list"))
    assert (f'href="{reverse("moderation:queue")}"' in page.text) is (role in MODERATES)
