"""The store's fingerprint: the SHA-256 of its bytes, recorded beside it when it is built.

A store cannot hold its own hash, so the build writes ``<store>.sha256`` next to the file
(``maisky.sqlite.sha256`` ships with the package). Opening the shipped store compares the
two and refuses on any difference, which catches a changed byte anywhere, including pages
SQLite's integrity check never reads. Hashing the shipped store (about 1 MB) takes a few
milliseconds. A store without a fingerprint beside it (a synthetic benchmark store) is
opened on SQLite's checks alone.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from maisky_desktop import paths
from maisky_desktop.store.errors import StoreError
from maisky_desktop.store.faults import ADVICE

SUFFIX = ".sha256"
RETRY_S = 0.2
FRESH_S = 5.0


def sidecar(store: Path) -> Path:
    return store.with_name(store.name + SUFFIX)


def digest(store: Path) -> str:
    h = hashlib.sha256()
    with open(store, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def text_for(store: Path, hexdigest: str) -> str:
    """The sidecar's content, in the format of ``sha256sum`` so it can be checked by hand."""
    return f"{hexdigest}  {store.name}\n"


def is_shipped(store: Path) -> bool:
    """Whether this is the store that ships inside the package."""
    try:
        return os.path.samefile(store, paths.default_store())
    except OSError:
        return False


def _fresh(*files: Path) -> bool:
    """Whether one of the files was written in the last seconds (a build may be between its renames)."""
    try:
        return time.time() - max(f.stat().st_mtime for f in files) < FRESH_S
    except OSError:
        return True


def verify(store: Path, required: bool) -> None:
    """Raise StoreError if the store's bytes differ from its recorded fingerprint.

    ``required``: a missing fingerprint is itself refused (the shipped store).
    """
    for attempt in range(2):
        side = sidecar(store)
        try:
            recorded = side.read_text(encoding="ascii").split()[0].lower()
        except FileNotFoundError:
            if required:
                raise StoreError(f"store {store} has no fingerprint ({side.name} is missing); {ADVICE}") from None
            return
        except (OSError, UnicodeDecodeError, IndexError):
            raise StoreError(f"store {store} has an unreadable fingerprint file {side.name}; {ADVICE}") from None
        try:
            actual = digest(store)
        except OSError as exc:
            raise StoreError(f"cannot read store {store}: {exc.strerror}") from None
        if actual == recorded:
            return
        if attempt == 0 and _fresh(store, side):
            time.sleep(RETRY_S)  # a build renames the store and then its fingerprint: look again once
        else:
            break
    raise StoreError(f"store {store} does not match its fingerprint (a byte changed since it was built); {ADVICE}")
