from datetime import timedelta

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from consultations.models import StepKind
from consultations.moderation import ModerationStatus
from consultations.refusals import Refused
from participation.proposals import services
from participation.proposals.models import Proposal, Support
from tests.factories import UserFactory
from tests.participation.councils.factories import CouncilFactory, member_of

from .factories import ProposalFactory, consultation_with_step


def counts(proposal):
    proposal.refresh_from_db()
    return proposal.support_count, Support.objects.filter(proposal=proposal).count()


def test_one_support_per_citizen(citizen, initiative):
    services.cast_support(citizen, initiative)
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, initiative)
    assert refused.value.message == "Vous soutenez déjà cette proposition."
    assert refused.value.status == 409
    assert counts(initiative) == (1, 1)


def test_the_database_refuses_a_second_support_row(citizen, initiative):
    from django.db import IntegrityError, transaction

    Support.objects.create(proposal=initiative, user=citizen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=initiative, user=citizen)


def test_a_support_is_withdrawn_while_the_step_is_open(citizen, supports_consultation):
    proposal = ProposalFactory(consultation=supports_consultation, support_threshold=None)
    services.cast_support(citizen, proposal)
    services.withdraw_support(citizen, proposal)
    assert counts(proposal) == (0, 0)
    with pytest.raises(Refused) as refused:
        services.withdraw_support(citizen, proposal)
    assert refused.value.message == "Vous ne soutenez pas cette proposition."


def test_supports_are_refused_outside_the_supports_step(citizen, proposals_consultation):
    proposal = ProposalFactory(consultation=proposals_consultation, support_threshold=None)
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, proposal)
    assert refused.value.message == "Les soutiens ne sont pas ouverts pour cette proposition."


def test_a_support_cannot_be_withdrawn_once_the_step_is_over(citizen, time_machine):
    consultation = consultation_with_step(StepKind.SUPPORTS)
    proposal = ProposalFactory(consultation=consultation, support_threshold=None)
    services.cast_support(citizen, proposal)
    time_machine.move_to(timezone.now() + timedelta(days=30))
    with pytest.raises(Refused) as refused:
        services.withdraw_support(citizen, proposal)
    assert refused.value.code == "step_closed"
    assert counts(proposal) == (1, 1)


def test_the_consultation_limit_holds(citizen):
    consultation = consultation_with_step(StepKind.SUPPORTS, support_limit=2)
    first, second, third = (ProposalFactory(consultation=consultation, support_threshold=None) for _ in range(3))
    services.cast_support(citizen, first)
    services.cast_support(citizen, second)
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, third)
    assert refused.value.message == (
        "Vous avez atteint la limite de 2 soutiens dans cette consultation : "
        "retirez-en un pour soutenir cette proposition."
    )
    services.withdraw_support(citizen, first)
    services.cast_support(citizen, third)
    assert Support.objects.filter(user=citizen).count() == 2


def test_a_withdrawn_proposal_takes_no_support(citizen, initiative):
    services.withdraw_proposal(initiative.author, initiative, "Doublon")
    initiative.refresh_from_db()
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, initiative)
    assert refused.value.message == "Cette proposition a été retirée."


def test_a_council_supports_once_as_a_council(council_member, initiative):
    council = CouncilFactory()
    member_of(council, council_member)
    other_member = member_of(council, UserFactory()).user
    services.cast_support(council_member, initiative, council)
    services.cast_support(council_member, initiative)  # and once personally
    with pytest.raises(Refused) as refused:
        services.cast_support(other_member, initiative, council)
    assert refused.value.code == "duplicate"
    assert counts(initiative) == (2, 2)


def test_supporting_for_a_council_needs_membership(citizen, initiative):
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, initiative, CouncilFactory())
    assert refused.value.message == "Vous n’êtes pas membre de ce conseil."


def test_the_support_button_works_without_javascript(citizen, client_for, initiative):
    client = client_for(citizen)
    url = reverse("proposals:support", args=[initiative.pk])
    response = client.post(url, {"action": "add"}, follow=True)
    assert "Merci pour votre soutien." in response.content.decode()
    assert "Retirer mon soutien" in response.content.decode()
    response = client.post(url, {"action": "add"}, follow=True)
    assert "Vous soutenez déjà cette proposition." in response.content.decode()
    assert counts(initiative) == (1, 1)


