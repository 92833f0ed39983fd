"""The timeline widget: lanes of events over a date axis, an overview strip; emits the event picked.

Composition only: the items draw (backdrop, events, labels), ``Navigator`` turns input into
view moves, ``core.viewport`` bounds them. Public API used by the rest of the app:
``select``, ``center_on``, ``set_filter``, ``set_view``, ``view_range``, ``highlight``,
``set_lane_mode``, and the signals ``event_selected(id)`` and ``view_changed(left, right)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core import labels, span, viewport
from maisky_desktop.core.layout import Layout, OnDemand
from maisky_desktop.core.person_lanes import PersonLanes
from maisky_desktop.core.viewport import Bounds, Era
from maisky_desktop.ui import actions
from maisky_desktop.ui.timeline import counts, style
from maisky_desktop.ui.timeline.axis import DateAxis
from maisky_desktop.ui.timeline.backdrop_item import BackdropItem
from maisky_desktop.ui.timeline.events_item import EventsItem
from maisky_desktop.ui.timeline.labels_item import LabelsItem
from maisky_desktop.ui.timeline.lane_header import LaneHeader
from maisky_desktop.ui.timeline.legend import Legend
from maisky_desktop.ui.timeline.navigation import Navigator
from maisky_desktop.ui.timeline.overview import OverviewStrip

if TYPE_CHECKING:  # the type only: the data comes from the services
    from maisky_desktop.store.services import TimelineData

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


class _Hint(QtWidgets.QLabel):
    """A reminder of the keys that ends in "…" where the window is too narrow for all of it."""

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), QtCore.Qt.TextElideMode.ElideRight, self.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), int(self.alignment()), text)


class TimelineWidget(QtWidgets.QWidget):
    """A horizontal-only zoomable timeline; ``event_selected`` carries an event id."""

    event_selected = QtCore.Signal(str)
    view_changed = QtCore.Signal(float, float)  # left, right in decimal years
    lane_mode_changed = QtCore.Signal(str)

    def __init__(
        self,
        layout: Layout,
        lanes: list[tuple[str, str, str]],
        parent: QtWidgets.QWidget | None = None,
        *,
        eras: Sequence[Era] = (),
        people: PersonLanes | Callable[[], PersonLanes] | None = None,
    ):
        super().__init__(parent)
        self.layout_data = layout
        self._category = (layout, [name for _, name, _ in lanes] + ["Other"], [c for _, _, c in lanes])
        self._people_source = people  # a function: computed when the People lanes are first shown
        # Text of a big store's events is read as they come into view, off the UI thread; this
        # timer repaints the labels when it has arrived, and runs only while some is on its way.
        self._text_poll = QtCore.QTimer(self, interval=30)
        self._text_poll.timeout.connect(self._poll_text)
        self._text_seen = -1
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
        layers: tuple[pg.GraphicsObject, ...] = (self.backdrop, self.items, self.labels)
        for z, item in enumerate(layers):
            item.setZValue(z - 10)
            self.plot.addItem(item)
        vb.disableAutoRange()

        self.overview = OverviewStrip(self.bounds.lo, self.bounds.hi)
        self.overview.view_requested.connect(self.set_view)
        self.navigator = Navigator(self.view_range, self.set_view, self.bounds, self.step_selection, self._x_at)
        self.plot.viewport().grabGesture(QtCore.Qt.GestureType.PinchGesture)
        self.plot.viewport().installEventFilter(self.navigator)
        self.commands = actions.create(self, actions.TIMELINE, QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for act, action in self.commands.items():
            action.triggered.connect(lambda _checked=False, a=act: self.navigator.run(a))
        self.plot.viewport().installEventFilter(self)
        self.count_menu: QtWidgets.QMenu | None = None
        self.legend: Legend | None = None

        self._apply_lanes(layout, self._category[1], self._category[2])
        vb.setXRange(*DEFAULT_RANGE, padding=0)
        self.overview.set_view(*DEFAULT_RANGE)
        self.set_eras(eras)

        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        vb.sigXRangeChanged.connect(self._on_range_changed)
        self._want_text()
        vb.sigResized.connect(self._align_overview)

        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self._toolbar())
        box.addWidget(self.plot, 1)
        box.addWidget(self.overview)
        QtCore.QTimer.singleShot(0, self._fill_overview)

    @classmethod
    def from_data(cls, data: TimelineData, parent: QtWidgets.QWidget | None = None) -> TimelineWidget:
        """The timeline of a store (``Services.timeline()``): category lanes, eras and person lanes."""
        widget = cls(data.layout, data.lanes, parent, eras=data.eras, people=data.people)
        titles = data.layout.titles
        if isinstance(titles, OnDemand):
            widget.destroyed.connect(titles.close)  # ends the text loader's thread
        return widget

    @property
    def _people(self) -> PersonLanes | None:
        if callable(self._people_source):
            self._people_source = self._people_source()
        return self._people_source

    @_people.setter
    def _people(self, people: PersonLanes | Callable[[], PersonLanes] | None) -> None:
        self._people_source = people

    def _toolbar(self) -> QtWidgets.QWidget:
        """The lane switch and a reminder of the keys."""
        bar = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(bar)
        row.setContentsMargins(10, 6, 12, 2)
        row.addWidget(QtWidgets.QLabel("Lanes:"))
        self.lane_buttons = QtWidgets.QButtonGroup(self)
        for mode, text in (("category", "Categories"), ("person", "People")):
            button = _tool_button(text)
            button.setChecked(mode == "category")
            button.setEnabled(mode == "category" or self._people_source is not None)
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self.set_lane_mode(m))
            self.lane_buttons.addButton(button)
            row.addWidget(button)
        row.addSpacing(12)
        self.legend_button = _tool_button("Legend")
        self.legend_button.setToolTip(
            "What the marks say: days, spans, dates known only to the year, circa, open-ended"
        )
        self.legend_button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.legend_button.toggled.connect(self.show_legend)
        row.addWidget(self.legend_button)
        row.addStretch(1)
        hint = _Hint(
            f"wheel or +/− zoom · drag or ←/→ pan · Home {span.study_words()} · PgUp/PgDn eras · Tab next event"
        )
        palette = hint.palette()
        palette.setColor(hint.foregroundRole(), QtGui.QColor(style.MUTED_INK))
        hint.setPalette(palette)
        hint.setFont(style.ui_font(8.0))
        hint.setToolTip(hint.text())
        # A reminder, not a control: it gives way (elided) rather than widen the window past a laptop screen.
        hint.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred)
        hint.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(hint, 1)
        return bar

    def show_legend(self, shown: bool = True) -> None:
        """Show or hide the legend over the plot's top right corner."""
        if self.legend is None:
            self.legend = Legend(self.plot)
        self.legend_button.setChecked(shown)
        self.legend.setVisible(shown)
        self._place_legend()

    def _place_legend(self) -> None:
        if self.legend is not None:
            self.legend.move(max(self.plot.width() - self.legend.width() - 16, 0), 28)
            self.legend.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_legend()

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
        people = self._people if mode == "person" else None
        if mode == "person" and people is None:
            return
        self.lane_mode = mode
        for button, m in zip(self.lane_buttons.buttons(), ("category", "person")):
            button.setChecked(m == mode)
        if people is not None:
            n = len(people.names)
            colours = [*PERSON_COLOURS[: n - 2], style.OTHER_LANE, "#b0aba0"]
            self._apply_lanes(self._category[0].with_lanes(people.lane, n), people.names, colours)
        else:
            self._apply_lanes(*self._category)
        self.lane_mode_changed.emit(mode)

    def set_events(
        self,
        layout: Layout,
        lanes: list[tuple[str, str, str]],
        people: PersonLanes | Callable[[], PersonLanes] | None = None,
    ) -> None:
        """Replace the events drawn (the store's plus the user's own in a lane of their own), keeping the view,
        the selection when the selected event is still there, and the events a search marks.

        The marks and the selection are indices into the old arrays: they are carried over by event id, or an
        own event added before them would shift them onto other events (and past the end, where paint fails).
        """
        selected, marked = self.selected_id(), self._ids_of(self.items.emphasis)
        self._category = (layout, [name for _, name, _ in lanes] + ["Other"], [c for _, _, c in lanes])
        self._people = people
        self.bounds = Bounds.around(*layout.extent())
        self.set_lane_mode(self.lane_mode if people is not None else "category")
        self.items.set_selected(self.layout_data.index_of(selected) if selected else None)
        self.items.set_emphasis(self._indices(marked))
        self._fill_overview()

    def _ids_of(self, mask: np.ndarray | None) -> set[str] | None:
        return None if mask is None else {self.layout_data.ids[i] for i in np.flatnonzero(mask).tolist()}

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
        self._want_text()

    def _want_text(self) -> None:
        """Ask for the titles of the events in view when they will be drawn (a big store's, off the UI thread)."""
        lay = self.layout_data
        if not lay.on_demand:
            return
        left, right = self.view_range()
        if self.items.is_coarse(left, right):
            return  # counts, not titles
        lay.request_titles(self.items.in_view(left, right))
        self._text_poll.start()

    def _poll_text(self) -> None:
        lay = self.layout_data
        if lay.text_version != self._text_seen:
            self._text_seen = lay.text_version
            self.labels.update()
        if not lay.titles_pending:
            self._text_poll.stop()

    def _align_overview(self, *_args) -> None:
        vb = self.plot.getViewBox()
        left = self.plot.mapFromScene(vb.sceneBoundingRect().topLeft()).x()
        self.overview.set_margin(int(left))

    def _fill_overview(self) -> None:
        self._align_overview()
        self.overview.set_data(self.items.grid())

    def center_on(self, event_id: str) -> None:
        """Move the view to the event, keeping the zoom (or zooming out to fit it), inside the study's years."""
        i = self.layout_data.index_of(event_id)
        if i is None:
            return
        left, right = self.view_range()
        x0, x1 = float(self.layout_data.x0[i]), float(self.layout_data.x1[i])
        width = max(right - left, 1.0) if x1 - x0 < right - left else (x1 - x0) * 1.2
        self.set_view(*span.centred(x0, x1, width))

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

    def mark_selected(self, event_id: str | None) -> None:
        """Show an event as selected without announcing it (the session already knows)."""
        index = None if event_id is None else self.layout_data.index_of(event_id)
        if index != self.items.selected:
            self.items.set_selected(index)
            self.labels.update()

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
        # Keys go through the timeline's actions, so a disabled action (kiosk) disables its key too.
        if isinstance(event, QtGui.QKeyEvent) and event.type() == QtCore.QEvent.Type.KeyPress:
            act = self.navigator.act_for(event)
            if act is not None:
                if self.commands[act].isEnabled():
                    self.commands[act].trigger()
                return True
        return super().event(event)

    def _hit_scene(self, scene_pos: QtCore.QPointF) -> int | None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        return self.items.hit(point.x(), point.y(), vb.viewPixelSize()[0])

    def _label_at(self, scene_pos: QtCore.QPointF) -> labels.Label | None:
        """The title or count box drawn under a scene point (the last frame's boxes)."""
        point = QtCore.QPointF(self.plot.mapFromScene(scene_pos))
        return next((box for box, rect in self.labels.placed if rect.contains(point)), None)

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
        box = self._label_at(ev.scenePos()) if index is None else None
        if box is not None and box.index >= 0:
            index = box.index  # a title selects its event, as its mark does
        if index is not None:
            self._select_index(index)
        elif box is not None:
            self.open_count(box, self.plot.mapToGlobal(self.plot.mapFromScene(ev.scenePos())))

    def open_count(self, box: labels.Label, global_pos: QtCore.QPoint | None = None) -> None:
        """A count clicked: the list of its events and a zoom that separates them (a coarse block: the zoom)."""
        if not box.members:
            self.set_view(*self._box_years(box))
            return
        members = list(box.members)
        self.count_menu = counts.count_menu(self, self.layout_data, members, self._pick, lambda: self.separate(members))
        self.count_menu.popup(global_pos or self.mapToGlobal(QtCore.QPoint(0, 0)))

    def _pick(self, index: int) -> None:
        self._select_index(index)

    def separate(self, members: Sequence[int]) -> None:
        """Zoom to just the stretch these events occupy, so they draw apart."""
        lay = self.layout_data
        idx = np.asarray(members)
        x0, x1 = float(lay.x0[idx].min()), float(lay.x1[idx].max())
        pad = max((x1 - x0) * 0.15, self.bounds.min_span / 2)
        self.set_view(x0 - pad, x1 + pad)

    def _box_years(self, box: labels.Label) -> tuple[float, float]:
        left, right = self.view_range()
        px = (right - left) / max(self.plot.getViewBox().width(), 1.0)
        return left + box.x * px, left + box.right * px

    def tooltip_at(self, scene_pos: QtCore.QPointF) -> str | None:
        """What hovering here explains: a mark or a title (the event), a count (what it holds)."""
        index = self._hit_scene(scene_pos)
        if index is None:
            box = self._label_at(scene_pos)
            if box is None:
                return None
            if box.index >= 0:
                index = box.index
            else:
                members = list(box.members)
                if not members:
                    a, b = self._box_years(box)
                    members = [int(i) for i in self.items.in_view(a, b) if self.layout_data.lane[i] == box.lane]
                return counts.count_tooltip(self.layout_data, members, box.count)
        return counts.event_tooltip(self.layout_data, index)

    def _on_hover(self, scene_pos: QtCore.QPointF) -> None:
        viewport_widget = self.plot.viewport()
        text = self.tooltip_at(scene_pos)
        if text is None:
            QtWidgets.QToolTip.hideText()
            viewport_widget.unsetCursor()
            return
        viewport_widget.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        global_pos = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))
        QtWidgets.QToolTip.showText(global_pos, text, viewport_widget)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Answer the viewport's tooltip requests ourselves.

        Left to itself, QGraphicsView asks the scene, whose items carry no tooltips, and the
        scene hides whatever tooltip is up: on a real X server the hover tooltip vanished that
        way as soon as the pointer rested (offscreen, no ToolTip event is ever sent).
        """
        if (
            isinstance(event, QtGui.QHelpEvent)
            and event.type() == QtCore.QEvent.Type.ToolTip
            and obj is self.plot.viewport()
        ):
            text = self.tooltip_at(self.plot.mapToScene(event.pos()))
            if text is None:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            else:
                QtWidgets.QToolTip.showText(event.globalPos(), text, self.plot.viewport())
            return True
        return super().eventFilter(obj, event)


def _tool_button(text: str) -> QtWidgets.QToolButton:
    """A flat checkable button of the timeline's bar (set one by one: the stubs lack these keywords)."""
    button = QtWidgets.QToolButton(autoRaise=True)
    button.setText(text)
    button.setCheckable(True)
    return button
