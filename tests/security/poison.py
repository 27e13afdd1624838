"""A site whose every user text field holds XSS payloads, for the output tests.

Markdown fields get the whole corpus, in chunks of one object each; one-line fields (titles, names,
labels) get one classic vector per object, from a sample that spans the kinds of vectors. Each
value is recorded in ``World.plain`` (shown as written) or ``World.markdown`` (rendered), so a test
can check both that no payload runs and that the field really reached the output it inspects.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from consultations.models import ConsultationDocument, Step, StepKind, Visibility
from participation.councils.models import CouncilStatus
from participation.live.models import Message, Question, Room, RoomEvent, RoomState, EventKind
from participation.proposals.models import ProposalState
from participation.surveys.models import Answer, Choice, Question as SurveyQuestion, Questionnaire, QuestionKind, Response
from tests.factories import ConsultationFactory, EventFactory, UserFactory
from tests.participation.comments.factories import comment
from tests.participation.councils.factories import CouncilFactory, MembershipFactory
from tests.participation.proposals.factories import ProposalFactory

from .xss_corpus import BASE_VECTORS, PAYLOADS

# One vector in seven: script tags, handlers, javascript: URLs, breakouts, SVG, encodings...
SAMPLE = BASE_VECTORS[::7]
CHUNKS = 7  # the corpus in seven Markdown texts of 100 payloads
LIVE_MAX_LENGTH = 500  # participation.live's default MAX_LENGTH


def chunks(items, count):
    size = -(-len(items) // count)
    return [items[start : start + size] for start in range(0, len(items), size)]


def short_chunks(items, limit):
    """Payloads joined by blank lines into texts of at most ``limit`` characters."""
    texts, current = [], []
    for item in items:
        if current and len("\n\n".join(current + [item])) > limit:
            texts.append("\n\n".join(current))
            current = []
        current.append(item)
    texts.append("\n\n".join(current))
    return texts


@dataclass
class World:
    plain: dict = field(default_factory=dict)  # label -> value a page must show as written
    markdown: dict = field(default_factory=dict)  # label -> Markdown source
    objects: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)  # label -> how many corpus payloads the field holds

    def line(self, label, vector, limit):
        """A one-line value: a label a test can find, then the vector, within the field's length."""
        value = f"{label} {vector}"[:limit]
        self.plain[label] = value
        return value

    def text(self, label, payloads):
        value = f"{label}\n\n" + "\n\n".join(payloads)
        self.markdown[label] = value
        self.counts[label] = len(payloads)
        return value

    def lines(self, label, payloads):
        """A plain multi-line value (shown as written, line breaks kept): payloads one per line."""
        value = f"{label}\n" + "\n".join(payloads)
        self.plain[label] = value
        self.counts[label] = len(payloads)
        return value

    def payloads_in(self, prefix):
        """How many corpus payloads went into the fields whose label starts with ``prefix``."""
        return sum(count for label, count in self.counts.items() if label.startswith(prefix))


def people(world, prefix, count=len(SAMPLE)):
    return [
        UserFactory(display_name=world.line(f"{prefix}{n}", SAMPLE[n % len(SAMPLE)], 80)) for n in range(count)
    ]


def build_consultation(world):
    now = timezone.now()
    body, synthesis, step_text = chunks(PAYLOADS, 3)
    consultation = ConsultationFactory(
        slug="consultation-piegee",
        title=world.line("consultation-title", SAMPLE[0], 200),
        summary=world.line("consultation-summary", SAMPLE[1], 400),
        body=world.text("consultation-body", body),
        synthesis=world.text("consultation-synthesis", synthesis),
        synthesis_published_at=now,
        visibility=Visibility.PUBLIC,
        tools=["proposals", "surveys", "comments"],
    )
    step = Step.objects.create(
        consultation=consultation,
        kind=StepKind.PROPOSALS,
        title=world.line("step-title", SAMPLE[2], 200),
        description=world.text("step-description", step_text),
        position=1,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=10),
    )
    # The discussion of a consultation shows in its information steps.
    Step.objects.create(
        consultation=consultation,
        kind=StepKind.INFORMATION,
        title=world.line("information-title", SAMPLE[4], 200),
        position=0,
        starts_at=now - timedelta(days=30),
        ends_at=now - timedelta(days=20),
    )
    ConsultationDocument.objects.create(
        consultation=consultation, title=world.line("document-title", SAMPLE[3], 200), url="https://example.org/bilan.pdf"
    )
    world.objects.update(consultation=consultation, step=step)
    return consultation


def build_councils(world):
    members = people(world, "member-")
    councils = []
    for n, vector in enumerate(SAMPLE):
        council = CouncilFactory(
            name=world.line(f"council-name-{n}", vector, 160),
            description=world.text(f"council-description-{n}", chunks(PAYLOADS, len(SAMPLE))[n]),
            status=CouncilStatus.VERIFIED,
        )
        MembershipFactory(council=council, user=members[n], show_on_page=True)
        councils.append(council)
    world.objects.update(councils=councils, members=members)
    return councils


