"""Contributions of every plugin app, to export: proposals, supports, comments, councils, responses."""

from datetime import timedelta

from django.utils import timezone

from participation.comments.models import Position
from participation.councils.models import CouncilStatus, MembershipState
from participation.proposals.models import ProposalState
from participation.surveys.models import Answer, Response, Selection
from tests.factories import ConsultationFactory, TerritoryFactory, ThemeFactory, UserFactory
from tests.participation.comments.factories import comment as make_comment
from tests.participation.councils.factories import CouncilFactory, MembershipFactory
from tests.participation.proposals.factories import ProposalFactory, support
from tests.participation.surveys.fixtures import make_questionnaire


def comment(target, author, body, parent=None, council=None, position="", deleted=False):
    return make_comment(
        target, author, body, parent=parent, council=council, position=position,
        deleted_at=timezone.now() if deleted else None,
    )


def respond(questionnaire, q, choices, user, short="La Source"):
    """A response stored as the questionnaire page stores it."""
    response = Response.objects.create(questionnaire=questionnaire, user=user)
    Answer.objects.create(response=response, question=q["short"], text=short)
    Answer.objects.create(response=response, question=q["scale"], number=4)
    single = Answer.objects.create(response=response, question=q["single"])
    Selection.objects.create(answer=single, choice=choices["single"][0])
    multiple = Answer.objects.create(response=response, question=q["multiple"])
    for choice in (choices["multiple"][0], choices["multiple"][2]):
        Selection.objects.create(answer=multiple, choice=choice)
    ranking = Answer.objects.create(response=response, question=q["ranking"])
    for rank, choice in enumerate(reversed(choices["ranking"]), start=1):
        Selection.objects.create(answer=ranking, choice=choice, rank=rank)
    return response


def add_proposals(consultation, people, count):
    for n in range(count):
        proposal = ProposalFactory(consultation=consultation, author=people[n % len(people)], support_threshold=None)
        support(proposal, people[(n + 1) % len(people)])
        first = comment(proposal, people[n % len(people)], f"Avis n°{n}")
        comment(proposal, people[(n + 1) % len(people)], "Réponse", parent=first)


def build():
    consultation = ConsultationFactory(slug="quartiers-2025", title="Quartiers 2025")
    other = ConsultationFactory(slug="ailleurs-2025")
    theme = ThemeFactory(slug="cadre-de-vie", name="Cadre de vie")
    tours = TerritoryFactory(slug="tours", name="Tours")
    sanitas = TerritoryFactory(slug="sanitas", name="Sanitas")
    blois = TerritoryFactory(slug="blois", name="Blois")
    alice, bruno, chloe, dan = (UserFactory(display_name=name) for name in ("Alice Martin", "Bruno Petit", "Chloé Roux", "Dan Leroy"))

    council = CouncilFactory(slug="conseil-sanitas", name="Conseil citoyen du Sanitas", neighbourhood=sanitas, commune=tours)
    MembershipFactory(council=council, user=alice)
    MembershipFactory(council=council, user=bruno)
    MembershipFactory(council=council, user=chloe, state=MembershipState.REQUESTED, accepted_at=None)
    requested = CouncilFactory(slug="conseil-blois", name="Conseil citoyen de Blois", commune=blois,
                               status=CouncilStatus.REQUESTED, verified_at=None)

    benches = ProposalFactory(consultation=consultation, author=alice, council=council, theme=theme, territory=tours,
                              title="Des bancs au Sanitas", support_threshold=None,
                              state=ProposalState.ACCEPTED, answer="La ville installera dix bancs.",
                              answered_at=timezone.now())
    withdrawn = ProposalFactory(consultation=consultation, author=bruno, title="Un marché le dimanche",
                                support_threshold=None, state=ProposalState.WITHDRAWN,
                                withdrawal_reason="Déjà prévu par la mairie.")
    initiative = ProposalFactory(consultation=None, author=alice, title="Une piste cyclable", territory=blois)
    support(benches, dan)
    support(benches, bruno, council=council)
    support(withdrawn, alice)

    opening = comment(benches, bruno, "Oui, surtout près de l'école.", position=Position.FOR)
    comment(benches, alice, "Merci !", parent=opening)
    comment(initiative, dan, "Un propos retiré", deleted=True)
    comment(consultation, dan, "Quand a lieu la réunion ?", council=None)

    questionnaire, q, choices = make_questionnaire(consultation)
    respond(questionnaire, q, choices, alice)
    respond(questionnaire, q, choices, bruno, short="Rives du Cher")
    elsewhere, q2, choices2 = make_questionnaire(other)
    respond(elsewhere, q2, choices2, chloe)
    return {
        "consultation": consultation,
        "people": [alice, bruno, chloe, dan],
        "council": council,
        "requested": requested,
        "proposals": [benches, withdrawn, initiative],
        "questionnaires": [(questionnaire, q, choices), (elsewhere, q2, choices2)],
        "yesterday": timezone.localdate() - timedelta(days=1),
    }
