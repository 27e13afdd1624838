"""The production topology on one machine: ``make prod`` (docs/deploy.md)."""
