from rest_framework import serializers

from .models import Choice, Question, Questionnaire


class ChoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Choice
        fields = ["id", "label"]


class QuestionSerializer(serializers.ModelSerializer):
    choices = ChoiceSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "id", "position", "kind", "label", "help_text", "required", "max_choices",
            "scale_min", "scale_max", "scale_min_label", "scale_max_label", "choices",
        ]


class QuestionnaireListSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(source="step.consultation", slug_field="slug", read_only=True)
    step = serializers.IntegerField(source="step.pk", read_only=True)
    is_open = serializers.SerializerMethodField()
    results_published = serializers.BooleanField(source="results_are_published", read_only=True)

    class Meta:
        model = Questionnaire
        fields = ["id", "title", "consultation", "step", "is_open", "results_published"]

    def get_is_open(self, questionnaire) -> bool:
        return questionnaire.step.is_open()


class QuestionnaireDetailSerializer(QuestionnaireListSerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta(QuestionnaireListSerializer.Meta):
        fields = QuestionnaireListSerializer.Meta.fields + ["intro", "questions"]


class AnswerInSerializer(serializers.Serializer):
    question = serializers.IntegerField()
    value = serializers.JSONField(
        help_text="Text for text questions, a choice id for a single choice, a list of choice ids for a "
        "multiple choice, a number for a scale, the list of choice ids from first to last for a ranking."
    )


class AnswersInSerializer(serializers.Serializer):
    answers = AnswerInSerializer(many=True)


class MyAnswersSerializer(serializers.Serializer):
    submitted_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    answers = AnswerInSerializer(many=True)


class BarSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.IntegerField()
    average_rank = serializers.CharField(source="extra")


class QuestionResultSerializer(serializers.Serializer):
    question = serializers.IntegerField(source="question.pk")
    label = serializers.CharField(source="question.label")
    kind = serializers.CharField(source="question.kind")
    answered = serializers.IntegerField()
    average = serializers.FloatField(allow_null=True)
    bars = BarSerializer(many=True)
    texts = serializers.ListField(child=serializers.CharField())


class ResultsSerializer(serializers.Serializer):
    respondents = serializers.IntegerField()
    questions = QuestionResultSerializer(many=True)
