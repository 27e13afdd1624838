"""Optional cooperation with the proposals app, without importing it (docs/plugin-api.md)."""

from django.apps import apps


def proposal_model():
    return apps.get_model("proposals", "Proposal") if apps.is_installed("participation.proposals") else None


def proposals_by_id(ids):
    """{id: proposal} of the given ids; empty where the proposals app is not installed."""
    model = proposal_model()
    ids = {pk for pk in ids if pk}
    if model is None or not ids:
        return {}
    return model.objects.in_bulk(ids)


def proposal_of(project):
    return proposals_by_id([project.proposal_id]).get(project.proposal_id)
