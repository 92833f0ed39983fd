"""In the high-contrast theme tick boxes and radio buttons have black frames, not the style's light grey.

Found on Xvfb at 150% text: the handout dialog's list of events to tick showed faint grey boxes
on white, hard to see at all.
"""

from PySide6 import QtCore, QtGui, QtWidgets


def _darkest(image: QtGui.QImage, rect: QtCore.QRect) -> int:
    return min(
        QtGui.QColor(image.pixel(x, y)).lightness()
        for x in range(max(rect.left(), 0), min(rect.right(), image.width() - 1) + 1)
        for y in range(max(rect.top(), 0), min(rect.bottom(), image.height() - 1) + 1)
    )


def test_an_unticked_box_and_radio_have_a_black_frame(qtbot, high_contrast):
    for widget, element in (
        (QtWidgets.QCheckBox("Include this event"), QtWidgets.QStyle.SubElement.SE_CheckBoxIndicator),
        (QtWidgets.QRadioButton("The events ticked below"), QtWidgets.QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        option = QtWidgets.QStyleOptionButton()
        widget.initStyleOption(option)
        rect = widget.style().subElementRect(element, option, widget)
        assert rect.width() >= widget.fontMetrics().height() * 0.6  # sized with the text
        assert _darkest(widget.grab().toImage(), rect) < 60  # a black frame, not a grey one
