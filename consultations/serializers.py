from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Event, EventResource, EventSession, Registration, Theme


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

    class Meta:
        model = Registration
        fields = ["event", "status", "queued_at", "cancelled_at"]


class RefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


