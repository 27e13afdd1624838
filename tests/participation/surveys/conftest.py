from .fixtures import client_as, person, survey  # noqa: F401
