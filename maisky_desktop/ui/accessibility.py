"""What a screen reader and a keyboard user get: names on every control, the events in view as a list.

``attach(window)`` does three things to a main window:
- names and describes its controls (the search box, the filter combos and their lists, the
  year spin boxes, the People finder and list, the passage pane, the reader, the timeline)
  and gives any interactive widget still without a name one from its placeholder, tooltip,
  prefix or text, so nothing a screen reader reaches is announced as a bare "edit";
- adds an **Events in view** dock: a list of the events on screen, each read as its title
  and its date in words, as precise as the source (the source's own phrase in the tooltip and
  the accessible description), which follows the view and the selection (the list's
  current item moves with the selection, so Orca announces it) and opens an event on Enter;
- makes the panes reachable from the keyboard: F6 / Shift+F6 move the focus from pane to
  pane (the timeline keeps Tab for stepping through events), and the timeline's buttons take focus.
"""

from __future__ import annotations

import functools

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.dates import in_words
from maisky_desktop.ui.timeline import style

A = QtGui.QAccessible
INTERACTIVE_ROLES = {
    A.Role.PushButton,
    A.Role.CheckBox,
    A.Role.RadioButton,
    A.Role.ComboBox,
    A.Role.EditableText,
    A.Role.SpinBox,
    A.Role.List,
    A.Role.Table,
    A.Role.Tree,
    A.Role.PageTabList,
    A.Role.Slider,
    A.Role.ButtonMenu,
    A.Role.ButtonDropDown,
}

# attribute path on the main window -> (accessible name, description)
NAMES: dict[str, tuple[str, str]] = {
    "search_box": ("Search", "Search events, people and passages in any spelling; results appear as you type"),
    "filter_bar.lane": ("Lane filter", "Show only the events of one lane"),
    "filter_bar.person": ("Person filter", "Show only the events naming one person"),
    "filter_bar.source": ("Source filter", "Show only the events anchored in one source"),
    "filter_bar.year_from": ("From year", "Show only events from this year on; the lowest value means any year"),
    "filter_bar.year_to": ("To year", "Show only events up to this year; the lowest value means any year"),
    "filter_bar.clear": ("Clear filter", "Remove every filter"),
    "filter_bar.summary": ("Active filter", "The filter in force, written out"),
    "people.box": ("Find a person", "Type a name in any spelling or alphabet to find a person"),
    "people.list": ("People", "Everyone in the sources; choosing one opens their card"),
    "people.card": ("Person card", "The chosen person: life, roles, posts, sources and events"),
    "pane": ("Passage", "What the sources say about the selected event, verbatim, with citations"),
    "results": ("Search results", "Events, people and passages matching the search, grouped by kind"),
    "reader": ("Document reader", "The whole source document around the opened passage"),
    "reader.text": ("Document text", "The source document, verbatim, the quoted passage highlighted"),
    "reader.in_view": ("Events in this part of the document", "Events anchored in the part of the document shown"),
    "tabs": ("Passage, search and document", "Tabs: the passage pane, the search results, the document reader"),
    "timeline": ("Timeline", "Events 1917-1975 in lanes; arrows pan, plus and minus zoom, Tab steps through events"),
    "timeline.plot": ("Timeline chart", "The lanes of events; the Events in view list reads them out"),
    "timeline.overview": ("Overview of 1884-1977", "The whole span; click or drag to move the view"),
}


def _resolve(root: object, path: str) -> object | None:
    obj = root
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _fallback_name(widget: QtWidgets.QWidget) -> str:
    """A name from what the widget shows: placeholder, tooltip, text, prefix, window title."""
    for getter in ("placeholderText", "toolTip", "text", "windowTitle"):
        value = getattr(widget, getter, None)
        text = value() if callable(value) else ""
        if isinstance(text, str) and text.strip():
            return text.strip().split("\n")[0][:80]
    if isinstance(widget, QtWidgets.QAbstractSpinBox) and hasattr(widget, "prefix"):
        return widget.prefix().strip() or "Number"
    return widget.objectName().replace("_", " ") or type(widget).__name__


