from django.shortcuts import render
from django.utils import timezone

from consultations.models import Event
from participation.surveys.models import Questionnaire


def home(request):
    """The city's home page: its webinars with a live room, and the questionnaires open now."""
    now = timezone.now()
    webinars = Event.objects.filter(live_room__isnull=False, status="published").order_by("pk")
    questionnaires = Questionnaire.objects.filter(step__starts_at__lte=now, step__ends_at__gt=now).select_related("step")
    return render(request, "ville/home.html", {"webinars": webinars, "questionnaires": questionnaires})
