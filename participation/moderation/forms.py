from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NOTE_MAX_LENGTH, Reason
from .services import REASON_MAX_LENGTH


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why do you report this content?"), choices=Reason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Details (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=NOTE_MAX_LENGTH, help_text=_("Only moderators read it."),
    )


DECISION_CHOICES = [
    ("hide", _("Hide")),
    ("restore", _("Restore")),
    ("dismiss", _("Dismiss the reports")),
    ("approve", _("Approve")),
]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=REASON_MAX_LENGTH,
        help_text=_("Required to hide: the author receives it by email."),
    )


class BlockForm(forms.Form):
    duration = forms.TypedChoiceField(
        label=_("Duration"), coerce=int, empty_value=None,
        choices=[(1, _("1 day")), (7, _("1 week")), (30, _("30 days")), (90, _("90 days")), ("", _("For good"))],
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=REASON_MAX_LENGTH,
        help_text=_("The person receives it by email."),
    )


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Why should your contribution be shown again?"), widget=forms.Textarea(attrs={"rows": 4}),
        max_length=NOTE_MAX_LENGTH,
    )