def test_the_support_button_swaps_itself_with_htmx(citizen, client_for, initiative):
    client = client_for(citizen)
    url = reverse("proposals:support", args=[initiative.pk])
    response = client.post(url, {"action": "add"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'aria-live="polite"' in html and "1 soutien" in html and "Retirer mon soutien" in html
    response = client.post(url, {"action": "remove"}, headers={"HX-Request": "true"})
    assert "0 soutien" in response.content.decode()
    assert Proposal.objects.get(pk=initiative.pk).support_count == 0


def test_a_visitor_is_sent_to_log_in(client_for, initiative):
    response = client_for(None).post(reverse("proposals:support", args=[initiative.pk]), {"action": "add"})
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "Connectez-vous pour soutenir" in client_for(None).get(initiative.get_absolute_url()).content.decode()


def test_page_writes_are_rate_limited(citizen, client_for, initiative, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "WRITES_PER_MINUTE": 3}
    client = client_for(citizen)
    url = reverse("proposals:support", args=[initiative.pk])
    for action in ("add", "remove", "add"):
        assert client.post(url, {"action": action}).status_code == 302
    response = client.post(url, {"action": "remove"})
    assert response.status_code == 429
    assert "Vous allez trop vite" in response.content.decode()
    assert counts(initiative) == (1, 1)


def _close(proposal, how, staff):
    if how == "withdrawn":
        services.withdraw_proposal(proposal.author, proposal, "Doublon d'une autre proposition")
    elif how == "hidden":  # what the moderation's hide does to the proposal's row
        Proposal.objects.filter(pk=proposal.pk).update(moderation_status=ModerationStatus.HIDDEN)
    else:
        services.answer_proposal(staff, proposal, state=how, text="La ville a étudié la proposition.")
    proposal.refresh_from_db()


@pytest.mark.parametrize("how", ["withdrawn", "accepted", "rejected", "implemented", "hidden"])
def test_a_support_on_a_proposal_closed_since_frees_its_place_in_the_limit(citizen, staff, how):
    consultation = consultation_with_step(StepKind.SUPPORTS, support_limit=2)
    closed, kept, new = (ProposalFactory(consultation=consultation, support_threshold=None) for _ in range(3))
    services.cast_support(citizen, closed)
    services.cast_support(citizen, kept)
    _close(closed, how, staff)

    services.cast_support(citizen, new)

    assert counts(closed) == (1, 1)  # the support given stays, as given
    assert counts(new) == (1, 1)
    assert services.counted_supports(citizen, consultation).count() == 2


@pytest.mark.parametrize("how,code", [
    ("withdrawn", "withdrawn"), ("accepted", "answered"), ("rejected", "answered"),
    ("implemented", "answered"), ("hidden", "hidden"),
])
def test_withdrawing_a_support_on_a_closed_proposal_says_why_it_stays(citizen, staff, how, code):
    consultation = consultation_with_step(StepKind.SUPPORTS, support_limit=2)
    proposal = ProposalFactory(consultation=consultation, support_threshold=None)
    services.cast_support(citizen, proposal)
    _close(proposal, how, staff)
    with pytest.raises(Refused) as refused:
        services.withdraw_support(citizen, proposal)
    assert refused.value.code == code
    assert refused.value.status == 409
    assert refused.value.message.endswith(
        "Votre soutien reste tel qu’il a été donné, et ne compte plus dans votre limite de soutiens."
    )
    assert counts(proposal) == (1, 1)


def test_the_limit_refusal_is_true_every_counted_support_can_be_withdrawn(citizen, staff):
    consultation = consultation_with_step(StepKind.SUPPORTS, support_limit=2)
    first, second, answered, third = (
        ProposalFactory(consultation=consultation, support_threshold=None) for _ in range(4)
    )
    for proposal in (answered, first):
        services.cast_support(citizen, proposal)
    _close(answered, "accepted", staff)
    services.cast_support(citizen, second)
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, third)
    assert refused.value.code == "limit_reached"
    assert "retirez-en un" in refused.value.message
    for counted in services.counted_supports(citizen, consultation).select_related("proposal"):
        services.withdraw_support(citizen, counted.proposal)  # « retirez-en un » can be done
    services.cast_support(citizen, third)
    assert [counts(p) for p in (first, second, answered, third)] == [(0, 0), (0, 0), (1, 1), (1, 1)]


def test_an_answered_proposal_takes_no_new_support(citizen, staff):
    consultation = consultation_with_step(StepKind.SUPPORTS)
    proposal = ProposalFactory(consultation=consultation, support_threshold=None)
    _close(proposal, "rejected", staff)
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, proposal)
    assert (refused.value.code, refused.value.message) == (
        "answered", "Cette proposition a reçu sa réponse officielle : les soutiens sont fermés."
    )
