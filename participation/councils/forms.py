from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Territory, TerritoryKind
from consultations.validators import SINGLE_LINE


class CouncilRequestForm(forms.Form):
    name = forms.CharField(label=_("Name of the council"), max_length=160, validators=[SINGLE_LINE])
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood (QPV)"),
        queryset=Territory.objects.filter(kind=TerritoryKind.QPV),
        required=False,
    )
    commune = forms.ModelChoiceField(
        label=_("Commune"), queryset=Territory.objects.filter(kind=TerritoryKind.COMMUNE), required=False
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea, required=False, max_length=5000,
        help_text=_("Markdown, without raw HTML."),
    )


class JoinForm(forms.Form):
    show_on_page = forms.BooleanField(
        label=_("Appear on the council page"), required=False, initial=True
    )
