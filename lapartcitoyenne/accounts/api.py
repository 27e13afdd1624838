"""« Mes données » over the API: the same JSON as the page's download."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.response import Response
from rest_framework.views import APIView

from .privacy import collect_user_data


class MyDataView(APIView):
    """Everything the site holds about the signed-in person, by app, with stable keys."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        return Response(collect_user_data(request.user))
