from django import template

from ..formatting import euros as format_euros
from ..models import Budget

register = template.Library()


@register.filter
def euros(cents):
    """« 12 500 € » of an amount in cents."""
    return format_euros(cents)


@register.simple_tag
def budgets_of_step(step):
    """The budgets a consultation's step opens: voted in it, or whose projects are submitted in it."""
    if step.kind == "supports":
        return list(Budget.objects.filter(step=step))
    return list(Budget.objects.filter(step__consultation_id=step.consultation_id, step__starts_at__gte=step.ends_at))
