"""In the high-contrast theme a spin box keeps usable up and down buttons with their arrows.

Found on Xvfb at 150% text: the theme's black border on spin boxes (the filter's years, the
export's image size, Preferences' text size) left a sliver where the buttons were, no arrows.
"""

from PySide6 import QtGui, QtWidgets


def _dark_pixels(image: QtGui.QImage, rect) -> int:
    return sum(
        QtGui.QColor(image.pixel(x, y)).lightness() < 80
        for x in range(rect.left() + 2, rect.right() - 1)
        for y in range(rect.top() + 2, rect.bottom() - 1)
    )


def test_spin_box_buttons_are_wide_and_show_their_arrows(qtbot, high_contrast):
    box = QtWidgets.QSpinBox()
    box.setRange(1900, 1980)
    box.setValue(1938)
    qtbot.addWidget(box)
    box.resize(240, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    option = QtWidgets.QStyleOptionSpinBox()
    box.initStyleOption(option)
    style = box.style()
    image = box.grab().toImage()
    text_height = box.fontMetrics().height()
    for control in (QtWidgets.QStyle.SubControl.SC_SpinBoxUp, QtWidgets.QStyle.SubControl.SC_SpinBoxDown):
        rect = style.subControlRect(QtWidgets.QStyle.ComplexControl.CC_SpinBox, option, control, box)
        assert rect.width() >= text_height  # a button a finger or a mouse can hit
        assert _dark_pixels(image, rect) >= 6  # its arrow drawn
