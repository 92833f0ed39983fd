"""What a store that breaks *after* it was opened looks like, and how it is told in words.

Opening vets a store (header, size, schema version, tables, integrity check, fingerprint),
but a page can be damaged where the check does not look, or the file can be overwritten
while the app runs. The damage then surfaces at query time as one of three exceptions:
SQLite's own ``DatabaseError`` ("database disk image is malformed"), a ``UnicodeDecodeError``
when a text cell's bytes are no longer UTF-8, or a ``DateError`` when a stored date no
longer parses (every date was checked at build time, so a bad one is damage, not input).
Everything else is a bug and is reported as one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from maisky_desktop.core.dates import DateError

ADVICE = "rebuild it with 'maisky-desktop build' or reinstall the app"


def is_damage(exc: BaseException) -> bool:
    """Whether an exception raised while reading the store means the store is damaged."""
    if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc):
        return False  # a cancelled search, not damage
    return isinstance(exc, sqlite3.DatabaseError | UnicodeDecodeError | DateError)


def damage_message(path: Path | None, exc: BaseException) -> str | None:
    """One line for a damaged store ('store X is damaged (reason); rebuild...'), None if not damage."""
    if not is_damage(exc):
        return None
    if isinstance(exc, UnicodeDecodeError):
        reason = "a text cell is not valid UTF-8"
    elif isinstance(exc, DateError):
        reason = f"a stored date does not parse: {exc}"
    else:
        reason = str(exc) or type(exc).__name__
    where = f"store {path}" if path is not None else "the store"
    return f"{where} is damaged ({reason}); {ADVICE}"
