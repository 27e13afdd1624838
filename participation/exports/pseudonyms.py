"""Stable pseudonyms within one export, unlinkable across exports."""

import hashlib
import hmac
import secrets


class Pseudonymiser:
    """HMAC of the user's key with a secret drawn for this export only, truncated."""

    def __init__(self, secret=None):
        self._secret = secret if secret is not None else secrets.token_bytes(32)

    def __call__(self, user_pk):
        if user_pk is None:
            return ""
        digest = hmac.new(self._secret, str(user_pk).encode(), hashlib.sha256).hexdigest()
        return f"p-{digest[:12]}"
