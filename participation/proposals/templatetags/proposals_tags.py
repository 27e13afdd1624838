from django import template

from ..models import Proposal

register = template.Library()


@register.simple_tag(takes_context=True)
def consultation_proposals(context, consultation, limit=10):
    """The most supported proposals of a consultation, for its steps, as the reader may see them."""
    reader = getattr(context.get("request"), "user", None)
    proposals = Proposal.objects.visible_to(reader).filter(consultation=consultation)
    return list(proposals.order_by("-support_count", "-pk")[:limit])
