"""The font source text is shown in: one that keeps combining accents on their letters.

Some fonts position a combining mark after a Cyrillic letter a whole line too high: with
DejaVu Sans 2.37 (Debian's default sans) the stress marks of "Ива́н Миха́йлович Ма́йский" are
drawn on the line above, over Latin letters ("Maisќy"), and vanish from the Cyrillic. The
stored text is right; only the font is wrong. So the font is chosen by looking: each candidate
draws a stressed word into an image exactly one line tall, and a font whose accents leave no
ink inside that line (the image equals the unstressed word's) is passed over. The system's
own font is kept wherever it draws correctly.
"""

from __future__ import annotations

from functools import cache

from PySide6 import QtCore, QtGui, QtWidgets

STRESSED, PLAIN = "Ма́йский Ива́н", "Майский Иван"
# Tried after the application font, in order; the first one installed that draws correctly wins.
FALLBACKS = (
    "DejaVu Serif",
    "Noto Sans",
    "Noto Serif",
    "Liberation Sans",
    "Nimbus Sans",
    "Arial",
    "Segoe UI",
    "Helvetica Neue",
    "Times New Roman",
)


def _line_image(font: QtGui.QFont, text: str) -> QtGui.QImage:
    metrics = QtGui.QFontMetrics(font)
    image = QtGui.QImage(
        metrics.horizontalAdvance(STRESSED) + 8, metrics.height(), QtGui.QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(QtCore.Qt.GlobalColor.white)
    painter = QtGui.QPainter(image)
    painter.setFont(font)
    painter.setPen(QtCore.Qt.GlobalColor.black)
    painter.drawText(QtCore.QPointF(4, metrics.ascent()), text)
    painter.end()
    return image


def keeps_marks_on_letters(font: QtGui.QFont) -> bool:
    """Whether combining accents drawn in this font land inside the line of their letters."""
    return _line_image(font, STRESSED) != _line_image(font, PLAIN)


@cache
def _family(base_family: str, point_size: float) -> str:
    base = QtGui.QFont(base_family)
    base.setPointSizeF(point_size)
    if keeps_marks_on_letters(base):
        return base_family
    installed = set(QtGui.QFontDatabase.families())
    for family in FALLBACKS:
        if family in installed:
            candidate = QtGui.QFont(family)
            candidate.setPointSizeF(point_size)
            if keeps_marks_on_letters(candidate):
                return family
    return base_family  # nothing better installed: the text is still right, only drawn badly


def source_font(base: QtGui.QFont | None = None) -> QtGui.QFont:
    """``base`` (default: the application font) in a family that keeps accents on their letters."""
    font = QtGui.QFont(base if base is not None else QtWidgets.QApplication.font())
    family = _family(font.family(), font.pointSizeF())
    if family != font.family():
        font.setFamilies([family])
    return font


def use_source_font(widget: QtWidgets.QWidget) -> None:
    """Show a widget's text (a passage, a snippet, a card) in the source font."""
    widget.setFont(source_font(widget.font()))
