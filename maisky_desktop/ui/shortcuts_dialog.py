"""Help > Keyboard shortcuts: the action registry's list in a dialog that fits the screen.

A message box grows with its text and has no scroll bar: at a 150% text size on a 1366x768
screen the list was taller than the screen, its end and its OK button out of reach. Here the
list scrolls and the dialog is never larger than the screen's free area.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

SCREEN_SHARE = 0.9  # of the free area at most, leaving room for the window frame


class ShortcutsDialog(QtWidgets.QDialog):
    """The shortcuts list (HTML from ``Actions.shortcuts_html``), scrolling when the screen is too small."""

    def __init__(self, text: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.text = QtWidgets.QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(text)
        self.text.setAccessibleName("Keyboard shortcuts")
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        box = QtWidgets.QVBoxLayout(self)
        box.addWidget(self.text)
        box.addWidget(buttons)
        self.resize(self._fitting_size(box, buttons, parent))

    def _fitting_size(
        self, box: QtWidgets.QVBoxLayout, buttons: QtWidgets.QWidget, parent: QtWidgets.QWidget | None
    ) -> QtCore.QSize:
        """The whole list without scrolling where the screen allows, else as much of the screen as it may take."""
        doc = self.text.document()
        doc.setTextWidth(doc.idealWidth())
        margins = box.contentsMargins()
        frame = 2 * self.text.frameWidth() + self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_ScrollBarExtent)
        width = int(doc.idealWidth()) + frame + margins.left() + margins.right()
        height = (
            int(doc.size().height())
            + frame
            + buttons.sizeHint().height()
            + box.spacing()
            + margins.top()
            + margins.bottom()
        )
        screen = self.screen() if parent is None else parent.screen()
        free = (screen or QtGui.QGuiApplication.primaryScreen()).availableGeometry()
        return QtCore.QSize(
            min(width, int(free.width() * SCREEN_SHARE)), min(height, int(free.height() * SCREEN_SHARE))
        )
