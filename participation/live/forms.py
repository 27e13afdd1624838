"""The room's forms as they post without JavaScript: their fields' types only; services decide the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SendForm(forms.Form):
    """A message or a question. Emptiness and length are the service's to refuse, in its own words."""

    body = forms.CharField(required=False, strip=False)
    # Made when the page is rendered: the same form posted twice (a double click, « back » then
    # « send » again) is saved once, as a websocket resend is.
    client_id = forms.UUIDField(required=False)


class VoteForm(forms.Form):
    question = forms.IntegerField(min_value=1, error_messages={"invalid": _("This question does not exist.")})


class PollAnswerForm(forms.Form):
    """A poll answered without JavaScript: the choices ticked, the value picked or the words typed."""

    poll = forms.IntegerField(min_value=1, error_messages={"invalid": _("This poll does not exist.")})
    options = forms.TypedMultipleChoiceField(required=False, coerce=int, choices=())
    scale = forms.IntegerField(required=False)
    text = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Whether a choice is the poll's is the service's to say, in its own words.
        self.fields["options"].valid_value = lambda value: str(value).isdigit()
