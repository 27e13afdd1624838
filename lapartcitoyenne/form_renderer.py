"""The site's form renderer: Django's, with the plain select box written in Python.

Django renders a ``<select>`` through one template include per option and per attribute list;
on the list pages (filters of proposals, consultations, the programme) those select boxes were a
quarter of the page's rendering time. The markup is the same as Django's templates give
(checked by tests/lapartcitoyenne/test_form_renderer.py); anything unusual (option groups, other
templates, non-text labels) still goes through the templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs):
    return "".join(
        f" {conditional_escape(name)}" if value is True else f' {conditional_escape(name)}="{conditional_escape("%s" % value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget):
    """The select box as Django's select.html writes it, or None where that needs the templates."""
    options = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            return None
        for option in group_choices:
            label = option["label"]
            if isinstance(label, Promise):  # translated choices: the template prints them as text too
                label = str(label)
            if option["template_name"] != OPTION or not isinstance(label, str):
                return None
            options.append(
                f'\n  <option value="{conditional_escape("%s" % option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(label)}</option>\n"  # the option template's last line break
            )
    return f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>{"".join(options)}\n</select>'


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name == SELECT:
            html = select_html(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)
