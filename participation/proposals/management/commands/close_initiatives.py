from django.core.management.base import BaseCommand

from ...services import close_due_initiatives


class Command(BaseCommand):
    help = (
        "Close the citizen initiatives whose collection period is over and tell their author, supporters "
        "and staff, once (run it every hour or every day; running it again changes nothing)."
    )

    def handle(self, *args, **options):
        closed = close_due_initiatives()
        self.stdout.write(f"initiatives closed: {closed}")
