"""Errors the app did not expect: logged, shown once in a dialog with a copyable report, survived.

Installed as ``sys.excepthook`` while the window runs. PySide6 hands every exception raised
in a slot or a Qt override to that hook and carries on, so the app stays usable; without the
hook the traceback only reaches a terminal the user may not have. A damaged store (see
``store/faults.py``) is told in words, once per session, with the advice to rebuild or
reinstall; anything else is a bug and gets a dialog with the full report, which is also
written to the log file so it can be sent.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop import logs
from maisky_desktop.store.faults import damage_message


def has_display() -> bool:
    """Whether a dialog can be shown at all (Linux without X or Wayland cannot; offscreen shows nothing)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class ErrorReporter(QtCore.QObject):
    """The exception hook of a running app, and where search failures are reported."""

    def __init__(self, store_path: Path, log_path: Path | None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.log_path = log_path
        self.dialog: QtWidgets.QMessageBox | None = None
        self.reports: list[str] = []  # every report of this session, newest last
        self._damage_told = False
        self._previous = sys.excepthook

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """The hook: Ctrl+C quits; damage is told once in words; anything else gets the report dialog."""
        if issubclass(kind, KeyboardInterrupt):
            QtCore.QCoreApplication.exit(130)
            return
        text = logs.report(kind, value, tb)
        logs.logger.error(text)
        damage = damage_message(self.store_path, value)
        if damage is not None:
            self.store_failed(damage)
            return
        self.reports.append(text)
        where = f" (report in {self.log_path})" if self.log_path else ""
        print(f"maisky-desktop: unexpected error: {kind.__name__}: {value}{where}", file=sys.stderr)
        self._show(
            f"Something went wrong: {kind.__name__}: {value}",
            "The app goes on. Please send the report below to the developers"
            + (f"; it is also in {self.log_path}." if self.log_path else "."),
            text,
        )

    def store_failed(self, message: str) -> None:
        """A damaged store, told once per session (the next failures are only logged)."""
        logs.logger.error(message)
        if self._damage_told:
            return
        self._damage_told = True
        print(f"maisky-desktop: {message}", file=sys.stderr)
        self._show("The store is damaged.", message[0].upper() + message[1:] + ".", None)

    def _show(self, summary: str, info: str, report: str | None) -> None:
        if not has_display():
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the rest are in the log
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "Maisky Timeline", summary)
        box.setInformativeText(info)
        box.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Close)
        if report is not None:
            box.setDetailedText(report)  # selectable and copyable text
            copy = box.addButton("Copy report", QtWidgets.QMessageBox.ButtonRole.ActionRole)
            copy.clicked.connect(lambda: QtGui.QGuiApplication.clipboard().setText(report))
        box.open()  # not exec(): the app keeps running behind it
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = box
