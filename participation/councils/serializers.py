from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from consultations.identity import public_name
from consultations.api_fields import StrictCharField
from consultations.serializers import RefusalSerializer
from consultations.validators import NOT_BLANK

from .models import Council, Membership


HIDDEN_FIELDS = {"name": "", "description": "", "members": []}


class CouncilSerializer(serializers.ModelSerializer):
    neighbourhood = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    commune = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Council
        fields = ["slug", "name", "neighbourhood", "commune", "description", "status", "url", "moderation_status"]

    def to_representation(self, council):
        data = super().to_representation(council)
        # Hidden by moderation: everyone but moderators gets the status as the marker, not the presentation.
        if council.is_hidden and not self.context.get("moderates", False):
            data.update({field: value for field, value in HIDDEN_FIELDS.items() if field in data})
        return data


    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, council):
        request = self.context.get("request")
        path = council.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class MemberSerializer(serializers.Serializer):
    name = serializers.SerializerMethodField()
    role = serializers.CharField()

    def get_name(self, membership) -> str:
        return public_name(membership.user)


class CouncilDetailSerializer(CouncilSerializer):
    members = serializers.SerializerMethodField()

    class Meta(CouncilSerializer.Meta):
        fields = CouncilSerializer.Meta.fields + ["members"]

    def get_members(self, council) -> list[dict]:
        shown = [m for m in council.memberships.all() if m.is_accepted and m.show_on_page]
        return MemberSerializer(shown, many=True).data


class JoinRequestSerializer(serializers.Serializer):
    show_on_page = serializers.BooleanField(default=True)


class MembershipSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Membership
        fields = ["council", "role", "state", "show_on_page", "created_at"]


class ManagedMembershipSerializer(serializers.ModelSerializer):
    """A membership as the council's managers and staff see it, requests included."""

    person = serializers.CharField(source="user.public_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "person", "role", "state", "show_on_page", "created_at", "accepted_at"]


class CouncilRequestSerializer(serializers.Serializer):
    name = StrictCharField(max_length=160, validators=[NOT_BLANK])
    description = StrictCharField(max_length=5000, required=False, allow_blank=True, default="",
                                        help_text="Markdown, without raw HTML.")
    # Slugs, looked up by the view: an unknown one is a 404 with a reason, as for proposals.
    neighbourhood = StrictCharField(required=False, allow_null=True, allow_blank=True, default=None,
                                          help_text="Slug of a priority neighbourhood (QPV).")
    commune = StrictCharField(required=False, allow_null=True, allow_blank=True, default=None,
                                    help_text="Slug of a commune.")


VERIFICATION_DECISIONS = [("approve", "approve"), ("reject", "reject")]


class VerificationSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=VERIFICATION_DECISIONS)


__all__ = ["RefusalSerializer"]
