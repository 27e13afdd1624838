from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Territory, Theme
from consultations.validators import SINGLE_LINE
from participation.councils.models import Council

from .conf import get_setting
from .models import ANSWER_STATES


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), validators=[SINGLE_LINE])
    body = forms.CharField(
        label=_("Your proposal"), widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown, without raw HTML: **bold**, *italics*, lists and links."),
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    territory = forms.ModelChoiceField(label=_("Territory"), queryset=Territory.objects.all(), required=False)
    council = forms.ModelChoiceField(
        label=_("Propose on behalf of"), queryset=Council.objects.none(), required=False, empty_label=_("Myself")
    )
    attachment = forms.FileField(
        label=_("Image or document"), required=False,
        help_text=_("Optional: a JPEG, PNG or WebP image, or a PDF document."),
    )

    def __init__(self, *args, councils=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].max_length = get_setting("PROPOSAL_TITLE_MAX_LENGTH")
        self.fields["body"].max_length = get_setting("PROPOSAL_BODY_MAX_LENGTH")
        if councils is None or editing:
            del self.fields["council"]
        else:
            self.fields["council"].queryset = councils


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why do you withdraw this proposal?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class AnswerForm(forms.Form):
    state = forms.ChoiceField(label=_("New state"), choices=[(s.value, s.label) for s in ANSWER_STATES])
    text = forms.CharField(label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 6}))


