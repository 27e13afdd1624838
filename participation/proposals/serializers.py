from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from consultations.api_fields import StrictCharField
from consultations.identity import public_name
from consultations.validators import NOT_BLANK, SINGLE_LINE

from .models import ANSWER_STATES, Proposal

HIDDEN_FIELDS = {
    "title": "", "body": "", "withdrawal_reason": "", "author": None, "council": None, "attachment": None,
    "image_alt": "",
}


class ProposalSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    territory = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    author = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    threshold_reached = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id", "title", "consultation", "council", "author", "theme", "territory", "state",
            "support_count", "comment_count", "support_threshold", "threshold_reached", "collection_ends_at",
            "created_at", "url", "moderation_status",
        ]

    def to_representation(self, proposal):
        data = super().to_representation(proposal)
        # Hidden by moderation: everyone but moderators gets the status as the marker, not the text.
        if proposal.is_hidden and not self.context.get("moderates", False):
            data.update({field: value for field, value in HIDDEN_FIELDS.items() if field in data})
        return data

    def get_author(self, proposal) -> str | None:
        return public_name(proposal.author) if proposal.author else None

    def get_threshold_reached(self, proposal) -> bool:
        return proposal.threshold_reached_at is not None


    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, proposal):
        request = self.context.get("request")
        path = proposal.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ProposalDetailSerializer(ProposalSerializer):
    attachment = serializers.SerializerMethodField()

    class Meta(ProposalSerializer.Meta):
        fields = ProposalSerializer.Meta.fields + [
            "body", "attachment", "image_alt", "answer", "answered_at", "withdrawal_reason", "updated_at",
        ]

    def get_attachment(self, proposal) -> str | None:
        return proposal.attachment.url if proposal.attachment else None


class ProposalWriteSerializer(serializers.Serializer):
    """A new proposal as JSON; with a photo or a PDF, see ProposalUploadSerializer."""

    title = StrictCharField(max_length=160, validators=[SINGLE_LINE])
    body = StrictCharField(max_length=10000, validators=[NOT_BLANK])
    # Slugs, looked up by the view: an unknown one is a 404 with a reason.
    consultation = StrictCharField(required=False, allow_null=True, allow_blank=True)
    council = StrictCharField(required=False, allow_null=True, allow_blank=True)
    theme = StrictCharField(required=False, allow_null=True, allow_blank=True)
    territory = StrictCharField(required=False, allow_null=True, allow_blank=True)


class ProposalUploadSerializer(ProposalWriteSerializer):
    """A new proposal as multipart/form-data, the only body that carries a file."""

    attachment = serializers.FileField(required=False, help_text="A photo (JPEG, PNG, WebP) or a PDF.")
    image_alt = StrictCharField(
        required=False, allow_blank=True, max_length=300, validators=[SINGLE_LINE],
        help_text="What the photo shows, for people who cannot see it: required with a photo.",
    )


class ProposalEditSerializer(serializers.Serializer):
    title = StrictCharField(max_length=160, validators=[SINGLE_LINE])
    body = StrictCharField(max_length=10000, validators=[NOT_BLANK])
    theme = StrictCharField(required=False, allow_null=True, allow_blank=True)
    territory = StrictCharField(required=False, allow_null=True, allow_blank=True)


class WithdrawSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=2000, validators=[NOT_BLANK])


class SupportSerializer(serializers.Serializer):
    council = StrictCharField(
        required=False, allow_null=True, allow_blank=True, help_text="Slug of a council you belong to, to act on its behalf."
    )


class AnswerSerializer(serializers.Serializer):
    # The service says what is wrong with the state or the text, in the same words as the page.
    state = serializers.ChoiceField(
        choices=[(state.value, state.label) for state in ANSWER_STATES],
        error_messages={"invalid_choice": _("Choose the state that goes with the answer.")},
    )
    text = StrictCharField(max_length=20000, allow_blank=True, help_text="Markdown, without raw HTML.")


class FollowStateSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    following = serializers.BooleanField()


class SupportStateSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    support_count = serializers.IntegerField()
    supported = serializers.BooleanField()
