from django.shortcuts import render

from .home import home_context


def home(request):
    return render(request, "lapartcitoyenne/home.html", home_context(request))
