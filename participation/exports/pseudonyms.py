"""Stable pseudonyms within one export, unlinkable across exports."""

import hashlib
import hmac
import secrets
from functools import lru_cache

# SHA-256 works on 64-byte blocks: HMAC pads (or hashes) its key to one block.
BLOCK = 64
# Many rows share a person (a supporter's supports): their pseudonym is computed once. Bounded, so
# an export of millions of people keeps a flat memory (about 10 MB at most).
MEMO_SIZE = 1 << 16


class Pseudonymiser:
    """HMAC of the user's key with a secret drawn for this export only, truncated."""

    def __init__(self, secret=None):
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self._memo = lru_cache(maxsize=MEMO_SIZE)(self._compute)

    def __call__(self, user_pk):
        if user_pk is None:
            return ""
        return self._memo(user_pk)

    def _compute(self, user_pk):
        digest = hmac.new(self._secret, str(user_pk).encode(), hashlib.sha256).hexdigest()
        return f"p-{digest[:12]}"

    def hmac_pads(self):
        """The key XOR ipad and XOR opad (RFC 2104), so that the database computes the same HMAC
        with two plain SHA-256 (``sha256(opad || sha256(ipad || message))``) and no extension."""
        key = self._secret if len(self._secret) <= BLOCK else hashlib.sha256(self._secret).digest()
        key = key.ljust(BLOCK, b"\0")
        return bytes(byte ^ 0x36 for byte in key), bytes(byte ^ 0x5C for byte in key)
