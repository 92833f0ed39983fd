"""The tabs under the left docks read "People", "Tours", "Events in view", "Notes" at 150% text on a laptop
screen, whole, with scroll arrows where they do not fit (they read "P…", "T…", "Event…", "N…"), also after a
saved layout is restored; at 100% they fit and no arrow shows."""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.store.services import Services
from maisky_desktop.ui import theme
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.notes.research import attach

DOCKS = ["People", "Tours", "Events in view", "Notes"]


@pytest.fixture
def scaled(qapp):
    font = QtGui.QFont(qapp.font())
    yield lambda scale: theme.apply(qapp, font_scale=scale)
    theme.restore(qapp, font)


def _window(qtbot, embedded_store, tmp_path, state: QtCore.QByteArray | None = None) -> MainWindow:
    """The window as the app opens it on a 1366x768 screen, the notes layer attached, the left docks 300 px."""
    win = MainWindow(Services.open(embedded_store))
    qtbot.addWidget(win)
    attach(win, tmp_path / "notes", restore=False)
    win.resize(1366, 768)
    if state is not None:
        assert win.restoreState(state)
    win.show()
    qtbot.waitExposed(win)
    win.resizeDocks([win.people_dock], [300], QtCore.Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: win.people_dock.width() <= 310)
    return win


def _dock_tabs(win: MainWindow) -> QtWidgets.QTabBar:
    """The tab bar under the left docks, the one a user sees (a restored layout may leave Qt's first one aside)."""
    bars = [
        b
        for b in win.findChildren(QtWidgets.QTabBar, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
        if b.isVisible() and b.count() and win.childAt(b.geometry().center()) is b
    ]
    assert len(bars) == 1, [[b.tabText(i) for i in range(b.count())] for b in bars]
    return bars[0]


def _whole(bar: QtWidgets.QTabBar) -> list[str]:
    """The labels whose tab is as wide as the same tab with nothing cut, in a bar of the same kind with room."""
    full = QtWidgets.QTabBar()
    full.setShape(bar.shape())
    full.setDocumentMode(bar.documentMode())
    full.setFont(bar.font())
    full.setElideMode(QtCore.Qt.TextElideMode.ElideNone)
    full.setUsesScrollButtons(False)
    full.setExpanding(False)  # each tab its natural width, as under the docks
    for i in range(bar.count()):
        full.addTab(bar.tabText(i))
    full.resize(full.sizeHint())
    return [bar.tabText(i) for i in range(bar.count()) if bar.tabRect(i).width() >= full.tabRect(i).width()]


def _arrows(bar: QtWidgets.QTabBar) -> int:
    return sum(b.isVisible() for b in bar.findChildren(QtWidgets.QToolButton))


def test_at_150_percent_the_dock_tabs_keep_their_labels_whole_and_scroll(qtbot, embedded_store, tmp_path, scaled):
    scaled(1.5)
    win = _window(qtbot, embedded_store, tmp_path)
    bar = _dock_tabs(win)
    assert [bar.tabText(i) for i in range(bar.count())] == DOCKS
    assert _whole(bar) == DOCKS
    assert _arrows(bar) == 2  # they do not all fit in 300 px: the bar scrolls
    bar.setCurrentIndex(DOCKS.index("Notes"))  # the last tab chosen is scrolled into sight
    assert bar.rect().contains(bar.tabRect(DOCKS.index("Notes")).center())
    assert win.findChild(QtWidgets.QDockWidget, "notes").isVisible()
    state = win.saveState()
    win.close()
    again = _window(qtbot, embedded_store, tmp_path / "again", state)  # the next start restores the layout
    assert _whole(_dock_tabs(again)) == DOCKS
    again.close()


def test_at_100_percent_the_dock_tabs_fit_without_arrows(qtbot, embedded_store, tmp_path, scaled):
    scaled(1.0)
    win = _window(qtbot, embedded_store, tmp_path)
    bar = _dock_tabs(win)
    assert _whole(bar) == DOCKS and _arrows(bar) == 0
    win.close()


def _has_ink_inside(button: QtWidgets.QToolButton) -> bool:
    """Whether anything dark is drawn inside the button's frame (an arrow), not only the frame itself."""
    image = button.grab().toImage()
    inner = [
        image.pixelColor(x, y).lightness() for x in range(5, image.width() - 5) for y in range(5, image.height() - 5)
    ]
    return bool(inner) and min(inner) < 100


def test_in_high_contrast_the_dock_tab_scroll_buttons_show_their_arrows(qtbot, embedded_store, tmp_path, high_contrast):
    win = _window(qtbot, embedded_store, tmp_path)
    bar = _dock_tabs(win)
    buttons = [b for b in bar.findChildren(QtWidgets.QToolButton) if b.isVisible()]
    assert len(buttons) == 2 and all(_has_ink_inside(b) for b in buttons)  # empty boxes before
    win.close()
