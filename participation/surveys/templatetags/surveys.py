from django import template

from ..models import Questionnaire, Response

register = template.Library()


@register.simple_tag(takes_context=True)
def questionnaire_of(context, step):
    """The step's questionnaire with what the page needs: may one answer, did one answer."""
    questionnaire = Questionnaire.objects.filter(step=step).select_related("step__consultation").first()
    if questionnaire is None:
        return None
    user = context["request"].user
    return {
        "questionnaire": questionnaire,
        "can_answer": user.has_perm("surveys.answer_questionnaire", questionnaire),
        "answered": user.is_authenticated
        and Response.objects.filter(questionnaire=questionnaire, user=user).exists(),
        "can_see_results": user.has_perm("surveys.view_results", questionnaire),
    }
