from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Territory
from consultations.validators import SINGLE_LINE

from .models import User

TERRITORY_HELP = _("Optional. It helps the organisers know which neighbourhoods take part.")


def public_name_field():
    model_field = User._meta.get_field("display_name")
    return forms.CharField(
        label=_("Public name"),
        max_length=model_field.max_length,
        validators=[SINGLE_LINE],
        help_text=model_field.help_text,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


def territory_field():
    return forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Territory.objects.order_by("name"),
        required=False,
        empty_label=_("I'd rather not say"),
        help_text=TERRITORY_HELP,
    )


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, asking for the public name first and, optionally, the neighbourhood.

    ``AccountAdapter.save_user`` stores both before the account's first save.
    """

    display_name = public_name_field()
    territory = territory_field()
    field_order = ["display_name", "email", "password1", "password2", "territory"]


class ProfileForm(forms.ModelForm):
    display_name = public_name_field()
    territory = territory_field()

    class Meta:
        model = User
        fields = ["display_name", "territory"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and cannot be recovered.")
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password
