"""A webinar with its live room open now, a questionnaire open for a month, and two accounts. Idempotent."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.models import Consultation, Event, EventSession, EventStatus, Step, StepKind, Theme, Visibility
from participation.live.models import Room, RoomState
from participation.surveys.models import Choice, Question, Questionnaire, QuestionKind

PASSWORD = "vierzon-participe"
PEOPLE = [("ines", "Inès"), ("animatrice", "Camille")]


class Command(BaseCommand):
    help = "Seed the example host: one live webinar, one questionnaire, the accounts ines and animatrice."

    def handle(self, *args, **options):
        now = timezone.now()
        User = get_user_model()
        people = {}
        for username, first_name in PEOPLE:
            user, created = User.objects.get_or_create(username=username, defaults={"first_name": first_name})
            if created:
                user.set_password(PASSWORD)
                user.save(update_fields=["password"])
            people[username] = user
        theme, _ = Theme.objects.get_or_create(slug="cadre-de-vie", defaults={"name": "Cadre de vie"})
        event, created = Event.objects.get_or_create(
            slug="webinaire-budget-participatif",
            defaults={"title": "Webinaire : le budget participatif 2027", "kind": "webinar", "theme": theme,
                      "status": EventStatus.PUBLISHED, "summary": "Questions et réponses en direct."},
        )
        if created:
            EventSession.objects.create(event=event, starts_at=now - timedelta(minutes=5),
                                        ends_at=now + timedelta(hours=2), is_online=True)
        Room.objects.update_or_create(event=event, defaults={"state": RoomState.OPEN})
        event.facilitators.add(people["animatrice"])
        consultation, _ = Consultation.objects.get_or_create(
            slug="place-de-la-gare", defaults={"title": "Réaménager la place de la gare",
                                               "visibility": Visibility.PUBLIC, "tools": ["surveys"]},
        )
        step, _ = Step.objects.get_or_create(
            consultation=consultation, kind=StepKind.QUESTIONNAIRE,
            defaults={"title": "Votre avis", "position": 1, "starts_at": now - timedelta(days=1),
                      "ends_at": now + timedelta(days=30)},
        )
        questionnaire, created = Questionnaire.objects.get_or_create(step=step, defaults={"title": "La place de la gare demain"})
        if created:
            use = Question.objects.create(questionnaire=questionnaire, position=1, kind=QuestionKind.SINGLE_CHOICE,
                                          label="Traversez-vous la place chaque semaine ?")
            for position, label in enumerate(["Oui", "Non"]):
                Choice.objects.create(question=use, label=label, position=position)
            Question.objects.create(questionnaire=questionnaire, position=2, kind=QuestionKind.LONG_TEXT,
                                    label="Que faudrait-il y changer ?", required=False)
        self.stdout.write(f"Accounts ines and animatrice, password {PASSWORD}.")
