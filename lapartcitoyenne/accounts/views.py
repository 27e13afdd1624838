from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from .authentication import token_expires_at, token_is_expired
from .forms import DeleteAccountForm, ProfileForm
from .middleware import two_factor_refusal
from .privacy import collect_user_data, delete_account, readable_sections
from .two_factor import lacks_required_two_factor
from consultations.page_cache import visitor_cached


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    token = Token.objects.filter(user=request.user).first()
    context = {
        "form": form,
        "has_token": token is not None,
        "token_expires_at": token_expires_at(token) if token else None,
        "token_expired": token is not None and token_is_expired(token),
        "token_refused": lacks_required_two_factor(request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def regenerate_api_token(request):
    """A new personal API token; the previous one stops working at once."""
    if lacks_required_two_factor(request.user):
        messages.error(request, two_factor_refusal())
        return redirect("profile")
    Token.objects.filter(user=request.user).delete()
    token = Token.objects.create(user=request.user)
    messages.success(
        request,
        _("Your new API token: %(key)s. Keep it secret; it replaces the previous one.") % {"key": token.key},
    )
    return redirect("profile")


@login_required
def my_data(request):
    data = collect_user_data(request.user)
    if request.GET.get("format") == "json":
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="mes-donnees-lapartcitoyenne.json"'
        return response
    return render(request, "accounts/my_data.html", {"sections": readable_sections(data)})


@login_required
def delete_my_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, _("Your account has been deleted. Your contributions remain, anonymised."))
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})


@visitor_cached
def privacy_policy(request):
    return render(request, "accounts/privacy.html")
