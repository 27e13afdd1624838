from django import template

register = template.Library()

# Query parameters that choose a page or a tab, not what the list is filtered by.
NOT_FILTERS = {"page", "period"}


@register.simple_tag(takes_context=True)
def filters_open(context, filterset):
    """Whether a folded filter form starts open: the person set a filter, or one has an error.

    The query string says what the person chose (a filter set may add its own defaults to its data).
    """
    if filterset.form.is_bound and filterset.errors:
        return True
    request = context.get("request")
    chosen = request.GET if request is not None else filterset.data
    return any(value for key, value in chosen.items() if key not in NOT_FILTERS)
