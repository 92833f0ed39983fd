"""Help > About (``Act.ABOUT``): the app's identity, and the notice of what a museum or school may show.

The notice is the one ``core.notice`` renders. In a bundle it is the ``NOTICE.txt`` written at
build time beside the executables (it also lists the system libraries the bundle carries);
in a Python install it is rendered from the store's provenance and the packages loaded now.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop import paths
from maisky_desktop.core import span
from maisky_desktop.core.notice import APP_DIST, APP_NAME, python_components, render_notice
from maisky_desktop.store.services import Services

APP_ID = "org.maiskytimeline.Timeline"  # the desktop file's name, so Wayland shows its icon
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QtGui.QIcon:
    """The window icon from the shipped PNGs (no SVG support needed at run time)."""
    icon = QtGui.QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(paths.data_dir() / "icons" / f"maisky-timeline-{size}.png"), QtCore.QSize(size, size))
    return icon


def version() -> str:
    from importlib import metadata  # here, not at the top: the app's start needs only the icon from this module

    try:
        return metadata.version(APP_DIST)
    except metadata.PackageNotFoundError:  # a bundle carries no package metadata
        return "bundle"


def bundled_notice() -> Path | None:
    """NOTICE.txt beside the executable of a bundle, None when running from Python."""
    if not getattr(sys, "frozen", False):
        return None
    path = Path(sys.executable).resolve().parent / "NOTICE.txt"
    return path if path.is_file() else None


def notice_text(services: Services) -> str:
    bundled = bundled_notice()
    if bundled is not None:
        return bundled.read_text(encoding="utf-8")
    sources = services.sources()
    return render_notice(version(), sources, python_components(sorted(sys.modules)))


class AboutDialog(QtWidgets.QDialog):
    """Name, version, purpose, and the full notice (sources' rights, licences) as plain text."""

    def __init__(self, services: Services, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.resize(760, 560)
        head = QtWidgets.QLabel()
        head.setPixmap(app_icon().pixmap(64, 64))
        title = QtWidgets.QLabel(
            f"<b>{APP_NAME}</b> {version()}<br>Soviet diplomacy {span.study_words()}, every event anchored verbatim in "
            f"its sources. {services.summary()}; the store: {services.path.name}.<br>"
            "The sources' rights and the licences of everything the app carries:"
        )
        title.setWordWrap(True)
        self.notice = QtWidgets.QPlainTextEdit(notice_text(services))
        self.notice.setReadOnly(True)
        self.notice.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(head)
        row.addWidget(title, 1)
        box = QtWidgets.QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.notice, 1)
        box.addWidget(buttons)
