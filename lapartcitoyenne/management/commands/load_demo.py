from django.core.management.base import BaseCommand

from consultations.models import Event

from ...demo.loader import DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, load_demo


class Command(BaseCommand):
    help = "Load the centre's real programme and one demo account per role (safe to run again)."

    def handle(self, *args, **options):
        accounts = load_demo()
        self.stdout.write(self.style.SUCCESS(f"{Event.objects.count()} events loaded."))
        self.stdout.write("Demo accounts (password: %s):" % DEMO_PASSWORD)
        for account, _user in accounts:
            self.stdout.write(f"  {account.role:<15} {account.email}")
        self.stdout.write(
            f"The staff account asks for a TOTP code: add the secret {DEMO_STAFF_TOTP_SECRET} "
            "to an authenticator app."
        )
