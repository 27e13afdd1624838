from django import template

from ..models import Proposal

register = template.Library()


@register.simple_tag
def consultation_proposals(consultation, limit=10):
    """The most supported proposals of a consultation, for its steps."""
    return list(
        Proposal.objects.public().filter(consultation=consultation).order_by("-support_count", "-pk")[:limit]
    )
