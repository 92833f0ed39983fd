"""The timeline widget: lanes of events over a date axis; emits the event a user picks."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.layout import Layout
from maisky_desktop.ui.timeline.axis import DateAxis
from maisky_desktop.ui.timeline.events_item import LANE_HEIGHT, EventsItem

DEFAULT_RANGE = (1917.0, 1976.0)


class TimelineWidget(QtWidgets.QWidget):
    """A horizontal-only zoomable timeline; ``event_selected`` carries an event id."""

    event_selected = QtCore.Signal(str)
    view_changed = QtCore.Signal(float, float)  # left, right in decimal years

    def __init__(self, layout: Layout, lanes: list[tuple[str, str, str]], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.layout_data = layout
        self.plot = pg.PlotWidget(axisItems={"bottom": DateAxis()}, background="#fbfaf7")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.invertY(True)
        n_lanes = len(lanes) + 1
        vb.setYRange(0, n_lanes * LANE_HEIGHT, padding=0)
        left_axis = self.plot.getAxis("left")
        left_axis.setTicks([[(i * LANE_HEIGHT + 0.5, name) for i, (_, name, _) in enumerate(lanes)], []])
        left_axis.setWidth(190)
        self.items = EventsItem(layout, [colour for _, _, colour in lanes])
        self.plot.addItem(self.items)
        lo = min(float(layout.x0.min()) if layout.ids else DEFAULT_RANGE[0], DEFAULT_RANGE[0]) - 2
        hi = max(float(layout.x1.max()) if layout.ids else DEFAULT_RANGE[1], DEFAULT_RANGE[1]) + 2
        vb.setLimits(xMin=lo, xMax=hi, minXRange=7 / 365.25, yMin=0, yMax=n_lanes * LANE_HEIGHT)
        vb.setXRange(*DEFAULT_RANGE, padding=0)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        vb.sigXRangeChanged.connect(lambda _vb, rng: self.view_changed.emit(float(rng[0]), float(rng[1])))
        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)

    def view_range(self) -> tuple[float, float]:
        (left, right), _ = self.plot.getViewBox().viewRange()
        return left, right

    def set_view(self, left: float, right: float) -> None:
        self.plot.getViewBox().setXRange(left, right, padding=0)

    def center_on(self, event_id: str) -> None:
        """Move the view so the event is in the middle, keeping the zoom (or zooming in to fit it)."""
        try:
            i = self.layout_data.ids.index(event_id)
        except ValueError:
            return
        left, right = self.view_range()
        x0, x1 = float(self.layout_data.x0[i]), float(self.layout_data.x1[i])
        width = max(right - left, 1.0) if x1 - x0 < right - left else (x1 - x0) * 1.2
        mid = (x0 + x1) / 2
        self.set_view(mid - width / 2, mid + width / 2)

    def set_filter(self, event_ids: set[str] | None) -> None:
        """Draw only these events (None: all of them)."""
        self.items.set_filter(
            None if event_ids is None else {i for i, eid in enumerate(self.layout_data.ids) if eid in event_ids}
        )

    def highlight(self, event_ids: set[str]) -> None:
        """Outline these events (a person's), leaving the rest as they are; an empty set clears."""
        self.items.set_highlight([i for i, eid in enumerate(self.layout_data.ids) if eid in event_ids])

    def select(self, event_id: str) -> None:
        """Select an event by id (from the pane, a search, the command line)."""
        try:
            index = self.layout_data.ids.index(event_id)
        except ValueError:
            return
        self.items.set_selected(index)
        self.event_selected.emit(event_id)

    def _on_click(self, ev) -> None:
        vb = self.plot.getViewBox()
        if ev.button() != QtCore.Qt.MouseButton.LeftButton or not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        point = vb.mapSceneToView(ev.scenePos())
        index = self.items.hit(point.x(), point.y(), vb.viewPixelSize()[0])
        if index is not None:
            self.items.set_selected(index)
            self.event_selected.emit(self.layout_data.ids[index])
