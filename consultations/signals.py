"""What any save of an event, a session or a registration sets in motion, however it is saved.

The admin, a management command or the shell: the waiting list moves into seats that appear, and a
change registrants must hear of raises the event's revision and is told once the transaction
commits (the admin saves an event and its sessions in one transaction: one e-mail, not one per field).
"""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from . import services
from .models import Event, EventSession, EventStatus, Registration

# What a registrant's calendar or journey depends on; a new title or description is cosmetic.
SESSION_FIELDS_THAT_MATTER = ("starts_at", "ends_at", "is_online", "city", "place", "online_url")


def _announce_on_commit(event_id):
    transaction.on_commit(lambda: services.announce_event_change(event_id))


@receiver(pre_save, sender=Event)
def keep_revision_and_count_cancellation(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    stored = Event.objects.filter(pk=instance.pk).values("status", "revision", "notified_revision").first()
    if stored is None:
        return
    # The stored counters win over the ones this instance loaded: a session saved since may have
    # raised them.
    instance.revision = stored["revision"]
    instance.notified_revision = stored["notified_revision"]
    cancelled_now = instance.status == EventStatus.CANCELLED
    instance._announce = cancelled_now != (stored["status"] == EventStatus.CANCELLED)
    if instance._announce:
        instance.revision += 1


@receiver(post_save, sender=Event)
def move_waiting_list_and_announce(sender, instance, created, raw=False, **kwargs):
    if raw or created:
        return
    services.fill_seats(instance)
    if getattr(instance, "_announce", False):
        instance._announce = False
        _announce_on_commit(instance.pk)


@receiver(pre_save, sender=EventSession)
def notice_session_move(sender, instance, raw=False, **kwargs):
    instance._moved = False
    if raw or instance.pk is None:
        return
    stored = EventSession.objects.filter(pk=instance.pk).values(*SESSION_FIELDS_THAT_MATTER).first()
    instance._moved = stored is not None and any(
        stored[name] != getattr(instance, name) for name in SESSION_FIELDS_THAT_MATTER
    )


def _raise_revision(event_id):
    changed = (
        Event.objects.filter(pk=event_id)
        .exclude(status=EventStatus.CANCELLED)
        .update(revision=F("revision") + 1, updated_at=timezone.now())
    )
    if changed:
        _announce_on_commit(event_id)


@receiver(post_save, sender=EventSession)
def count_session_move(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created or instance._moved:
        _raise_revision(instance.event_id)


@receiver(post_delete, sender=EventSession)
def count_session_removal(sender, instance, **kwargs):
    _raise_revision(instance.event_id)


@receiver(post_delete, sender=Registration)
def give_the_freed_seat(sender, instance, **kwargs):
    event = Event.objects.filter(pk=instance.event_id).first()
    if event is not None:
        services.fill_seats(event)
