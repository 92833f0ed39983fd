"""The timeline widget: lanes of events over a date axis, an overview strip; emits the event picked.

Composition only: the items draw (backdrop, events, labels), ``Navigator`` turns input into
view moves, ``core.viewport`` bounds them. Public API used by the rest of the app:
``select``, ``center_on``, ``set_filter``, ``set_view``, ``view_range``, ``highlight``,
``set_lane_mode``, and the signals ``event_selected(id)`` and ``view_changed(left, right)``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from maisky_desktop.core import span, viewport
from maisky_desktop.core.layout import Layout
from maisky_desktop.core.person_lanes import PersonLanes
from maisky_desktop.core.viewport import Bounds, Era
from maisky_desktop.ui.timeline import style
from maisky_desktop.ui.timeline.axis import DateAxis
from maisky_desktop.ui.timeline.backdrop_item import BackdropItem
from maisky_desktop.ui.timeline.events_item import EventsItem
from maisky_desktop.ui.timeline.labels_item import LabelsItem
from maisky_desktop.ui.timeline.lane_header import LaneHeader
from maisky_desktop.ui.timeline.navigation import Navigator
from maisky_desktop.ui.timeline.overview import OverviewStrip

DEFAULT_RANGE = viewport.HOME
PERSON_COLOURS = [
    "#b5523b",
    "#3b6fb5",
    "#4f8f5a",
    "#8a5fb0",
    "#c28a1e",
    "#7a2a2a",
    "#52606d",
    "#2f8f8f",
    "#a0527a",
    "#6f7d2a",
]


class TimelineWidget(QtWidgets.QWidget):
    """A horizontal-only zoomable timeline; ``event_selected`` carries an event id."""

    event_selected = QtCore.Signal(str)
    view_changed = QtCore.Signal(float, float)  # left, right in decimal years

    def __init__(
        self,
        layout: Layout,
        lanes: list[tuple[str, str, str]],
        parent: QtWidgets.QWidget | None = None,
        *,
        eras: Sequence[Era] = (),
        people: PersonLanes | None = None,
    ):
        super().__init__(parent)
        self.layout_data = layout
        self._category = (layout, [name for _, name, _ in lanes] + ["Other"], [c for _, _, c in lanes])
        self._people = people
        self.lane_mode = "category"
        self.bounds = Bounds.around(*layout.extent())
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)

        self.header = LaneHeader()
        self.plot = pg.PlotWidget(axisItems={"bottom": DateAxis(), "left": self.header}, background=style.BACKGROUND)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setFocusProxy(self)
        self.plot.getPlotItem().layout.setContentsMargins(0, 4, 12, 0)
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.invertY(True)
        vb.setDefaultPadding(0.0)

        self.backdrop = BackdropItem(layout.lanes)
        self.items = EventsItem(layout, self._category[2])
        self.labels = LabelsItem(self.items)
        for z, item in enumerate((self.backdrop, self.items, self.labels)):
            item.setZValue(z - 10)
            self.plot.addItem(item)
        vb.disableAutoRange()

        self.overview = OverviewStrip(self.bounds.lo, self.bounds.hi)
        self.overview.view_requested.connect(self.set_view)
        self.navigator = Navigator(self.view_range, self.set_view, self.bounds, self.step_selection, self._x_at)
        self.plot.viewport().grabGesture(QtCore.Qt.GestureType.PinchGesture)
        self.plot.viewport().installEventFilter(self.navigator)

        self._apply_lanes(layout, self._category[1], self._category[2])
        vb.setXRange(*DEFAULT_RANGE, padding=0)
        self.overview.set_view(*DEFAULT_RANGE)
        self.set_eras(eras)

        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        vb.sigXRangeChanged.connect(self._on_range_changed)
        vb.sigResized.connect(self._align_overview)

        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self._toolbar())
        box.addWidget(self.plot, 1)
        box.addWidget(self.overview)
        QtCore.QTimer.singleShot(0, self._fill_overview)

    @classmethod
    def from_store(cls, store, parent: QtWidgets.QWidget | None = None) -> TimelineWidget:
        """The timeline of a store: category lanes, eras and person lanes."""
        from maisky_desktop.store import timeline as queries

        layout = queries.event_layout(store.conn)
        return cls(
            layout,
            queries.lanes(store.conn),
            parent,
            eras=queries.eras(store.conn),
            people=queries.person_lanes(store.conn, layout),
        )

    def _toolbar(self) -> QtWidgets.QWidget:
        """The lane switch and a reminder of the keys."""
        bar = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(bar)
        row.setContentsMargins(10, 6, 12, 2)
        row.addWidget(QtWidgets.QLabel("Lanes:"))
        self.lane_buttons = QtWidgets.QButtonGroup(self)
        for mode, text in (("category", "Categories"), ("person", "People")):
            button = QtWidgets.QToolButton(text=text, checkable=True, autoRaise=True)
            button.setChecked(mode == "category")
            button.setEnabled(mode == "category" or self._people is not None)
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self.set_lane_mode(m))
            self.lane_buttons.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        hint = QtWidgets.QLabel(
            f"wheel or +/− zoom · drag or ←/→ pan · Home {span.study_words()} · PgUp/PgDn eras · Tab next event"
        )
        hint.setStyleSheet(f"color: {style.MUTED_INK};")
        hint.setFont(style.ui_font(8.0))
        row.addWidget(hint)
        return bar

    # -- lanes -----------------------------------------------------------------------------
    def _apply_lanes(self, layout: Layout, names: list[str], colours: list[str]) -> None:
        self.layout_data = layout
        n = layout.lanes
        full = list(colours) + [style.OTHER_LANE] * max(n - len(colours), 0)
        self.items.set_layout(layout, full)
        self.labels.reset()
        self.header.set_lanes(names[:n], full)
        tracks = self._people.tracks if self.lane_mode == "person" and self._people else ()
        self.backdrop.set_lanes(n, tracks, full)
        vb = self.plot.getViewBox()
        vb.setLimits(
            xMin=self.bounds.lo,
            xMax=self.bounds.hi,
            minXRange=self.bounds.min_span,
            maxXRange=self.bounds.max_span,
            yMin=-self.backdrop.band,
            yMax=n,
        )
        vb.setYRange(-self.backdrop.band, n, padding=0)

    def set_lane_mode(self, mode: str) -> None:
        """'category': one lane per category; 'person': the most present people, the rest together."""
        if mode not in ("category", "person"):
            raise ValueError(mode)
        if mode == "person" and self._people is None:
            return
        self.lane_mode = mode
        for button, m in zip(self.lane_buttons.buttons(), ("category", "person")):
            button.setChecked(m == mode)
        if mode == "person":
            people = self._people
            n = len(people.names)
            colours = [*PERSON_COLOURS[: n - 2], style.OTHER_LANE, "#b0aba0"]
            self._apply_lanes(self._category[0].with_lanes(people.lane, n), people.names, colours)
        else:
            self._apply_lanes(*self._category)

    def set_events(self, layout: Layout, lanes: list[tuple[str, str, str]], people: PersonLanes | None = None) -> None:
        """Replace the events drawn (the store's plus the user's own in a lane of their own), keeping the view
        and the selection when the selected event is still there."""
        selected = self.selected_id()
        self._category = (layout, [name for _, name, _ in lanes] + ["Other"], [c for _, _, c in lanes])
        self._people = people
        self.bounds = Bounds.around(*layout.extent())
        self.set_lane_mode(self.lane_mode if people is not None else "category")
        index = self.layout_data.index_of(selected) if selected else None
        if index is not None:
            self.items.set_selected(index)
        self._fill_overview()

    def set_eras(self, eras: Sequence[Era]) -> None:
        """Shade and name these periods; PageUp/PageDown walk them (none: page by a view width)."""
        self.navigator.eras = list(eras)
        self.backdrop.set_eras(eras)
        self.overview.set_eras(eras)
        n = self.layout_data.lanes
        vb = self.plot.getViewBox()
        vb.setLimits(yMin=-self.backdrop.band, yMax=n)
        vb.setYRange(-self.backdrop.band, n, padding=0)

    # -- view --------------------------------------------------------------------------------
    def view_range(self) -> tuple[float, float]:
        (left, right), _ = self.plot.getViewBox().viewRange()
        return left, right

    def set_view(self, left: float, right: float) -> None:
        self.plot.getViewBox().setXRange(*viewport.clamp(left, right, self.bounds), padding=0)

    def _x_at(self, x_px: float) -> float:
        vb = self.plot.getViewBox()
        scene = self.plot.mapToScene(QtCore.QPoint(int(x_px), 0))
        return vb.mapSceneToView(scene).x()

    def _on_range_changed(self, _vb, rng) -> None:
        self.overview.set_view(float(rng[0]), float(rng[1]))
        self.view_changed.emit(float(rng[0]), float(rng[1]))

    def _align_overview(self, *_args) -> None:
        vb = self.plot.getViewBox()
        left = self.plot.mapFromScene(vb.sceneBoundingRect().topLeft()).x()
        self.overview.set_margin(int(left))

    def _fill_overview(self) -> None:
        self._align_overview()
        self.overview.set_data(self.items.grid())

    def center_on(self, event_id: str) -> None:
        """Move the view so the event is in the middle, keeping the zoom (or zooming out to fit it)."""
        i = self.layout_data.index_of(event_id)
        if i is None:
            return
        left, right = self.view_range()
        x0, x1 = float(self.layout_data.x0[i]), float(self.layout_data.x1[i])
        width = max(right - left, 1.0) if x1 - x0 < right - left else (x1 - x0) * 1.2
        mid = (x0 + x1) / 2
        self.set_view(mid - width / 2, mid + width / 2)

    # -- filter, emphasis, selection -----------------------------------------------------------
    def _indices(self, event_ids: set[str] | None) -> set[int] | None:
        if event_ids is None:
            return None
        found = (self.layout_data.index_of(e) for e in event_ids)
        return {i for i in found if i is not None}

    def set_filter(self, event_ids: set[str] | None) -> None:
        """Draw only these events (None: all of them)."""
        self.items.set_filter(self._indices(event_ids))
        self.labels.update()
        self.overview.set_data(self.items.grid())

    def highlight(self, event_ids: set[str] | None) -> None:
        """Emphasise these events (a person's, a search's), dimming the others; None: all equal."""
        self.items.set_emphasis(self._indices(event_ids))

    def select(self, event_id: str) -> None:
        """Select an event by id (from the pane, a search, the command line)."""
        index = self.layout_data.index_of(event_id)
        if index is None:
            return
        self._select_index(index)

    def selected_id(self) -> str | None:
        i = self.items.selected
        return None if i is None else self.layout_data.ids[i]

    def _select_index(self, index: int) -> None:
        self.items.set_selected(index)
        self.labels.update()
        self.event_selected.emit(self.layout_data.ids[index])

    def step_selection(self, step: int) -> None:
        """Tab / Shift+Tab: the next / previous event in time (among those shown), kept in view."""
        lay = self.layout_data
        if not len(lay):
            return
        shown = self.items.shown
        current = self.items.selected
        if current is None:
            left, right = self.view_range()
            in_view = self.items.in_view(left, right)
            candidates = in_view if len(in_view) else np.arange(len(lay))
            target = int(candidates[0] if step > 0 else candidates[-1])
        else:
            order = np.arange(current + step, len(lay) if step > 0 else -1, step)
            if shown is not None:
                order = order[shown[order]]
            if not len(order):
                return
            target = int(order[0])
        if shown is not None and not shown[target]:
            return
        self._select_index(target)
        left, right = self.view_range()
        self.set_view(*viewport.reveal(left, right, float(lay.x0[target]), float(lay.x1[target]), self.bounds))

    # -- input ---------------------------------------------------------------------------------
    def event(self, event: QtCore.QEvent) -> bool:
        # Tab would move the keyboard focus away; on the timeline it moves the selection.
        if event.type() == QtCore.QEvent.Type.KeyPress and self.navigator.key(event):
            return True
        return super().event(event)

    def _hit_scene(self, scene_pos: QtCore.QPointF) -> int | None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        return self.items.hit(point.x(), point.y(), vb.viewPixelSize()[0])

    def _on_click(self, ev) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        self.setFocus(QtCore.Qt.FocusReason.MouseFocusReason)
        if ev.double():
            vb = self.plot.getViewBox()
            if vb.sceneBoundingRect().contains(ev.scenePos()):
                self.navigator.zoom(0.5, vb.mapSceneToView(ev.scenePos()).x())
            return
        index = self._hit_scene(ev.scenePos())
        if index is not None:
            self._select_index(index)

    def _on_hover(self, scene_pos: QtCore.QPointF) -> None:
        index = self._hit_scene(scene_pos)
        viewport_widget = self.plot.viewport()
        if index is None:
            QtWidgets.QToolTip.hideText()
            viewport_widget.unsetCursor()
            return
        lay = self.layout_data
        stated = lay.stated[index] if lay.stated else ""
        text = f"<b>{html.escape(lay.title(index))}</b>"
        if stated:
            text += f"<br>{html.escape(stated)}"
        viewport_widget.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        global_pos = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))
        QtWidgets.QToolTip.showText(global_pos, text, viewport_widget)
