"""Actions on the frame that touch several rows, each in one transaction."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Consultation,
    Event,
    EventStatus,
    Follow,
    Registration,
    RegistrationStatus,
    Step,
    Visibility,
)
from . import page_cache
from .moderation import not_citizen_refusal
from .rules import is_citizen
from .tasks import send_registration_email, send_step_opened_email, send_synthesis_email


class RegistrationRefused(Exception):
    """A registration or cancellation that cannot be done; the message is for the person."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def registration_closed_reason(event, now=None):
    """Why nobody can register now, or None when registration is open."""
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        return _("This event has been cancelled."), "cancelled"
    if event.status != EventStatus.PUBLISHED:
        return _("This event is not published."), "not_published"
    if not event.registration_enabled:
        return _("Registration for this event is not done on this site."), "closed"
    sessions = list(event.sessions.all())
    if not sessions:
        return _("This event has no date yet."), "closed"
    first_start = min(session.starts_at for session in sessions)
    if first_start <= now:
        return _("This event has already started or is over."), "past"
    if event.registration_closes_at and event.registration_closes_at <= now:
        return _("Registration for this event is closed."), "closed"
    return None


def _confirmed_count(event):
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def seats_left(event):
    """Seats a newcomer could take now: None without a limit; 0 while anyone waits for one."""
    if event.capacity is None:
        return None
    if event.registrations.filter(status=RegistrationStatus.WAITING).exists():
        return 0
    return max(event.capacity - _confirmed_count(event), 0)


def _fill_seats(event, now):
    """Give the free seats to the people waiting, first come first served; the caller locks the event.

    The one place where the waiting list moves, whatever freed the seats (a cancellation, a raised
    capacity, a registration deleted by staff), and it runs before any newcomer is seated.
    """
    if event.is_cancelled:
        return []
    first_start = min((s.starts_at for s in event.sessions.all()), default=None)
    if first_start is not None and first_start <= now:
        return []
    waiting = event.registrations.select_for_update().filter(status=RegistrationStatus.WAITING)
    waiting = waiting.order_by("queued_at", "pk")
    if event.capacity is not None:
        free = event.capacity - _confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    # update(), not save(): no signal, so promoting never re-enters this function.
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(status=RegistrationStatus.CONFIRMED)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        transaction.on_commit(
            lambda pk=registration.pk: send_registration_email.enqueue(registration_id=pk, kind="promoted")
        )
    return promoted


@transaction.atomic
def fill_seats(event, now=None):
    """Move the waiting list into the seats free now; returns the registrations promoted, in order."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    return _fill_seats(event, now or timezone.now())


@transaction.atomic
def register(event, user, now=None):
    """Give the person a seat, or a place on the waiting list; refuse with a reason otherwise."""
    now = now or timezone.now()
    if not is_citizen(user):
        raise RegistrationRefused(*not_citizen_refusal(user, _("Please verify your email address before registering."), "register"))
    # Locking the event serialises registrations, so the capacity holds under concurrency.
    event = Event.objects.select_for_update().get(pk=event.pk)
    reason = registration_closed_reason(event, now)
    if reason:
        raise RegistrationRefused(*reason)
    registration = (
        Registration.objects.select_for_update().filter(event=event, user=user).first()
    )
    if registration and registration.is_active:
        if registration.status == RegistrationStatus.WAITING:
            message = _("You are already on the waiting list for this event.")
        else:
            message = _("You are already registered for this event.")
        raise RegistrationRefused(message, "already_registered")
    # Those waiting take any free seat first: a newcomer never passes them.
    _fill_seats(event, now)
    left = seats_left(event)
    if left is None or left > 0:
        status = RegistrationStatus.CONFIRMED
    elif event.waiting_list:
        status = RegistrationStatus.WAITING
    else:
        raise RegistrationRefused(_("This event is full."), "full")
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.status = status
    registration.queued_at = now
    registration.cancelled_at = None
    registration.save()
    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration_id=registration.pk, kind=status)
    )
    return registration


@dataclass
class Cancellation:
    registration: Registration
    promoted: Registration | None


@transaction.atomic
def cancel_registration(event, user, now=None):
    """Free the person's place; the first person waiting takes it and is told by email."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        raise RegistrationRefused(_("You are not registered for this event."), "not_registered")
    first_start = min((s.starts_at for s in event.sessions.all()), default=None)
    if first_start is not None and first_start <= now:
        raise RegistrationRefused(
            _("This event has already started: the registration can no longer be cancelled."),
            "past",
        )
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    promoted = _fill_seats(event, now)
    return Cancellation(registration=registration, promoted=promoted[0] if promoted else None)


