"""Casting ballots: the rules of the vote, one ballot per person per envelope, codes used once."""

import pytest
from django.db import IntegrityError, transaction

from consultations.refusals import Refused
from participation.budgets import services
from participation.budgets.models import Ballot, BallotLine, Channel, Envelope, Project, VotingCode

from .fixtures import make_user

pytestmark = pytest.mark.django_db


def test_a_knapsack_ballot_within_the_envelope_is_saved_with_its_exact_total(budget, person):
    _budget, (source, _clos), p = budget()
    voter = person()
    ballot, created = services.cast_ballot(source, voter, [p["jardin"].pk, p["bancs"].pk])
    assert created and ballot.total_cents == 700_000 and ballot.confirmed_at is not None
    assert set(ballot.projects.values_list("title", flat=True)) == {"Jardin partagé", "Bancs et ombrières"}


def test_a_ballot_over_the_envelope_is_refused_in_french_and_nothing_is_saved(budget, person):
    _budget, (source, _clos), p = budget()
    with pytest.raises(Refused) as refused:
        services.cast_ballot(source, person(), [p["jardin"].pk, p["bancs"].pk, p["fresque"].pk])
    assert refused.value.code == "invalid_selection"
    assert "12\u00a0000\u00a0€" in refused.value.message and "10\u00a0000\u00a0€" in refused.value.message
    assert not Ballot.objects.exists()


def test_a_minimum_share_refuses_a_ballot_that_spends_too_little(budget, person):
    _budget, (source, _clos), p = budget(min_share_percent=50)
    with pytest.raises(Refused, match="au moins 5\u00a0000"):
        services.cast_ballot(source, person(), [p["bancs"].pk])


def test_approval_at_most_and_exactly_n(budget, person):
    _budget, (source, _clos), p = budget(rule="approval", max_projects=2)
    with pytest.raises(Refused, match="au plus 2 projets"):
        services.cast_ballot(source, person(), [p["jardin"].pk, p["bancs"].pk, p["fresque"].pk])
    _budget, (source, _clos), p = budget(rule="approval", max_projects=2, exactly=True)
    with pytest.raises(Refused, match="exactement 2 projets"):
        services.cast_ballot(source, person(), [p["jardin"].pk])


def test_an_unfeasible_or_foreign_project_is_not_on_the_ballot(budget, person):
    _budget, (source, _clos), p = budget()
    for project in (p["refuse"], p["aire"]):
        with pytest.raises(Refused) as refused:
            services.cast_ballot(source, person(), [project.pk])
        assert refused.value.code == "unknown_project"


def test_a_second_ballot_replaces_the_first(budget, person):
    _budget, (source, _clos), p = budget()
    voter = person()
    services.cast_ballot(source, voter, [p["jardin"].pk])
    ballot, created = services.cast_ballot(source, voter, [p["fresque"].pk])
    assert not created and Ballot.objects.count() == 1
    assert list(ballot.projects.values_list("title", flat=True)) == ["Fresque participative"]
    assert ballot.total_cents == 500_000


def test_the_database_refuses_two_ballots_of_one_person_in_one_envelope(budget, person):
    _budget, (source, _clos), _p = budget()
    voter = person()
    Ballot.objects.create(envelope=source, user=voter)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(envelope=source, user=voter)


def test_a_draft_is_counted_only_once_confirmed(budget, person):
    _budget, (source, _clos), p = budget()
    voter = person()
    ballot, _created = services.cast_ballot(source, voter, [p["jardin"].pk], confirm=False)
    assert ballot.confirmed_at is None
    assert services.confirm_ballot(source, voter).confirmed_at is not None


def test_voting_is_refused_when_closed_and_to_visitors_and_unverified(budget, person):
    from django.contrib.auth.models import AnonymousUser

    _budget, (source, _clos), p = budget(vote_open=False)
    with pytest.raises(Refused) as refused:
        services.cast_ballot(source, person(), [p["jardin"].pk])
    assert refused.value.code == "closed"
    _budget, (source, _clos), p = budget()
    with pytest.raises(Refused) as refused:
        services.cast_ballot(source, AnonymousUser(), [p["jardin"].pk])
    assert refused.value.code == "not_authenticated" and refused.value.status == 401


@pytest.mark.needs_apps("lapartcitoyenne.accounts")
def test_residents_only_vote_in_their_neighbourhood(budget, person):
    _budget, (source, clos), p = budget(eligibility="residents")
    resident = person()
    resident.territory = source.territory
    resident.save()
    services.cast_ballot(source, resident, [p["jardin"].pk])
    with pytest.raises(Refused) as refused:
        services.cast_ballot(clos, resident, [p["aire"].pk])
    assert refused.value.code == "not_resident" and "Les Clos" in refused.value.message


