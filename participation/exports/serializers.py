from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from consultations.api_fields import StrictCharField

from .models import ExportFormat, ExportJob

FILTERS = ("consultation", "event", "theme", "territory", "since", "until")


class DatasetSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    description = serializers.CharField()
    personal_data = serializers.BooleanField(help_text="Whether names and emails can be included.")
    filters = serializers.SerializerMethodField(help_text="The scope filters the dataset accepts.")

    def get_filters(self, dataset) -> list[str]:
        return [name for name in FILTERS if dataset.supports(name)]


class ExportRequestSerializer(serializers.Serializer):
    """What the staff export page asks; checked by the same form, so the same refusals."""

    dataset = StrictCharField(help_text="A dataset's name, from /api/exports/datasets/.")
    format = serializers.ChoiceField(choices=ExportFormat.choices)
    delimiter = serializers.ChoiceField(choices=[(";", ";"), (",", ",")], default=";", help_text="CSV only.")
    consultation = StrictCharField(required=False, help_text="Slug of a consultation.")
    event = StrictCharField(required=False, help_text="Slug of an event.")
    theme = StrictCharField(required=False, help_text="Slug of a theme.")
    territory = StrictCharField(required=False, help_text="Slug of a territory.")
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)
    personal_data = serializers.BooleanField(default=False, help_text="Include names and emails (logged).")


class ExportJobSerializer(serializers.ModelSerializer):
    download = serializers.SerializerMethodField(help_text="Address of the file once the job is done, until it expires.")

    class Meta:
        model = ExportJob
        fields = [
            "id", "dataset", "scope", "format", "status", "progress", "rows_done", "rows_total", "error",
            "created_at", "finished_at", "expires_at", "download",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_download(self, job):
        if job.status != ExportJob.Status.DONE:
            return None
        path = reverse("export-job-download", args=[job.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
