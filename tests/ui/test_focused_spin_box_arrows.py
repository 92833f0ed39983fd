"""The filter bar's year spin boxes keep their full-size arrows while they have the keyboard focus, with the
focus frame still showing, in the normal theme and in high contrast, at 100% and 150% text.

A focus frame drawn by an application style sheet (``QSpinBox:focus { border: ... }``) made Qt draw the
focused spin box's buttons as a sliver without arrows; the year a user is stepping lost its arrows exactly
while they used it."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.store.services import Services
from maisky_desktop.ui import theme
from maisky_desktop.ui.main_window import MainWindow

BLUE = QtGui.QColor(theme.FOCUS)


def _arrow_areas(spin: QtWidgets.QSpinBox) -> list[QtCore.QRect]:
    """The middle of the up and the down button (where their arrows are), as the style places the buttons
    of this spin box without the focus; the middle only, so a border that changes with the focus is left out."""
    opt = QtWidgets.QStyleOptionSpinBox()
    opt.initFrom(spin)
    opt.state &= ~QtWidgets.QStyle.StateFlag.State_HasFocus
    opt.subControls = QtWidgets.QStyle.SubControl.SC_All
    opt.frame = True
    style, control = spin.style(), QtWidgets.QStyle.ComplexControl.CC_SpinBox
    areas = []
    for button in (QtWidgets.QStyle.SubControl.SC_SpinBoxUp, QtWidgets.QStyle.SubControl.SC_SpinBoxDown):
        rect = style.subControlRect(control, opt, button, spin)
        dx, dy = rect.width() // 5, rect.height() // 5
        areas.append(rect.adjusted(dx, dy, -dx, -dy))
    return areas


def _dark(image: QtGui.QImage) -> int:
    return sum(image.pixelColor(x, y).lightness() < 170 for x in range(image.width()) for y in range(image.height()))


def _differing(a: QtGui.QImage, b: QtGui.QImage) -> float:
    """The share of pixels whose lightness differs clearly between two images of one size."""
    pairs = [(a.pixelColor(x, y), b.pixelColor(x, y)) for x in range(a.width()) for y in range(a.height())]
    return sum(abs(p.lightness() - q.lightness()) > 40 for p, q in pairs) / len(pairs)


@pytest.mark.parametrize(("scale", "high_contrast"), [(1.0, False), (1.5, False), (1.5, True)])
def test_a_focused_year_spin_box_keeps_its_arrows_and_shows_its_focus(qtbot, embedded_store, scale, high_contrast):
    app = QtWidgets.QApplication.instance()
    font = QtGui.QFont(app.font())
    theme.apply(app, font_scale=scale, high_contrast=high_contrast)
    try:
        services = Services.open(embedded_store)
        win = MainWindow(services)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        win.activateWindow()
        qtbot.waitExposed(win)
        spin = win.filter_bar.year_from
        areas = _arrow_areas(spin)
        before = [spin.grab().toImage().copy(a) for a in areas]
        assert all(_dark(b) >= 3 for b in before)  # the arrows a user sees on the buttons without the focus
        spin.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is spin)
        QtWidgets.QApplication.processEvents()
        image = spin.grab().toImage()
        for area, arrow in zip(areas, before, strict=True):
            assert _differing(image.copy(area), arrow) < 0.05  # the same arrows, as big, with the focus
        assert BLUE in [image.pixelColor(x, image.height() // 2) for x in range(3)]  # and the focus shows
        win.close()
        services.close()
    finally:
        theme.restore(app, font)
