"""The kiosk's two full-window layers: the attract screen and the staff PIN pad.

Both are children of the main window laid over everything. The attract screen lets the
timeline show through (it glides from stop to stop behind it) and tells a visitor to touch;
any touch or click on it says ``touched``. The PIN pad is the only way out, reached by a
long press in the configured corner; its digits are large touch targets.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

T = QtCore.QEvent.Type


class Overlay(QtWidgets.QWidget):
    """A layer that keeps covering its parent window as it resizes."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.host = parent  # typed: QObject.parent() is only known to be a QObject
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if obj is self.host and event.type() == T.Resize:
            self.setGeometry(self.host.rect())
        return False

    def show_over(self) -> None:
        self.setGeometry(self.host.rect())
        self.show()
        self.raise_()


class AttractScreen(Overlay):
    """'Touch to explore' over the timeline, and the attract tour's current stop in large type."""

    touched = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget, title: str) -> None:
        super().__init__(parent)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAccessibleName("Attract screen")
        self.setAccessibleDescription("Touch anywhere to start exploring")
        self.banner = QtWidgets.QLabel(
            f"<div style='font-size:28pt; font-weight:bold'>{html.escape(title)}</div>"
            "<div style='font-size:18pt'>Touch anywhere to explore</div>"
        )
        self.stop = QtWidgets.QLabel(wordWrap=True)
        self.stop.setAccessibleName("Tour stop")
        for label in (self.banner, self.stop):
            label.setStyleSheet("color: white; background-color: rgba(20, 28, 40, 215); padding: 18px; border: none;")
            label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(60, 40, 60, 40)
        box.addWidget(self.banner)
        box.addStretch(1)
        box.addWidget(self.stop)

    def show_stop(self, heading: str, narration: str) -> None:
        self.stop.setText(
            f"<div style='font-size:22pt; font-weight:bold'>{html.escape(heading)}</div>"
            f"<div style='font-size:17pt'>{html.escape(narration)}</div>"
        )

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() in (T.TouchBegin, T.MouseButtonPress, T.KeyPress):
            event.accept()
            self.touched.emit()
            return True
        return super().event(event)


class PinPad(Overlay):
    """Digits, Clear, Cancel and OK; ``unlocked`` when the digits entered match the PIN."""

    unlocked = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget, pin: str, target_px: int) -> None:
        super().__init__(parent)
        self.pin = pin
        self.entered = ""
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(20, 28, 40))
        self.setPalette(pal)
        self.setAccessibleName("Staff PIN")
        self.prompt = QtWidgets.QLabel("Staff exit: enter the PIN")
        self.prompt.setStyleSheet("color: white; font-size: 20pt;")
        self.display = QtWidgets.QLabel("")
        self.display.setAccessibleName("PIN entered")
        self.display.setStyleSheet("color: white; font-size: 28pt;")
        grid = QtWidgets.QGridLayout()
        self.buttons: dict[str, QtWidgets.QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]
        for i, key in enumerate(keys):
            button = QtWidgets.QPushButton(key)
            button.setMinimumSize(int(target_px * 1.6), int(target_px * 1.6))
            button.setAccessibleName("Digit " + key if key.isdigit() else key)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 3, i % 3)
        cancel = QtWidgets.QPushButton("Cancel")
        cancel.setMinimumHeight(target_px)
        cancel.clicked.connect(self.close_pad)
        self.buttons["Cancel"] = cancel
        col = QtWidgets.QVBoxLayout()
        col.addWidget(self.prompt)
        col.addWidget(self.display)
        col.addLayout(grid)
        col.addWidget(cancel)
        outer = QtWidgets.QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(col)
        outer.addStretch(1)

    def open_pad(self) -> None:
        self.entered = ""
        self.display.setText("")
        self.prompt.setText("Staff exit: enter the PIN")
        self.show_over()
        self.buttons["1"].setFocus()

    def close_pad(self) -> None:
        self.entered = ""
        self.hide()

    def press(self, key: str) -> None:
        if key == "Clear":
            self.entered = ""
        elif key == "OK":
            if self.pin and self.entered == self.pin:
                self.hide()
                self.unlocked.emit()
                return
            self.entered = ""
            self.prompt.setText("Wrong PIN. Try again or Cancel.")
        elif len(self.entered) < 12:
            self.entered += key
        self.display.setText("●" * len(self.entered))
