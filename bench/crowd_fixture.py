"""What the mixed crowd (bench/crowd.py) needs in its database, on top of whatever it holds already.

Made anew at each run, the previous run's left-overs deleted first: citizens with a verified address
(one password hash shared by all: hashing thousands of passwords would be the seed's whole cost),
a consultation whose supports step is open with proposals to support and comment on, another whose
questionnaire is open, a webinar with an open live room and its facilitator's session, and a staff
member for the export. Returns what the load tool needs (the seed file) as a dict.
"""

from datetime import timedelta

CROWD_DOMAIN = "foule.bench.invalid"
PASSWORD = "Foule-mot-de-passe-19"
SUPPORTS_SLUG = "banc-foule-soutiens"
QUESTIONNAIRE_SLUG = "banc-foule-questionnaire"
CROWD_PROPOSALS = 400
SEARCH_WORDS = ["jardin", "végétaliser", "bancs", "école", "marché"]


def crowd_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__endswith=f"@{CROWD_DOMAIN}")


def _clear():
    from consultations.models import Consultation, Event
    from participation.proposals.models import Proposal

    from bench import live

    Proposal.objects.filter(consultation__slug__in=[SUPPORTS_SLUG, QUESTIONNAIRE_SLUG]).delete()
    Consultation.objects.filter(slug__in=[SUPPORTS_SLUG, QUESTIONNAIRE_SLUG]).delete()
    Event.objects.filter(slug=live.SLUG).delete()
    crowd_users().delete()


def _citizens(count):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    User = get_user_model()
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        [User(email=f"citoyen{n}@{CROWD_DOMAIN}", display_name=f"Citoyen·ne {n}", password=password)
         for n in range(count)], batch_size=1000,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users], batch_size=1000
    )
    return users


def _consultation(slug, title, kind, tools, now):
    from consultations.models import Consultation, Step, Visibility

    consultation = Consultation.objects.create(
        slug=slug, title=title, summary="La consultation du banc d’essai de la foule.",
        body="Une consultation **ouverte** pendant le banc d’essai.", visibility=Visibility.PUBLIC, tools=tools,
    )
    Step.objects.create(consultation=consultation, position=1, kind=kind, title=title,
                        starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=30))
    return consultation


def _questionnaire(consultation):
    from participation.surveys.models import Choice, Question, Questionnaire, QuestionKind

    questionnaire = Questionnaire.objects.create(step=consultation.steps.get(), title="Votre quartier en deux questions")
    single = Question.objects.create(questionnaire=questionnaire, position=1, kind=QuestionKind.SINGLE_CHOICE,
                                     label="Connaissez-vous le conseil citoyen de votre quartier ?")
    choices = Choice.objects.bulk_create(
        [Choice(question=single, label=label, position=i) for i, label in enumerate(["Oui", "De nom", "Non"])]
    )
    text = Question.objects.create(questionnaire=questionnaire, position=2, kind=QuestionKind.SHORT_TEXT,
                                   label="Dans quel quartier habitez-vous ?")
    return questionnaire, {"choice_field": single.field_name, "choices": [c.pk for c in choices],
                           "text_field": text.field_name}


def _live_room():
    """The room of bench/live.py's clients, and a facilitator's session cookie for its writer."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from bench import live
    from consultations.models import Event, EventStatus, Theme
    from participation.live.models import Room, RoomState

    theme, _ = Theme.objects.get_or_create(slug="banc", defaults={"name": "Banc d'essai"})
    event = Event.objects.create(slug=live.SLUG, title="Webinaire de la foule", kind="webinar", theme=theme,
                                 status=EventStatus.PUBLISHED)
    Room.objects.create(event=event, state=RoomState.OPEN)
    facilitator = get_user_model().objects.create_user(
        email=f"animation@{CROWD_DOMAIN}", password=PASSWORD, display_name="Animation", is_staff=True
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=facilitator, email=facilitator.email, verified=True, primary=True)
    session = SessionStore()
    session[SESSION_KEY] = str(facilitator.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = facilitator.get_session_auth_hash()
    session.create()
    return event, facilitator, session.session_key


def prepare(citizens):
    from django.db import transaction
    from django.utils import timezone

    from consultations.models import Consultation, Event
    from participation.proposals.models import Proposal

    now = timezone.now()
    with transaction.atomic():
        _clear()
        users = _citizens(citizens)
        supports = _consultation(SUPPORTS_SLUG, "Soutenez les propositions de la foule", "supports",
                                 ["proposals", "comments"], now)
        author = users[0]
        crowd_proposals = [
            Proposal.objects.create(consultation=supports, author=author, title=f"Proposition de la foule n°{n}",
                                    body=f"Installer des bancs près de l’école, proposition n°{n}.")
            for n in range(CROWD_PROPOSALS)
        ]
        survey = _consultation(QUESTIONNAIRE_SLUG, "Le questionnaire de la foule", "questionnaire", ["surveys"], now)
        questionnaire, fields = _questionnaire(survey)
        event, facilitator, cookie = _live_room()
    # What visitors browse: the newest public proposals and events, every public consultation.
    browsed = list(Proposal.objects.filter(moderation_status="visible").order_by("-pk").values_list("pk", flat=True)[:2000])
    return {
        "citizens": [user.email for user in users],
        "password": PASSWORD,
        "crowd_proposals": [p.pk for p in crowd_proposals],
        "proposals": browsed,
        "consultations": list(Consultation.objects.public().values_list("slug", flat=True)[:50]),
        "events": list(Event.objects.filter(status="published").order_by("-pk").values_list("slug", flat=True)[:50]),
        "questionnaire": {"pk": questionnaire.pk, **fields},
        "search_words": SEARCH_WORDS,
        "live_cookie": cookie,
        "live_event": event.slug,
        "staff_id": facilitator.pk,
    }
