from django import forms
from django.utils.translation import gettext_lazy as _

from participation.councils.models import Council

from .conf import get_setting
from .models import Position


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))
    position = forms.ChoiceField(
        label=_("Your position"), choices=[("", _("No position"))] + Position.choices, required=False
    )
    council = forms.ModelChoiceField(
        label=_("Post on behalf of"), queryset=Council.objects.none(), required=False,
        empty_label=_("Myself"),
    )
    notify_replies = forms.BooleanField(label=_("Email me when someone replies"), required=False, initial=True)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, councils=None, with_position=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = get_setting("COMMENT_MAX_LENGTH")
        if councils is not None:
            self.fields["council"].queryset = councils
        if not with_position:
            del self.fields["position"]


class EditCommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))
