"""Serializer fields for what clients send: the type the schema says, not what DRF would coerce."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """A string, as the schema's ``type: string`` promises: DRF's CharField takes 12 or 1.5 as text."""

    default_error_messages = {"not_a_string": _("Enter text, not a number or another value.")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        return super().to_internal_value(data)
