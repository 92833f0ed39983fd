"""Kiosk mode: a touch screen in a museum, unattended for weeks, with no way out for a visitor.

What ``Kiosk`` does to a main window:
- fills the chosen screen, frameless, with large type and touch targets of at least
  ``touch_target_mm`` at the screen's real dpi; touch on the timeline is tap / kinetic pan /
  pinch (``ui.touch``) and a swipe on the tour panel steps between stops;
- locks it down: no menus, context menus, right clicks, file dialogs, external links, or
  keys that quit, close or switch away (a filter on the window eats them, the actions
  bound to them are switched off); closing the window is refused;
- after ``idle_seconds`` without input, returns everything to the opening state and shows the
  attract screen, which plays ``attract_tour`` slowly; a touch resumes at the start;
- a Python exception in a slot is logged (with its traceback) and the kiosk goes back to
  the attract screen instead of hanging;
- staff leave by a long press in ``exit_corner`` and then the PIN (exit status 64, which
  the systemd unit treats as "do not restart").

It is the second layer: below it, ``packaging/kiosk`` runs the app under the ``cage``
compositor, which has no other window to switch to and no desktop to fall back on.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core import viewport
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.kiosk_settings import KioskSettings, log_path
from maisky_desktop.ui.actions import NOTES, Act
from maisky_desktop.ui.kiosk_screens import AttractScreen, PinPad
from maisky_desktop.ui.touch import SwipeDetector, TouchNavigator

STAFF_EXIT = 64  # exit status of a staff exit; the systemd unit does not restart on it
T = QtCore.QEvent.Type
Key = QtCore.Qt.Key
Mod = QtCore.Qt.KeyboardModifier
# Keys that quit, close, open files, print or switch away, whatever has them; Escape would leave
# a tour or a dialog.
BLOCKED = [
    QtGui.QKeySequence(s)
    for s in (
        "Esc", "Alt+F4", "Ctrl+Q", "Ctrl+W", "Ctrl+F4", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+P", "Ctrl+N",
        "Ctrl+E", "F11", "Alt+Tab", "Alt+Shift+Tab", "Ctrl+Tab", "Alt+Space", "Ctrl+Alt+Backspace", "Ctrl+Alt+Del",
    )
]  # fmt: skip
# Registry commands a visitor does not get: quitting, the clipboard, dialogs (preferences, shortcuts,
# about), and every Notes command (a visitor's notes would be the next visitor's).
KIOSK_OFF = (Act.QUIT, Act.COPY_CITATION, Act.PREFERENCES, Act.SHORTCUTS, Act.ABOUT, *NOTES)
ALLOWED = [QtGui.QKeySequence(s) for s in ("Alt+Left", "Alt+Right", "Ctrl+F", "F6", "Shift+F6")]  # moving about
INPUT = {T.MouseButtonPress, T.TouchBegin, T.TouchUpdate, T.KeyPress, T.Wheel, T.MouseButtonDblClick}
GLIDE_MS, ATTRACT_GLIDE_MS = 900, 3000

log = logging.getLogger("maisky_desktop.kiosk")


def touch_target_px(screen: QtGui.QScreen, mm: float) -> int:
    """The smallest control in logical pixels: ``mm`` at the screen's real dpi, never under 44 px at 96 dpi."""
    dpi = screen.physicalDotsPerInch() / max(screen.devicePixelRatio(), 1.0)
    if not 30 < dpi < 1000:  # a screen that does not know its size: assume 96 dpi
        dpi = 96.0
    return round(max(mm / 25.4 * dpi, 44 * dpi / 96))


def kiosk_sheet(target: int) -> str:
    """Touch-sized controls: every button, field, list row and tab at least ``target`` pixels."""
    return f"""
QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox {{ min-height: {target}px; min-width: {target}px; }}
QTabBar::tab {{ min-height: {target}px; min-width: {2 * target}px; }}
QListWidget::item, QListView::item {{ min-height: {target}px; }}
QScrollBar:vertical {{ width: {target // 2}px; }} QScrollBar:horizontal {{ height: {target // 2}px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {target // 2}px; height: {target // 2}px; }}
"""