def test_a_code_votes_once_online_then_never_on_paper(budget, person):
    budget_, (source, _clos), p = budget()
    facilitator = person("facilitator")
    budget_.facilitators.add(facilitator)
    [code] = services.print_codes(source, 1, by=facilitator)
    services.cast_code_ballot(source, code.code.lower(), [p["jardin"].pk])
    with pytest.raises(Refused) as refused:
        services.cast_code_ballot(source, services.display_code(code.code), [p["bancs"].pk], recorded_by=facilitator)
    assert refused.value.code == "code_used"
    assert Ballot.objects.get().channel == Channel.ONLINE


def test_a_code_recorded_on_paper_cannot_vote_online(budget, person):
    budget_, (source, _clos), p = budget()
    staff = person("staff")
    [code] = services.print_codes(source, 1, by=staff)
    ballot = services.cast_code_ballot(source, code.code, [p["jardin"].pk], recorded_by=staff)
    assert ballot.channel == Channel.PAPER and ballot.user is None and ballot.recorded_by == staff
    with pytest.raises(Refused) as refused:
        services.cast_code_ballot(source, code.code, [p["bancs"].pk])
    assert refused.value.code == "code_used"


def test_codes_are_unique_and_belong_to_no_one(budget, person):
    _budget, (source, clos), p = budget()
    codes = services.print_codes(source, 50, by=person("staff"))
    assert len({c.code for c in codes}) == 50 and VotingCode.objects.count() == 50
    assert not any(f.name in ("user", "person") for f in VotingCode._meta.get_fields() if f.concrete)
    with pytest.raises(Refused) as refused:
        services.cast_code_ballot(clos, codes[0].code, [p["aire"].pk])
    assert refused.value.code == "unknown_code"


def test_only_facilitators_of_the_budget_and_staff_print_codes_and_record_paper(budget, person):
    _budget, (source, _clos), p = budget()
    for role in ("citizen", "council_member", "facilitator", "moderator"):
        with pytest.raises(Refused):
            services.print_codes(source, 1, by=person(role))
    [code] = services.print_codes(source, 1, by=person("staff"))
    with pytest.raises(Refused):
        services.cast_code_ballot(source, code.code, [p["jardin"].pk], recorded_by=person("facilitator"))


def test_review_marks_feasibility_with_a_public_reason(budget, person):
    budget_, (source, _clos), _p = budget()
    reviewer = person()
    budget_.reviewers.add(reviewer)
    project = Project.objects.create(envelope=source, title="Fontaine", description="Une fontaine.", cost_cents=90_000)
    with pytest.raises(Refused):
        services.review_project(project, person(), feasible=True, reason="Oui", estimated_cost_cents=80_000)
    with pytest.raises(Refused, match="coût estimé"):
        services.review_project(project, reviewer, feasible=True, reason="Faisable")
    project = services.review_project(project, reviewer, feasible=True, reason="Faisable", estimated_cost_cents=80_000)
    assert project.feasibility == "feasible" and project.cost == 80_000


def test_constraints_hold_in_the_database(budget):
    _budget, (source, _clos), _p = budget()
    with pytest.raises(IntegrityError), transaction.atomic():
        Envelope.objects.create(budget=source.budget, name="Vide", amount_cents=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(envelope=source, title="Sans raison", description=".", cost_cents=1, feasibility="unfeasible")
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(envelope=source)
    assert BallotLine.objects.count() == 0


def test_a_citizen_submits_a_project_only_while_submission_is_open(budget, person):
    _budget, (source, _clos), _p = budget()
    with pytest.raises(Refused) as refused:
        services.submit_project(source, person(), title="Fontaine", description="Une fontaine.", cost_cents=9_000)
    assert refused.value.code == "closed"
    staff_project = services.submit_project(
        source, person("staff"), title="Fontaine", description="Une fontaine.", cost_cents=9_000
    )
    assert staff_project.feasibility == "submitted"


def test_make_user_roles():
    assert make_user  # the role matrix is in test_permissions.py


@pytest.mark.needs_apps("participation.proposals")
def test_staff_turn_a_proposal_into_a_project_that_links_back(budget, person, client_as):
    from django.urls import reverse

    from participation.proposals.models import Proposal

    budget_, (source, _clos), _p = budget()
    author = person()
    proposal = Proposal.objects.create(author=author, title="Un composteur collectif", body="Au pied des tours.")
    page = client_as(person("staff")).post(
        reverse("budgets:review_list", args=[budget_.pk]), {"proposal": proposal.pk, "envelope": source.pk, "cost": "2 500"}
    )
    project = Project.objects.get(proposal_id=proposal.pk)
    assert page.status_code == 302 and project.cost_cents == 250_000 and project.author == author
    detail = client_as(None).get(project.get_absolute_url()).content.decode()
    assert proposal.get_absolute_url() in detail
    with pytest.raises(Refused):
        services.project_from_proposal(source, proposal.pk, cost_cents=1, by=author)
