from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import (
    Consultation,
    ConsultationDocument,
    Event,
    EventResource,
    EventSession,
    Follow,
    Registration,
    Step,
    Territory,
    Theme,
)
from .registry import registry


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name"]


class SessionSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = EventSession
        fields = ["id", "event", "title", "starts_at", "ends_at", "is_online", "city", "place"]


class ResourceSerializer(serializers.ModelSerializer):
    href = serializers.CharField(read_only=True)

    class Meta:
        model = EventResource
        fields = ["kind", "title", "href"]


class EventListSerializer(serializers.ModelSerializer):
    theme = ThemeSerializer(read_only=True)
    sessions = SessionSerializer(many=True, read_only=True)
    partners = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "slug", "title", "kind", "status", "theme", "summary", "audience", "partners",
            "sessions", "capacity", "replay_url", "url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, event):
        request = self.context.get("request")
        path = event.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class EventDetailSerializer(EventListSerializer):
    resources = ResourceSerializer(many=True, read_only=True)

    class Meta(EventListSerializer.Meta):
        fields = EventListSerializer.Meta.fields + [
            "description", "speakers", "registration_enabled", "registration_closes_at",
            "waiting_list", "resources",
        ]


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    waiting_position = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        min_value=1,
        help_text="Place on the waiting list, 1 for the next seat; null with a seat or cancelled.",
    )

    class Meta:
        model = Registration
        fields = ["event", "status", "waiting_position", "queued_at", "cancelled_at"]


class RefusalSerializer(serializers.Serializer):
    """Every error answer of the API (see consultations.api_errors): ``errors`` only for invalid input."""

    detail = serializers.CharField()
    code = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


class TerritorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Territory
        fields = ["slug", "name", "kind"]


class StepSerializer(serializers.ModelSerializer):
    state = serializers.SerializerMethodField()
    tools = serializers.SerializerMethodField()

    class Meta:
        model = Step
        fields = ["id", "position", "kind", "title", "description", "starts_at", "ends_at", "state", "tools"]

    def get_state(self, step) -> str:
        return step.state(self.context.get("now"))

    def get_tools(self, step) -> list[dict]:
        """The consultation's tools this step opens, with their actions."""
        return [
            {"name": tool.name, "actions": list(tool.actions_for(step.kind))}
            for tool in registry.consultation_tools(step.consultation)
            if tool.actions_for(step.kind)
        ]


class ToolSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()


class DocumentSerializer(serializers.ModelSerializer):
    href = serializers.CharField(read_only=True)

    class Meta:
        model = ConsultationDocument
        fields = ["title", "href"]


class ConsultationListSerializer(serializers.ModelSerializer):
    theme = ThemeSerializer(read_only=True)
    territory = TerritorySerializer(read_only=True)
    period = serializers.SerializerMethodField()
    url = serializers.URLField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Consultation
        fields = ["slug", "title", "summary", "visibility", "theme", "territory", "period", "url"]

    def get_period(self, consultation) -> str:
        return consultation.period(self.context.get("now"))


class ConsultationDetailSerializer(ConsultationListSerializer):
    steps = StepSerializer(many=True, read_only=True)
    tools = serializers.SerializerMethodField()
    synthesis = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta(ConsultationListSerializer.Meta):
        fields = ConsultationListSerializer.Meta.fields + [
            "body", "steps", "tools", "premoderated", "synthesis", "synthesis_published_at", "documents",
        ]

    def get_tools(self, consultation) -> ToolSerializer(many=True):
        return [{"name": tool.name, "label": str(tool.label)} for tool in registry.consultation_tools(consultation)]

    def get_synthesis(self, consultation) -> str:
        return consultation.synthesis if consultation.synthesis_is_published else ""

    def get_documents(self, consultation) -> DocumentSerializer(many=True):
        if not consultation.synthesis_is_published:
            return []
        return DocumentSerializer(consultation.documents.all(), many=True).data


class FollowSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Follow
        fields = ["consultation", "created_at", "email_notifications"]
