"""Staff exports over the API: the datasets, starting a job, following its progress, its file.

The same form as the staff page checks the request, the same services run the job, the same rules
(rules.py) decide who may: every format runs as a job here, its file downloaded once done.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from consultations.api_permissions import has_rule
from consultations.parsers import BoundedJSONParser
from consultations.refusals import Refused
from consultations.serializers import RefusalSerializer

from . import services
from .formats import FORMATS
from .forms import ExportForm
from .models import ExportJob
from .registry import datasets
from .serializers import DatasetSerializer, ExportJobSerializer, ExportRequestSerializer
from .streaming import file_response

STAFF_ONLY = [permissions.IsAuthenticated, has_rule("exports.export_data")]
FILE_TYPES = {FORMATS[fmt][0].split(";")[0]: OpenApiTypes.BINARY for fmt in FORMATS}


class DatasetViewSet(viewsets.ViewSet):
    """The datasets staff may export, with the filters each accepts."""

    permission_classes = STAFF_ONLY

    @extend_schema(responses={200: DatasetSerializer(many=True)})
    def list(self, request):
        return Response(DatasetSerializer(datasets().values(), many=True).data)


class ExportJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One's export jobs, newest first: start one, follow its progress, download its file."""

    permission_classes = STAFF_ONLY
    parser_classes = [BoundedJSONParser]
    serializer_class = ExportJobSerializer
    queryset = ExportJob.objects.all()
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self):
        return ExportJob.objects.filter(requested_by_id=self.request.user.pk)

    def get_throttles(self):
        if self.action == "create":
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    @extend_schema(request=ExportRequestSerializer, responses={202: ExportJobSerializer})
    def create(self, request):
        """Start an export job (any format); it runs in the background, its progress on its address."""
        form = ExportForm(data=_form_data(request.data))
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        scope = form.scope()
        if scope.personal_data and not request.user.has_perm("exports.export_personal_data"):
            raise PermissionDenied()
        job = services.start_job(
            request.user, form.chosen_dataset(), scope, form.cleaned_data["format"], delimiter=form.cleaned_data["delimiter"]
        )
        job.refresh_from_db()
        return Response(self.get_serializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        responses={**{(200, media_type): schema for media_type, schema in FILE_TYPES.items()}, 409: RefusalSerializer},
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The job's file, once it is done and until its link expires."""
        job = self.get_object()
        if job.status != ExportJob.Status.DONE:
            raise Refused(_("The export is not finished yet."), "not_ready", 409)
        if job.expires_at <= timezone.now():
            raise Refused(_("This export has expired: start it again."), "expired", 409)
        return file_response(request._request, job.file, FORMATS[job.format][0])


def _form_data(data):
    """The JSON body as the page's form posts it: booleans and nulls as form values."""
    if not isinstance(data, dict):
        raise ValidationError(_("The request body must be an object."))
    values = {}
    for key, value in data.items():
        if value is None:
            continue
        values[key] = ("on" if value else "") if isinstance(value, bool) else value
    return values


def _form_errors(form):
    return {
        "non_field_errors" if field == "__all__" else field: [error["message"] for error in errors]
        for field, errors in form.errors.get_json_data().items()
    }
