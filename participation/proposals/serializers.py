from rest_framework import serializers

from consultations.models import Consultation, Territory, Theme
from participation.councils.models import Council

from .models import Proposal


class ProposalSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    territory = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    author = serializers.SerializerMethodField()
    url = serializers.URLField(source="get_absolute_url", read_only=True)
    threshold_reached = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id", "title", "consultation", "council", "author", "theme", "territory", "state",
            "support_count", "comment_count", "support_threshold", "threshold_reached", "created_at", "url",
        ]

    def get_author(self, proposal) -> str | None:
        return proposal.author.public_name if proposal.author else None

    def get_threshold_reached(self, proposal) -> bool:
        return proposal.threshold_reached_at is not None


class ProposalDetailSerializer(ProposalSerializer):
    attachment = serializers.SerializerMethodField()

    class Meta(ProposalSerializer.Meta):
        fields = ProposalSerializer.Meta.fields + [
            "body", "attachment", "answer", "answered_at", "withdrawal_reason", "updated_at",
        ]

    def get_attachment(self, proposal) -> str | None:
        return proposal.attachment.url if proposal.attachment else None


class ProposalWriteSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=10000)
    body = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=100000)
    consultation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Consultation.objects.public(), required=False, allow_null=True
    )
    council = serializers.SlugRelatedField(slug_field="slug", queryset=Council.objects.all(), required=False, allow_null=True)
    theme = serializers.SlugRelatedField(slug_field="slug", queryset=Theme.objects.all(), required=False, allow_null=True)
    territory = serializers.SlugRelatedField(slug_field="slug", queryset=Territory.objects.all(), required=False, allow_null=True)
    attachment = serializers.FileField(required=False, allow_null=True)


class ProposalEditSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=10000)
    body = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=100000)
    theme = serializers.SlugRelatedField(slug_field="slug", queryset=Theme.objects.all(), required=False, allow_null=True)
    territory = serializers.SlugRelatedField(slug_field="slug", queryset=Territory.objects.all(), required=False, allow_null=True)


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=100000)


class SupportSerializer(serializers.Serializer):
    council = serializers.SlugRelatedField(slug_field="slug", queryset=Council.objects.all(), required=False, allow_null=True)


class SupportStateSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    support_count = serializers.IntegerField()
    supported = serializers.BooleanField()