def name_controls(window: QtWidgets.QWidget) -> None:
    """Name and describe the known controls, then every other interactive widget from what it shows."""
    for path, (name, description) in NAMES.items():
        widget = _resolve(window, path)
        if isinstance(widget, QtWidgets.QWidget):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
            if isinstance(widget, QtWidgets.QComboBox):
                widget.view().setAccessibleName(f"{name} choices")
    for combo in window.findChildren(QtWidgets.QComboBox):
        if not combo.view().accessibleName():
            combo.view().setAccessibleName(f"{combo.accessibleName() or _fallback_name(combo)} choices")
    for widget in window.findChildren(QtWidgets.QWidget):
        if widget.accessibleName():
            continue
        iface = A.queryAccessibleInterface(widget)
        focusable = iface is not None and iface.state().focusable
        if iface is not None and (iface.role() in INTERACTIVE_ROLES or focusable) and not iface.text(A.Text.Name):
            widget.setAccessibleName(_fallback_name(widget))


class EventsInView(QtWidgets.QListWidget):
    """The events on screen as a list, each 'title' over 'date in words'; follows view and selection."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.timeline = window.timeline
        self.setAccessibleName("Events in view")
        self.setUniformItemSizes(True)
        self.setItemDelegate(_TitleOverDate(self))
        self.setSpacing(2)  # items of two lines apart, also where the date's colour is the title's (high contrast)
        self._ids: list[str] = []
        self._refresh = QtCore.QTimer(self, singleShot=True, interval=150)
        self._refresh.timeout.connect(self.refresh)
        self.timeline.view_changed.connect(lambda *_: self._refresh.start())
        self.timeline.event_selected.connect(self.follow)
        self.itemActivated.connect(self._open)
        self.refresh()

    def refresh(self) -> None:
        """List the events the timeline shows now, in time order (not once the window is closed: the view
        changes as it goes, and the store it would date them from may be closed before the timer fires)."""
        if not self.window_.isVisible():
            return
        lay = self.timeline.layout_data
        left, right = self.timeline.view_range()
        items = self.timeline.items
        between = f"between {int(left)} and {int(right)}"
        if items.is_coarse(left, right):  # the timeline draws counts here, not titles: so does the list
            self._show_count(int(items.grid().total(left, right).sum()), between)
            return
        idx = items.in_view(left, right)
        ids, titles, stated = lay.texts(idx)
        order = sorted(range(len(ids)), key=lambda k: (float(lay.x0[idx[k]]), ids[k]))
        ids = [ids[k] for k in order]
        self.setAccessibleDescription(f"{len(ids)} events {between}")
        if ids == self._ids:
            return
        self._ids = ids
        dates = self.window_.services.event_dates(ids)
        self.blockSignals(True)
        self.clear()
        for k, event_id in zip(order, ids, strict=True):
            edtf, said = dates.get(event_id, ("", ""))
            # an own event is not in the store: its lane holds its date in words (or as the researcher wrote it)
            words = _in_words(edtf) if edtf else stated[k]
            self.addItem(_item(event_id, titles[k], words, said))
        self.blockSignals(False)
        self.follow(self.timeline.selected_id())

    def _show_count(self, count: int, between: str) -> None:
        """One line instead of the events: more than the timeline draws one by one (thousands, read for nothing)."""
        text = f"{count:,} events {between}: zoom in to list them"
        self.setAccessibleDescription(text)
        if self._ids == [text]:
            return
        self._ids = [text]
        self.blockSignals(True)
        self.clear()
        item = QtWidgets.QListWidgetItem(f"{count:,} events {between}\nZoom in to list them")
        item.setData(QtCore.Qt.ItemDataRole.AccessibleTextRole, text)
        item.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)  # not an event: nothing to open
        self.addItem(item)
        self.blockSignals(False)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """A list built while the window was still hidden (a dock restored at start) fills once it shows."""
        super().showEvent(event)
        self._refresh.start()

    def follow(self, event_id: str | None) -> None:
        """Make the selected event the current item: a screen reader announces it."""
        if event_id in self._ids:
            self.blockSignals(True)
            self.setCurrentRow(self._ids.index(event_id))
            self.blockSignals(False)

    def _open(self, item: QtWidgets.QListWidgetItem) -> None:
        event_id = item.data(QtCore.Qt.ItemDataRole.UserRole)
        if event_id is not None:  # not the line that counts the events of a wide view
            self.window_.choose("event", event_id)


class _TitleOverDate(QtWidgets.QStyledItemDelegate):
    """Paints an item's first line (the title) in the text colour and its second (the date) in the timeline's
    muted ink, each line elided on its own: the eye tells the title from the date at a glance, and a long
    title is cut at its end without taking the date with it. Not the palette's placeholder colour: a style
    sheet (the high-contrast theme's) turns that into a half-transparent grey, and that theme has no grey text."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # the item's own text: initStyleOption turned its line break into U+2028 in ``opt.text``
        title, _, date = str(index.data(QtCore.Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        opt.text = ""
        widget = opt.widget
        qt_style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        qt_style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background
        rect, palette, metrics = opt.rect, opt.palette, opt.fontMetrics
        role = QtGui.QPalette.ColorRole
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        top = rect.top() + max(0, (rect.height() - 2 * metrics.height()) // 2)  # the two lines centred
        line = QtCore.QRect(rect.left() + 4, top, rect.width() - 8, metrics.height())
        flags = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setFont(opt.font)
        muted = QtGui.QColor(style.MUTED_INK)  # the timeline's muted text colour: grey, black in high contrast
        for text, colour in ((title, palette.color(role.Text)), (date, muted)):
            painter.setPen(palette.color(role.HighlightedText) if selected else colour)
            painter.drawText(line, flags, metrics.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, line.width()))
            line.translate(0, metrics.height())
        painter.restore()


def _item(event_id: str, title: str, words: str, said: str) -> QtWidgets.QListWidgetItem:
    """One event of the list: its title, and under it its date in the app's words (``dates.in_words``).

    The date is the EDTF's, so it says no more than the source does (a year stays a year). The
    source's own words for the date ("In 1912, he settled in London until 1917") are a phrase cut
    from a sentence: shown after a title they read as a run-on, cut mid-word where the dock is
    narrow. They go to the tooltip and the accessible description instead, and a screen reader
    gets "title, date" as the item's name. Two lines, so a long title never pushes the date out.
    """
    item = QtWidgets.QListWidgetItem(f"{title}\n{words}" if words else title)
    item.setData(QtCore.Qt.ItemDataRole.UserRole, event_id)
    item.setData(QtCore.Qt.ItemDataRole.AccessibleTextRole, f"{title}, {words}" if words else title)
    source = f"The source: “{said}”" if said and said != words else ""
    item.setToolTip(f"{title}\n{words}" + (f"\n{source}" if source else ""))
    if source:
        item.setData(QtCore.Qt.ItemDataRole.AccessibleDescriptionRole, source)
    return item


# Dates in words, remembered: the list is rebuilt each time the view settles, mostly over the same events,
# and parsing every date again was a third of a rebuild (33 of 106 ms for 2,407 events in view).
_in_words = functools.lru_cache(maxsize=65536)(in_words)


def _focus_cycle(window) -> list[QtWidgets.QWidget]:
    order = ["search_box", "timeline", "tabs", "events_in_view", "people.box", "tours.list", "filter_bar.lane"]
    found = (_resolve(window, p) for p in order)
    return [w for w in found if isinstance(w, QtWidgets.QWidget)]


def _cycle(window, step: int) -> None:
    """F6 / Shift+F6: the focus to the next / previous pane (showing a dock that was tabbed away)."""
    widgets = [w for w in _focus_cycle(window) if w.isEnabled()]
    focus = QtWidgets.QApplication.focusWidget()
    current = next(
        (i for i, w in enumerate(widgets) if focus is not None and (w is focus or w.isAncestorOf(focus))), -1
    )
    target = widgets[(current + step) % len(widgets)]
    dock = target.parentWidget()
    while dock is not None and not isinstance(dock, QtWidgets.QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.show()
        dock.raise_()
    target.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)


def attach(window) -> QtWidgets.QDockWidget:
    """Name the controls, add the Events in view dock and the F6 pane cycle; returns the dock.

    The dock's list is built the first time the dock is shown or the list is asked for
    (``build_events_in_view``, which the window's ``events_in_view`` accessor calls).
    """
    dock = QtWidgets.QDockWidget("Events in view", window)
    dock.setObjectName("events_in_view")
    window.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.events_in_view_dock = dock
    if getattr(window, "people_dock", None) is not None:
        window.tabifyDockWidget(window.people_dock, dock)
        window.people_dock.raise_()
    dock.visibilityChanged.connect(lambda visible: window.events_in_view if visible else None)
    for button in window.timeline.findChildren(QtWidgets.QToolButton):  # lane switch, legend
        button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
    for key, step in (("F6", 1), ("Shift+F6", -1)):
        action = QtGui.QAction(f"Focus the {'next' if step > 0 else 'previous'} pane", window)
        action.setShortcut(QtGui.QKeySequence(key))
        action.triggered.connect(lambda _=False, s=step: _cycle(window, s))
        window.addAction(action)
    name_controls(window)  # what is added later names itself: the notes layer, the docks built when first shown
    return dock


def build_events_in_view(window) -> EventsInView:
    """The Events in view list in its dock, following the timeline from now on."""
    events = EventsInView(window)
    window.events_in_view_dock.setWidget(events)
    return events
