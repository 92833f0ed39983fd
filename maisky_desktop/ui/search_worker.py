"""Searches off the UI thread: typing never waits for SQLite, and a stale search is cancelled.

One worker thread holds its own read-only connection (SQLite connections are not shared
across threads here). Each request carries a generation number; a newer request makes the
running statement stop at its next progress-handler check (every 2,000 virtual-machine
steps), and results of an older generation are dropped, so only the latest text is shown.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6 import QtCore

from maisky_desktop.core.filters import Filter
from maisky_desktop.store.reader import open_store
from maisky_desktop.store.search import FilterSets, Searcher, resolve_filter

PROGRESS_STEPS = 2000


class _Worker(QtCore.QObject):
    finished = QtCore.Signal(int, object)  # generation, Results

    def __init__(self, path: Path, latest: list[int]) -> None:
        super().__init__()
        self._path = path
        self._latest = latest  # shared one-item list: the newest generation asked for
        self._searcher: Searcher | None = None
        self._filters: tuple[Filter, FilterSets] | None = None
        self._generation = 0

    @QtCore.Slot(int, str, object)
    def run(self, generation: int, text: str, filt: Filter) -> None:
        if generation != self._latest[0]:
            return  # a newer request is queued behind this one
        if self._searcher is None:
            conn = open_store(self._path)
            conn.set_progress_handler(lambda: self._latest[0] != self._generation, PROGRESS_STEPS)
            self._searcher = Searcher(conn)
        self._generation = generation
        try:
            if self._filters is None or self._filters[0] != filt:
                self._filters = (filt, resolve_filter(self._searcher.conn, filt))
            results = self._searcher.search(text, self._filters[1])
        except sqlite3.OperationalError:
            if generation != self._latest[0]:
                return  # interrupted because stale: nothing to show
            raise
        self.finished.emit(generation, results)

    @QtCore.Slot()
    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.conn.close()
            self._searcher = None


class SearchRunner(QtCore.QObject):
    """Owns the worker thread; ``results`` carries only the latest search's Results."""

    results = QtCore.Signal(object)
    _request = QtCore.Signal(int, str, object)
    _close = QtCore.Signal()

    def __init__(self, store_path: Path, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = [0]
        self._thread = QtCore.QThread(self)
        self._worker = _Worker(store_path, self._latest)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._close.connect(self._worker.close, QtCore.Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()

    def search(self, text: str, filt: Filter) -> int:
        """Queue a search; any search still running is cancelled. Returns its generation."""
        self._latest[0] += 1
        self._request.emit(self._latest[0], text, filt)
        return self._latest[0]

    def _on_finished(self, generation: int, results: object) -> None:
        if generation == self._latest[0]:
            self.results.emit(results)

    def stop(self) -> None:
        """Cancel what runs, close the worker's connection and end the thread."""
        self._latest[0] += 1
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
