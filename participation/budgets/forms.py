from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.validators import NOT_BLANK, SINGLE_LINE

from .formatting import parse_euros
from .models import Progress, ResultMethod
from .services import selection_errors


class EurosField(forms.CharField):
    """An amount typed in euros (« 1 200 », « 1 200,50 »), cleaned to integer cents."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        cents = parse_euros(value)
        if cents is None:
            raise forms.ValidationError(_("Write an amount in euros, for example 12 500 or 1 200,50."), code="invalid")
        return cents


class BallotForm(forms.Form):
    """The projects one ticks; with ``with_code``, the one-time code of a paper or code vote."""

    code = forms.CharField(
        label=_("Voting code"), max_length=20, required=False,
        help_text=_("The code printed on the voting slip, for example ABCDE-23456."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    projects = forms.MultipleChoiceField(
        label=_("Projects"), required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("One of the projects chosen is not on this ballot.")},
    )

    def __init__(self, envelope, projects, *args, with_code=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.envelope = envelope
        self.by_id = {str(project.pk): project for project in projects}
        self.fields["projects"].choices = [(pk, project.title) for pk, project in self.by_id.items()]
        if with_code:
            self.fields["code"].required = True
            self.fields["code"].error_messages["required"] = _("Type the code printed on the voting slip.")
        else:
            del self.fields["code"]

    def chosen_ids(self):
        """The ticked projects as submitted, valid or not, so nothing ticked is lost on an error."""
        raw = self.data.getlist("projects") if self.is_bound else (self.initial.get("projects") or [])
        return [str(pk) for pk in raw if str(pk) in self.by_id]

    def clean_projects(self):
        chosen = [self.by_id[pk] for pk in self.cleaned_data["projects"]]
        for message in selection_errors(self.envelope, chosen):
            self.add_error("projects", message)
        return chosen


class ProjectForm(forms.Form):
    envelope = forms.ModelChoiceField(label=_("Envelope"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=200, validators=[SINGLE_LINE, NOT_BLANK])
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), validators=[NOT_BLANK],
        help_text=_("What, where, for whom. Markdown, without raw HTML."),
    )
    cost = EurosField(label=_("Estimated cost (€)"), help_text=_("Your estimate; the reviewers check it."))

    def __init__(self, budget, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["envelope"].queryset = budget.envelopes.all()


class ReviewForm(forms.Form):
    feasible = forms.TypedChoiceField(
        label=_("Feasibility"), coerce=lambda value: value == "yes", widget=forms.RadioSelect,
        choices=[("yes", _("Feasible")), ("no", _("Not feasible"))],
    )
    reason = forms.CharField(
        label=_("Public reason"), widget=forms.Textarea(attrs={"rows": 4}), validators=[NOT_BLANK],
        help_text=_("Shown to everyone on the project's page."),
    )
    estimated_cost = EurosField(label=_("Estimated cost (€)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("feasible") and not data.get("estimated_cost"):
            self.add_error("estimated_cost", _("A feasible project needs its estimated cost."))
        return data


class FromProposalForm(forms.Form):
    proposal = forms.IntegerField(label=_("Proposal number"), min_value=1)
    envelope = forms.ModelChoiceField(label=_("Envelope"), queryset=None, empty_label=None)
    cost = EurosField(label=_("Estimated cost (€)"))

    def __init__(self, budget, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["envelope"].queryset = budget.envelopes.all()


class CodesForm(forms.Form):
    count = forms.IntegerField(label=_("Number of codes to print"), min_value=1, max_value=2000, initial=100)


class MethodForm(forms.Form):
    official_method = forms.ChoiceField(label=_("Official rule"), choices=ResultMethod.choices, widget=forms.RadioSelect)


class DecisionForm(forms.Form):
    project = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("rule", _("As the rule says")), ("winner", _("Winner")), ("not_winner", _("Not a winner"))],
    )
    reason = forms.CharField(label=_("Public reason"), required=False, max_length=500)

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("winner", "not_winner") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say in public why the result is changed."))
        return data


class UpdateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    progress = forms.ChoiceField(label=_("Progress"), choices=Progress.choices)
    percent_done = forms.IntegerField(label=_("Percentage done"), min_value=0, max_value=100)
    text = forms.CharField(label=_("What moved"), widget=forms.Textarea(attrs={"rows": 4}), validators=[NOT_BLANK])
    photo = forms.ImageField(label=_("Photo"), required=False)
    photo_description = forms.CharField(label=_("Photo description"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("photo_description") or "").strip():
            self.add_error("photo_description", _("Describe the photo for those who cannot see it."))
        return data