@transaction.atomic
def announce_event_change(event_id):
    """Tell every registrant, once, of the changes since they were last told (cancelled or moved).

    Runs when the change commits; several calls for one change send one e-mail per person.
    """
    event = Event.objects.select_for_update().filter(pk=event_id).first()
    if event is None or event.revision <= event.notified_revision:
        return 0
    Event.objects.filter(pk=event.pk).update(notified_revision=event.revision)
    if event.status == EventStatus.DRAFT:
        return 0
    kind = "cancelled" if event.is_cancelled else "changed"
    registrations = list(
        event.registrations.exclude(status=RegistrationStatus.CANCELLED).values_list("pk", flat=True)
    )
    for pk in registrations:
        transaction.on_commit(
            lambda pk=pk: send_registration_email.enqueue(registration_id=pk, kind=kind)
        )
    return len(registrations)


class FollowRefused(Exception):
    """Joining or leaving a consultation that cannot be done; the message is for the person."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def follow(consultation, user):
    """Join the consultation (idempotent); returns the Follow and whether it is new."""
    if not user.has_perm("consultations.follow_consultation", consultation):
        raise FollowRefused(
            *not_citizen_refusal(user, _("Please verify your email address before joining a consultation."), "join")
        )
    membership, created = Follow.objects.get_or_create(consultation=consultation, user=user)
    if not created and not membership.email_notifications:
        membership.email_notifications = True
        membership.save(update_fields=["email_notifications"])
    return membership, created


def unfollow(consultation, user):
    deleted, _rows = Follow.objects.filter(consultation=consultation, user=user).delete()
    if not deleted:
        raise FollowRefused(_("You have not joined this consultation."), "not_following")


def stop_emails(follow_id):
    """The one-click unsubscribe: the person stays a member, without emails."""
    return Follow.objects.filter(pk=follow_id).update(email_notifications=False) > 0


@transaction.atomic
def announce_due_steps(now=None):
    """Mark every step that has opened and was not announced; enqueue one email task per open step.

    Run periodically (``manage.py notify_step_openings``). Steps of drafts wait for publication;
    a step that already closed is marked without an email, nobody wants news of a closed step.
    """
    now = now or timezone.now()
    due = list(
        Step.objects.select_for_update(skip_locked=True)
        .filter(announced_at__isnull=True, starts_at__lte=now)
        .exclude(consultation__visibility=Visibility.DRAFT)
        .order_by("starts_at", "pk")
    )
    Step.objects.filter(pk__in=[step.pk for step in due]).update(announced_at=now)
    opened = [step.pk for step in due if step.ends_at > now]
    for step_id in opened:
        transaction.on_commit(lambda step_id=step_id: send_step_opened_email.enqueue(step_id=step_id))
    return opened


@transaction.atomic
@transaction.atomic
def set_visibility(consultations, visibility):
    """Publish or unpublish several consultations at once; visitors' cached pages follow at once
    (``update()`` sends no ``post_save``, which the page cache otherwise listens to)."""
    count = consultations.update(visibility=visibility)
    if count:
        page_cache.invalidate()
    return count


def publish_synthesis(consultation, now=None):
    """Publish the synthesis once and tell the followers by email."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.synthesis_published_at is not None:
        return False
    consultation.synthesis_published_at = now or timezone.now()
    consultation.save(update_fields=["synthesis_published_at"])
    transaction.on_commit(
        lambda: send_synthesis_email.enqueue(consultation_id=consultation.pk)
    )
    return True
