"""The contact page: a form whose message reaches the address staff set, by e-mail, in the background.

Rate-limited per address and per person (``CONTACT_RATE``), stricter than the site's write limit: a
form open to visitors is a spam target. A refused or invalid message is shown again as typed.
"""

from django import forms
from django.contrib import messages
from django.conf import settings
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _, gettext_lazy
from django_ratelimit.core import _split_rate, is_ratelimited

from consultations.background import background_task
from consultations.outbox import send_once
from consultations.validators import NOT_BLANK, SINGLE_LINE

from .models import SiteSettings

MESSAGE_MAX_LENGTH = 5000

TOPICS = [
    ("question", gettext_lazy("A question about the site or a rendez-vous")),
    ("accessibility", gettext_lazy("Accessibility: something I cannot use")),
    ("data", gettext_lazy("My personal data")),
    ("other", gettext_lazy("Something else")),
]


class ContactForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Your name or pseudonym"), max_length=120, validators=[NOT_BLANK, SINGLE_LINE]
    )
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address"), help_text=gettext_lazy("Only to answer you; never shown.")
    )
    topic = forms.ChoiceField(label=gettext_lazy("Subject"), choices=TOPICS)
    message = forms.CharField(
        label=gettext_lazy("Your message"), max_length=MESSAGE_MAX_LENGTH, validators=[NOT_BLANK],
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated and not self.is_bound:
            self.initial.setdefault("email", user.email)


def _over_the_limit(request):
    rate = settings.CONTACT_RATE
    by_address = is_ratelimited(request, group="contact-ip", key="ip", rate=rate, increment=True)
    by_person = request.user.is_authenticated and is_ratelimited(
        request, group="contact-user", key="user", rate=rate, increment=True
    )
    return by_address or by_person


@background_task
def send_contact_message(recipient, name, email, topic, message):
    topics = dict(TOPICS)
    with translation.override("fr"):
        subject = _("[La Part Citoyenne] Contact form: %(topic)s") % {"topic": topics.get(topic, topic)}
        body = _("Message from %(name)s <%(email)s>, sent through the contact page:") % {"name": name, "email": email}
    send_once(EmailMessage(subject=subject, body=f"{body}\n\n{message}\n", to=[recipient], reply_to=[email]), task="contact")


def contact(request):
    site = SiteSettings.load()
    recipient = site.contact_address
    form = ContactForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST" and recipient:
        if _over_the_limit(request):
            form.is_valid()
            form.add_error(None, _("You have sent several messages in a short time: please wait an hour before sending another one. Your message is still below."))
            status = 429
        elif form.is_valid():
            send_contact_message.enqueue(recipient=recipient, **form.cleaned_data)
            messages.success(request, _("Your message has been sent. We answer within a few working days."))
            return redirect("contact")
    response = render(
        request,
        "pages/contact.html",
        {"form": form, "site": site, "recipient": recipient},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(_split_rate(settings.CONTACT_RATE)[1])
    return response
