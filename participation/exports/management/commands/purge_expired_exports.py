from django.core.management.base import BaseCommand

from ...services import purge_expired


class Command(BaseCommand):
    help = "Delete export files whose download link has expired (run it daily, e.g. from cron)."

    def handle(self, *args, **options):
        count = purge_expired()
        self.stdout.write(f"{count} expired export(s) deleted.")
