"""The blue frame on the control that has the keyboard focus (the normal theme's focus indicator).

Keyboard users must see where they are. A style sheet did it before (``QPushButton:focus { border:
2px solid ... }``), but any application style sheet puts every widget of the app through Qt's
style-sheet style: polishing and painting the window to its first frame took about 94 million
more instructions (measured with callgrind: 2.57 against 2.48 billion, about 4% of the whole
start), and a spin box given a border by a sheet lost its native arrows. So one small overlay
follows the focus instead, the way Qt's own ``QFocusFrame`` does on macOS: a child of the focused
control, covering it, transparent to the mouse, masked to a 2-pixel ring inside its edges (inside,
so a list that fills its dock still shows the whole frame). The high-contrast theme keeps its style
sheet, thicker frame included: it restyles every control anyway.
"""

from __future__ import annotations

import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

WIDTH = 2
# The controls a keyboard user tabs to (the timeline draws its own selection, a text field its caret).
FRAMED = (
    QtWidgets.QAbstractButton,
    QtWidgets.QComboBox,
    QtWidgets.QLineEdit,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QAbstractItemView,
    QtWidgets.QTextBrowser,
    QtWidgets.QTabBar,
)


class FocusFrame(QtWidgets.QWidget):
    """A ring in the focus colour over the focused control; follows it as it moves and resizes."""

    def __init__(self, colour: str) -> None:
        super().__init__()
        self.setObjectName("focus-frame")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.colour = QtGui.QColor(colour)
        self.target: QtWidgets.QWidget | None = None

    def follow(self, widget: QtWidgets.QWidget | None) -> None:
        """Frame ``widget`` (None, or a control that is not framed: hide)."""
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = widget if isinstance(widget, FRAMED) else None
        if self.target is None:
            self.hide()
            self.setParent(None)
            return
        self.setParent(self.target)
        self.target.installEventFilter(self)
        self._fit()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.target and event.type() == QtCore.QEvent.Type.Resize:
            self._fit()
        elif watched is self.target and event.type() == QtCore.QEvent.Type.ChildAdded:
            self.raise_()  # stays above what the control adds later (an item editor, a viewport)
        return False

    def _fit(self) -> None:
        assert self.target is not None
        rect = self.target.rect()
        self.setGeometry(rect)
        self.setMask(QtGui.QRegion(rect) - QtGui.QRegion(rect.adjusted(WIDTH, WIDTH, -WIDTH, -WIDTH)))

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.fillRect(self.rect(), self.colour)


_colour: str | None = None  # None: not following
_frame: FocusFrame | None = None


def follow_focus(app: QtWidgets.QApplication, colour: str) -> None:
    """Show the frame on whatever control has the focus, from now on."""
    global _colour
    if _colour is None:
        app.focusChanged.connect(_on_focus)
    _colour = colour
    _on_focus(None, app.focusWidget())


def stop(app: QtWidgets.QApplication) -> None:
    """No frame any more (the high-contrast theme draws its own)."""
    global _colour
    if _colour is not None:
        app.focusChanged.disconnect(_on_focus)
        _colour = None
        if _frame is not None and shiboken6.isValid(_frame):
            _frame.follow(None)


def current() -> FocusFrame | None:
    """The frame, if one is shown."""
    return _frame if _frame is not None and shiboken6.isValid(_frame) and _frame.target is not None else None


def _on_focus(_old: QtWidgets.QWidget | None, new: QtWidgets.QWidget | None) -> None:
    global _frame
    if _colour is None:
        return
    if _frame is None or not shiboken6.isValid(_frame):  # deleted with the control it framed (a closed dialog)
        _frame = FocusFrame(_colour)
    _frame.colour = QtGui.QColor(_colour)
    _frame.follow(new)
