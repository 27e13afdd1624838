from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

from consultations.api_pagination import KeysetPaginationMixin
from consultations.params import parse_id
from consultations.parsers import BoundedJSONParser
from consultations.refusals import Refused, refused_response
from consultations.serializers import RefusalSerializer
from consultations.speakers import attach_groups, speakers

from . import services
from .conf import get_setting
from .models import Comment
from .serializers import CommentCreateSerializer, CommentEditSerializer, CommentSerializer

THREAD_PARAMETERS = [
    OpenApiParameter(
        "target", str, required=True, enum=get_setting("COMMENTABLE_MODELS"),
        description='"app_label.model" of the commented content, e.g. "proposals.proposal".',
    ),
    OpenApiParameter("object_id", int, required=True, description="Id of the commented content."),
]


class ThreadPagination(KeysetPaginationMixin, api_settings.DEFAULT_PAGINATION_CLASS or PageNumberPagination):
    """Page numbers, and a cursor (``?cursor=``, the page's ``next_cursor``) that walks a long thread
    in posting order by comment_thread_idx, without OFFSET."""

    def keyset_order(self, request, view):
        return ("created_at", False)


class CommentViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Threads of comments on proposals, consultations and events (flat, in posting order, with parent ids)."""

    serializer_class = CommentSerializer
    pagination_class = ThreadPagination
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    queryset = Comment.objects.none()
    lookup_value_regex = "[^/]+"
    parser_classes = [BoundedJSONParser]

    def get_throttles(self):
        if self.action in ("create", "partial_update", "destroy"):
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    def _target(self):
        label = self.request.query_params.get("target", "")
        raw_id = self.request.query_params.get("object_id", "")
        if not raw_id:
            raise Refused(_("Give the id of the commented content (object_id)."), "invalid", 400)
        if label not in get_setting("COMMENTABLE_MODELS"):
            raise Refused(_("This content cannot be commented on."), "not_commentable", 400)
        object_id = parse_id(raw_id)
        if object_id is None:
            raise Refused(services.not_found_message(), "not_found", 404)
        return services.resolve_target(label, object_id)

    @extend_schema(parameters=THREAD_PARAMETERS, responses={200: CommentSerializer(many=True)})
    def list(self, request):
        try:
            target = self._target()
        except Refused as refusal:
            return refused_response(refusal)
        if not services.target_is_visible(request.user, target):
            return refused_response(Refused(services.not_found_message(), "not_found", 404))
        comments = (
            services.readable_comments(Comment.objects.for_object(target), request.user)
            .select_related("author")
            .order_by("created_at", "pk")
        )
        page = attach_groups(self.paginate_queryset(comments))
        return self.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(
        request=CommentCreateSerializer,
        responses={201: CommentSerializer, 409: RefusalSerializer},
    )
    def create(self, request):
        payload = CommentCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            target = services.resolve_target(data["target"], data["object_id"])
            parent = None
            if data.get("parent"):
                parent = Comment.objects.filter(pk=data["parent"]).first()
                if parent is None:
                    raise Refused(services.not_found_message(), "not_found", 404)
            comment = services.add_comment(
                request.user, target, data["body"], parent=parent, position=data.get("position", ""),
                on_behalf_of=speakers.named_in(data), notify_replies=data["notify_replies"],
            )
        except Refused as refusal:
            return refused_response(refusal)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    def _own_comment(self, pk):
        pk = parse_id(pk)
        comment = Comment.objects.select_related("author").filter(pk=pk).first() if pk else None
        if comment is None:
            raise Refused(services.not_found_message(), "not_found", 404)
        return attach_groups([comment])[0]

    @extend_schema(
        request=CommentEditSerializer,
        responses={200: CommentSerializer, 409: RefusalSerializer},
    )
    def partial_update(self, request, pk=None):
        try:
            comment = self._own_comment(pk)
            payload = CommentEditSerializer(data=request.data, partial=True)
            payload.is_valid(raise_exception=True)
            comment = services.edit_comment(request.user, comment, payload.validated_data.get("body", comment.body))
        except Refused as refusal:
            return refused_response(refusal)
        return Response(CommentSerializer(comment).data)

    @extend_schema(request=None, responses={200: CommentSerializer, 409: RefusalSerializer})
    def destroy(self, request, pk=None):
        """Delete a comment: it stays in the thread as a "deleted" marker."""
        try:
            comment = services.delete_comment(request.user, self._own_comment(pk))
        except Refused as refusal:
            return refused_response(refusal)
        return Response(CommentSerializer(comment).data)


