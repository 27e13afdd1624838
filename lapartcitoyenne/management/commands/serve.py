"""``make run``'s server: Daphne's runserver (autoreload, websockets, static files) without its banner.

The Makefile prints the address and the demo accounts; the banner's six lines buried them. Errors
still reach the terminal: system check failures raise, and the log prints 4xx/5xx responses.
"""

import io

from daphne.management.commands.runserver import Command as RunserverCommand
from django.core.management.base import OutputWrapper


class Command(RunserverCommand):
    help = "Serve the site like runserver (Daphne), printing no banner."

    def inner_run(self, *args, **options):
        self.stdout = OutputWrapper(io.StringIO())
        return super().inner_run(*args, **options)