class Kiosk(QtCore.QObject):
    """Turns a main window into a kiosk (see the module's docstring); ``start()`` shows it."""

    left = QtCore.Signal(int)  # the exit status asked for (staff exit)

    def __init__(self, window, settings: KioskSettings, app: QtWidgets.QApplication | None = None) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        found = app or QtWidgets.QApplication.instance()
        if not isinstance(found, QtWidgets.QApplication):
            raise RuntimeError("the kiosk needs a running QApplication")
        self.app = found
        self.screen = self._screen()
        self.target_px = touch_target_px(self.screen, settings.touch_target_mm)
        self.leaving = False
        self.attracting = False
        self.faults = 0
        self._handling_fault = False
        self.idle = QtCore.QTimer(self, singleShot=True, interval=settings.idle_seconds * 1000)
        self.idle.timeout.connect(self.go_attract)
        self.attract_step = QtCore.QTimer(self, interval=settings.attract_step_seconds * 1000)
        self.attract_step.timeout.connect(self._attract_next)
        self.hold = QtCore.QTimer(self, singleShot=True, interval=int(settings.exit_hold_seconds * 1000))
        self.hold.timeout.connect(self._ask_pin)
        self.touch = TouchNavigator(window.timeline, self.target_px, self)
        self.swipe = SwipeDetector(window.tours, window.tours.next, window.tours.previous, self.target_px * 2)
        self.attract = AttractScreen(window, "Maisky Timeline · Soviet diplomacy 1917–1975")
        self.attract.touched.connect(self.resume)
        self.pin = PinPad(window, settings.exit_pin, self.target_px)
        self.pin.unlocked.connect(self.leave)
        window.tours.stop_reached.connect(self._on_stop)
        self._lock_down()
        self._logger()

    # -- set-up ------------------------------------------------------------------------------
    def _screen(self) -> QtGui.QScreen:
        screens = QtGui.QGuiApplication.screens()
        if self.settings.screen >= len(screens):
            log.warning("screen %d asked for, %d present: using the primary", self.settings.screen, len(screens))
            return QtGui.QGuiApplication.primaryScreen()
        return screens[self.settings.screen]

    def _lock_down(self) -> None:
        w = self.window
        w.setWindowFlags(w.windowFlags() | QtCore.Qt.WindowType.FramelessWindowHint)
        for widget in [w, *w.findChildren(QtWidgets.QWidget)]:
            widget.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.NoContextMenu)
        w.menuBar().hide()
        for dock in w.findChildren(QtWidgets.QDockWidget):
            dock.setFeatures(QtWidgets.QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        for bar in w.findChildren(QtWidgets.QToolBar):
            bar.setMovable(False)
            bar.toggleViewAction().setEnabled(False)
        # The action registry's commands a visitor must not have are switched off by key; any
        # other action with a shortcut (one added outside the registry: export, notes, the
        # handout) loses it. Actions without a shortcut (a line edit's clear button) stay.
        w.commands.disable(*KIOSK_OFF)
        w.pane.offer_copy = False  # Copy citation is off: its link in the pane goes too
        registered = {action for _key, action in w.commands}
        for action in w.findChildren(QtGui.QAction):
            if action in registered:
                continue
            if action.shortcuts() and not any(seq in ALLOWED for seq in action.shortcuts()):
                action.setShortcuts([])  # gone, not just disabled: the window may enable it again
                action.setEnabled(False)
        for label in w.timeline.findChildren(QtWidgets.QLabel):
            if label.text().startswith("wheel or"):  # the mouse-and-keys hint means nothing on a touch screen
                label.hide()
        for button in w.timeline.findChildren(QtWidgets.QToolButton):
            button.setMinimumWidth(button.sizeHint().width())  # the lane switch never elides to "C…s"
        w.handout_action.setEnabled(False)  # it opens a file dialog
        w.tours.handout_button.hide()
        for scheme in ("http", "https", "file", "mailto", "ftp"):
            # PySide6 stub gap: the stub types the slot's name as bytes, the binding accepts only str.
            QtGui.QDesktopServices.setUrlHandler(scheme, self, "refuse_url")  # type: ignore[arg-type]
        w.glide.duration = GLIDE_MS
        w.installEventFilter(self)

    def _logger(self) -> None:
        path = log_path(self.settings)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
        except OSError as exc:
            print(
                f"maisky-desktop: cannot write the kiosk log {path}: {exc.strerror}; logging to stderr", file=sys.stderr
            )
            handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        self._handler = handler
        self._previous_hook = sys.excepthook
        sys.excepthook = self.on_exception

    def start(self) -> None:
        """Fill the screen and show the attract screen."""
        w = self.window
        w.setGeometry(self.screen.geometry())
        w.showFullScreen()
        w.resizeDocks([w.tours_dock], [self.screen.geometry().width() // 4], QtCore.Qt.Orientation.Horizontal)
        # Input from the screen and the keyboard reaches the top-level QWindow before any widget;
        # filtering there (not application-wide) sees every touch, click and key without wrapping
        # every object's every event in Python.
        self.handle = w.windowHandle()
        self.handle.installEventFilter(self)
        log.info("kiosk started on %s (%d px touch targets)", self.screen.name(), self.target_px)
        self.go_attract()

    def stop(self) -> None:
        """Undo the application-wide parts (tests build several kiosks in one process)."""
        self.handle.removeEventFilter(self)
        for scheme in ("http", "https", "file", "mailto", "ftp"):
            QtGui.QDesktopServices.unsetUrlHandler(scheme)
        if sys.excepthook == self.on_exception:
            sys.excepthook = self._previous_hook
        log.removeHandler(self._handler)
        self._handler.close()
        self.idle.stop()
        self.attract_step.stop()

    def log_text(self) -> str:
        """What the kiosk has logged so far (its log file)."""
        self._handler.flush()
        try:
            return log_path(self.settings).read_text(encoding="utf-8")
        except OSError:
            return ""

    @QtCore.Slot(QtCore.QUrl)
    def refuse_url(self, url: QtCore.QUrl) -> None:
        log.info("refused to open %s", url.toString())

    # -- lock-down ---------------------------------------------------------------------------
    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if obj is self.window and kind == T.Close and not self.leaving:
            event.ignore()
            return True
        if kind in INPUT:
            self.idle.start()
        if isinstance(event, QtGui.QKeyEvent) and self._blocked(event):  # KeyPress, ShortcutOverride, KeyRelease
            event.accept()
            return True
        if kind == T.ContextMenu:
            event.accept()
            return True
        if isinstance(event, QtGui.QMouseEvent) and event.button() in (  # press, release, double click
            QtCore.Qt.MouseButton.RightButton,
            QtCore.Qt.MouseButton.MiddleButton,
        ):
            event.accept()
            return True
        if isinstance(event, QtGui.QTouchEvent):
            self.swipe.feed(event)
        if kind in (T.MouseButtonPress, T.TouchBegin) and isinstance(
            event, QtGui.QSinglePointEvent | QtGui.QTouchEvent
        ):
            self._maybe_hold(event)
        elif kind in (T.MouseButtonRelease, T.TouchEnd, T.TouchCancel):
            self.hold.stop()
        return False

    @staticmethod
    def _blocked(event: QtGui.QKeyEvent) -> bool:
        if event.key() in (Key.Key_Meta, Key.Key_Super_L, Key.Key_Super_R, Key.Key_Menu) or (
            event.modifiers() & Mod.MetaModifier
        ):
            return True
        return QtGui.QKeySequence(event.keyCombination()) in BLOCKED

    def corner(self) -> QtCore.QRect:
        """The staff corner: a square of two touch targets in the configured corner of the window."""
        size = self.target_px * 2
        r = self.window.rect()
        x = r.left() if "left" in self.settings.exit_corner else r.right() - size
        y = r.top() if "top" in self.settings.exit_corner else r.bottom() - size
        return QtCore.QRect(self.window.mapToGlobal(QtCore.QPoint(x, y)), QtCore.QSize(size, size))

    def _maybe_hold(self, event: QtGui.QSinglePointEvent | QtGui.QTouchEvent) -> None:
        if isinstance(event, QtGui.QTouchEvent):
            points = event.points()
            if len(points) != 1:
                return
            pos = points[0].globalPosition().toPoint()
        else:
            pos = event.globalPosition().toPoint()
        if self.corner().contains(pos) and self.settings.exit_pin:
            self.hold.start()

    def _ask_pin(self) -> None:
        log.info("staff long press: asking for the PIN")
        self.pin.open_pad()

    def leave(self) -> None:
        """The staff exit: close for good with status 64."""
        log.info("staff exit")
        self.leaving = True
        self.left.emit(STAFF_EXIT)
        self.window.close()
        self.exit_app(STAFF_EXIT)

    def exit_app(self, status: int) -> None:
        self.app.exit(status)

    # -- idle, attract, resume ---------------------------------------------------------------
    def reset(self) -> None:
        """Everything back to the opening state: view, lanes, no search, no filter, nothing selected."""
        w = self.window
        w.glide.stop()
        w.tours.exit()
        session = w.session
        session.reset()
        w.search_box.clear()
        w.runner.search("", Filter())
        w.filter_bar.set_filter(Filter())
        w.timeline.set_lane_mode("category")
        w.timeline.highlight(None)
        w.timeline.items.set_selected(None)
        w.timeline.labels.update()
        w.pane.clear_event()
        w.people.box.clear()
        w.timeline.set_view(*viewport.HOME)
        w.tabs.setCurrentWidget(w.pane)
        w.tours_dock.raise_()
        self.pin.close_pad()

    def go_attract(self) -> None:
        """Reset and play the attract tour slowly behind the attract screen."""
        self.reset()
        self.attracting = True
        self.window.tours.select_stops = False
        self.window.glide.duration = ATTRACT_GLIDE_MS
        self.attract.show_over()
        self.attract.setFocus()
        if not self.window.tours.start(self.settings.attract_tour):
            first = next(iter(self.window.tours.tours), None)
            if first is None or not self.window.tours.start(first):
                self.attract.show_stop("", "")
        self._attract_next()
        self.attract_step.start()
        self.idle.stop()

    def _attract_next(self) -> None:
        tours = self.window.tours
        if tours.walk is None or tours.walk.at_end:
            tours.start(tours.walk.tour.id if tours.walk else self.settings.attract_tour)
        tours.next()

    def _on_stop(self, _event_id: str) -> None:
        walk = self.window.tours.walk
        if self.attracting and walk is not None and walk.stop is not None:
            stop = walk.stop
            self.attract.show_stop(f"{stop.title} · {stop.date_words}", stop.narration)

    def resume(self) -> None:
        """A touch on the attract screen: start afresh at the opening state."""
        self.attract_step.stop()
        self.attracting = False
        self.window.tours.select_stops = True
        self.attract.hide()
        self.reset()
        self.window.glide.duration = GLIDE_MS
        self.idle.start()
        log.info("visitor resumed")

    # -- faults ------------------------------------------------------------------------------
    def on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """A Python exception in a slot: log it whole and go back to the attract screen."""
        self.faults += 1
        log.error("fault %d in a slot:\n%s", self.faults, "".join(traceback.format_exception(kind, value, tb)))
        if self._handling_fault:  # the recovery itself failed: do not loop
            return
        self._handling_fault = True
        try:
            self.go_attract()
        except Exception:
            log.error("recovery failed:\n%s", traceback.format_exc())
        finally:
            self._handling_fault = False
