import sys
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ... import engine, services
from ...formats import DELIMITERS, FORMATS
from ...registry import datasets, get_dataset
from ...scope import FILTERS, Scope


class Command(BaseCommand):
    help = "Export a dataset: manage.py export registrations --format csv --delimiter ';' -o -"
    # The system checks import every URL and view of the site: 60 MB and seconds before the first row.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "dataset", nargs="?",
            help="A declared dataset (see --list), or several separated by commas: a zip of one file each, "
            "sharing the export's pseudonyms.",
        )
        parser.add_argument("--list", action="store_true", help="List the datasets and exit.")
        parser.add_argument("--format", choices=sorted(FORMATS), default="csv")
        parser.add_argument("--delimiter", choices=DELIMITERS, default=",")
        for name in ("consultation", "event", "theme", "territory"):
            parser.add_argument(f"--{name}", help=f"Slug of the {name}.")
        parser.add_argument("--since", type=date.fromisoformat, help="YYYY-MM-DD, inclusive.")
        parser.add_argument("--until", type=date.fromisoformat, help="YYYY-MM-DD, inclusive.")
        parser.add_argument("--personal-data", action="store_true", help="Include names and emails (logged).")
        parser.add_argument("--as-user", help="Email of the staff member the personal-data log names.")
        parser.add_argument("-o", "--output", default="-", help="File to write; '-' for standard output.")

    def handle(self, *args, **options):
        if options["list"] or not options["dataset"]:
            for name, dataset in datasets().items():
                self.stdout.write(f"{name}\t{dataset.label}")
            return
        names = options["dataset"].split(",")
        if len(names) > 1:
            return self._bundle(names, options)
        dataset = get_dataset(options["dataset"])
        if dataset is None:
            raise CommandError(f"Unknown dataset {options['dataset']!r}; try --list.")
        filters = {name: options[name] for name in FILTERS if options.get(name)}
        unsupported = [name for name in filters if not dataset.supports(name)]
        if unsupported:
            raise CommandError(f"{dataset.name} cannot be filtered by {', '.join(unsupported)}.")
        if options["personal_data"] and not dataset.personal_data:
            raise CommandError(f"{dataset.name} holds no personal data.")
        scope = Scope(**filters, personal_data=options["personal_data"])
        log = None
        if scope.personal_data:
            user = get_user_model().objects.filter(email=options["as_user"] or "", is_staff=True).first()
            if user is None:
                raise CommandError("--personal-data needs --as-user with the email of a staff member.")
            log = services.log_personal_export(user, dataset, options["format"], scope)
        fmt = options["format"]
        if options["output"] == "-":
            if fmt in ("xlsx", "ods") and sys.stdout.isatty():
                raise CommandError("Refusing to write a binary file to a terminal; use -o FILE.")
            rows = engine.write(dataset, scope, fmt, sys.stdout.buffer, delimiter=options["delimiter"]) if fmt in ("csv", "json") else self._binary_to_stdout(dataset, scope, fmt)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as handle:
                rows = engine.write(dataset, scope, fmt, handle, delimiter=options["delimiter"])
        if log is not None:
            log.row_count = rows
            log.save(update_fields=["row_count"])
        self.stderr.write(f"{rows} rows exported.")

    def _bundle(self, names, options):
        found = [get_dataset(name) for name in names]
        if None in found:
            raise CommandError(f"Unknown dataset among {names}; try --list.")
        if options["personal_data"]:
            raise CommandError("--personal-data exports one dataset at a time.")
        filters = {name: options[name] for name in FILTERS if options.get(name)}
        if options["output"] == "-":
            raise CommandError("A bundle is a zip: give a file with -o.")
        with open(options["output"], "wb") as handle:
            counts = engine.write_bundle(found, Scope(**filters), options["format"], handle, delimiter=options["delimiter"])
        self.stderr.write(", ".join(f"{name}: {count} rows" for name, count in counts.items()))

    def _binary_to_stdout(self, dataset, scope, fmt):
        import tempfile

        with tempfile.TemporaryFile() as handle:
            rows = engine.write(dataset, scope, fmt, handle)
            handle.seek(0)
            while chunk := handle.read(1 << 16):
                sys.stdout.buffer.write(chunk)
        return rows
