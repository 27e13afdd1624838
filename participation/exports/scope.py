"""What an export covers: the filters staff chose, plus the export's pseudonymiser."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from .pseudonyms import Pseudonymiser

FILTERS = ("consultation", "event", "since", "until", "theme", "territory")


@dataclass
class Scope:
    consultation: str | None = None  # slugs
    event: str | None = None
    theme: str | None = None
    territory: str | None = None
    since: date | None = None  # inclusive dates, in the site's time zone
    until: date | None = None
    personal_data: bool = False
    open_data: bool = False
    pseudonym: Pseudonymiser = field(default_factory=Pseudonymiser, repr=False, compare=False)

    @property
    def since_datetime(self):
        """Start of ``since`` as an aware datetime, to filter datetime fields with ``__gte``."""
        if self.since is None:
            return None
        return timezone.make_aware(datetime.combine(self.since, time.min))

    @property
    def until_datetime(self):
        """End of ``until`` (exclusive bound), to filter datetime fields with ``__lt``."""
        if self.until is None:
            return None
        return timezone.make_aware(datetime.combine(self.until, time.max))

    def filters(self):
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name)}

    def to_json(self):
        data = {name: (value.isoformat() if isinstance(value, date) else value) for name, value in self.filters().items()}
        if self.personal_data:
            data["personal_data"] = True
        return data

    @classmethod
    def from_json(cls, data, **extra):
        values = dict(data or {})
        for name in ("since", "until"):
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        return cls(**{**values, **extra})
