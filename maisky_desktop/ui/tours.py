"""The tour panel: pick a tour, read its introduction, then walk its stops one by one.

Each stop shows its narration, the event's title and date in words; Next / Previous /
Exit and a progress line move through it. The panel only says where the visitor is
(``stop_reached``); ``attach`` wires it to a main window so the timeline glides to the
stop's event and the passage pane shows its passage.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.tour import Tour, TourWalk
from maisky_desktop.ui.glide import Glide


class TourPanel(QtWidgets.QWidget):
    """Lists the tours and plays one; ``stop_reached(event_id)`` at every stop."""

    stop_reached = QtCore.Signal(str)
    tour_started = QtCore.Signal(str)
    tour_ended = QtCore.Signal()
    handout_requested = QtCore.Signal(str)  # the tour id

    def __init__(self, tours: list[Tour], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.tours = {t.id: t for t in tours}
        self.walk: TourWalk | None = None
        self.select_stops = True  # False while the kiosk's attract screen plays: it only glides
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self._chooser(tours))
        self.pages.addWidget(self._player())
        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.pages)

    def _chooser(self, tours: list[Tour]) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        heading = QtWidgets.QLabel("<b>Guided tours</b>")
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName("Tours")
        self.list.setAccessibleDescription("The guided tours; Enter or a double click starts the one selected")
        self.list.setWordWrap(True)
        for t in tours:
            item = QtWidgets.QListWidgetItem(f"{t.title}\n{len(t.stops)} stops")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(t.intro)
            self.list.addItem(item)
        if tours:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda item: self.start(item.data(QtCore.Qt.ItemDataRole.UserRole)))
        self.start_button = QtWidgets.QPushButton("Start tour")
        self.start_button.setAccessibleDescription("Start the tour selected in the list")
        self.start_button.clicked.connect(self._start_selected)
        self.handout_button = QtWidgets.QPushButton("Handout (PDF)…")
        self.handout_button.setAccessibleDescription("Print the selected tour, or chosen events, as a PDF handout")
        self.handout_button.clicked.connect(self._handout_selected)
        col.addWidget(heading)
        col.addWidget(self.list, 1)
        col.addWidget(self.start_button)
        col.addWidget(self.handout_button)
        return page

    def _player(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        self.title = QtWidgets.QLabel(wordWrap=True)
        self.title.setAccessibleName("Tour title")
        self.progress_label = QtWidgets.QLabel()
        self.progress = QtWidgets.QProgressBar(textVisible=False)
        self.progress.setAccessibleName("Tour progress")
        self.progress.setMaximumHeight(8)
        self.heading = QtWidgets.QLabel(wordWrap=True)
        self.heading.setAccessibleName("Stop")
        self.narration = QtWidgets.QLabel(wordWrap=True, textFormat=QtCore.Qt.TextFormat.PlainText)
        self.narration.setAccessibleName("Narration")
        self.narration.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        self.narration.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)
        scroll = QtWidgets.QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.narration)
        self.previous_button = QtWidgets.QPushButton("◀ Previous")
        self.next_button = QtWidgets.QPushButton("Next ▶")
        self.exit_button = QtWidgets.QPushButton("Exit tour")
        for button, text in (
            (self.previous_button, "Go to the previous stop (Left)"),
            (self.next_button, "Go to the next stop (Right)"),
            (self.exit_button, "Leave the tour and return to the list (Escape)"),
        ):
            button.setAccessibleDescription(text)
            button.setToolTip(text)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.exit_button.clicked.connect(self.exit)
        buttons = QtWidgets.QHBoxLayout()
        for b in (self.previous_button, self.next_button, self.exit_button):
            buttons.addWidget(b)
        for w in (self.title, self.progress_label, self.progress, self.heading):
            col.addWidget(w)
        col.addWidget(scroll, 1)
        col.addLayout(buttons)
        return page

    # -- walking -----------------------------------------------------------------------------
    def _start_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.start(item.data(QtCore.Qt.ItemDataRole.UserRole))

    def _handout_selected(self) -> None:
        item = self.list.currentItem()
        self.handout_requested.emit(item.data(QtCore.Qt.ItemDataRole.UserRole) if item else "")

    def start(self, tour_id: str) -> bool:
        """Open a tour at its introduction; False if there is no such tour."""
        tour = self.tours.get(tour_id)
        if tour is None or not tour.stops:
            return False
        self.walk = TourWalk(tour)
        self.title.setText(f"<b>{html.escape(tour.title)}</b>")
        self.progress.setRange(0, len(tour.stops))
        self.pages.setCurrentIndex(1)
        self.tour_started.emit(tour_id)
        self._show()
        self.next_button.setFocus()
        return True

    def next(self) -> None:
        if self.walk is not None and self.walk.next():
            self._show()

    def previous(self) -> None:
        if self.walk is not None and self.walk.previous():
            self._show()

    def go(self, position: int) -> None:
        if self.walk is not None and self.walk.go(position):
            self._show()

    def exit(self) -> None:
        """Leave the tour and show the list again."""
        if self.walk is None:
            return
        self.walk = None
        self.pages.setCurrentIndex(0)
        self.tour_ended.emit()

    @property
    def playing(self) -> bool:
        return self.walk is not None

    def _show(self) -> None:
        walk = self.walk
        assert walk is not None
        stop = walk.stop
        self.progress_label.setText(walk.progress())
        self.progress.setValue(walk.position + 1)
        self.progress.setAccessibleDescription(walk.progress())
        self.previous_button.setEnabled(walk.position > TourWalk.INTRO)
        self.next_button.setEnabled(not walk.at_end)
        if stop is None:
            self.heading.setText("")
            self.narration.setText(walk.tour.intro)
            return
        said = f" <span>(the source: “{html.escape(stop.date_text)}”)</span>" if stop.date_text else ""
        self.heading.setText(f"<b>{html.escape(stop.title)}</b><br>{html.escape(stop.date_words)}{said}")
        self.narration.setText(stop.narration)
        self.stop_reached.emit(stop.event_id)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.walk is not None and key in (QtCore.Qt.Key.Key_Right, QtCore.Qt.Key.Key_PageDown):
            self.next()
        elif self.walk is not None and key in (QtCore.Qt.Key.Key_Left, QtCore.Qt.Key.Key_PageUp):
            self.previous()
        elif self.walk is not None and key == QtCore.Qt.Key.Key_Escape:
            self.exit()
        else:
            super().keyPressEvent(event)


def attach(window) -> QtWidgets.QDockWidget:
    """Add the Tours dock beside People, the glide and the handout command to a main window.

    The dock is empty until it is first shown or its panel is asked for (``build_panel``, which
    the window's ``tours`` accessor calls): the start-up builds only what its first frame shows.
    """
    window.glide = Glide(window.timeline, parent=window)
    dock = QtWidgets.QDockWidget("Tours", window)
    dock.setObjectName("tours")
    window.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    if getattr(window, "people_dock", None) is not None:
        window.tabifyDockWidget(window.people_dock, dock)
    window.tours_dock = dock
    window.handout_action = QtGui.QAction("Make a handout (PDF)…", window)
    window.handout_action.setShortcut(QtGui.QKeySequence.StandardKey.Print)
    window.handout_action.triggered.connect(lambda: make_handout(window, None))
    window.addAction(window.handout_action)
    dock.visibilityChanged.connect(lambda visible: window.tours if visible else None)
    return dock


def build_panel(window) -> TourPanel:
    """The tour panel in the Tours dock, wired to the window: stops glide the timeline and select their event."""
    panel = TourPanel(window.services.tours())
    dock = window.tours_dock
    dock.setWidget(panel)

    def on_stop(event_id: str) -> None:
        window.glide.to_event(event_id)
        if panel.select_stops:
            window.timeline.select(event_id)

    panel.handout_requested.connect(lambda tour_id: make_handout(window, tour_id))
    panel.stop_reached.connect(on_stop)

    def show_dock(_tour_id: str) -> None:
        dock.show()
        dock.raise_()

    panel.tour_started.connect(show_dock)
    return panel


def make_handout(window, tour_id: str | None = None) -> None:
    """The handout dialog on the selected event or a tour (File > Make a handout, or the panel's button)."""
    from maisky_desktop.ui.handout_dialog import HandoutDialog

    tours = list(window.tours.tours.values())
    selected = window.timeline.selected_id()
    dialog = HandoutDialog(window.services, tours, selected, tour_id or None, window)
    if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
        window.statusBar().showMessage(dialog.result_message, 5000)
