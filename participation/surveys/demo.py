"""Demo consultations with questionnaires, drawn from the resource centre's own work.

``load_demo(now=None)`` is idempotent. It uses the site's demo themes, territories and accounts
when they exist (``manage.py load_demo`` first), and works without them.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from consultations.models import Consultation, Step, StepKind, Territory, Theme, Visibility
from consultations.registry import registry

from .models import Answer, Choice, Question, Questionnaire, QuestionKind, Response, Selection

DAY = timedelta(days=1)


def _tools():
    return [name for name in ("surveys", "proposals", "comments") if name in registry]


def _consultation(slug, title, summary, body, theme, territory):
    consultation, _created = Consultation.objects.update_or_create(
        slug=slug,
        defaults={
            "title": title,
            "summary": summary,
            "body": body,
            "theme": Theme.objects.filter(slug=theme).first(),
            "territory": Territory.objects.filter(slug=territory).first(),
            "visibility": Visibility.PUBLIC,
            "tools": _tools(),
        },
    )
    return consultation


def _steps(consultation, steps):
    made = []
    for position, (kind, title, description, starts_at, ends_at) in enumerate(steps, start=1):
        step, _created = Step.objects.update_or_create(
            consultation=consultation,
            position=position,
            defaults={"kind": kind, "title": title, "description": description, "starts_at": starts_at, "ends_at": ends_at},
        )
        made.append(step)
    return made


def _questions(questionnaire, questions):
    if questionnaire.questions.exists():
        return list(questionnaire.questions.all())
    made = []
    for position, spec in enumerate(questions, start=1):
        spec = dict(spec)
        choices = spec.pop("choices", [])
        question = Question.objects.create(questionnaire=questionnaire, position=position, **spec)
        Choice.objects.bulk_create(
            Choice(question=question, label=label, position=index) for index, label in enumerate(choices)
        )
        made.append(question)
    return made


EVALUATION_QUESTIONS = [
    {"kind": QuestionKind.SHORT_TEXT, "label": "Dans quel quartier habitez-vous ?", "help_text": "Par exemple : La Source, Les Clos, le Sanitas."},
    {"kind": QuestionKind.SINGLE_CHOICE, "label": "Connaissez-vous le conseil citoyen de votre quartier ?", "choices": ["Oui, j’y participe", "Oui, de nom", "Non"]},
    {"kind": QuestionKind.MULTIPLE_CHOICE, "label": "Quels sujets du contrat de ville comptent le plus pour vous ?", "max_choices": 3,
     "help_text": "Trois au plus.", "choices": ["Emploi et insertion", "Éducation et jeunesse", "Cadre de vie et logement", "Santé", "Transition écologique", "Mobilités"]},
    {"kind": QuestionKind.SCALE, "label": "Les habitant·es sont-ils écoutés dans la mise en œuvre du contrat de ville ?", "scale_min": 1, "scale_max": 5,
     "scale_min_label": "pas du tout", "scale_max_label": "tout à fait"},
    {"kind": QuestionKind.RANKING, "label": "Classez ces façons de participer, de la plus utile à la moins utile", "choices": ["Réunions publiques", "Conseil citoyen", "Questionnaires en ligne", "Balades urbaines"]},
    {"kind": QuestionKind.LONG_TEXT, "label": "Racontez une action du contrat de ville qui a changé quelque chose près de chez vous", "required": False,
     "help_text": "Quelques lignes suffisent."},
]

TRANSITION_QUESTIONS = [
    {"kind": QuestionKind.SINGLE_CHOICE, "label": "Avez-vous participé à un atelier de sensibilisation à la transition ?", "choices": ["Oui", "Non"]},
    {"kind": QuestionKind.MULTIPLE_CHOICE, "label": "Quelles actions voudriez-vous dans votre quartier ?", "max_choices": 2,
     "choices": ["Jardins partagés", "Ateliers de réparation", "Rénovation énergétique", "Pistes cyclables"]},
    {"kind": QuestionKind.LONG_TEXT, "label": "Une idée pour votre quartier ?", "required": False},
]


def _answer_as_demo_accounts(questionnaire, questions):
    """Answers from the demo accounts, written directly: the step is already closed."""
    people = get_user_model().objects.filter(email__endswith="@demo.lapartcitoyenne.fr").order_by("pk")
    single, multiple, idea = questions
    ideas = ["Un composteur au pied des immeubles.", "", "Un atelier vélo avec les jeunes du quartier."]
    for index, person in enumerate(people):
        response, created = Response.objects.get_or_create(questionnaire=questionnaire, user=person)
        if not created:
            continue
        answer = Answer.objects.create(response=response, question=single)
        Selection.objects.create(answer=answer, choice=list(single.choices.all())[index % 2])
        answer = Answer.objects.create(response=response, question=multiple)
        options = list(multiple.choices.all())
        for choice in (options[index % 4], options[(index + 1) % 4]):
            Selection.objects.create(answer=answer, choice=choice)
        text = ideas[index % len(ideas)]
        if text:
            Answer.objects.create(response=response, question=idea, text=text)


@transaction.atomic
def load_demo(now=None):
    now = (now or timezone.now()).replace(minute=0, second=0, microsecond=0)

    evaluation = _consultation(
        "faire-vivre-le-contrat-de-ville",
        "Faire vivre le contrat de ville avec les habitant·es",
        "Les nouveaux contrats de ville sont signés : quelle place pour les habitant·es des quartiers dans leur mise en œuvre ?",
        "Le centre de ressources prolonge l’**analyse croisée des 19 contrats de ville** de la région.\n\n"
        "Dites-nous ce qui compte pour vous, et comment vous voulez être associé·es.",
        "dynamiques-citoyennes",
        "centre-val-de-loire",
    )
    steps = _steps(evaluation, [
        (StepKind.INFORMATION, "Comprendre le contrat de ville", "Ce que contient un contrat de ville, qui le porte, ce qui change.", now - 30 * DAY, now - 10 * DAY),
        (StepKind.QUESTIONNAIRE, "Votre avis sur le contrat de ville", "Un questionnaire de dix minutes.", now - 10 * DAY, now + 15 * DAY),
        (StepKind.PROPOSALS, "Vos propositions", "Proposez des actions à porter avec les partenaires.", now + 15 * DAY, now + 45 * DAY),
        (StepKind.SYNTHESIS, "Synthèse et suites", "Ce qui ressort de la consultation, présenté lors de la journée régionale.", now + 45 * DAY, now + 90 * DAY),
    ])
    questionnaire, _created = Questionnaire.objects.update_or_create(
        step=steps[1],
        defaults={"title": "Votre avis sur le contrat de ville", "intro": "Six questions, une seule obligatoire à texte libre."},
    )
    _questions(questionnaire, EVALUATION_QUESTIONS)

    councils = _consultation(
        "engage-es-pour-nos-quartiers-conseils-citoyens",
        "Engagé·es pour nos quartiers : les conseils citoyens",
        "Préparer avec les membres des conseils citoyens la prochaine journée régionale aux Clos, à Chartres.",
        "Récits d’expériences positives, messages clés de l’évaluation des contrats de ville, visite du quartier des Clos.",
        "dynamiques-citoyennes",
        "chartres-les-clos",
    )
    steps = _steps(councils, [
        (StepKind.INFORMATION, "Le programme de la journée", "", now + 5 * DAY, now + 12 * DAY),
        (StepKind.QUESTIONNAIRE, "Vos attentes pour la journée", "", now + 12 * DAY, now + 26 * DAY),
        (StepKind.SYNTHESIS, "Les messages clés", "", now + 26 * DAY, now + 60 * DAY),
    ])
    questionnaire, _created = Questionnaire.objects.update_or_create(
        step=steps[1], defaults={"title": "Vos attentes pour la journée régionale"}
    )
    _questions(questionnaire, EVALUATION_QUESTIONS[1:3])

    transition = _consultation(
        "et-si-les-quartiers-entraient-en-transition",
        "Et si les quartiers entraient en transition ?",
        "L’expérimentation-action à Tours, Blois, Bourges et Montargis : ce que les habitant·es en retiennent.",
        "Ateliers de sensibilisation aux enjeux de la transition, ouverts aux acteurs de la politique de la ville.",
        "transitions",
        "tours-sanitas",
    )
    steps = _steps(transition, [
        (StepKind.INFORMATION, "Les ateliers de l’expérimentation", "", now - 120 * DAY, now - 90 * DAY),
        (StepKind.QUESTIONNAIRE, "Questionnaire aux habitant·es", "", now - 90 * DAY, now - 60 * DAY),
        (StepKind.SYNTHESIS, "Capitalisation des résultats", "", now - 60 * DAY, now - 30 * DAY),
    ])
    questionnaire, _created = Questionnaire.objects.update_or_create(
        step=steps[1],
        defaults={"title": "La transition dans votre quartier", "results_published_at": now - 55 * DAY},
    )
    _answer_as_demo_accounts(questionnaire, _questions(questionnaire, TRANSITION_QUESTIONS))
    Step.objects.filter(consultation__in=[evaluation, transition], starts_at__lte=now, announced_at__isnull=True).update(announced_at=now)
    if transition.synthesis_published_at is None:
        transition.synthesis = (
            "Les habitant·es veulent **des actions visibles au pied des immeubles** : jardins partagés, "
            "ateliers de réparation. La méthode de l’expérimentation est reprise dans les futurs contrats de ville."
        )
        transition.synthesis_published_at = now - 35 * DAY
        transition.save(update_fields=["synthesis", "synthesis_published_at"])
    return [evaluation, councils, transition]
