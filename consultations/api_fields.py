"""Serializer fields for what clients send: the type the schema says, not what DRF would coerce."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """A string, as the schema's ``type: string`` promises: DRF's CharField takes 12 or 1.5 as text."""

    default_error_messages = {"not_a_string": _("Enter text, not a number or another value.")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "nullable": True, "readOnly": True})
class SpokenForField(serializers.Field):
    """The key of the group (a council's slug) a piece of content speaks for through ``speaker``, or
    null: the serializer sets ``on_behalf_of`` with ``consultations.speakers.attach_groups``."""

    def __init__(self, speaker, **kwargs):
        self.speaker = speaker
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        group = getattr(obj, "on_behalf_of", None)
        hidden = getattr(obj, "is_hidden", False) or getattr(obj, "is_deleted", False)
        if group is None or group._meta.label_lower != self.speaker.model or hidden:
            return None
        return self.speaker.key_of(group)


def speaker_key_fields():
    """Write fields, one a registered speaker: the key of the group to speak for (``speakers.named_in``)."""
    from .speakers import speakers

    return {
        speaker.field: serializers.CharField(
            required=False, allow_null=True, allow_blank=True, max_length=200,
            help_text=f"Key (slug) of a {speaker.model.split('.')[-1]} you may speak for, to post on its behalf.",
        )
        for speaker in speakers
    }
