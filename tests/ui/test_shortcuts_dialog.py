"""Help > Keyboard shortcuts fits the screen at a large text size: the list scrolls, OK stays in reach.

Found on Xvfb at 1366x768 with the text at 150%: the message box was taller than the screen,
the Notes shortcuts and the OK button below its bottom edge.
"""

import pytest
from PySide6 import QtWidgets

from maisky_desktop.ui import theme


@pytest.fixture
def large_text(qapp):
    font = qapp.font()
    theme.apply(qapp, font_scale=1.5)
    yield
    theme.restore(qapp, font)


def test_the_shortcuts_list_fits_the_screen_and_scrolls_at_150_percent(qtbot, large_text, window):
    window.show_shortcuts()
    box = window.shortcuts_box
    qtbot.waitExposed(box)
    free = box.screen().availableGeometry()
    assert box.height() <= free.height() and box.width() <= free.width()
    ok = [b for b in box.findChildren(QtWidgets.QAbstractButton) if b.text().replace("&", "") == "OK"]
    assert ok and box.rect().contains(ok[0].geometry().translated(ok[0].parentWidget().pos()))
    text = box.findChild(QtWidgets.QTextBrowser)
    assert text.toPlainText().endswith("double-click to zoom in.")  # the list's end, reached by scrolling
    assert text.verticalScrollBar().maximum() > 0
    box.accept()


def test_at_the_normal_size_on_a_large_screen_the_whole_list_shows_without_scrolling(qtbot, window, monkeypatch):
    from PySide6 import QtCore

    from maisky_desktop.ui.shortcuts_dialog import ShortcutsDialog

    big = QtCore.QRect(0, 0, 1920, 1040)
    monkeypatch.setattr(ShortcutsDialog, "screen", lambda self: type("S", (), {"availableGeometry": lambda _s: big})())
    monkeypatch.setattr(window, "screen", lambda: type("S", (), {"availableGeometry": lambda _s: big})())
    box = ShortcutsDialog(window.commands.shortcuts_html(), window)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    text = box.findChild(QtWidgets.QTextBrowser)
    assert text.verticalScrollBar().maximum() == 0 and text.horizontalScrollBar().maximum() == 0
