"""A read-only view of the researcher's own events and documents, for a search on a thread or the command line.

Why not ``UserData``: that owns the user database for the window's UI thread (it creates,
migrates and backs up the file, so it writes), while a search must never write and runs on
a thread of its own (SQLite connections are not shared across threads here). The search
worker and ``maisky-desktop search`` ask for an ``OwnReader`` instead and never hold a
connection: opening it (``mode=ro``, so it cannot write; WAL lets it read while the UI thread
writes), checking that the file is a notes database, cancelling a stale search and turning a
damaged file into one sentence all happen here, in the store layer.

Why its own module: it imports neither sqlite-utils nor ``userdata``, so the window's search
thread and the command line read the user's data without loading the migrations.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.search import Hit, Query
from maisky_desktop.store import own_search
from maisky_desktop.store.search import PROGRESS_STEPS

NEEDED = ("own_events", "own_events_fts", "documents", "doc_passages", "doc_passages_fts")


class OwnDataError(Exception):
    """The user database cannot be searched, in one sentence that says what to do."""


def _unreadable(path: Path, reason: str) -> OwnDataError:
    return OwnDataError(
        f"your own events and documents in {path} cannot be searched ({reason}); start Maisky Timeline "
        f"with its notes to check the file (a damaged one is restored from the newest good backup in "
        f"{path.parent / 'backups'})"
    )


class OwnReader:
    """One read-only connection to a user database, searched with the store's parsed queries."""

    def __init__(self, path: Path, conn: sqlite3.Connection, cancelled: Callable[[], bool]) -> None:
        self.path = path
        self._conn = conn
        self._cancelled = cancelled

    @classmethod
    def open(cls, path: Path, cancelled: Callable[[], bool] | None = None) -> OwnReader:
        """Open the user database at ``path`` read-only and check it holds own events and documents.

        ``cancelled``: checked every ``PROGRESS_STEPS`` steps of a running statement; when it turns
        true the statement stops and ``search`` raises ``sqlite3.OperationalError`` ("interrupted"),
        which the caller drops as a stale search. Raises ``OwnDataError`` for a missing, unreadable
        or foreign file.
        """
        path = Path(path)
        if not path.exists():
            raise _unreadable(path, "the file is missing")
        if not path.is_file():
            raise _unreadable(path, "it is a folder or a device, not a file")
        check = cancelled or (lambda: False)
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _unreadable(path, str(exc)) from None
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:  # not a database, or its first page is damaged: fails now, not mid-search
            conn.close()
            raise _unreadable(path, str(exc)) from None
        missing = [n for n in NEEDED if n not in names]
        if missing:
            conn.close()
            raise _unreadable(path, f"it has no {missing[0]} table: not a Maisky Timeline notes file, or an old one")
        if cancelled is not None:
            conn.set_progress_handler(check, PROGRESS_STEPS)
        return cls(path, conn, check)

    def search(
        self, query: Query, f: Filter | None = None, limits: Mapping[str, int] | None = None
    ) -> tuple[dict[str, list[Hit]], dict[str, bool]]:
        """Own events and own document passages matching ``query`` (``own_search.search``): (hits, more) by kind.

        Raises ``OwnDataError`` when the file turns out damaged, and lets SQLite's "interrupted"
        through when ``cancelled`` stopped the statement (the caller drops that search).
        """
        try:
            return own_search.search(self._conn, query, f, limits)
        except sqlite3.Error as exc:
            if self._cancelled():
                raise
            raise _unreadable(self.path, str(exc) or type(exc).__name__) from None
        except UnicodeDecodeError:
            raise _unreadable(self.path, "a text cell is not valid UTF-8") from None

    def close(self) -> None:
        self._conn.close()
