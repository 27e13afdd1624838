from rest_framework import serializers

from consultations.identity import public_name
from consultations.api_fields import SpokenForField, StrictCharField, speaker_key_fields
from consultations.speakers import speakers
from consultations.validators import NOT_BLANK

from .conf import get_setting
from .models import Comment, Position


class CommentSerializer(serializers.ModelSerializer):
    """With a speaker app installed, a field per speaker ("council": the slug of the council the
    comment speaks for, or null); without one, no such field."""

    author = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    deleted = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id", "parent", "depth", "author", "body", "position", "created_at", "edited_at", "deleted",
            "moderation_status",
        ]

    def get_fields(self):
        fields = super().get_fields()
        for speaker in speakers:
            fields[speaker.field] = SpokenForField(speaker)
        return fields

    def get_author(self, comment) -> str | None:
        if comment.is_deleted or comment.is_hidden or comment.author is None:
            return None
        return public_name(comment.author)

    def get_body(self, comment) -> str:
        return "" if comment.is_deleted or comment.is_hidden else comment.body

    def get_deleted(self, comment) -> bool:
        return comment.is_deleted


class CommentCreateSerializer(serializers.Serializer):
    target = serializers.ChoiceField(
        choices=[], help_text='"app_label.model" of the commented content, e.g. "proposals.proposal".'
    )
    object_id = serializers.IntegerField(min_value=1, max_value=2**62)
    body = StrictCharField(max_length=5000, validators=[NOT_BLANK])
    parent = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**62)
    position = serializers.ChoiceField(choices=Position.choices, required=False, allow_blank=True)
    notify_replies = serializers.BooleanField(default=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = get_setting("COMMENTABLE_MODELS")

    def get_fields(self):
        return {**super().get_fields(), **speaker_key_fields()}


class CommentEditSerializer(serializers.Serializer):
    body = StrictCharField(max_length=5000, validators=[NOT_BLANK])
