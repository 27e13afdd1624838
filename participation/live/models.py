"""Live rooms: a room per event, its messages, its questions, and the log of everything that happens.

Every change a client must learn of is a ``RoomEvent`` with a per-room sequence number ``seq``,
allocated under a lock on the room, so sequence numbers are dense and commit in order: a client
that saw ``seq`` n asks for everything after n and misses nothing. ``RoomEvent`` is also the
facilitation log: each row carries its actor.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.validators import SINGLE_LINE

BODY_MAX_LENGTH = 2000  # hard ceiling in the database; the configured limit is lower


class RoomState(models.TextChoices):
    SCHEDULED = "scheduled", _("Opens and closes on schedule")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Room(models.Model):
    event = models.OneToOneField(
        "consultations.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="live_room"
    )
    state = models.CharField(_("state"), max_length=10, choices=RoomState.choices, default=RoomState.SCHEDULED)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Visitors without an account can follow the room.")
    )
    premoderated = models.BooleanField(
        _("pre-moderated"), default=False, help_text=_("A facilitator approves each message before others see it.")
    )
    slow_mode_seconds = models.PositiveIntegerField(_("slow mode (seconds between messages)"), default=0)
    pinned_question = models.ForeignKey(
        "live.Question", verbose_name=_("pinned question"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    projected_question = models.ForeignKey(
        "live.Question", verbose_name=_("projected question"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # The poll on screen (the room's and the projection's): the last one launched, until another is.
    current_poll = models.ForeignKey(
        "live.Poll", verbose_name=_("current poll"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    last_seq = models.PositiveBigIntegerField(_("last sequence number"), default=0, editable=False)

    class Meta:
        verbose_name = _("live room")
        verbose_name_plural = _("live rooms")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(closes_at__isnull=True) | Q(closes_at__gt=F("opens_at")),
                name="live_room_closes_after_it_opens",
                violation_error_message=_("A room must close after it opens."),
            ),
        ]

    def __str__(self):
        return str(self.event)

    def get_absolute_url(self):
        return reverse("live:room", args=[self.event.slug])

    @property
    def group_name(self):
        return f"live.room.{self.pk}"

    def is_open(self, now=None):
        if self.state != RoomState.SCHEDULED:
            return self.state == RoomState.OPEN
        now = now or timezone.now()
        if self.opens_at is None:
            return False
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)

    def can_be_joined(self, now=None):
        """Open, or on a day of one of the event's sessions before it ends: the day's room to wait in.

        A room of a past or later event is not offered, even if it exists."""
        now = now or timezone.now()
        if self.is_open(now):
            return True
        if self.state == RoomState.CLOSED:
            return False
        today = timezone.localdate(now)
        return any(
            timezone.localdate(session.starts_at) <= today and now < session.ends_at
            for session in self.event.sessions.all()
        )


class Status(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Hidden")


class Message(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="live_messages"
    )
    body = models.CharField(_("message"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    # Made by the sender's browser for each send: a send resent after a cut connection is saved once.
    client_id = models.UUIDField(_("sender's key"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="live_message_not_empty"),
            models.UniqueConstraint(fields=["room", "author", "client_id"], name="live_message_sent_once"),
        ]
        indexes = [models.Index(fields=["room", "author", "created_at"])]

    def __str__(self):
        return self.body[:60]


class Question(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="live_questions"
    )
    body = models.CharField(_("question"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE)
    answered = models.BooleanField(pgettext_lazy("live question", "answered"), default=False)
    # Kept exact in the same transaction as the votes it counts.
    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    client_id = models.UUIDField(_("sender's key"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-vote_count", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="live_question_not_empty"),
            models.UniqueConstraint(fields=["room", "author", "client_id"], name="live_question_asked_once"),
        ]

    def __str__(self):
        return self.body[:60]


class QuestionVote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["question", "user"], name="live_one_vote_per_question")]


class SanctionKind(models.TextChoices):
    MUTE = "mute", _("Muted")
    BAN = "ban", _("Banned")


class Sanction(models.Model):
    """A participant muted (cannot write) or banned (cannot write nor vote) until a time."""

    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="sanctions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=4, choices=SanctionKind.choices)
    until = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        constraints = [
            models.CheckConstraint(condition=Q(until__gt=F("created_at")), name="live_sanction_ends_later"),
        ]
        indexes = [models.Index(fields=["room", "user", "until"])]


class EventKind(models.TextChoices):
    MESSAGE_CREATED = "message.created", _("message sent")
    MESSAGE_APPROVED = "message.approved", _("message approved")
    MESSAGE_HIDDEN = "message.hidden", _("message hidden")
    MESSAGE_RESTORED = "message.restored", _("message restored")
    QUESTION_CREATED = "question.created", _("question asked")
    QUESTION_VOTED = "question.voted", _("question upvoted")
    QUESTION_ANSWERED = "question.answered", _("question marked answered")
    QUESTION_HIDDEN = "question.hidden", _("question hidden")
    QUESTION_RESTORED = "question.restored", _("question restored")
    # Why a facilitator hid a message or question: for its author and the room's facilitators only.
    HIDDEN_NOTICE = "notice.hidden", _("reason for hiding given")
    QUESTION_PINNED = "question.pinned", _("question pinned")
    QUESTION_PROJECTED = "question.projected", _("question projected")
    ROOM_UPDATED = "room.updated", _("room settings changed")
    USER_SANCTIONED = "user.sanctioned", _("participant muted or banned")
    POLL_CREATED = "poll.created", _("poll prepared")
    POLL_OPENED = "poll.opened", _("poll launched")
    POLL_CLOSED = "poll.closed", _("poll closed")
    POLL_REVEALED = "poll.revealed", _("poll results revealed")


class RoomEvent(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField(_("sequence number"))
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.ForeignKey(Message, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    sanction = models.ForeignKey(Sanction, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    poll = models.ForeignKey("live.Poll", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # What the action changed that the objects do not keep (e.g. the room settings at that time).
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["room", "seq"]
        verbose_name = _("room event")
        verbose_name_plural = _("room events")
        constraints = [
            models.UniqueConstraint(fields=["room", "seq"], name="live_event_seq_unique_per_room"),
            models.CheckConstraint(condition=Q(seq__gt=0), name="live_event_seq_positive"),
        ]

    def __str__(self):
        return f"{self.room_id}#{self.seq} {self.kind}"


class PollKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale from 1 to 5")
    WORDS = "words", _("Word cloud")


class PollState(models.TextChoices):
    DRAFT = "draft", _("Prepared")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


SCALE_MIN, SCALE_MAX = 1, 5
WORDS_MAX_LENGTH = 80


class Poll(models.Model):
    """A question put to the room by a facilitator, prepared ahead or on the fly; answered once per person."""

    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="polls")
    kind = models.CharField(_("kind"), max_length=10, choices=PollKind.choices, default=PollKind.SINGLE)
    question = models.CharField(_("question"), max_length=300)
    state = models.CharField(_("state"), max_length=10, choices=PollState.choices, default=PollState.DRAFT)
    results_hidden = models.BooleanField(
        _("results hidden until revealed"), default=False,
        help_text=_("Participants see the results only once a facilitator reveals them."),
    )
    revealed = models.BooleanField(_("results revealed"), default=False)
    position = models.PositiveIntegerField(_("order"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    opened_at = models.DateTimeField(_("launched"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["room", "position", "pk"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        constraints = [models.CheckConstraint(condition=~Q(question=""), name="live_poll_has_a_question")]

    def __str__(self):
        return self.question[:60]

    @property
    def results_visible(self):
        """Whether everyone may see the results now (facilitators always may)."""
        return not self.results_hidden or self.revealed

    @property
    def has_options(self):
        return self.kind in (PollKind.SINGLE, PollKind.MULTIPLE)


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("choice"), max_length=200, validators=[SINGLE_LINE])
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["poll", "position", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [models.CheckConstraint(condition=~Q(label=""), name="live_poll_option_not_empty")]

    def __str__(self):
        return self.label


class PollAnswer(models.Model):
    """One person's answer to a poll: the choices, the scale value or the words, changeable while it is open."""

    poll = models.ForeignKey(Poll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="+"
    )
    options = models.ManyToManyField(PollOption, verbose_name=_("choices"), blank=True, related_name="answers")
    scale = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    text = models.CharField(_("words"), max_length=WORDS_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(pgettext_lazy("live poll answer", "answered"), default=timezone.now)

    class Meta:
        verbose_name = _("poll answer")
        verbose_name_plural = _("poll answers")
        constraints = [
            models.UniqueConstraint(fields=["poll", "user"], name="live_one_answer_per_poll"),
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=SCALE_MIN, scale__lte=SCALE_MAX),
                name="live_poll_scale_in_range",
            ),
        ]
