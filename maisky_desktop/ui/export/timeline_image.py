"""The timeline view as a PNG or SVG image at a chosen size, for a slide or a paper.

A fresh timeline widget is built off screen at the size asked for, on the same events
(own events included), lanes, view, filter and selection, then painted: into a pixmap for
PNG, into ``QSvgGenerator`` for SVG (vector: lanes, marks and titles stay sharp). The
window on screen is never resized.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from maisky_desktop.core.layout import Layout
from maisky_desktop.core.person_lanes import PersonLanes
from maisky_desktop.core.viewport import Era

MIN_SIZE, MAX_SIZE = 200, 10_000


class ImageError(ValueError):
    """An image that cannot be made; the message says why."""


@dataclass(frozen=True)
class TimelineContent:
    """What a timeline draws: events, lanes, eras, person lanes."""

    layout: Layout
    lanes: list[tuple[str, str, str]]
    eras: list[Era]
    people: PersonLanes | None


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
            if not image.save(str(path), "PNG"):
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
