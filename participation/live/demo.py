"""Demo live rooms: ``load_demo(now=None)`` after the site's demo programme and accounts. Idempotent.

Gives a scheduled room to the next online events of the programme; the room of the coming regional day of
the citizen councils (Chartres) is open ahead of it, with a discussion and questions drawn from the centre's documents.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from consultations.models import Event

from . import services
from .models import EventKind, Message, Question, QuestionVote, Room, RoomState

# Opened ahead of the day to gather questions: the programme moves to the coming months.
OPEN_NOW = "journee-regionale-conseils-citoyens-chartres"

MESSAGES = [
    ("citoyenne", "Bonjour à toutes et à tous, je suis habitante du quartier de La Source à Orléans."),
    ("conseil", "Bonjour ! Karim, du conseil citoyen des Clos. Notre conseil n'a pas été invité au dernier comité de pilotage du contrat de ville."),
    ("animation", "Bienvenue dans le salon de la journée régionale, ouvert dès maintenant. Posez vos questions à droite : les plus soutenues seront posées aux intervenant·es."),
    ("citoyenne", "Chez nous, les habitant·es ont participé au diagnostic en marchant, mais on ne sait pas ce qui a été retenu."),
    ("conseil", "Même constat : il faudrait un retour aux habitant·es après chaque comité, même court."),
]

QUESTIONS = [
    ("citoyenne", "Comment associer les conseils citoyens au suivi du contrat de ville, pas seulement à sa signature ?", 2),
    ("conseil", "Quels moyens pour former les membres des conseils citoyens aux instances de pilotage ?", 1),
    ("citoyenne", "Qui contacter à l'EPCI quand le conseil citoyen n'est plus réuni ?", 0),
]


def _demo_user(prefix):
    return get_user_model().objects.filter(email=f"{prefix}@demo.lapartcitoyenne.fr").first()


def _append(room, kind, actor, **objects):
    locked = Room.objects.select_for_update().get(pk=room.pk)
    return services._append(locked, kind, actor, **objects)


@transaction.atomic
def load_demo(now=None):
    now = now or timezone.now()
    rooms = []
    # Scheduled rooms for the next one-session online events: a room opens and closes with its session.
    coming = (
        Event.objects.upcoming(now).annotate(session_count=Count("sessions"))
        .filter(session_count=1, sessions__is_online=True).order_by("first_start")[:4]
    )
    for event in coming:
        room, created = Room.objects.get_or_create(
            event=event,
            defaults={"opens_at": event.first_start, "closes_at": event.last_end, "state": RoomState.SCHEDULED},
        )
        rooms.append(room)
    event = Event.objects.filter(slug=OPEN_NOW).first() or Event.objects.filter(kind="webinar").first()
    if event is None:
        return rooms
    room, _ = Room.objects.get_or_create(event=event)
    if room.state != RoomState.OPEN:
        room.state = RoomState.OPEN
        room.save(update_fields=["state"])
    if room not in rooms:
        rooms.append(room)
    if room.messages.exists():
        return rooms
    users = {prefix: _demo_user(prefix) for prefix in ("citoyenne", "conseil", "animation", "equipe")}
    if not all(users.values()):
        return rooms
    event.facilitators.add(users["animation"])
    for prefix, body in MESSAGES:
        message = Message.objects.create(room=room, author=users[prefix], body=body)
        _append(room, EventKind.MESSAGE_CREATED, users[prefix], message=message)
    voters = [users["citoyenne"], users["conseil"], users["equipe"]]
    for prefix, body, votes in QUESTIONS:
        question = Question.objects.create(room=room, author=users[prefix], body=body)
        _append(room, EventKind.QUESTION_CREATED, users[prefix], question=question)
        for voter in voters[:votes]:
            QuestionVote.objects.create(question=question, user=voter)
            question.vote_count += 1
            question.save(update_fields=["vote_count"])
            _append(room, EventKind.QUESTION_VOTED, voter, question=question)
    return rooms
