from django.core.management.base import BaseCommand

from consultations.services import announce_due_steps


class Command(BaseCommand):
    help = "Email the followers of every consultation step that has opened since the last run (run it from cron)."

    def handle(self, *args, **options):
        opened = announce_due_steps()
        self.stdout.write(f"{len(opened)} step(s) announced.")
