from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.translation import gettext as _

from . import services
from .models import Questionnaire
from .results import questionnaire_results
from .sheet import AnswerSheet


def visible_questionnaire(request, pk):
    questionnaire = get_object_or_404(
        Questionnaire.objects.select_related("step__consultation"), pk=pk
    )
    if not request.user.has_perm("surveys.view_questionnaire", questionnaire):
        raise Http404
    return questionnaire


def questionnaire(request, pk):
    questionnaire = visible_questionnaire(request, pk)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    questions = list(services.questions_of(questionnaire))
    mine = services.my_answers(questionnaire, request.user)
    refusal = services.refusal_reason(questionnaire, request.user)
    status = 200
    if request.method == "POST":
        sheet = AnswerSheet(questions, data=request.POST)
        if refusal:
            messages.error(request, refusal[0])
            return redirect(questionnaire)
        if sheet.is_valid():
            try:
                _response, created = services.submit_answers(questionnaire, request.user, sheet.cleaned)
            except services.AnswersRefused as refused:
                messages.error(request, refused.message)
                sheet.add_errors(refused.errors)
                status = 400
            else:
                messages.success(
                    request,
                    _("Thank you, your answers are saved.") if created else _("Your answers have been updated."),
                )
                return redirect(questionnaire)
        else:
            status = 400
    else:
        sheet = AnswerSheet(questions, initial=mine["values"] if mine else None)
    return render(
        request,
        "surveys/questionnaire.html",
        {
            "questionnaire": questionnaire,
            "consultation": questionnaire.step.consultation,
            "step": questionnaire.step,
            "sheet": sheet,
            "views": sheet.views(),
            "has_errors": bool(sheet.errors),
            "refusal": refusal,
            "mine": mine,
            "can_see_results": request.user.has_perm("surveys.view_results", questionnaire),
            "login_url": resolve_url(settings.LOGIN_URL),
        },
        status=status,
    )


def results(request, pk):
    questionnaire = visible_questionnaire(request, pk)
    if not request.user.has_perm("surveys.view_results", questionnaire):
        raise Http404
    return render(
        request,
        "surveys/results.html",
        {
            "questionnaire": questionnaire,
            "consultation": questionnaire.step.consultation,
            "results": questionnaire_results(questionnaire),
        },
    )
