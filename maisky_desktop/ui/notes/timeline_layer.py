"""The notes layer on the timeline: the My events lane, the filter with own events and "only noted", note markers.

``NotesOnTimeline`` also declares what every part of the notes layer shares (the window, the
services, the user database, the Notes panel ...); ``Research`` sets it up and combines the
parts: this one, the note commands, the own-event commands, the imports and the exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6 import QtWidgets

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.own_events import OWN_LANE
from maisky_desktop.store import own_records
from maisky_desktop.ui.actions import Act
from maisky_desktop.ui.timeline import style

if TYPE_CHECKING:  # what the parts share, for annotations only
    from maisky_desktop.core.layout import Layout
    from maisky_desktop.store.exports import Gatherer
    from maisky_desktop.store.services import Services
    from maisky_desktop.store.timeline_content import TimelineContent
    from maisky_desktop.store.userdata import UserData
    from maisky_desktop.ui.main_window import MainWindow
    from maisky_desktop.ui.notes.panel import NotesPanel

MARKER_COLOUR = "#1f4f9a"


class NotesOnTimeline:
    """Own events in their lane, filtered like the rest, and a marker above each noted event."""

    window: MainWindow
    services: Services
    user: UserData | None
    gather: Gatherer
    panel: NotesPanel | None
    dock: QtWidgets.QDockWidget
    own_view: QtWidgets.QTextBrowser
    own_event_id: str | None
    content: TimelineContent
    markers: pg.ScatterPlotItem
    marked: set[str]
    own_ids: set[str]
    only_noted: bool
    _base: Layout

    def _build_markers(self) -> None:
        """A small mark above each event that carries a note or a bookmark: discreet, never covering a title."""
        self.markers = pg.ScatterPlotItem(
            size=7, symbol="t", pen=pg.mkPen(None), brush=pg.mkBrush(MARKER_COLOUR), pxMode=True
        )
        self.markers.setZValue(5)
        self.window.timeline.plot.addItem(self.markers)

    def refresh_own_events(self) -> None:
        """Redraw the timeline with the own events in their lane (after an add, edit, delete or import)."""
        if self.user is None:
            return
        self.content = self.services.timeline_content(self.user, self._base)
        self.own_ids = {e.id for e in own_records.own_events(self.user)}
        c = self.content
        self.window.timeline.set_events(c.layout, c.lanes, c.people)
        self._apply_filter(self.window.session.filter)
        self.refresh_markers()
        if self.window.session.search_text:
            self.window.run_search()  # an added, edited or deleted own event shows in the results at once

    def shown_ids(self, f: Filter) -> set[str] | None:
        """The events a filter leaves, own events included (by lane and years; they name no catalog person)."""
        shipped = self.services.filtered_event_ids(f)
        if shipped is None:
            return None
        own: set[str] = set()
        if self.user is not None and f.lane in (None, OWN_LANE) and f.person is None:
            first, last = f.days()
            own = {
                e.id
                for e in own_records.own_events(self.user, first, last)
                if f.source is None or e.source_id == f.source
            }
        return (set() if f.lane == OWN_LANE else set(shipped)) | own

    def _apply_filter(self, f: Filter) -> None:
        shown = self.shown_ids(f)
        if self.only_noted and self.user is not None:
            noted = self.user.noted_targets("event")
            shown = noted if shown is None else shown & noted
        self.window.timeline.set_filter(shown)
        self.refresh_markers()

    def toggle_only_noted(self) -> None:
        """The filter bar's filter, narrowed to the events that carry a note or a bookmark (or not any more)."""
        self.only_noted = self.window.commands[Act.ONLY_NOTED].isChecked()
        self._apply_filter(self.window.session.filter)

    def refresh_markers(self) -> None:
        if self.user is None:
            return
        layout = self.window.timeline.layout_data
        shown = self.window.timeline.items.shown
        noted = self.user.noted_targets("event")
        xs, ys = [], []
        for event_id in noted:
            i = layout.index_of(event_id)
            if i is not None and (shown is None or shown[i]):  # a filtered-out event shows no marker
                xs.append(float(layout.x0[i]))
                ys.append(float(layout.lane[i]) + style.BAR_TOP - 0.04)
        self.markers.setData(xs, ys)
        self.marked = set(noted)
