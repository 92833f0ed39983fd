"""The main window: composes the timeline, the explorer panes and the toolbars, and routes intent.

Timeline on the left; on the right the passage pane, search results and the document reader
as tabs; people in a dock; Back/Forward and the search box in the toolbar, the filter bar
under it. The window holds no state of its own: what is open, the view, the filter, the lane
mode and the search text live in ``core.session.Session``. Widgets' intent goes into the session
(``session.select``, ``session.filter = ...``); the session's notifications update the widgets
(the ``_on_<field>_changed`` handlers). Content comes from ``store.services.Services``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core import span
from maisky_desktop.core.filters import Filter, FilterSets
from maisky_desktop.core.history import History
from maisky_desktop.core.search import Query, Results
from maisky_desktop.core.session import Selection, Session
from maisky_desktop.ui import accessibility, dock_tabs, window_state
from maisky_desktop.ui import tours as tours_ui
from maisky_desktop.ui.actions import Act, Actions
from maisky_desktop.ui.filter_bar import FilterBar
from maisky_desktop.ui.panes.passage_pane import PassagePane
from maisky_desktop.ui.panes.people import PeoplePane
from maisky_desktop.ui.panes.reader import DocumentReader
from maisky_desktop.ui.panes.search import SearchPane
from maisky_desktop.ui.search_worker import SearchRunner
from maisky_desktop.ui.session_qt import QtSession
from maisky_desktop.ui.timeline.widget import TimelineWidget

if TYPE_CHECKING:  # the types only: the window is handed its services (app.py opens the store)
    from maisky_desktop.store.services import Services
    from maisky_desktop.ui.accessibility import EventsInView
    from maisky_desktop.ui.tours import TourPanel

TYPING_PAUSE_MS = 60  # as-you-type: search once typing pauses this long
MORE_PAGE = 10  # "Show more" in the search results asks for this many more hits of a kind
VIEW_SETTLE_MS = 400  # a pan or zoom becomes a history entry once it stops this long


class MainWindow(QtWidgets.QMainWindow):
    handout_action: QtGui.QAction  # "Make a handout (PDF)…", made by ``tours_ui.attach``

    def __init__(self, services: Services, session: Session | None = None) -> None:
        super().__init__()
        self.services = services
        self.session = session or Session()
        self.qsession = QtSession(self.session, self)
        self.setWindowTitle(f"Maisky Timeline — Soviet diplomacy {span.study_words()}")
        self.timeline = TimelineWidget.from_data(services.timeline())
        self.pane = PassagePane(services)
        self.results = SearchPane()
        self._more_limits: dict[str, int] = {}  # hits per kind asked for by "Show more", until the next search
        self.reader = DocumentReader(services)
        self.tabs = QtWidgets.QTabWidget()
        for widget, name in ((self.pane, "Passage"), (self.results, "Search"), (self.reader, "Document")):
            self.tabs.addTab(widget, name)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        split.addWidget(self.timeline)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 360])  # the timeline gets most of the width, on a laptop too
        self.splitter = split
        self.setCentralWidget(split)
        self.layout_settings: QtCore.QSettings | None = None  # set by ``remember_layout``
        self.people = PeoplePane(services)
        self.people_dock = QtWidgets.QDockWidget("People", self)
        self.people_dock.setObjectName("people")
        self.people_dock.setWidget(self.people)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.people_dock)
        choices = services.filter_choices()
        self.filter_bar = FilterBar(choices.lanes, choices.people, choices.sources, choices.years)
        self.search_box = QtWidgets.QLineEdit(clearButtonEnabled=True)
        self.search_box.setPlaceholderText("Search events, people, passages — any spelling (Ctrl+F)")
        self._build_toolbars()
        self.runner = SearchRunner(services, self)
        self._typing = QtCore.QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._settle = QtCore.QTimer(self, singleShot=True, interval=VIEW_SETTLE_MS)
        self._quiet = False
        self._connect()
        self._show_session()
        self._tours: TourPanel | None = None  # the docks behind People are filled when first shown
        self._events_in_view: EventsInView | None = None
        tours_ui.attach(self)
        self.menus["File"].insertAction(self.commands[Act.COPY_CITATION], self.handout_action)  # the tours' handout
        accessibility.attach(self)
        self._list_docks()
        dock_tabs.attach(self)  # "People", not "P…", under the docks at a large text size
        # A permanent label, not a message: a menu's status tips erase messages, and the count never came back.
        self.summary_label = QtWidgets.QLabel(services.summary())
        self.statusBar().addWidget(self.summary_label)

    @property
    def tours(self) -> TourPanel:
        """The Tours dock's panel, built the first time it is shown or asked for (a tour started, the kiosk)."""
        if self._tours is None:
            self._tours = tours_ui.build_panel(self)
            accessibility.name_controls(self)
        return self._tours

    @property
    def events_in_view(self) -> EventsInView:
        """The Events in view list, built the first time its dock is shown or it is asked for (F6, a test)."""
        if self._events_in_view is None:
            self._events_in_view = accessibility.build_events_in_view(self)
            accessibility.name_controls(self)
        return self._events_in_view

    def _build_toolbars(self) -> None:
        """The menu bar from the action registry; Back/Forward and the search box in a toolbar, the filter under it."""
        self.commands = Actions(self, adopted=self.timeline.commands)
        self.menus = self.commands.build_menus(self.menuBar())
        style = self.style()
        self.back_action, self.forward_action = self.commands[Act.BACK], self.commands[Act.FORWARD]
        self.back_action.setIcon(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_action.setIcon(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_ArrowForward))
        bar = self.addToolBar("Navigation")
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.addAction(self.back_action)
        bar.addAction(self.forward_action)
        for action in (self.back_action, self.forward_action):
            bar.widgetForAction(action).setAccessibleName(action.iconText())
        bar.addWidget(self.search_box)
        self.addToolBarBreak()
        filters = self.addToolBar("Filter")
        filters.setObjectName("filter")
        filters.setMovable(False)
        filters.addWidget(self.filter_bar)

    def _list_docks(self) -> None:
        """Every dock (People, the event list) can be shown again from View, not only by a right-click."""
        view = self.menus["View"]
        view.addSeparator()
        for dock in self.findChildren(QtWidgets.QDockWidget):
            action = dock.toggleViewAction()
            action.setStatusTip(f"Show or hide the {dock.windowTitle()} panel")
            view.addAction(action)

    def _connect(self) -> None:
        # intent -> session
        self.timeline.event_selected.connect(self._on_event_picked)
        self.timeline.view_changed.connect(lambda left, right: setattr(self.session, "view", (left, right)))
        self.timeline.lane_mode_changed.connect(lambda mode: setattr(self.session, "lane_mode", mode))
        self._settle.timeout.connect(self.session.record_view)
        a = self.commands
        a.on(Act.QUIT, self.close)
        a.on(Act.FIND, self._find)
        a.on(Act.BACK, self.session.back)
        a.on(Act.FORWARD, self.session.forward)
        a.on(Act.LANES_CATEGORIES, lambda: setattr(self.session, "lane_mode", "category"))
        a.on(Act.LANES_PEOPLE, lambda: setattr(self.session, "lane_mode", "person"))
        a.on(Act.CLEAR_FILTER, lambda: setattr(self.session, "filter", Filter()))
        a.on(Act.COPY_CITATION, lambda: self.pane.copy_citation(0))
        a.on(Act.OPEN_IN_DOCUMENT, self.pane.open_first)
        a.on(Act.SHORTCUTS, self.show_shortcuts)
        a.on(Act.ABOUT, self.show_about)
        self.search_box.textChanged.connect(self._on_typed)
        self.search_box.returnPressed.connect(self._choose_first)
        self._typing.timeout.connect(self.run_search)
        self.runner.results.connect(self._on_results)
        self.runner.filter_sets.connect(self._on_filter_sets)
        self.results.hit_chosen.connect(self.open_hit)
        self.results.more_wanted.connect(self.show_more)
        self.pane.person_activated.connect(lambda pid: self.choose("person", pid))
        self.pane.open_in_document.connect(self.open_in_document)
        self.pane.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.reader.event_activated.connect(lambda eid: self.choose("event", eid))
        self.people.person_selected.connect(lambda pid: self.choose("person", pid))
        self.people.filter_requested.connect(lambda pid: setattr(self.session, "filter", Filter(person=pid)))
        self.people.event_activated.connect(lambda eid: self.choose("event", eid))
        self.people.passage_activated.connect(self.open_in_document)
        self.filter_bar.filter_changed.connect(lambda f: setattr(self.session, "filter", f))
        # session -> widgets
        q = self.qsession
        q.view_changed.connect(self._on_view_changed)
        q.lane_mode_changed.connect(self._on_lane_mode_changed)
        q.filter_changed.connect(self._on_filter_changed)
        q.selection_changed.connect(self._on_selection_changed)
        q.search_text_changed.connect(self._on_search_text_changed)
        q.history_changed.connect(self._on_history_changed)

    def _show_session(self) -> None:
        """Show the session as it is (a fresh one: the opening view, nothing open; a restored one: all of it)."""
        s = self.session
        s.navigating = True
        try:
            self.timeline.set_view(*s.view)
            self._on_lane_mode_changed(s.lane_mode)
            if s.filter.active:
                self._on_filter_changed(s.filter)
            self._on_selection_changed(s.selection)
            self._on_search_text_changed(s.search_text)
        finally:
            s.navigating = False
        self._on_history_changed(s.history)

    # Intent ---------------------------------------------------------------------------------

    def open_hit(self, kind: str, item_id: str) -> None:
        """Open a hit of the results pane: as ``choose``, and the search it came from marks its words in the reader."""
        shown = self.results.results
        self.choose(kind, item_id, shown.query if shown is not None else None)

    def choose(self, kind: str, item_id: str, searched: Query | None = None) -> None:
        """Open a search hit, a person chip, an event from the reader or a card.

        The researcher's own event is on the timeline like any other; an own document's
        passage opens in the reader, which reads own documents (``store.with_own_documents``),
        with the words ``searched`` matched highlighted there."""
        kind = {"own event": "event", "own passage": "passage"}.get(kind, kind)
        if kind == "event":
            self.timeline.center_on(item_id)
            self.timeline.select(item_id)  # announces event_selected, which puts it in the session
        elif kind == "person":
            self.session.select(person=item_id)
            self._show_person(item_id)  # again if already chosen: the dock comes back
        elif kind == "passage":
            detail = self.services.passage_detail(item_id)  # None for a passage not in the store (a user's own)
            first = detail.events[0] if detail and detail.events else None
            if first is not None:
                self.timeline.center_on(first)
            self.session.select(event=first, passage=item_id)  # one history entry for both
            if first is not None:
                self._quiet = True  # announce the event without a second history entry
                try:
                    self.timeline.select(first)
                finally:
                    self._quiet = False
            self._show_passage(item_id, searched)

    def _on_event_picked(self, event_id: str) -> None:
        """An event was clicked, tabbed to or chosen: it opens in the pane (the reader keeps its page)."""
        if self._quiet:
            return
        self.session.select(event=event_id, passage=None)
        self._show_event(event_id)

    def open_in_document(self, passage_id: str, start: int, end: int) -> None:
        self.session.select(passage=passage_id)
        self.tabs.setCurrentWidget(self.reader)
        self.reader.open(passage_id, (start, end))

    # Session -> widgets ---------------------------------------------------------------------

    def _on_view_changed(self, view: tuple[float, float]) -> None:
        if not self.session.navigating:
            self._settle.start()
        left, right = self.timeline.view_range()
        if (left, right) != view:
            self.timeline.set_view(*view)

    def _on_lane_mode_changed(self, mode: str) -> None:
        if mode != self.timeline.lane_mode:
            self.timeline.set_lane_mode(mode)
        self.commands[Act.LANES_CATEGORIES].setChecked(mode == "category")
        self.commands[Act.LANES_PEOPLE].setChecked(mode == "person")

    def _on_selection_changed(self, selection: Selection) -> None:
        """Show what is open. Back, Forward, a restore or a reset show every part again (and its tab);
        a live choice only the part that changed (``choose`` has shown it already)."""
        again = self.session.navigating
        if selection.event is None:
            self.timeline.mark_selected(None)
            self.pane.clear_event()
        elif again or selection.event != self.pane.event_id:
            self._show_event(selection.event)
        for key in (Act.COPY_CITATION, Act.OPEN_IN_DOCUMENT):
            self.commands[key].setEnabled(selection.event is not None and self.commands.allowed(key))
        if selection.person is None:
            self.timeline.highlight(None)
        elif again or selection.person != self.people.person_id:
            self._show_person(selection.person)
        if selection.passage is not None and again:
            self._show_passage(selection.passage)

    def _show_event(self, event_id: str) -> None:
        self.timeline.mark_selected(event_id)
        if event_id != self.pane.event_id:
            self.pane.show_event(event_id)
        self.tabs.setCurrentWidget(self.pane)

    def _show_person(self, person_id: str) -> None:
        card = self.services.person_card(person_id)
        if card is None:
            return
        self.people.show_person(person_id)
        self.people_dock.show()
        self.timeline.highlight(set(card.event_ids))

    def _show_passage(self, passage_id: str, searched: Query | None = None) -> None:
        detail = self.services.passage_detail(passage_id, self.session.selection.event)
        self.tabs.setCurrentWidget(self.reader)
        self.reader.open(passage_id, detail.span if detail else None, searched)

    def _on_filter_changed(self, f: Filter) -> None:
        if self.filter_bar.current() != f:
            self.filter_bar.set_filter(f)
        self.runner.resolve(f)  # the id sets arrive in _on_filter_sets, computed off the UI thread
        if not f.active:  # nothing to compute: everything shows at once (a resolve still running is dropped)
            self._on_filter_sets(f, FilterSets())

    def _on_filter_sets(self, f: Filter, sets: FilterSets) -> None:
        """Apply a resolved filter everywhere: timeline, people, search, the open selection and the view."""
        self.timeline.set_filter(None if sets.events is None else set(sets.events))
        selection = self.session.selection
        if sets.events is not None and selection.event is not None and selection.event not in sets.events:
            self.session.select(event=None, passage=None)  # filtered away: cleared in timeline and pane ...
            self.reader.clear()  # ... and the reader
        if not f.active:
            self.session.select(person=None)  # Clear filter clears every highlight
            self.timeline.highlight(None)
        if f.year_from is not None or f.year_to is not None:  # the view moves to the years asked for
            lo, hi = self.timeline.bounds.lo, self.timeline.bounds.hi
            left = float(f.year_from) if f.year_from is not None else lo
            right = float(f.year_to + 1) if f.year_to is not None else hi
            self.timeline.set_view(left, max(right, left + 1.0))
        self.people.set_allowed(sets.people)
        self.statusBar().showMessage(f"Filter: {f.describe(self.filter_bar.names)}" if f.active else "No filter", 3000)
        if self.session.search_text:
            self.run_search()

    def _on_search_text_changed(self, text: str) -> None:
        if self.search_box.text() != text:
            self.search_box.setText(text)

    def _on_history_changed(self, history: History) -> None:
        self._settle.stop()
        self.back_action.setEnabled(history.can_back() and self.commands.allowed(Act.BACK))
        self.forward_action.setEnabled(history.can_forward() and self.commands.allowed(Act.FORWARD))

    def _find(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # Help ---------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """Every command with its keys, from the action registry."""
        from maisky_desktop.ui.shortcuts_dialog import ShortcutsDialog  # shown on demand: not on the start path

        box = ShortcutsDialog(self.commands.shortcuts_html(), self)
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        """The app, its store, each source's rights and every licence it carries (``ui.about``)."""
        from maisky_desktop.ui.about import AboutDialog  # its notice reads package metadata: not at start-up

        self.about_box = AboutDialog(self.services, self)
        self.about_box.open()

    # Search -----------------------------------------------------------------------------

    def _on_typed(self, text: str) -> None:
        self.session.search_text = text
        self._typing.start()

    def run_search(self) -> None:
        """Search what the box holds, off the UI thread (a newer search cancels this one)."""
        self._more_limits = {}
        self.runner.search(self.session.search_text, self.session.filter)

    def show_more(self, kind: str) -> None:
        """Search again with a page of ``MORE_PAGE`` more hits of one kind ("Show more" in the results)."""
        shown = len(self.results.results.hits.get(kind, [])) if self.results.results else 0
        self._more_limits = {**self._more_limits, kind: shown + MORE_PAGE}
        self.runner.search(self.session.search_text, self.session.filter, self._more_limits)

    def _on_results(self, results: Results) -> None:
        self.results.show_results(results)
        hits = {h.id for kind in ("event", "own event") for h in results.hits.get(kind, [])}
        if not results.query.empty and hits:  # the hit events stand out on the timeline, the rest dimmed
            self.timeline.highlight(hits)
        elif self.session.selection.person is None:
            self.timeline.highlight(None)
        if not results.query.empty:
            self.tabs.setCurrentWidget(self.results)

    def _choose_first(self) -> None:
        hit = self.results.first()
        if hit is not None:
            self.open_hit(hit.kind, hit.id)

    # Start-up options and shutdown ---------------------------------------------------------

    def focus_event(self, event_id: str) -> bool:
        """Start focused on an event (``--event``); False, and a status-bar message, if there is no such event."""
        if self.services.event(event_id) is None:  # said in the window, where the user looks, not only on stderr
            self.statusBar().showMessage(f"No event “{event_id}” in the store: check the --event id.")
            return False
        self.choose("event", event_id)
        return True

    def start_search(self, text: str) -> None:
        """Start with a search (``--search``)."""
        self.search_box.setText(text)
        self.run_search()

    def remember_layout(self, settings: QtCore.QSettings) -> bool:
        """Restore the size, docks and splitter saved last time, and save them again on close."""
        self.layout_settings = settings
        return window_state.restore(self, self.splitter, settings)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.layout_settings is not None:
            window_state.save(self, self.splitter, self.layout_settings)
        self.runner.stop()
        self.qsession.detach()
        super().closeEvent(event)
