from django import forms
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.models import Consultation, Event, Territory, Theme

from .formats import DELIMITERS
from .models import ExportFormat
from .registry import datasets
from .scope import Scope


class ExportForm(forms.Form):
    dataset = forms.ChoiceField(label=_("Dataset"))
    format = forms.ChoiceField(label=_("Format"), choices=ExportFormat.choices, initial="csv")
    delimiter = forms.ChoiceField(
        label=_("CSV separator"),
        choices=[(";", _("Semicolon (French spreadsheets)")), (",", _("Comma"))],
        initial=";",
        required=False,
    )
    consultation = forms.ModelChoiceField(
        label=_("Consultation"), queryset=Consultation.objects.all(), to_field_name="slug", required=False
    )
    event = forms.ModelChoiceField(label=_("Event"), queryset=Event.objects.all(), to_field_name="slug", required=False)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), to_field_name="slug", required=False)
    territory = forms.ModelChoiceField(
        label=_("Territory"), queryset=Territory.objects.all(), to_field_name="slug", required=False
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=pgettext_lazy("date range", "Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    personal_data = forms.BooleanField(
        label=_("Include names and emails"),
        required=False,
        help_text=_("Only for datasets that hold them. Every such export is logged."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dataset"].choices = [(name, dataset.label) for name, dataset in datasets().items()]

    def clean(self):
        data = super().clean()
        dataset = datasets().get(data.get("dataset"))
        if dataset is None:
            return data
        for name in ("consultation", "event", "theme", "territory", "since", "until"):
            if data.get(name) and not dataset.supports(name):
                self.add_error(name, _("This dataset cannot be filtered this way."))
        if data.get("personal_data") and not dataset.personal_data:
            self.add_error("personal_data", _("This dataset holds no personal data."))
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date comes before the start date."))
        if data.get("delimiter") not in DELIMITERS:
            data["delimiter"] = ";"
        return data

    def chosen_dataset(self):
        return datasets()[self.cleaned_data["dataset"]]

    def scope(self):
        data = self.cleaned_data
        slugs = {name: data[name].slug if data.get(name) else None for name in ("consultation", "event", "theme", "territory")}
        return Scope(**slugs, since=data.get("since"), until=data.get("until"), personal_data=data.get("personal_data", False))
