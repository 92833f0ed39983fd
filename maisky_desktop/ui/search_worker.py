"""Searches off the UI thread: typing never waits for SQLite, and a stale search is cancelled.

One worker thread holds its own read-only connection (SQLite connections are not shared
across threads here), opened when the window opens and checked to be the very file the
window reads, so search can never read a different store than the timeline. Each request
carries a generation number; a newer request makes the running statement stop at its next
progress-handler check (every 2,000 virtual-machine steps) and the query parser stop at
its next word, and results of an older generation are dropped, so only the latest text is
shown. The same thread turns a filter into the ids it lets through (``resolve``): filters
have generations of their own, so typing never cancels a filter and a filter never a search.

When the researcher's notes are open (``use_user_data``), the thread also asks the store layer
for a read-only view of the user database (``store.own_reader.OwnReader``: it opens, checks and
searches the file, so no connection to it is held here) and adds their own events and documents
to each search's results (the same parsed query), under the same cancellation. A user database
that cannot be read leaves the store's results; ``own_failed`` says so once, in words.

The worker is a plain Python thread, not a ``QThread``: Qt aborts the whole process when a
``QThread`` object is destroyed while it runs (for example when a window is dropped without
being closed), while a daemon Python thread can always be stopped and joined, and never
keeps the process alive. Results reach the UI through a queued Qt signal.
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import sqlite3
import threading
import weakref
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.search import ParseCancelledError, Results
from maisky_desktop.store.faults import damage_message
from maisky_desktop.store.search import FilterSets, Searcher

if TYPE_CHECKING:
    from maisky_desktop.store.own_reader import OwnReader
    from maisky_desktop.store.services import Services

SEARCH, FILTER = 0, 1  # the two kinds of request, each with its own generations

JOIN_TIMEOUT_S = 5.0

_live: weakref.WeakSet[SearchRunner] = weakref.WeakSet()


class SearchRunner(QtCore.QObject):
    """Owns the worker thread; ``results`` carries only the latest search's Results.

    ``failed`` carries one line in words when the store fails under a search (a damaged
    page, an undecodable row); the window reports it once and stays usable. ``own_failed``
    carries one line when the user database cannot be searched (once per database asked
    for); the search goes on with the store's results. ``crashed`` carries any other
    exception (a bug), for the report dialog.
    """

    results = QtCore.Signal(object)
    filter_sets = QtCore.Signal(object, object)  # Filter, FilterSets: only the latest filter's
    failed = QtCore.Signal(str)
    own_failed = QtCore.Signal(str)
    crashed = QtCore.Signal(object)  # the exception, its traceback attached
    _finished = QtCore.Signal(int, object)  # generation, Results (emitted from the worker thread)
    _resolved = QtCore.Signal(int, object, object)  # generation, Filter, FilterSets
    _failed = QtCore.Signal(int, str)
    _own_failed = QtCore.Signal(str)
    _crashed = QtCore.Signal(int, object)

    def __init__(self, services: Services, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._path = services.path
        self._latests = [0, 0]  # per kind: the newest generation asked for
        self._requests: queue.SimpleQueue[tuple[int, int, str, Filter, dict[str, int]] | None] = queue.SimpleQueue()
        self._running = (SEARCH, 0)
        # same file identity as the window's store (or StoreError); a stale statement stops at its next check
        self._conn: sqlite3.Connection | None = services.open_sibling(cancelled=self._stale_running)
        self._user_path: Path | None = None  # set from the UI thread; the worker opens its own reader
        self._finished.connect(self._on_finished, QtCore.Qt.ConnectionType.QueuedConnection)
        self._resolved.connect(self._on_resolved, QtCore.Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._on_failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._own_failed.connect(self.own_failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._crashed.connect(self._on_crashed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="maisky-search", daemon=True)
        self._thread.start()
        _live.add(self)

    # Main thread -------------------------------------------------------------------------

    @property
    def _latest(self) -> int:
        return self._latests[SEARCH]

    def search(self, text: str, filt: Filter, limits: dict[str, int] | None = None) -> int:
        """Queue a search; any search still running is cancelled. Returns its generation.

        ``limits``: hits per kind beyond the default page (the results pane's "Show more").
        """
        self._latests[SEARCH] += 1
        self._requests.put((SEARCH, self._latests[SEARCH], text, filt, dict(limits or {})))
        return self._latests[SEARCH]

    def use_user_data(self, path: Path | None) -> None:
        """Search the researcher's own events and documents in the user database at ``path`` too (None: stop).

        The worker thread opens (and closes) its own read-only reader before its next search.
        """
        self._user_path = path

    def resolve(self, filt: Filter) -> int:
        """Queue turning a filter into id sets (``filter_sets``); a filter still resolving is cancelled."""
        self._latests[FILTER] += 1
        self._requests.put((FILTER, self._latests[FILTER], "", filt, {}))
        return self._latests[FILTER]

    def _on_finished(self, generation: int, results: object) -> None:
        if generation == self._latests[SEARCH]:
            self.results.emit(results)

    def _on_resolved(self, generation: int, filt: object, sets: object) -> None:
        if generation == self._latests[FILTER]:
            self.filter_sets.emit(filt, sets)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation in self._latests:
            self.failed.emit(message)

    def _on_crashed(self, generation: int, exc: object) -> None:
        if generation in self._latests:
            self.crashed.emit(exc)

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Cancel what runs, end the thread and close its connection. Safe to call twice."""
        self._latests = [n + 1 for n in self._latests]  # the running statement and parse stop at their next check
        self._requests.put(None)
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(JOIN_TIMEOUT_S)
        _live.discard(self)

    # Worker thread -----------------------------------------------------------------------

    def _stale_running(self) -> bool:
        kind, generation = self._running
        return self._latests[kind] != generation

    def _loop(self) -> None:
        searcher: Searcher | None = None
        filters: tuple[Filter, FilterSets] | None = None
        user: OwnReader | None = None
        try:
            while True:
                request = self._requests.get()
                if request is None:
                    return
                kind, generation, text, filt, limits = request
                if generation != self._latests[kind]:
                    continue  # a newer request of this kind is queued behind it
                self._running = (kind, generation)
                try:
                    if searcher is None:
                        assert self._conn is not None
                        searcher = Searcher(self._conn)
                    if filters is None or filters[0] != filt:
                        filters = (filt, searcher.filter_sets(filt))
                    if kind == FILTER:
                        self._emit(self._resolved, generation, filt, filters[1])
                        continue
                    results = searcher.search(text, filters[1], cancelled=self._stale_running, limits=limits)
                    user = self._own_reader(user)
                    if user is not None and not results.query.empty:
                        results, user = self._with_own(user, results, filt, limits)
                except ParseCancelledError:
                    continue
                except sqlite3.OperationalError as exc:
                    if self._stale_running():
                        continue  # interrupted because stale: nothing to show
                    self._report(generation, exc)
                    continue
                except Exception as exc:  # reported in words; the thread lives on for the next search
                    self._report(generation, exc)
                    continue
                self._emit(self._finished, generation, results)
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if user is not None:
                user.close()

    def _with_own(
        self, user: OwnReader, results: Results, filt: Filter, limits: dict[str, int]
    ) -> tuple[Results, OwnReader | None]:
        """The results with the researcher's own events and documents added, and the reader to keep.

        A user database that breaks under the search leaves the store's results (it is not the
        store's fault), is told once and is not read again until the notes open it anew.
        """
        from maisky_desktop.store.own_reader import OwnDataError  # imported with the reader: not at start-up

        try:
            own, more = user.search(results.query, filt, limits)
        except OwnDataError as exc:
            user.close()
            self._own_unreadable(str(exc))
            return results, None
        return replace(results, hits={**results.hits, **own}, more={**results.more, **more}), user

    def _own_reader(self, user: OwnReader | None) -> OwnReader | None:
        """The worker's reader of the user database now asked for, (re)opened or closed as the path changed."""
        wanted = self._user_path
        if user is not None and user.path == wanted:
            return user
        if user is not None:
            user.close()
        if wanted is None:
            return None
        from maisky_desktop.store.own_reader import OwnDataError, OwnReader  # here: only once the notes are open

        try:
            return OwnReader.open(wanted, cancelled=self._stale_running)
        except OwnDataError as exc:
            self._own_unreadable(str(exc))
            return None

    def _own_unreadable(self, message: str) -> None:
        """Stop reading the user database asked for and say why, once (``use_user_data`` asks again)."""
        self._user_path = None
        self._emit(self._own_failed, message)

    def _report(self, generation: int, exc: BaseException) -> None:
        message = damage_message(self._path, exc)
        if message is None:
            self._emit(self._crashed, generation, exc)
        else:
            self._emit(self._failed, generation, message)

    def _emit(self, signal: QtCore.SignalInstance, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the runner's Qt object is gone: the window was dropped
            signal.emit(*args)


@atexit.register
def stop_all() -> None:
    """Stop every worker still running when the interpreter exits (a window never closed)."""
    for runner in list(_live):
        with contextlib.suppress(RuntimeError):
            runner.stop()
