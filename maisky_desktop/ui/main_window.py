"""The main window: composes the timeline, the explorer panes and the toolbars, and routes intent.

Timeline on the left; on the right the passage pane, search results and the document reader
as tabs; people in a dock; Back/Forward and the search box in the toolbar, the filter bar
under it. Every selection goes through ``History`` so Back returns to where one was.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core import span
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.history import History, View
from maisky_desktop.core.search import Results
from maisky_desktop.store.reader import Store
from maisky_desktop.store.search import resolve_filter
from maisky_desktop.ui.about import attach as attach_about
from maisky_desktop.ui.accessibility import attach as attach_accessibility
from maisky_desktop.ui.filter_bar import FilterBar
from maisky_desktop.ui.panes.passage_pane import PassagePane
from maisky_desktop.ui.panes.people import PeoplePane
from maisky_desktop.ui.panes.reader import DocumentReader
from maisky_desktop.ui.panes.search import SearchPane
from maisky_desktop.ui.search_worker import SearchRunner
from maisky_desktop.ui.timeline.widget import TimelineWidget
from maisky_desktop.ui.tours import attach as attach_tours

TYPING_PAUSE_MS = 60  # as-you-type: search once typing pauses this long
VIEW_SETTLE_MS = 400  # a pan or zoom becomes a history entry once it stops this long


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"Maisky Timeline — Soviet diplomacy {span.study_words()}")
        self.timeline = TimelineWidget.from_store(store)
        self.pane = PassagePane(store)
        self.results = SearchPane()
        self.reader = DocumentReader(store)
        self.tabs = QtWidgets.QTabWidget()
        for widget, name in ((self.pane, "Passage"), (self.results, "Search"), (self.reader, "Document")):
            self.tabs.addTab(widget, name)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        split.addWidget(self.timeline)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.setCentralWidget(split)
        self.people = PeoplePane(store)
        self.people_dock = QtWidgets.QDockWidget("People", self)
        self.people_dock.setObjectName("people")
        self.people_dock.setWidget(self.people)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.people_dock)
        self.filter = Filter()
        self.filter_bar = FilterBar(store)
        self.search_box = QtWidgets.QLineEdit(clearButtonEnabled=True)
        self.search_box.setPlaceholderText("Search events, people, passages — any spelling (Ctrl+F)")
        self._build_toolbars()
        self.history = History(View(*self.timeline.view_range()))
        self._navigating = False
        self.runner = SearchRunner(store, self)
        self._typing = QtCore.QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._settle = QtCore.QTimer(self, singleShot=True, interval=VIEW_SETTLE_MS)
        self._connect()
        self.tours = attach_tours(self)
        self.about_action = attach_about(self)
        attach_accessibility(self)
        self._update_actions()
        self.statusBar().showMessage(f"{store.count('events')} events from {store.count('sources')} sources")

    def _build_toolbars(self) -> None:
        bar = self.addToolBar("Navigation")
        bar.setObjectName("navigation")
        bar.setMovable(False)
        style = self.style()
        self.back_action = QtGui.QAction(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_ArrowBack), "Back", self)
        self.back_action.setShortcut(QtGui.QKeySequence("Alt+Left"))
        self.back_action.setToolTip("Back (Alt+Left)")
        self.forward_action = QtGui.QAction(
            style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_ArrowForward), "Forward", self
        )
        self.forward_action.setShortcut(QtGui.QKeySequence("Alt+Right"))
        self.forward_action.setToolTip("Forward (Alt+Right)")
        bar.addAction(self.back_action)
        bar.addAction(self.forward_action)
        bar.addWidget(self.search_box)
        find = QtGui.QAction("Find", self)
        find.setShortcut(QtGui.QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.addAction(find)
        self.addToolBarBreak()
        filters = self.addToolBar("Filter")
        filters.setObjectName("filter")
        filters.setMovable(False)
        filters.addWidget(self.filter_bar)

    def _connect(self) -> None:
        self.timeline.event_selected.connect(self._on_event_selected)
        self.timeline.view_changed.connect(self._on_view_changed)
        self._settle.timeout.connect(self._record_view)
        self.back_action.triggered.connect(lambda: self._navigate(self.history.back()))
        self.forward_action.triggered.connect(lambda: self._navigate(self.history.forward()))
        self.search_box.textChanged.connect(lambda _t: self._typing.start())
        self.search_box.returnPressed.connect(self._choose_first)
        self._typing.timeout.connect(self.run_search)
        self.runner.results.connect(self._on_results)
        self.results.hit_chosen.connect(self.choose)
        self.pane.person_activated.connect(lambda pid: self.choose("person", pid))
        self.pane.open_in_document.connect(self.open_in_document)
        self.pane.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.reader.event_activated.connect(lambda eid: self.choose("event", eid))
        self.people.person_selected.connect(lambda pid: self.choose("person", pid))
        self.people.filter_requested.connect(lambda pid: self.filter_bar.set_filter(Filter(person=pid)))
        self.people.event_activated.connect(lambda eid: self.choose("event", eid))
        self.people.passage_activated.connect(self.open_in_document)
        self.filter_bar.filter_changed.connect(self.set_filter)

    # Search -----------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search what the box holds, off the UI thread (a newer search cancels this one)."""
        text = self.search_box.text()
        self.runner.search(text, self.filter)

    def _on_results(self, results: Results) -> None:
        self.results.show_results(results)
        if not results.query.empty:
            self.tabs.setCurrentWidget(self.results)

    def _choose_first(self) -> None:
        hit = self.results.first()
        if hit is not None:
            self.choose(hit.kind, hit.id)

    # Choosing things ----------------------------------------------------------------------

    def choose(self, kind: str, item_id: str) -> None:
        """Open a search hit, a person chip, an event from the reader or a card."""
        if kind == "event":
            self.timeline.center_on(item_id)
            self.timeline.select(item_id)
        elif kind == "person":
            self._show_person(item_id)
            self._record(person=item_id)
        elif kind == "passage":
            events = self.store.events_of_passage(item_id)
            if events:
                self.timeline.center_on(events[0])
                self._navigating = True  # one history entry for the event and the passage together
                self.timeline.select(events[0])
                self._navigating = False
            self._open_passage(item_id, None)
            self._record(event=events[0] if events else None, passage=item_id)

    def open_in_document(self, passage_id: str, start: int, end: int) -> None:
        self._open_passage(passage_id, (start, end))
        self._record(event=self.pane.event_id, passage=passage_id)

    def _open_passage(self, passage_id: str, span: tuple[int, int] | None) -> None:
        if span is None:
            anchors = [a for e in self.store.events_of_passage(passage_id) for a in self.store.anchors(e)]
            span = next(((a.char_start, a.char_end) for a in anchors if a.passage_id == passage_id), None)
        self.tabs.setCurrentWidget(self.reader)
        self.reader.open(passage_id, span)

    def _show_person(self, person_id: str) -> None:
        card = self.store.person(person_id)
        if card is None:
            return
        self.people.show_person(person_id)
        self.people_dock.show()
        self.timeline.highlight(set(card["events"]))

    def _on_event_selected(self, event_id: str) -> None:
        self.pane.show_event(event_id)
        self.tabs.setCurrentWidget(self.pane)
        if not self._navigating:
            self._record(event=event_id)

    # Filters ------------------------------------------------------------------------------

    def set_filter(self, f: Filter) -> None:
        """Apply a filter to the timeline, the people list and search."""
        self.filter = f
        sets = resolve_filter(self.store.conn, f)
        self.timeline.set_filter(None if sets.events is None else set(sets.events))
        self.people.set_allowed(sets.people)
        self.statusBar().showMessage(f"Filter: {f.describe(self.filter_bar.names)}" if f.active else "No filter", 3000)
        if self.search_box.text():
            self.run_search()

    # History ------------------------------------------------------------------------------

    def _record(self, **opened: str | None) -> None:
        self._settle.stop()
        self.history.select(*self.timeline.view_range(), **opened)
        self._update_actions()

    def _on_view_changed(self, _left: float, _right: float) -> None:
        if not self._navigating:
            self._settle.start()

    def _record_view(self) -> None:
        self.history.move(*self.timeline.view_range())
        self._update_actions()

    def _navigate(self, view: View) -> None:
        """Show a history entry: its range, its event, person and passage."""
        self._settle.stop()
        self._navigating = True
        try:
            self.timeline.set_view(view.left, view.right)
            if view.event:
                self.timeline.select(view.event)
            else:
                self.pane.clear_event()
            self.timeline.highlight(None)
            if view.person:
                self._show_person(view.person)
            if view.passage:
                self._open_passage(view.passage, None)
        finally:
            self._navigating = False
        self._update_actions()

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_back())
        self.forward_action.setEnabled(self.history.can_forward())

    # Start-up options and shutdown ---------------------------------------------------------

    def focus_event(self, event_id: str) -> bool:
        """Start focused on an event (``--event``); False if there is no such event."""
        if self.store.event(event_id) is None:
            return False
        self.choose("event", event_id)
        return True

    def start_search(self, text: str) -> None:
        """Start with a search (``--search``)."""
        self.search_box.setText(text)
        self.run_search()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.runner.stop()
        super().closeEvent(event)
