from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from .forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    has_token = Token.objects.filter(user=request.user).exists()
    return render(request, "accounts/profile.html", {"form": form, "has_token": has_token})


@login_required
@require_POST
def regenerate_api_token(request):
    """A new personal API token; the previous one stops working at once."""
    Token.objects.filter(user=request.user).delete()
    token = Token.objects.create(user=request.user)
    messages.success(
        request,
        _("Your new API token: %(key)s. Keep it secret; it replaces the previous one.") % {"key": token.key},
    )
    return redirect("profile")
