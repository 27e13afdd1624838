from django import template

from ..closing import consultation_closed_reason
from ..rules import target_accepts_comments

register = template.Library()


@register.simple_tag
def closed_reason(target):
    """Why a consultation's discussion takes no comment now (a sentence shown instead of the form), or ""."""
    if target._meta.label_lower != "consultations.consultation" or target_accepts_comments(target):
        return ""
    return consultation_closed_reason(target)
