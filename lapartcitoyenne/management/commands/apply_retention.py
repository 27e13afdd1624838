from django.core.management.base import BaseCommand
from django.tasks import TaskResultStatus

from ...accounts.privacy import apply_retention
from ...tasks import apply_retention_task


class Command(BaseCommand):
    help = (
        "Delete or anonymise what is past its retention period, as the privacy page says (run daily). "
        "With a task worker, the work is enqueued for it; --now does it here."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Do it in this process, not in the worker.")

    def handle(self, *args, now=False, **options):
        if now:
            for label, count in apply_retention().items():
                self.stdout.write(f"{label}: {count}")
            return
        result = apply_retention_task.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            for label, count in result.return_value.items():
                self.stdout.write(f"{label}: {count}")
        elif result.status == TaskResultStatus.FAILED:
            self.stderr.write("Retention failed: " + (result.errors[-1].traceback if result.errors else "?"))
        else:
            self.stdout.write(f"Retention enqueued for the worker (task {result.id}).")
