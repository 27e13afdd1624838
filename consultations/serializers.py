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
    url = serializers.URLField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Event
        fields = [
            "slug", "title", "kind", "status", "theme", "summary", "audience", "partners",
            "sessions", "capacity", "replay_url", "url",
        ]


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


