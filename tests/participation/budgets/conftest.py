from .fixtures import budget, client_as, person  # noqa: F401
