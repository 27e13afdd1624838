"""Open data in the pabulib format, export datasets, a person's data, the follow-up and its e-mails."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from pabutools.election.pabulib import parse_pabulib_from_string

from participation.budgets import exports, privacy, services
from participation.budgets.models import Ballot, ProjectFollow
from participation.budgets.results import count_votes, equal_shares_winners, election

pytestmark = pytest.mark.django_db


class Scope:
    consultation = since = until = None
    open_data = False

    def pseudonym(self, pk):
        return f"p-{pk * 7919 % 10007}"


def voted(budget, person):
    budget_, (source, clos), p = budget(vote_open=False)
    budget_.step.ends_at = budget_.step.starts_at.replace(year=budget_.step.starts_at.year + 1)
    budget_.step.save()
    staff = person("staff")
    voters = [person() for _ in range(3)]
    for voter in voters:
        services.cast_ballot(source, voter, [p["jardin"].pk, p["bancs"].pk])
    [code] = services.print_codes(source, 1, by=staff)
    services.cast_code_ballot(source, code.code, [p["fresque"].pk], recorded_by=staff)
    count_votes(budget_)
    return budget_, source, p, staff, voters


def test_the_pabulib_file_reads_back_in_pabutools_with_the_same_winners(budget, person, client_as):
    budget_, source, p, _staff, _voters = voted(budget, person)
    url = reverse("budgets:pabulib", args=[source.pk])
    assert client_as(None).get(url).status_code == 404
    budget_.results_published_at = budget_.counted_at
    budget_.save()
    text = client_as(None).get(url).content.decode()
    instance, profile = parse_pabulib_from_string(text)
    assert instance.budget_limit == 10_000 and len(profile) == 4
    assert sorted(b.meta["voting_method"] for b in profile) == ["internet"] * 3 + ["paper"]
    assert {str(p["jardin"].pk), str(p["bancs"].pk)} <= {project.name for project in instance}
    costs = {int(project.name): int(project.cost) * 100 for project in instance}
    ballots = [{int(project.name) for project in b} for b in profile]
    assert equal_shares_winners(election(1_000_000, costs, ballots)) == {
        project.pk for project in source.projects.all() if project.equal_shares_winner
    }


def test_ballots_are_pseudonymous_and_code_ballots_have_no_voter(budget, person):
    _budget, _source, _p, _staff, voters = voted(budget, person)
    scope = Scope()
    rows = [exports.ballot_row(ballot, scope) for ballot in exports._ballots(scope)]
    assert sorted(row["voter"] for row in rows) == sorted(["", *(scope.pseudonym(v.pk) for v in voters)])
    assert all(voter.email not in str(rows) for voter in voters)
    assert {row["channel"] for row in rows} == {"En ligne", "Sur place"}


def test_open_data_leaves_out_budgets_whose_results_are_not_published(budget, person):
    budget_, _source, _p, _staff, _voters = voted(budget, person)
    scope = Scope()
    scope.open_data = True
    assert not exports._results(scope).exists() and not exports._ballots(scope).exists()
    budget_.results_published_at = budget_.counted_at
    budget_.save()
    rows = [exports.result_row(project, scope) for project in exports._results(scope)]
    assert {row["title"] for row in rows} >= {"Jardin partagé", "Bancs et ombrières"}
    assert all(row["votes_online"] + row["votes_paper"] >= 0 for row in rows)


def test_a_person_s_ballots_are_in_their_data_and_go_with_an_open_vote(budget, person):
    _budget, (source, _clos), p = budget()
    voter = person()
    services.cast_ballot(source, voter, [p["jardin"].pk])
    data = privacy.user_data(voter)
    assert data["budget_ballots"][0]["projects"] == ["Jardin partagé"]
    assert data["budget_ballots"][0]["total_euros"] == 4000
    privacy.forget_user(voter)
    assert not Ballot.objects.filter(user=voter).exists()


def test_followers_get_an_email_when_the_project_moves(budget, person, client_as):
    budget_, (source, _clos), p = budget()
    follower, staff = person(), person("staff")
    assert client_as(follower).post(reverse("budgets:follow", args=[p["jardin"].pk]), {"follow": "1"}).status_code == 302
    assert ProjectFollow.objects.filter(user=follower).exists()
    with pytest.raises(services.Refused):
        services.post_update(p["jardin"], follower, date=date(2027, 3, 1), text="Début", progress="in_progress", percent_done=10)
    with django_capture_on_commit(True):
        services.post_update(
            p["jardin"], staff, date=date(2027, 3, 1), text="Les bacs sont installés.", progress="in_progress",
            percent_done=40,
        )
    p["jardin"].refresh_from_db()
    assert (p["jardin"].progress, p["jardin"].percent_done) == ("in_progress", 40)
    [message] = mail.outbox
    assert message.to == [follower.email] and "Jardin partagé" in message.subject
    assert "40 % réalisé" in message.body and "List-Unsubscribe" in message.extra_headers


def django_capture_on_commit(_execute):
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)