def build_proposals(world, consultation, councils):
    authors = people(world, "author-")
    answered, withdrawn = [], []
    for n, payloads in enumerate(chunks(PAYLOADS, CHUNKS)):
        proposal = ProposalFactory(
            consultation=consultation,
            author=authors[n],
            council=councils[n] if n % 2 else None,
            title=world.line(f"proposal-title-{n}", SAMPLE[n], 200),
            body=world.text(f"proposal-body-{n}", payloads),
            answer=world.text(f"proposal-answer-{n}", payloads),
            state=ProposalState.ACCEPTED,
            answered_at=timezone.now(),
            support_threshold=None,
        )
        answered.append(proposal)
    for n, payloads in enumerate(chunks(PAYLOADS, 3)):
        reason = world.lines(f"withdrawal-{n}", payloads)
        proposal = ProposalFactory(
            consultation=consultation,
            author=authors[7 + n],
            title=world.line(f"withdrawn-title-{n}", SAMPLE[7 + n], 200),
            state=ProposalState.WITHDRAWN,
            withdrawal_reason=reason,
            support_threshold=None,
        )
        withdrawn.append(proposal)
    commenters = people(world, "commenter-")
    comments = []
    for n, proposal in enumerate(answered):
        first = comment(proposal, commenters[n], world.text(f"comment-{n}", chunks(PAYLOADS, CHUNKS)[n]))
        reply = comment(
            proposal,
            commenters[n + 1],
            world.text(f"reply-{n}", SAMPLE),
            parent=first,
            council=councils[n] if n % 2 else None,
        )
        comments += [first, reply]
    comments.append(comment(consultation, commenters[9], world.text("consultation-comment", SAMPLE)))
    world.objects.update(proposals=answered, withdrawn=withdrawn, comments=comments, authors=authors, commenters=commenters)
    return answered


def build_questionnaire(world):
    """In a consultation of its own: a consultation has one open step at a time."""
    now = timezone.now()
    consultation = ConsultationFactory(
        slug="questionnaire-piege", title=world.line("survey-consultation", SAMPLE[6], 200), tools=["surveys"]
    )
    step = Step.objects.create(
        consultation=consultation,
        kind=StepKind.QUESTIONNAIRE,
        title=world.line("questionnaire-step", SAMPLE[4], 200),
        position=2,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=10),
    )
    questionnaire = Questionnaire.objects.create(
        step=step,
        title=world.line("questionnaire-title", SAMPLE[5], 200),
        intro=world.text("questionnaire-intro", PAYLOADS),
        results_published_at=now,
    )
    short = SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=1, kind=QuestionKind.SHORT_TEXT, required=False,
        label=world.line("short-label", SAMPLE[6], 300), help_text=world.line("short-help", SAMPLE[7], 400),
    )
    long = SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=2, kind=QuestionKind.LONG_TEXT, required=False,
        label=world.line("long-label", SAMPLE[8], 300), help_text=world.line("long-help", SAMPLE[9], 400),
    )
    single = SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=3, kind=QuestionKind.SINGLE_CHOICE, required=False,
        label=world.line("single-label", SAMPLE[0], 300),
    )
    scale = SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=4, kind=QuestionKind.SCALE, required=False,
        label=world.line("scale-label", SAMPLE[1], 300),
        scale_min_label=world.line("scale-min", "<svg onload=xss()>", 60),
        scale_max_label=world.line("scale-max", "<img src=x onerror=xss()>", 60),
    )
    choices = [
        Choice.objects.create(question=single, position=n, label=world.line(f"choice-{n}", vector, 200))
        for n, vector in enumerate(SAMPLE[:4])
    ]
    respondents = people(world, "respondent-")
    answers = chunks(PAYLOADS, len(respondents))
    for n, user in enumerate(respondents):
        response = Response.objects.create(questionnaire=questionnaire, user=user)
        Answer.objects.create(response=response, question=short, text=world.line(f"short-answer-{n}", SAMPLE[n], 300))
        # A free answer is shown as written (line breaks kept), not as Markdown.
        text = world.lines(f"long-answer-{n}", answers[n])
        Answer.objects.create(response=response, question=long, text=text)
        selected = Answer.objects.create(response=response, question=single)
        selected.selections.create(choice=choices[n % len(choices)])
        Answer.objects.create(response=response, question=scale, number=1 + n % 5)
    world.objects.update(questionnaire=questionnaire, respondents=respondents, survey_questions=[short, long, single, scale])
    return questionnaire


def build_live(world):
    """A room with the corpus in its messages and questions, and the events that replay them."""
    event = EventFactory(slug="salon-piege", title=world.line("live-event", SAMPLE[3], 250))
    room = Room.objects.create(event=event, state=RoomState.OPEN)
    speakers = people(world, "speaker-")
    comment(event, speakers[0], world.text("event-comment", SAMPLE))
    seq = 0

    def record(kind, **objects):
        nonlocal seq
        seq += 1
        RoomEvent.objects.create(room=room, seq=seq, kind=kind, actor=objects.get("author"), **{
            key: value for key, value in objects.items() if key in ("message", "question")
        })

    messages = []
    for n, body in enumerate(short_chunks(PAYLOADS, LIVE_MAX_LENGTH)):
        author = speakers[n % len(speakers)]
        message = Message.objects.create(room=room, author=author, body=body, created_at=timezone.now())
        messages.append(message)
        record(EventKind.MESSAGE_CREATED, message=message, author=author)
    questions = []
    for n, body in enumerate(short_chunks(PAYLOADS, LIVE_MAX_LENGTH)):
        author = speakers[n % len(speakers)]
        question = Question.objects.create(
            room=room, author=author, body=body, answered=n % 2 == 0, created_at=timezone.now()
        )
        record(EventKind.QUESTION_CREATED, question=question, author=author)
        questions.append(question)
    room.pinned_question = questions[0]
    room.projected_question = questions[1]
    room.last_seq = seq
    room.save()
    world.objects.update(room=room, messages=messages, questions=questions, speakers=speakers)
    return room


def build():
    world = World()
    consultation = build_consultation(world)
    councils = build_councils(world)
    build_proposals(world, consultation, councils)
    build_questionnaire(world)
    build_live(world)
    return world
