"""The Qt face of the session: each field's notification re-emitted as a Qt signal.

``core.session.Session`` knows nothing of Qt; a widget that prefers signals (queued across
threads, auto-disconnected when it is deleted) connects to these instead of the session's
own emitters. ``detach()`` stops the forwarding (the window calls it when it closes).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore

from maisky_desktop.core.session import Session


class QtSession(QtCore.QObject):
    """``view_changed((left, right))``, ``lane_mode_changed(str)``, ``filter_changed(Filter)``,
    ``selection_changed(Selection)``, ``search_text_changed(str)``, ``history_changed(History)``."""

    view_changed = QtCore.Signal(object)
    lane_mode_changed = QtCore.Signal(str)
    filter_changed = QtCore.Signal(object)
    selection_changed = QtCore.Signal(object)
    search_text_changed = QtCore.Signal(str)
    history_changed = QtCore.Signal(object)

    def __init__(self, session: Session, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._links: list[tuple[str, Callable[[object], object]]] = []
        for name in ("view", "lane_mode", "filter", "selection", "search_text", "history"):
            signal = getattr(self, f"{name}_changed")
            self._links.append((name, getattr(session.events, name).connect(signal.emit)))

    def detach(self) -> None:
        """Stop forwarding (before this object is deleted, so the session never calls into a dead one)."""
        for name, callback in self._links:
            getattr(self.session.events, name).disconnect(callback)
        self._links = []
