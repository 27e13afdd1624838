from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from consultations.images import inspect_image, is_image_name
from consultations.refusals import Refused

from consultations.models import Territory, Theme
from consultations.validators import SINGLE_LINE
from participation.councils.models import Council

from .attachments import check_attachment
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
        widget=forms.FileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp,.pdf"}),
    )
    image_alt = forms.CharField(
        label=_("Describe the image"), required=False, max_length=300, validators=[SINGLE_LINE],
        help_text=_("Required with an image: what it shows, in one sentence, for people who cannot see it."),
    )

    def __init__(self, *args, councils=None, editing=False, kept=None, current_image=False, **kwargs):
        """``kept``: a file kept from an earlier post (pending.read()); ``current_image``: the proposal has one."""
        super().__init__(*args, **kwargs)
        self.kept = kept
        self.current_image = current_image
        self.fields["title"].max_length = get_setting("PROPOSAL_TITLE_MAX_LENGTH")
        self.fields["body"].max_length = get_setting("PROPOSAL_BODY_MAX_LENGTH")
        self.fields["attachment"].help_text = _("Optional: a JPEG, PNG or WebP image, or a PDF document (%(limit)s at most).") % {
            "limit": filesizeformat(get_setting("PROPOSAL_ATTACHMENT_MAX_BYTES"))
        }
        if councils is None or editing:
            del self.fields["council"]
        else:
            self.fields["council"].queryset = councils

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return upload
        try:
            check_attachment(upload)
        except Refused as refusal:
            raise forms.ValidationError(refusal.message, code=refusal.code) from None
        if is_image_name(upload.name):
            inspect_image(upload)
        return upload

    def clean(self):
        data = super().clean()
        upload = data.get("attachment")
        if upload:
            with_image = is_image_name(upload.name)
        elif "attachment" in self.errors:
            with_image = False
        elif self.kept:
            with_image = is_image_name(self.kept["original"])
        else:
            with_image = self.current_image
        if with_image and not data.get("image_alt", "").strip() and "image_alt" not in self.errors:
            self.add_error("image_alt", _("Describe the image in a few words for people who cannot see it."))
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why do you withdraw this proposal?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class AnswerForm(forms.Form):
    state = forms.ChoiceField(label=_("New state"), choices=[(s.value, s.label) for s in ANSWER_STATES])
    text = forms.CharField(label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 6}))


