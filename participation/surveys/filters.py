"""The questionnaire list's filter: an unknown consultation is refused, like every list's filters."""

import django_filters
from django.utils.translation import gettext_lazy as _

from consultations.filters import KnownValueFilter, visible_consultations

from .models import Questionnaire


class QuestionnaireFilter(django_filters.FilterSet):
    consultation = KnownValueFilter(
        label=_("Consultation"), field_name="step__consultation__slug", queryset=visible_consultations
    )

    class Meta:
        model = Questionnaire
        fields = ["consultation"]
