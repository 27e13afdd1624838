from django.shortcuts import render

from .home import home_context
from consultations.page_cache import visitor_cached


@visitor_cached
def home(request):
    return render(request, "lapartcitoyenne/home.html", home_context(request))
