"""The error every store check raises: one line a user can act on."""

from __future__ import annotations


class StoreError(RuntimeError):
    """A store that cannot be used; the message is one line a user can act on."""
