"""The pages residents and staff use: the ballot without JavaScript, the stand, the codes, the results."""

import pytest
from django.urls import reverse

from participation.budgets import services
from participation.budgets.models import Ballot
from participation.budgets.results import count_votes

from .fixtures import feasible

pytestmark = pytest.mark.django_db


def test_the_ballot_lists_feasible_projects_with_what_is_left(budget, person, client_as):
    _budget, (source, _clos), p = budget()
    page = client_as(person()).get(reverse("budgets:ballot", args=[source.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Jardin partagé" in text and "Piscine olympique" not in text
    assert "10\u00a0000\u00a0€ restants sur 10\u00a0000\u00a0€" in text


def test_working_out_what_is_left_without_javascript_saves_nothing_and_keeps_the_ticks(budget, person, client_as):
    _budget, (source, _clos), p = budget()
    page = client_as(person()).post(
        reverse("budgets:ballot", args=[source.pk]), {"projects": [p["jardin"].pk], "recalculate": "1"}
    )
    text = page.content.decode()
    assert "6\u00a0000\u00a0€ restants" in text and f'value="{p["jardin"].pk}" data-cost="400000" checked' in text
    assert not Ballot.objects.exists()


def test_an_over_budget_ballot_says_so_next_to_the_projects_and_keeps_every_tick(budget, person, client_as):
    _budget, (source, _clos), p = budget()
    chosen = [p["jardin"].pk, p["bancs"].pk, p["fresque"].pk]
    page = client_as(person()).post(reverse("budgets:ballot", args=[source.pk]), {"projects": chosen, "confirm": "1"})
    text = page.content.decode()
    assert page.status_code == 400
    assert 'id="projects-errors"' in text and "plus que les 10\u00a0000\u00a0€ de l’enveloppe" in text
    assert all(f'value="{pk}" data-cost' in text and text.count("checked") >= 3 for pk in chosen)
    assert "2\u00a0000\u00a0€ de dépassement" in text
    assert not Ballot.objects.exists()


def test_a_valid_ballot_is_recorded_and_shown_again(budget, person, client_as):
    _budget, (source, _clos), p = budget()
    client = client_as(person())
    url = reverse("budgets:ballot", args=[source.pk])
    response = client.post(url, {"projects": [p["jardin"].pk, p["bancs"].pk], "confirm": "1"})
    assert response.status_code == 302
    text = client.get(url).content.decode()
    assert "est enregistré" in text and "3\u00a0000\u00a0€ restants" in text


def test_a_visitor_sees_the_way_to_log_in_or_use_a_code(budget, client_as):
    _budget, (source, _clos), _p = budget()
    text = client_as(None).get(reverse("budgets:ballot", args=[source.pk])).content.decode()
    assert reverse("budgets:code_ballot", args=[source.pk]) in text


def test_the_stand_records_a_paper_ballot_and_refuses_the_code_twice(budget, person, client_as):
    budget_, (source, _clos), p = budget()
    facilitator = person("facilitator")
    budget_.facilitators.add(facilitator)
    [code] = services.print_codes(source, 1, by=facilitator)
    client = client_as(facilitator)
    url = reverse("budgets:paper_stand", args=[source.pk])
    assert client.post(url, {"code": code.code, "projects": [p["jardin"].pk], "confirm": "1"}).status_code == 302
    again = client.post(url, {"code": code.code, "projects": [p["bancs"].pk], "confirm": "1"})
    assert again.status_code == 400 and "déjà servi" in again.content.decode()
    assert Ballot.objects.get().channel == "paper"


@pytest.mark.parametrize("role,status", [("visitor", 302), ("citizen", 403), ("facilitator", 403), ("staff", 200)])
def test_the_stand_and_codes_are_for_staff_and_the_budget_s_facilitators(budget, person, client_as, role, status):
    _budget, (source, _clos), _p = budget()
    client = client_as(None if role == "visitor" else person(role))
    response = client.get(reverse("budgets:codes", args=[source.pk]))
    assert response.status_code == (403 if role == "visitor" else status)


def test_codes_come_as_a_pdf(budget, person, client_as):
    _budget, (source, _clos), _p = budget()
    response = client_as(person("staff")).post(reverse("budgets:codes", args=[source.pk]), {"count": 15})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert source.codes.count() == 15


def test_the_public_results_show_both_channels_and_the_rule_in_plain_french(budget, person, client_as):
    budget_, (source, _clos), p = budget(vote_open=True)
    staff = person("staff")
    services.cast_ballot(source, person(), [p["jardin"].pk])
    [code] = services.print_codes(source, 1, by=staff)
    services.cast_code_ballot(source, code.code, [p["jardin"].pk, p["bancs"].pk], recorded_by=staff)
    count_votes(budget_)
    url = reverse("budgets:results", args=[budget_.pk])
    assert client_as(None).get(url).status_code == 404
    budget_.results_published_at = budget_.counted_at
    budget_.save()
    text = client_as(None).get(url).content.decode()
    assert "parts égales" in text.lower() and "Jardin partagé" in text
    # The completion said as it is done (add1), not as the most-voted projects that still fit.
    assert "augmentant d’un centime la part de chaque votant" in text and "les plus votés qui rentrent" not in text
    assert '<rect x="0" y="0" width="100" height="10" class="bar-winner">' in text


@pytest.mark.parametrize("name", ["budgets:project_list", "budgets:results"])
def test_lists_do_a_constant_number_of_queries(budget, person, client_as, django_assert_max_num_queries, name):
    budget_, (source, _clos), _p = budget()
    budget_.results_published_at = budget_.counted_at = source.budget.step.starts_at
    budget_.save()
    client = client_as(person())
    url = reverse(name, args=[budget_.pk])
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for number in range(30):
        feasible(source, f"Projet {number}", 1000 + number)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_an_approval_ballot_counts_projects_instead_of_euros(budget, person, client_as):
    _budget, (source, _clos), p = budget(rule="approval", max_projects=2)
    page = client_as(person()).post(
        reverse("budgets:ballot", args=[source.pk]),
        {"projects": [p["jardin"].pk, p["bancs"].pk, p["fresque"].pk], "confirm": "1"},
    )
    text = page.content.decode()
    assert page.status_code == 400 and "3 choisis sur 2" in text and "Choisissez au plus 2 projets." in text


def test_the_consultation_page_leads_to_the_budget_from_its_steps(budget, client_as):
    budget_, _envelopes, _p = budget()
    text = client_as(None).get(budget_.step.consultation.get_absolute_url()).content.decode()
    assert budget_.get_absolute_url() in text and "Voir les projets et voter" in text


def test_staff_count_choose_decide_and_publish_from_the_results_page(budget, person, client_as):
    budget_, (source, _clos), p = budget(vote_open=False)
    client = client_as(person("staff"))
    url = reverse("budgets:manage_results", args=[budget_.pk])
    assert client_as(person()).get(url).status_code == 403
    assert client.post(url, {"action": "count"}).status_code == 302
    refused = client.post(url, {"action": "decide", "project": p["fresque"].pk, "decision": "winner", "reason": ""})
    assert refused.status_code == 400 and "Dites publiquement pourquoi" in refused.content.decode()
    client.post(url, {"action": "decide", "project": p["fresque"].pk, "decision": "winner", "reason": "Choix du conseil"})
    client.post(url, {"action": "method", "official_method": "greedy"})
    assert client.post(url, {"action": "publish"}).status_code == 302
    budget_.refresh_from_db()
    assert budget_.official_method == "greedy" and budget_.results_are_published
    text = client_as(None).get(reverse("budgets:results", args=[budget_.pk])).content.decode()
    assert "Choix du conseil" in text and "plus de voix" in text
