"""The site merges every app's French catalogue into one: a message two apps translate differently
reads as whichever app Django loads first, in both apps (an export job once read « Réalisé », the
budget projects' word, instead of « Terminé »). Same words, one meaning; otherwise a context."""

import gettext
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.utils import translation

OURS = ("consultations", "participation", "lapartcitoyenne")


def our_catalogues():
    for config in apps.get_app_configs():
        path = Path(config.path) / "locale" / "fr" / "LC_MESSAGES" / "django.mo"
        if path.is_file() and config.name.startswith(OURS):
            yield config.label, path


def test_no_message_is_translated_two_ways_across_the_apps():
    translations = defaultdict(dict)
    for label, path in our_catalogues():
        with path.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)._catalog
        for message, text in catalogue.items():
            if message and text:
                translations[message][label] = text
    assert len(translations) > 1000, "the catalogues were not found"
    clashes = {
        message.replace("\x04", " | "): by_app
        for message, by_app in translations.items() if len(set(by_app.values())) > 1
    }
    assert clashes == {}


def test_an_export_job_and_a_budget_project_each_read_their_own_done():
    from participation.budgets.models import Progress
    from participation.exports.models import ExportJob

    with translation.override("fr"):
        assert str(ExportJob.Status.DONE.label) == "Terminé"
        assert str(Progress.DONE.label) == "Réalisé"
