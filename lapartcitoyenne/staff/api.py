"""The statistics page over the API (staff): the year in figures and every table."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from consultations.api_permissions import has_rule

from .statistics import Period, collect


class StatisticsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False, help_text="Default: this year.")


class FigureSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.JSONField()


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class TableSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Stable: the table's download name on the page.")
    title = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = serializers.ListField(child=serializers.DictField(), help_text="One object per row, by column key.")


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    figures = FigureSerializer(many=True)
    tables = TableSerializer(many=True)


class StatisticsView(APIView):
    """The statistics page's figures and tables for one calendar year, as JSON."""

    permission_classes = [permissions.IsAuthenticated, has_rule("exports.view_statistics")]

    @extend_schema(parameters=[StatisticsQuerySerializer], responses={200: StatisticsSerializer})
    def get(self, request):
        query = StatisticsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year", timezone.localdate().year)
        figures, tables = collect(Period(year))
        return Response(StatisticsSerializer({
            "year": year,
            "figures": [{"label": str(label), "value": value} for label, value in figures],
            "tables": [
                {
                    "name": table["name"],
                    "title": str(table.get("title", "")),
                    "columns": [{"key": key, "label": label} for key, label in table["columns"]],
                    "rows": [dict(zip((key for key, _label in table["columns"]), cells)) for cells in table["cells"]],
                }
                for table in tables
            ],
        }).data)
