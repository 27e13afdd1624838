"""allauth, fitted to the site: the public name chosen at sign-up, French e-mails that name the site
(not the host), links built from the address the person used, and ``next`` kept through the e-mail."""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from allauth.utils import build_absolute_uri

from consultations.conf import get_setting
from consultations.identity import public_name
from consultations.notifications import site_url

from .tasks import send_account_email


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        if data.get("display_name"):
            user.display_name = data["display_name"]
        if data.get("territory"):
            user.territory = data["territory"]
        return super().save_user(request, user, form, commit=commit)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The link, with the page the person started from: opened in another browser (a phone's mail
        app), where the sign-up's session is unknown, it still leads back there after confirming."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        following = get_next_redirect_url(request) if request is not None else None
        return f"{url}?{urlencode({'next': following})}" if following else url

    def send_mail(self, template_prefix, email, context):
        # As allauth builds its own links: the request's address, in ACCOUNT_DEFAULT_HTTP_PROTOCOL.
        home = build_absolute_uri(self.request, "/") if self.request is not None else site_url("/")
        # Greet the account the e-mail is about (allauth passes it), never whoever is signed in:
        # an address nobody has must not receive the name of the person who typed it.
        account = context.get("user")
        greeting_name = public_name(account) if account is not None and account.pk else ""
        context = {"site_name": get_setting("SITE_NAME"), "site_url": home, "greeting_name": greeting_name, **context}
        message = self.render_mail(template_prefix, email, context)
        # Sent by the worker in production, never inside the sign-up's request (the SMTP server's delay
        # is not the person's); the immediate backend of the embedded mode sends it at once.
        send_account_email.enqueue(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            html=next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), None),
        )
