from rest_framework import serializers

from consultations.identity import public_name
from consultations.api_fields import StrictCharField

from .models import NOTE_MAX_LENGTH, Action, Block, Case, Reason, Report
from .services import DECISIONS, REASON_MAX_LENGTH



class ReportCreateSerializer(serializers.Serializer):
    kind = StrictCharField(max_length=30, help_text='The kind of content: "proposal", "comment", "live_message"...')
    object_id = serializers.IntegerField(min_value=1, max_value=2**62)
    reason = serializers.ChoiceField(choices=Reason.choices)
    note = StrictCharField(max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True, default="")


class ReportReceiptSerializer(serializers.Serializer):
    kind = serializers.CharField()
    object_id = serializers.IntegerField()
    detail = serializers.CharField()


class ReportSerializer(serializers.ModelSerializer):
    reporter = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["reason", "note", "reporter", "created_at"]

    def get_reporter(self, report) -> str:
        return public_name(report.reporter)


class CaseSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    author = serializers.SerializerMethodField()
    author_id = serializers.IntegerField(read_only=True, allow_null=True)
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    text = serializers.CharField(source="excerpt")

    class Meta:
        model = Case
        fields = [
            "id", "kind", "kind_label", "object_id", "status", "text", "url", "author", "author_id",
            "consultation", "event", "report_count", "decision_reason", "decided_at", "review_requested_at",
            "review_note", "created_at", "updated_at",
        ]

    def get_author(self, case) -> str:
        return public_name(case.author)


class CaseDetailSerializer(CaseSerializer):
    reports = ReportSerializer(many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = CaseSerializer.Meta.fields + ["reports"]


DECISION_CHOICES = list(DECISIONS)


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=DECISION_CHOICES)
    reason = StrictCharField(max_length=REASON_MAX_LENGTH, required=False, allow_blank=True, default="")


class BulkDecisionSerializer(DecisionSerializer):
    cases = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=2**62), min_length=1, max_length=200)


class BulkResultSerializer(serializers.Serializer):
    decided = serializers.IntegerField()


class ReviewRequestSerializer(serializers.Serializer):
    note = StrictCharField(max_length=NOTE_MAX_LENGTH)


class BlockSerializer(serializers.ModelSerializer):
    person = serializers.SerializerMethodField()
    in_force = serializers.SerializerMethodField()

    class Meta:
        model = Block
        fields = ["id", "user", "person", "until", "reason", "created_at", "lifted_at", "in_force"]

    def get_person(self, record) -> str:
        return public_name(record.user)

    def get_in_force(self, record) -> bool:
        return record.in_force()


class BlockCreateSerializer(serializers.Serializer):
    user = serializers.IntegerField(min_value=1, max_value=2**62, help_text="Id of the person to block.")
    days = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=36500,
                                    help_text="Duration in days; empty or null: for good.")
    reason = StrictCharField(max_length=REASON_MAX_LENGTH)


class LiftSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=REASON_MAX_LENGTH, required=False, allow_blank=True, default="")


class ActionSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()
    person = serializers.SerializerMethodField()
    action_label = serializers.CharField(source="get_action_display", read_only=True)

    class Meta:
        model = Action
        fields = ["id", "created_at", "action", "action_label", "actor", "kind", "object_id", "case", "person",
                  "reason", "source"]

    def get_actor(self, action) -> str:
        return public_name(action.actor)

    def get_person(self, action) -> str:
        return public_name(action.target_user)
