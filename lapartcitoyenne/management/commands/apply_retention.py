from django.core.management.base import BaseCommand

from ...accounts.privacy import apply_retention


class Command(BaseCommand):
    help = "Delete or anonymise what is past its retention period, as the privacy page says (run daily)."

    def handle(self, *args, **options):
        for label, count in apply_retention().items():
            self.stdout.write(f"{label}: {count}")
