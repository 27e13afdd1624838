from django import forms
from django.utils.translation import gettext_lazy as _

from .conf import get_setting
from .models import Position


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))
    position = forms.ChoiceField(
        label=_("Your position"), choices=[("", _("No position"))] + Position.choices, required=False
    )
    notify_replies = forms.BooleanField(label=_("Email me when someone replies"), required=False, initial=True)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, speakers_offered=(), with_position=False, **kwargs):
        """``speakers_offered``: (speaker, the groups to list, or None to accept any of its groups —
        the service then checks the person may speak for it) for each speaker field to add."""
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = get_setting("COMMENT_MAX_LENGTH")
        for speaker, groups in speakers_offered:
            field = forms.ModelChoiceField(
                label=speaker.label, queryset=speaker.model_class._default_manager.all(), required=False,
                empty_label=_("Myself"),
            )
            if groups is not None:  # listed once, without a query per rendering
                field.choices = [("", field.empty_label)] + [(group.pk, str(group)) for group in groups]
            self.fields[speaker.field] = field
        self.order_fields(["body", "position", *(speaker.field for speaker, _groups in speakers_offered)])
        if not with_position:
            del self.fields["position"]


class EditCommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))
