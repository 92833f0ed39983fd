"""Search and filter queries off the UI thread: typing never waits for SQLite, and a stale request is cancelled.

One worker thread runs ``store.services.Background`` (its own read-only connection: SQLite
connections are not shared across threads here). Searches and filter resolutions each carry a
generation number of their own kind; a newer request of the same kind makes the running
statement stop at its next progress check, and results of an older generation are dropped, so
only the latest text and the latest filter are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore

from maisky_desktop.core.filters import Filter

if TYPE_CHECKING:  # the types only: the runner is handed its services
    from maisky_desktop.store.services import Background, Services

SEARCH, FILTER = 0, 1


class _Worker(QtCore.QObject):
    searched = QtCore.Signal(int, object)  # generation, Results
    resolved = QtCore.Signal(int, object, object)  # generation, Filter, FilterSets

    def __init__(self, services: Services, latest: list[int]) -> None:
        super().__init__()
        self._latest = latest  # shared: the newest generation asked for, per kind
        self._running = (SEARCH, 0)
        self._background: Background = services.background(self._stale)

    def _stale(self) -> bool:
        kind, generation = self._running
        return self._latest[kind] != generation

    def _run(self, kind: int, generation: int, work):
        """Run ``work()``; None if a newer request of the same kind made it stale."""
        if generation != self._latest[kind]:
            return None  # a newer request is queued behind this one
        self._running = (kind, generation)
        try:
            return work()
        except Exception:
            if generation != self._latest[kind]:
                return None  # interrupted because stale: nothing to show
            raise

    @QtCore.Slot(int, str, object)
    def search(self, generation: int, text: str, filt: Filter) -> None:
        results = self._run(SEARCH, generation, lambda: self._background.search(text, filt))
        if results is not None:
            self.searched.emit(generation, results)

    @QtCore.Slot(int, object)
    def resolve(self, generation: int, filt: Filter) -> None:
        sets = self._run(FILTER, generation, lambda: self._background.filter_sets(filt))
        if sets is not None:
            self.resolved.emit(generation, filt, sets)

    @QtCore.Slot()
    def close(self) -> None:
        self._background.close()


class SearchRunner(QtCore.QObject):
    """Owns the worker thread; ``results`` carries only the latest search's Results and
    ``filter_sets(Filter, FilterSets)`` only the latest filter's ids."""

    results = QtCore.Signal(object)
    filter_sets = QtCore.Signal(object, object)
    _search = QtCore.Signal(int, str, object)
    _resolve = QtCore.Signal(int, object)
    _close = QtCore.Signal()

    def __init__(self, services: Services, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = [0, 0]
        self._thread = QtCore.QThread(self)
        self._worker = _Worker(services, self._latest)
        self._worker.moveToThread(self._thread)
        self._search.connect(self._worker.search)
        self._resolve.connect(self._worker.resolve)
        self._close.connect(self._worker.close, QtCore.Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.searched.connect(self._on_searched)
        self._worker.resolved.connect(self._on_resolved)
        self._thread.start()

    def search(self, text: str, filt: Filter) -> int:
        """Queue a search; any search still running is cancelled. Returns its generation."""
        self._latest[SEARCH] += 1
        self._search.emit(self._latest[SEARCH], text, filt)
        return self._latest[SEARCH]

    def resolve(self, filt: Filter) -> int:
        """Queue turning a filter into id sets; a filter still resolving is cancelled."""
        self._latest[FILTER] += 1
        self._resolve.emit(self._latest[FILTER], filt)
        return self._latest[FILTER]

    def _on_searched(self, generation: int, results: object) -> None:
        if generation == self._latest[SEARCH]:
            self.results.emit(results)

    def _on_resolved(self, generation: int, filt: object, sets: object) -> None:
        if generation == self._latest[FILTER]:
            self.filter_sets.emit(filt, sets)

    def stop(self) -> None:
        """Cancel what runs, close the worker's connection and end the thread."""
        self._latest[SEARCH] += 1
        self._latest[FILTER] += 1
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
