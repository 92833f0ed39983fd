"""One printed page: an event's title and its verbatim passage, with Qt's own PDF writer.

The self-test prints this page to prove that the PDF writer, its fonts and their embedding work
in an installed copy (no browser, no network). The text goes in as plain text, never as markup,
so a ``<`` in a source prints as ``<``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui

MARGIN_MM = 20
RESOLUTION_DPI = 300


def render_passage_page(out: Path, title: str, passage: str) -> Path:
    """Write a one-page A4 PDF holding ``title`` and ``passage`` to ``out``."""
    writer = QtGui.QPdfWriter(str(out))
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setPageMargins(QtCore.QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QtGui.QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("Maisky Timeline")
    doc = QtGui.QTextDocument()
    doc.setDocumentMargin(0)
    cursor = QtGui.QTextCursor(doc)
    heading = QtGui.QTextCharFormat()
    heading.setFontPointSize(16)
    heading.setFontWeight(QtGui.QFont.Weight.Bold)
    body = QtGui.QTextCharFormat()
    body.setFontPointSize(11)
    cursor.insertText(title, heading)
    cursor.insertBlock()
    cursor.insertText(passage, body)
    painter = QtGui.QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {out}")
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        painter.scale(RESOLUTION_DPI / 72, RESOLUTION_DPI / 72)  # the document lays out in points
        doc.setPageSize(QtCore.QSizeF(page.width() * 72 / RESOLUTION_DPI, page.height() * 72 / RESOLUTION_DPI))
        doc.drawContents(painter)
    finally:
        painter.end()
    return out
