"""Schemas of the API answers (the data itself comes from ``protocol``, shared with the websocket)."""

from rest_framework import serializers


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class LiveRoomSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    event = serializers.CharField()
    state = serializers.CharField()
    is_open = serializers.BooleanField()
    premoderated = serializers.BooleanField()
    slow_mode_seconds = serializers.IntegerField()
    pinned_question = serializers.IntegerField(allow_null=True)
    projected_question = serializers.IntegerField(allow_null=True)
    last_seq = serializers.IntegerField()
    current_poll = serializers.IntegerField(allow_null=True)


class LiveEventSerializer(serializers.Serializer):
    type = serializers.CharField()
    seq = serializers.IntegerField()
    at = serializers.DateTimeField()
    actor = PersonSerializer(allow_null=True)
    data = serializers.JSONField()


class LiveQuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = PersonSerializer()
    body = serializers.CharField()
    html = serializers.CharField()
    status = serializers.CharField()
    answered = serializers.BooleanField()
    votes = serializers.IntegerField()
    created_at = serializers.DateTimeField()


class LivePollOptionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()


class LivePollSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["single", "multiple", "scale", "words"])
    question = serializers.CharField()
    state = serializers.ChoiceField(choices=["draft", "open", "closed"])
    results_hidden = serializers.BooleanField()
    revealed = serializers.BooleanField()
    options = LivePollOptionSerializer(many=True)
    results = serializers.JSONField(
        required=False,
        help_text="Present when the caller may see them: {total, choices: [{key, label, count, percent}], mean?} "
        "or, for a word cloud, {total, words: [{word, count, size}]}.",
    )


class LiveRefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
