from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

from consultations.models import Event

from ...demo.loader import DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, load_demo

# The apps' own demo data, in an order where each finds what it builds on: consultations and
# questionnaires, then councils and proposals (attached to those consultations) and the discussion
# of one, then live rooms.
# Not participation.exports' drawn registrations: the site's figures are the 2024 activity report's.
APP_DEMOS = [
    "participation.surveys",
    "participation.councils",
    "participation.proposals",
    "participation.comments",
    "participation.budgets",
    "participation.live",
    "participation.moderation",
]


class Command(BaseCommand):
    help = "Load the centre's real programme, each app's demo data and one demo account per role (safe to run again)."

    def handle(self, *args, **options):
        accounts = load_demo()
        for name in APP_DEMOS:
            if apps.is_installed(name):
                import_module(f"{name}.demo").load_demo()
        self.stdout.write(self.style.SUCCESS(f"{Event.objects.count()} events loaded, with each app's demo data."))
        self.stdout.write("Demo accounts (password: %s):" % DEMO_PASSWORD)
        for account, _user in accounts:
            self.stdout.write(f"  {account.role:<15} {account.email}")
        self.stdout.write(
            f"The staff and moderator accounts ask for a TOTP code: add the secret {DEMO_STAFF_TOTP_SECRET} "
            "to an authenticator app."
        )
