from rest_framework import serializers

from .models import Budget, Envelope, Project, ProjectUpdate, ResultMethod


class EnvelopeSerializer(serializers.ModelSerializer):
    territory = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Envelope
        fields = ["id", "name", "amount_cents", "territory"]


class BudgetSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(source="step.consultation", slug_field="slug", read_only=True)
    vote_starts_at = serializers.DateTimeField(source="step.starts_at", read_only=True)
    vote_ends_at = serializers.DateTimeField(source="step.ends_at", read_only=True)
    envelopes = EnvelopeSerializer(many=True, read_only=True)

    class Meta:
        model = Budget
        fields = [
            "id", "title", "consultation", "rule", "min_share_percent", "max_projects", "exactly", "eligibility",
            "official_method", "vote_starts_at", "vote_ends_at", "results_published_at", "envelopes",
        ]


class ProjectSerializer(serializers.ModelSerializer):
    cost_cents = serializers.IntegerField(source="cost", read_only=True)

    class Meta:
        model = Project
        fields = [
            "id", "envelope", "title", "description", "cost_cents", "estimated_cost_cents", "feasibility",
            "feasibility_reason", "proposal_id", "progress", "percent_done",
        ]


class ProjectUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectUpdate
        fields = ["date", "text", "progress", "percent_done", "photo", "photo_description"]


class ProjectInSerializer(serializers.Serializer):
    envelope = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    cost_cents = serializers.IntegerField(min_value=1)


class BallotInSerializer(serializers.Serializer):
    projects = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=500)
    confirm = serializers.BooleanField(default=True)


class CodeBallotInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    projects = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=500)


class BallotSerializer(serializers.Serializer):
    envelope = serializers.IntegerField(source="envelope_id")
    projects = serializers.SerializerMethodField()
    total_cents = serializers.IntegerField()
    channel = serializers.CharField()
    confirmed_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()

    def get_projects(self, ballot) -> list[int]:
        return sorted(line.project_id for line in ballot.lines.all())


class ReviewInSerializer(serializers.Serializer):
    feasible = serializers.BooleanField()
    reason = serializers.CharField()
    estimated_cost_cents = serializers.IntegerField(min_value=1, required=False, allow_null=True)


class CodesInSerializer(serializers.Serializer):
    envelope = serializers.IntegerField()
    count = serializers.IntegerField(min_value=1, max_value=2000)


class MethodInSerializer(serializers.Serializer):
    official_method = serializers.ChoiceField(choices=ResultMethod.choices)


class DecisionInSerializer(serializers.Serializer):
    project = serializers.IntegerField()
    winner = serializers.BooleanField(allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ResultProjectSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    cost_cents = serializers.IntegerField(source="cost")
    votes = serializers.IntegerField()
    votes_online = serializers.IntegerField()
    votes_paper = serializers.IntegerField()
    greedy_winner = serializers.BooleanField()
    equal_shares_winner = serializers.BooleanField()
    winner = serializers.BooleanField(source="is_winner")
    decision_reason = serializers.CharField(source="manual_reason")


class EnvelopeResultSerializer(serializers.Serializer):
    envelope = EnvelopeSerializer()
    projects = ResultProjectSerializer(many=True)
    spent_cents = serializers.IntegerField(source="spent")
    online = serializers.IntegerField()
    paper = serializers.IntegerField()


class CodesOutSerializer(serializers.Serializer):
    codes = serializers.ListField(child=serializers.CharField())
