from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, IntegerField, Max, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..images import renditions_exist, save_renditions, validate_image_upload
from ..streams import validate_stream_url
from ..validators import SINGLE_LINE


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    REGIONAL_DAY = "regional_day", _("Regional day")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    FIELD_VISIT = "field_visit", _("Field visit")
    NETWORK_MEETING = "network_meeting", _("Network meeting")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])

    def with_dates(self):
        """First start and last end of the sessions, computed in the same query."""
        return self.annotate(first_start=Min("sessions__starts_at"), last_end=Max("sessions__ends_at"))

    def upcoming(self, now=None):
        return self.with_dates().filter(last_end__gte=now or timezone.now())

    def past(self, now=None):
        return self.with_dates().filter(last_end__lt=now or timezone.now())


class Event(models.Model):
    """One of the centre's rendez-vous, with one or more sessions."""

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=250, validators=[SINGLE_LINE])
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    theme = models.ForeignKey(
        "consultations.Theme", verbose_name=_("theme"), on_delete=models.PROTECT, related_name="events"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    summary = models.CharField(_("summary"), max_length=400, blank=True, validators=[SINGLE_LINE])
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown, without raw HTML."))
    audience = models.CharField(_("audience"), max_length=400, blank=True, validators=[SINGLE_LINE])
    speakers = models.TextField(_("speakers"), blank=True)
    partners = models.ManyToManyField(
        "consultations.Partner", verbose_name=_("partners"), blank=True, related_name="events"
    )
    territory = models.ForeignKey(
        "consultations.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    registration_enabled = models.BooleanField(_("registration open on the site"), default=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the first session starts."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    replay_url = models.URLField(_("replay link"), blank=True)
    image = models.ImageField(
        _("image"), upload_to="events/", blank=True, width_field="image_width", height_field="image_height",
        validators=[validate_image_upload],
        help_text=_("Optional: a JPEG, PNG or WebP photo, shown on the programme and the event's page."),
    )
    image_alt = models.CharField(
        _("image description"), max_length=300, blank=True, validators=[SINGLE_LINE],
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The summary after the session (consultations.recaps): drafted in one click, edited by staff.
    recap = models.TextField(
        _("summary of the session"), blank=True,
        help_text=_("Markdown, without raw HTML. Shown on the event page once published."),
    )
    recap_html = models.TextField(editable=False, blank=True)  # rendered once, at save
    recap_published = models.BooleanField(_("summary published"), default=False)
    # Raised by every change registrants must hear of (cancelled, a session moved): the .ics SEQUENCE.
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    # The revision registrants were last told about, so each change is told once.
    notified_revision = models.PositiveIntegerField(default=0, editable=False)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        blank=True,
        related_name="facilitated_events",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="event_capacity_positive"
            ),
            models.CheckConstraint(condition=Q(image="") | ~Q(image_alt=""), name="event_image_has_alt"),
        ]

    def __str__(self):
        return self.title

    @property
    def recap_rendered(self):
        from ..text import stored_html

        return stored_html(self.recap_html, self.recap)

    def get_absolute_url(self):
        return reverse("consultations:event_detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image in a few words for people who cannot see it.")})

    def save(self, *args, **kwargs):
        from ..text import store_rendered

        update_fields = store_rendered(self, [("recap", "recap_html")], kwargs.get("update_fields"))
        if update_fields is not None:
            kwargs["update_fields"] = update_fields
        if self.image and not self.image_width:
            # image.save() from code does not always fill the dimension fields (Django's form path does).
            self.image_width, self.image_height = self.image.width, self.image.height
        super().save(*args, **kwargs)
        # Whichever way the image came (the admin's form, image.save(), a fixture), its copies follow.
        if self.image and not renditions_exist(self.image, self.image_width):
            save_renditions(self.image, self.image_width)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED


class EventSession(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, validators=[SINGLE_LINE])
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    is_online = models.BooleanField(_("online"), default=False)
    city = models.CharField(_("city"), max_length=120, blank=True, validators=[SINGLE_LINE])
    place = models.CharField(_("place"), max_length=250, blank=True, validators=[SINGLE_LINE])
    online_url = models.URLField(
        _("link to join"), blank=True, help_text=_("Shown only to registered participants.")
    )
    stream_url = models.URLField(
        _("video"),
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text=_(
            "A YouTube, Vimeo or PeerTube address, shown beside the live room after the person agrees; "
            "or a BigBlueButton or Jitsi link, shown as « Join the video call »."
        ),
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_it_starts",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(is_online=True) | ~Q(city=""),
                name="session_online_or_in_a_city",
                violation_error_message=_("A session takes place online or in a city."),
            ),
        ]

    def __str__(self):
        return self.title or self.event.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A session must end after it starts.")
        if not self.is_online and not self.city:
            errors["city"] = _("Give the city, or tick \"online\".")
        if errors:
            raise ValidationError(errors)

    @property
    def where(self):
        if self.is_online:
            return _("Online")
        return ", ".join(part for part in [self.place, self.city] if part)


class EventResource(models.Model):
    class Kind(models.TextChoices):
        REPLAY = "replay", _("Replay")
        SYNTHESIS = "synthesis", _("Synthesis")
        SLIDES = "slides", _("Slides")
        DOCUMENT = "document", _("Document")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="resources"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(_("title"), max_length=250, validators=[SINGLE_LINE])
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="events/resources/", blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file=""), name="resource_has_link_or_file"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.file.url if self.file else self.url


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def with_waiting_position(self):
        """``waiting_position``: 1 for the first person waiting, None for a seat or a cancellation."""
        ahead = (
            Registration.objects.filter(event=OuterRef("event"), status=RegistrationStatus.WAITING)
            .filter(
                Q(queued_at__lt=OuterRef("queued_at"))
                | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
            )
            .order_by()
            .values("event")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(
            waiting_position=Case(
                When(
                    status=RegistrationStatus.WAITING,
                    then=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1,
                ),
                default=None,
                output_field=IntegerField(),
            )
        )


class Registration(models.Model):
    """One person's place at an event. One row per person and event, whatever its history."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(
        _("registered at"), default=timezone.now, help_text=_("Orders the waiting list.")
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    # When the person was first seen taking part (a live room, consultations.attendance); empty when
    # staff tick « attended » by hand.
    attended_at = models.DateTimeField(_("present since"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person"),
            models.CheckConstraint(
                condition=Q(status=RegistrationStatus.CANCELLED, cancelled_at__isnull=False)
                | (~Q(status=RegistrationStatus.CANCELLED) & Q(cancelled_at__isnull=True)),
                name="registration_cancelled_at_iff_cancelled",
            ),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(attended=True), name="registration_present_since_iff_attended"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} — {self.event}"

    def save(self, *args, **kwargs):
        # Staff unticking « attended » in the admin takes the time of presence away with it.
        if not self.attended:
            self.attended_at = None
        super().save(*args, **kwargs)

    @property
    def is_active(self):
        return self.status != RegistrationStatus.CANCELLED
