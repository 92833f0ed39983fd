"""Accessibility: walked as a screen reader walks it (Qt's accessibility interfaces), no interactive control
is unnamed; the timeline's events in view are readable as a list that follows the selection; F6 moves between
panes; the high-contrast theme and the font-size setting reach the whole UI, timeline labels included."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui, QtTest, QtWidgets

from maisky_desktop.store.reader import Store
from maisky_desktop.store.services import Services
from maisky_desktop.ui import theme
from maisky_desktop.ui.accessibility import INTERACTIVE_ROLES
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.timeline import style

A = QtGui.QAccessible


def _walk(iface, found, depth=0):
    """Every accessible object under ``iface``, through child() as AT-SPI does."""
    if iface is None or not iface.isValid() or depth > 40:
        return
    found.append(iface)
    for i in range(iface.childCount()):
        _walk(iface.child(i), found, depth + 1)


def _unnamed(window) -> list[str]:
    found = []
    _walk(A.queryAccessibleInterface(window), found)
    assert len(found) > 100  # the walk really went down the tree
    bad = []
    for iface in found:
        interactive = iface.role() in INTERACTIVE_ROLES or iface.state().focusable
        if interactive and not iface.text(A.Text.Name).strip():
            obj = iface.object()
            bad.append(f"{iface.role().name} {type(obj).__name__ if obj else '?'}")
    return bad


def test_no_interactive_control_is_unnamed(qtbot, window):
    assert _unnamed(window) == []
    assert window._tours is None and window._events_in_view is None  # the docks behind People: built when shown
    for dock in (window.tours_dock, window.events_in_view_dock):
        dock.raise_()  # as a user brings a tabbed dock forward: its panel is built and named
    qtbot.waitUntil(lambda: window._tours is not None and window._events_in_view is not None)
    assert window.tours_dock.widget() is window.tours and window.events_in_view_dock.widget() is window.events_in_view
    assert _unnamed(window) == []
    names = {w.accessibleName() for w in window.findChildren(QtWidgets.QWidget)}
    for expected in ("Search", "Lane filter", "From year", "To year", "Find a person", "Passage", "Events in view"):
        assert expected in names
    assert window.filter_bar.lane.view().accessibleName() == "Lane filter choices"


def test_the_events_in_view_are_a_list_of_titles_and_dates_following_the_selection(qtbot, window):
    events = window.events_in_view
    window.timeline.set_view(1922.0, 1922.6)
    events.refresh()  # what the list's settle timer does once the view stops moving
    lay = window.timeline.layout_data
    in_view = [lay.ids[i] for i in window.timeline.items.in_view(1922.0, 1922.6).tolist()]
    assert sorted(events.item(i).data(QtCore.Qt.ItemDataRole.UserRole) for i in range(events.count())) == sorted(
        in_view
    )
    i = lay.index_of("treaty-of-rapallo")
    iface = A.queryAccessibleInterface(events)
    assert iface.role() == A.Role.List and iface.text(A.Text.Name) == "Events in view"
    texts = [iface.child(k).text(A.Text.Name) for k in range(iface.childCount())]
    assert f"{lay.title(i)}, 16 April 1922" in texts  # title and the date in words
    window.timeline.select("treaty-of-rapallo")
    assert events.currentItem().data(QtCore.Qt.ItemDataRole.UserRole) == "treaty-of-rapallo"
    events.setCurrentRow(0)
    QtTest.QTest.keyClick(events, QtCore.Qt.Key.Key_Return)  # Enter opens the current event
    assert window.pane.event_id == events.item(0).data(QtCore.Qt.ItemDataRole.UserRole)


def test_f6_moves_the_focus_from_pane_to_pane(qtbot, window):
    window.search_box.setFocus()
    seen = []
    for _ in range(7):
        QtTest.QTest.keyClick(window.windowHandle(), QtCore.Qt.Key.Key_F6)
        seen.append(QtWidgets.QApplication.focusWidget())
    assert window.timeline in seen or any(window.timeline.isAncestorOf(w) for w in seen if w)
    assert window.events_in_view in seen and window.people.box in seen and window.tours.list in seen
    assert all(w is not None and w.isVisible() for w in seen)
    buttons = window.timeline.findChildren(QtWidgets.QToolButton)  # the lane switch and the legend
    assert buttons and all(b.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus for b in buttons)


@pytest.fixture
def themed(qtbot, embedded_store):
    app = QtWidgets.QApplication.instance()
    font = QtGui.QFont(app.font())
    yield app
    theme.restore(app, font)


def test_the_font_size_setting_reaches_widgets_and_timeline_labels(qtbot, themed, embedded_store):
    base = themed.font().pointSizeF()
    theme.apply(themed, 1.5)
    store = Store.open(embedded_store)
    win = MainWindow(Services(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.search_box.font().pointSizeF() == pytest.approx(base * 1.5)
    assert win.timeline.labels.font.pointSizeF() == pytest.approx(9.0 * 1.5)
    assert win.timeline.header.font.pointSizeF() == pytest.approx(9.0 * 1.5)
    win.close()
    store.close()


def test_the_high_contrast_theme_is_black_on_white_everywhere(qtbot, themed, embedded_store):
    theme.apply(themed, 1.0, high_contrast=True)
    pal = themed.palette()
    assert pal.color(QtGui.QPalette.ColorRole.WindowText) == QtGui.QColor("#000000")
    assert pal.color(QtGui.QPalette.ColorRole.Base) == QtGui.QColor("#ffffff")
    assert style.BACKGROUND == "#ffffff" and style.MUTED_INK == "#000000"
    store = Store.open(embedded_store)
    win = MainWindow(Services(store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.timeline.plot.backgroundBrush().color() == QtGui.QColor("#ffffff")
    win.close()
    store.close()


def test_an_event_without_a_stated_date_is_listed_with_its_date_in_words(qtbot, window):
    """A layout without stated dates (a generated store) falls back to the date in words from the services;
    it reached for a ``window.store`` that no longer exists and raised AttributeError."""
    events = window.events_in_view
    lay = window.timeline.layout_data
    object.__setattr__(lay, "stated", [])  # frozen: set as a generated store's layout has it (this test's window)
    window.timeline.set_view(1922.0, 1922.6)
    events.refresh()
    texts = [events.item(k).text() for k in range(events.count())]
    assert any(t.startswith("Treaty of Rapallo") and "1922" in t for t in texts), texts


def test_each_event_in_view_reads_as_its_title_over_its_date_in_words_never_a_cut_phrase(qtbot, window):
    """The items read "Maisky's London exile years, In 1912, he s…": the source's phrase run into the title
    and cut mid-word by the dock. Now the title, then the date in the app's words, as precise as the source;
    the source's phrase goes to the tooltip and a screen reader's description."""
    events = window.events_in_view
    window.timeline.set_view(1907.5, 1913.0)
    events.refresh()
    items = {events.item(k).data(QtCore.Qt.ItemDataRole.UserRole): events.item(k) for k in range(events.count())}
    london, abroad = items["maisky-london-exile"], items["maisky-exile-abroad"]
    assert london.text() == "Maisky's London exile years\n1912–1917"
    assert abroad.text().endswith("\n1908")  # a year stays a year: no day the source does not give
    assert "In 1912, he settled" not in london.text() and "In 1912, he settled" in london.toolTip()
    iface = A.queryAccessibleInterface(events)
    cells = {iface.child(k).text(A.Text.Name): iface.child(k) for k in range(iface.childCount())}
    cell = cells["Maisky's London exile years, 1912–1917"]
    assert cell.text(A.Text.Description) == "The source: “In 1912, he settled in London until 1917”"
    assert events.visualItemRect(london).height() >= 2 * events.fontMetrics().height()  # the date on a line of its own


def _darkest_in_date_line(events, item) -> int:
    rect = events.visualItemRect(item)
    image = events.viewport().grab(rect).toImage()
    lower = range(image.height() // 2 + 1, image.height())
    return min(image.pixelColor(x, y).lightness() for x in range(image.width()) for y in lower)


def test_the_dates_in_view_are_black_in_high_contrast(qtbot, high_contrast, window):
    """High contrast has no grey text: the dates under the titles are black there (the palette's placeholder
    colour, which a style sheet turns half-transparent, drew them grey)."""
    window.events_in_view_dock.raise_()
    events = window.events_in_view
    qtbot.waitUntil(events.isVisible)
    window.timeline.set_view(1907.5, 1913.0)
    events.refresh()
    assert _darkest_in_date_line(events, events.item(0)) < 40


def test_the_dates_in_view_are_muted_under_their_titles(qtbot, window):
    window.events_in_view_dock.raise_()
    events = window.events_in_view
    qtbot.waitUntil(events.isVisible)
    window.timeline.set_view(1907.5, 1913.0)
    events.refresh()
    events.setCurrentRow(-1)
    assert _darkest_in_date_line(events, events.item(0)) >= 90  # grey, a shade lighter than the title


def test_the_notes_dock_controls_are_named_once_the_notes_layer_attaches(qtbot, window, tmp_path):
    """The notes layer attaches after the first frame: its controls are named then, not left blank."""
    from maisky_desktop.ui.notes.research import attach

    research = attach(window, tmp_path / "notes", restore=False)
    research.dock.raise_()
    assert _unnamed(window) == []
