from django.shortcuts import render
from django.utils import timezone

from consultations.views import programme_queryset


def home(request):
    upcoming = programme_queryset().upcoming(timezone.now()).order_by("first_start")[:6]
    return render(request, "lapartcitoyenne/home.html", {"upcoming": upcoming})
