"""The select boxes written in Python give exactly the markup of Django's templates."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy

from lapartcitoyenne.form_renderer import FormRenderer


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Tous"), ("x<y", "A & b"), ("1", gettext_lazy("Theme"))], required=False)
    with_attrs = forms.ChoiceField(
        choices=[("1", "un")],
        widget=forms.Select(attrs={"class": "c", "aria-describedby": "h", "disabled": True, "hidden": False}),
    )
    typed = forms.TypedChoiceField(choices=[(1, "un"), (2, "deux")], initial=2)
    grouped = forms.ChoiceField(choices=[("Groupe", [("a", "A")]), ("b", "B")])
    numbers = forms.ChoiceField(choices=[(1, 1), (2, 2)])


def rendered(renderer, data):
    form = Choices(data, renderer=renderer)
    return [str(form[name]) for name in form.fields]


@pytest.mark.parametrize("data", [None, {"plain": "x<y", "with_attrs": "1", "typed": "9"}])
def test_same_markup_as_the_templates(data):
    assert rendered(FormRenderer(), data) == rendered(DjangoTemplates(), data)


def test_the_site_uses_it(settings):
    assert settings.FORM_RENDERER == "lapartcitoyenne.form_renderer.FormRenderer"
