"""Speaking on behalf of a group: a capability one plugin provides and others use when it is there.

A plugin whose members act together (the councils: « au nom du conseil citoyen ») registers a
``Speaker`` in its ``AppConfig.ready()``::

    from consultations.speakers import Speaker, speakers

    speakers.register(Speaker(
        field="council",                        # the form and API field: holds the group's key
        model="councils.council",               # "app_label.model" of the group
        label=_("Post on behalf of"),
        groups_for=lambda user: ...,            # the groups this person may speak for (a queryset)
        key_of=lambda group: group.slug,        # the group's public key in the API...
        by_key=lambda slug: Council.objects.filter(slug=slug).first(),   # ...and back
        refusal=_("You are not a member of this council."),
    ))

A plugin whose content can be posted on behalf of a group (the comments) stores the group as a
content type and an id — never a foreign key to the provider, which may not be installed — and
asks this module: which fields to offer (``speakers.offered_to(user)``), whether the person may
speak for the group they chose (``check(user, group)``), and what to show (``attach_groups``; a
group shows under ``str(group)`` and links to ``group.get_absolute_url()`` when it has one).
Without a provider nothing is offered and content is simply the author's.
"""

from dataclasses import dataclass
from typing import Callable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext

from .refusals import Refused


@dataclass(frozen=True)
class Speaker:
    field: str
    model: str
    label: str
    groups_for: Callable  # user -> queryset of the groups the person may speak for
    key_of: Callable  # group -> its public key in the API (a slug)
    by_key: Callable  # key -> the group, or None
    refusal: str

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def may_speak_for(self, user, group):
        return self.groups_for(user).filter(pk=group.pk).exists()


class SpeakerRegistry:
    def __init__(self):
        self._speakers = {}

    def register(self, speaker):
        if speaker.field in self._speakers and self._speakers[speaker.field] != speaker:
            raise ValueError(f"A different speaker is already registered as {speaker.field!r}.")
        self._speakers[speaker.field] = speaker
        return speaker

    def unregister(self, field):
        """For a host (or a test) that wants the capability off while its provider stays installed."""
        return self._speakers.pop(field, None)

    def __iter__(self):
        return iter(sorted(self._speakers.values(), key=lambda speaker: speaker.field))

    def get(self, field):
        return self._speakers.get(field)

    def for_model(self, label):
        return next((speaker for speaker in self if speaker.model == label), None)

    def offered_to(self, user):
        """(speaker, its groups for this person) for every speaker that gives the person a choice."""
        offered = []
        for speaker in self:
            groups = list(speaker.groups_for(user))
            if groups:
                offered.append((speaker, groups))
        return offered

    def check(self, user, group):
        """Refuse (403, "not_member") unless the person may speak for this group."""
        speaker = self.for_model(group._meta.label_lower)
        if speaker is None:
            raise Refused(speaker_missing_message(), "invalid", 400)
        if not speaker.may_speak_for(user, group):
            raise Refused(str(speaker.refusal), "not_member", 403)
        return speaker

    def named_in(self, payload):
        """The group an API payload names by its key in a speaker field (one at most), or None.
        An unknown key is refused as not found."""
        named = [(speaker, payload[speaker.field]) for speaker in self if payload.get(speaker.field)]
        if len(named) > 1:
            raise Refused(speaker_missing_message(), "invalid", 400)
        if not named:
            return None
        speaker, key = named[0]
        group = speaker.by_key(key)
        if group is None:
            raise Refused(gettext("This group does not exist."), "not_found", 404)
        return group

    def chosen(self, values):
        """The one group named in a form's or a payload's speaker fields (model instances), or None.
        Two at once are refused: content speaks for one group."""
        groups = [(field, values[field]) for field in self._speakers if values.get(field)]
        if len(groups) > 1:
            raise Refused(speaker_missing_message(), "invalid", 400)
        return groups[0][1] if groups else None


def speaker_missing_message():
    return gettext("Choose one group to speak for.")


def group_key(group):
    """(content type, id) to store for a group, or (None, None) for content of its author alone."""
    if group is None:
        return None, None
    return ContentType.objects.get_for_model(group), group.pk


def attach_groups(items, type_field="on_behalf_type_id", id_field="on_behalf_id", attribute="on_behalf_of"):
    """Set ``item.<attribute>`` to the group each item speaks for, one query per kind of group.

    A group whose provider is not installed (or that was deleted) reads as None: the item shows
    as its author's."""
    items = list(items)
    wanted = {}
    for item in items:
        setattr(item, attribute, None)
        type_id, object_id = getattr(item, type_field), getattr(item, id_field)
        if type_id is not None and object_id is not None:
            wanted.setdefault(type_id, set()).add(object_id)
    found = groups_by_key(wanted)
    for item in items:
        setattr(item, attribute, found.get((getattr(item, type_field), getattr(item, id_field))))
    return items


def groups_by_key(wanted):
    """{(content type id, group id): group} for ``{content type id: group ids}``, one query per kind of
    group; a kind no installed speaker provides (or a deleted group) is left out."""
    found = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or speakers.for_model(model._meta.label_lower) is None:
            continue
        found.update({(type_id, group.pk): group for group in model._default_manager.filter(pk__in=ids)})
    return found


speakers = SpeakerRegistry()
