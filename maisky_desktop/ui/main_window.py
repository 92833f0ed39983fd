"""The main window: composes the timeline and the passage pane and routes selection."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from maisky_desktop.store.reader import Store
from maisky_desktop.ui.panes.passage_pane import PassagePane
from maisky_desktop.ui.timeline.widget import TimelineWidget


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("Maisky Timeline — Soviet diplomacy 1917–1975")
        self.timeline = TimelineWidget.from_store(store)
        self.pane = PassagePane(store)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        split.addWidget(self.timeline)
        split.addWidget(self.pane)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.setCentralWidget(split)
        self.timeline.event_selected.connect(self.pane.show_event)
        self.statusBar().showMessage(f"{store.count('events')} events from {store.count('sources')} sources")
