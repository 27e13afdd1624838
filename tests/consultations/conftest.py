import pytest


@pytest.fixture
def admin_client_2fa(client, staff):
    """A client signed in as a superuser who has set up TOTP, as the admin requires."""
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    return client
