"""The timeline view as a PNG or SVG image at a chosen size, for a slide or a paper.

A fresh timeline widget is built off screen at the size asked for, on the same events
(own events included), lanes, view, filter and selection, then painted: into a pixmap for
PNG, into ``QSvgGenerator`` for SVG (vector: lanes, marks and titles stay sharp). The
window on screen is never resized.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from maisky_desktop.store.timeline_content import TimelineContent

MIN_SIZE, MAX_SIZE = 200, 10_000


class ImageError(ValueError):
    """An image that cannot be made; the message says why."""


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' -> (1920, 1080), within sensible bounds."""
    try:
        w, h = (int(p) for p in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise ImageError(f"size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080, not {text!r}") from None
    if not (MIN_SIZE <= w <= MAX_SIZE and MIN_SIZE <= h <= MAX_SIZE):
        raise ImageError(f"width and height must be between {MIN_SIZE} and {MAX_SIZE} pixels")
    return w, h


def render(
    content: TimelineContent,
    path: Path,
    size: tuple[int, int],
    view: tuple[float, float],
    lane_mode: str = "category",
    shown: set[str] | None = None,
    selected: str | None = None,
) -> Path:
    """Write the view to ``path`` (.png or .svg) at ``size``; raise ImageError or OSError."""
    from maisky_desktop.ui.timeline.widget import TimelineWidget

    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ImageError(f"{path.name}: the timeline exports as .png or .svg")
    w, h = size
    widget = TimelineWidget(content.layout, content.lanes, eras=content.eras, people=content.people)
    widget.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(w, h)
    widget.show()
    try:
        widget.set_lane_mode(lane_mode)
        widget.set_filter(shown)
        if selected:
            widget.items.set_selected(widget.layout_data.index_of(selected))
        QtWidgets.QApplication.processEvents()
        widget.set_view(*view)
        widget.labels.update()
        QtWidgets.QApplication.processEvents()
        if suffix == ".png":
            image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32)
            image.fill(QtGui.QColor("white"))
            painter = QtGui.QPainter(image)
            widget.render(painter, QtCore.QPoint(0, 0))
            painter.end()
            if not image.save(str(path)):  # the format follows the .png suffix
                raise OSError(f"cannot write {path}")
        else:
            generator = QtSvg.QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QtCore.QSize(w, h))
            generator.setViewBox(QtCore.QRect(0, 0, w, h))
            generator.setTitle("Maisky Timeline")
            painter = QtGui.QPainter(generator)
            widget.render(painter, QtCore.QPoint(0, 0))
            painter.end()
            if not path.exists():
                raise OSError(f"cannot write {path}")
    finally:
        widget.close()
        widget.deleteLater()
    return path


def export_cli(store, user, path: Path, size_text: str, view: tuple[float, float], shown: set[str] | None) -> int:
    """``maisky-desktop export timeline``: the image without a window (offscreen Qt when there is no display)."""
    import os
    import sys

    from maisky_desktop.store.timeline_content import build_content

    try:
        size = parse_size(size_text)
    except ImageError as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 2
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    try:
        render(build_content(store, user), path, size, view, shown=shown)
    except (ImageError, OSError) as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 2
    del app
    print(f"wrote {path} ({size[0]}x{size[1]})", file=sys.stderr)
    return 0
