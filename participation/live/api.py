"""Read-only API of the live rooms: the rooms, their questions and their history of events."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from consultations.params import int_param
from consultations.refusals import Refused

from . import rules as live_rules
from . import queries, services
from .conf import live_setting
from .protocol import audience, event_frame, may_receive, question_data, room_data
from .poll_results import polls_with_results
from .serializers import (
    LiveEventSerializer,
    LivePollSerializer,
    LiveQuestionSerializer,
    LiveRefusalSerializer,
    LiveRoomSerializer,
)

AFTER = OpenApiParameter("after", int, description="Sequence number of the last event already seen (0: from the start).")
LIMIT = OpenApiParameter("limit", int, description="At most this many events (default and maximum: REPLAY_LIMIT).")

def _int_param(request, name, default, maximum=None):
    try:
        value = int_param(request.query_params.get(name), name, default)
    except Refused as refusal:
        raise ValidationError({"detail": refusal.message, "code": refusal.code}) from None
    return min(value, maximum) if maximum else value


class RoomViewSet(viewsets.ViewSet):
    """Live rooms of the events, by event slug."""

    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    permission_classes = [AllowAny]

    def _room(self, request, slug):
        room = queries.rooms().filter(event__slug=slug).first()
        if room is None or not live_rules.can_follow(request.user, room):
            raise NotFound({"detail": _("This room does not exist."), "code": "not_found"})
        return room

    @extend_schema(responses={200: LiveRoomSerializer(many=True)})
    def list(self, request):
        """The rooms the caller may follow."""
        return Response([room_data(room) for room in queries.followable_rooms(request.user)])

    @extend_schema(responses={200: LiveRoomSerializer, 404: LiveRefusalSerializer})
    def retrieve(self, request, slug=None):
        return Response(room_data(self._room(request, slug)))

    @extend_schema(parameters=[AFTER, LIMIT], responses={200: LiveEventSerializer(many=True), 400: LiveRefusalSerializer, 404: LiveRefusalSerializer})
    @action(detail=True)
    def events(self, request, slug=None):
        """The room's events after ``after``, in order: the same frames as the websocket sends."""
        room = self._room(request, slug)
        after = _int_param(request, "after", 0)
        limit = _int_param(request, "limit", live_setting("REPLAY_LIMIT"), maximum=live_setting("REPLAY_LIMIT")) or 1
        user = request.user
        moderates = bool(user.is_authenticated and live_rules.can_hide(user, room))
        frames = []
        for event in services.replay(room, after, limit=limit):
            kind, user_id = audience(event)
            if may_receive(kind, user_id, user.pk, moderates):
                frames.append(event_frame(event))
        return Response(frames)

    @extend_schema(responses={200: LiveQuestionSerializer(many=True), 404: LiveRefusalSerializer})
    @action(detail=True)
    def questions(self, request, slug=None):
        """Visible questions, open ones first, most upvoted first."""
        room = self._room(request, slug)
        return Response([question_data(q) for q in queries.visible_questions(room)])

    @extend_schema(responses={200: LivePollSerializer(many=True), 404: LiveRefusalSerializer})
    @action(detail=True)
    def polls(self, request, slug=None):
        """The room's polls in the order they were launched, with their results where the caller may see
        them (facilitators: every poll, prepared ones included, with all results)."""
        room = self._room(request, slug)
        facilitates = bool(request.user.is_authenticated and live_rules.can_run_polls(request.user, room))
        polls = queries.all_polls(room) if facilitates else queries.launched_polls(room)
        return Response(polls_with_results(polls, facilitates=facilitates))
