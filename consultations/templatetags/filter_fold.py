from django import template

register = template.Library()

# Query parameters that choose a page or a tab, not what the list is filtered by.
NOT_FILTERS = {"page", "period"}


@register.simple_tag
def filters_open(filterset):
    """Whether a folded filter form starts open: a filter is set, or one has an error to show."""
    if filterset.form.is_bound and filterset.errors:
        return True
    return any(value for key, value in filterset.data.items() if key not in NOT_FILTERS)
