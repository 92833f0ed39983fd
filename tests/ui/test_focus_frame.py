"""The keyboard focus shows as a blue frame on the focused control, in the normal theme without any
application style sheet (so spin boxes keep their native arrows and start-up skips Qt's style-sheet
styling); the high-contrast theme keeps its own thicker frame from its sheet."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.ui import focus_frame, theme

BLUE = QtGui.QColor(theme.FOCUS)


@pytest.fixture
def themed(qtbot):
    app = QtWidgets.QApplication.instance()
    font = QtGui.QFont(app.font())
    theme.apply(app)
    yield app
    theme.restore(app, font)


@pytest.fixture
def form(qtbot, themed):
    """A small window of the kinds of control the app has."""
    box = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(box)
    button = QtWidgets.QPushButton("Export")
    spin = QtWidgets.QSpinBox()
    spin.setRange(1917, 1975)
    items = QtWidgets.QListWidget()
    items.addItems(["Litvinov", "Maisky", "Molotov"])
    plain = QtWidgets.QLabel("not a control")
    plain.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
    for w in (button, spin, items, plain):
        layout.addWidget(w)
    box.resize(320, 300)
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitExposed(box)
    return box, button, spin, items, plain


def _focus(qtbot, widget: QtWidgets.QWidget) -> None:
    widget.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is widget)
    QtWidgets.QApplication.processEvents()


def _edges_and_middle(widget: QtWidgets.QWidget) -> tuple[list[QtGui.QColor], QtGui.QColor]:
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    edges = [image.pixelColor(0, h // 2), image.pixelColor(w - 1, h // 2), image.pixelColor(w // 2, 0)]
    edges.append(image.pixelColor(w // 2, h - 1))
    return edges, image.pixelColor(w // 2, h // 2)


def test_the_focused_control_has_a_blue_frame_inside_its_edges(qtbot, form):
    _box, button, spin, items, _plain = form
    assert QtWidgets.QApplication.instance().styleSheet() == ""  # no sheet: every control keeps its native look
    for control in (button, spin, items):
        _focus(qtbot, control)
        edges, middle = _edges_and_middle(control)
        assert all(c == BLUE for c in edges), control
        assert middle != BLUE  # a frame, not a cover: the control's content shows through
        frame = focus_frame.current()
        assert frame is not None and frame.parent() is control and frame.width() == control.width()


def test_the_frame_follows_the_focus_and_leaves_what_is_not_a_control(qtbot, form):
    _box, button, spin, _items, plain = form
    _focus(qtbot, button)
    _focus(qtbot, spin)
    edges, _ = _edges_and_middle(button)
    assert not any(c == BLUE for c in edges)  # gone from the button once the focus moved on
    _focus(qtbot, plain)
    assert focus_frame.current() is None


def test_the_frame_keeps_up_with_a_control_that_grows(qtbot, form):
    _box, _button, _spin, items, _plain = form
    _focus(qtbot, items)
    items.setMinimumHeight(items.height() + 80)
    qtbot.waitUntil(lambda: focus_frame.current() is not None and focus_frame.current().height() == items.height())
    edges, _ = _edges_and_middle(items)
    assert all(c == BLUE for c in edges)


def test_closing_a_dialog_that_had_the_focus_leaves_the_frame_working(qtbot, form):
    box, button, _spin, _items, _plain = form
    dialog = QtWidgets.QDialog(box)
    field = QtWidgets.QLineEdit(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    _focus(qtbot, field)
    assert focus_frame.current() is not None and focus_frame.current().parent() is field
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: focus_frame.current() is None or focus_frame.current().parent() is not field)
    box.activateWindow()
    _focus(qtbot, button)
    edges, _ = _edges_and_middle(button)
    assert all(c == BLUE for c in edges)


def test_high_contrast_draws_its_thicker_frame_from_its_sheet(qtbot, high_contrast):
    assert focus_frame.current() is None
    assert "*:focus { border: 3px solid" in QtWidgets.QApplication.instance().styleSheet()
