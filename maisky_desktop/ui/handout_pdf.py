"""Lay a handout out on A4 or Letter pages with Qt's own PDF writer (no browser, no network).

The HTML comes from ``core.handout``; here it is only paginated: a title page, then the
body flowing over as many pages as it needs, each page footed with the handout's title and
``page n of N``. Text stays text in the PDF (fonts embedded), so it can be searched and
read back.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import QtCore, QtGui

from maisky_desktop.core.handout import Handout, body_html, title_page_html

PAPERS = {"a4": QtGui.QPageSize.PageSizeId.A4, "letter": QtGui.QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch of the PDF's layout grid
MARGINS_MM = QtCore.QMarginsF(20, 18, 20, 14)
FOOTER_PT = 8.5
BODY_PT = 10.5


def ensure_app() -> QtGui.QGuiApplication:
    """Qt needs an application for fonts; from the command line, an offscreen one will do."""
    app = QtCore.QCoreApplication.instance()
    if app is None:
        return QtGui.QGuiApplication([sys.argv[0] if sys.argv else "maisky-desktop", "-platform", "offscreen"])
    if not isinstance(app, QtGui.QGuiApplication):
        # Qt aborts the process when fonts are asked for under a bare QCoreApplication; say so instead.
        raise RuntimeError("a handout needs fonts: start a QGuiApplication, not a QCoreApplication")
    return app


def _plain_letters(font: QtGui.QFont) -> QtGui.QFont:
    """No ligatures: 'fl' stays two letters, so the PDF's text searches and copies as printed."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QtGui.QFont.Tag(tag), 0)
    return font


def _document(html_text: str, device: QtGui.QPagedPaintDevice, size: QtCore.QSizeF) -> QtGui.QTextDocument:
    doc = QtGui.QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = _plain_letters(QtGui.QFont("DejaVu Serif"))
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet("h1, h2, h3 { font-family: 'DejaVu Sans'; } blockquote { margin-left: 18px; }")
    doc.setHtml(html_text)
    doc.setPageSize(size)
    return doc


def write_pdf(handout: Handout, path: Path, paper: str = "a4") -> int:
    """Write the handout to ``path``; returns the number of pages. ``paper`` is 'a4' or 'letter'."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    if not path.parent.is_dir():
        raise OSError(f"cannot write {path}: no such folder {path.parent}")
    ensure_app()
    writer = QtGui.QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QtGui.QPageLayout(
            QtGui.QPageSize(PAPERS[paper]),
            QtGui.QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QtGui.QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(handout.title)
    writer.setCreator("Maisky Timeline")
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_font = _plain_letters(QtGui.QFont("DejaVu Sans"))
    footer_font.setPointSizeF(FOOTER_PT)
    footer_h = QtGui.QFontMetricsF(footer_font, writer).height() * 2.2
    page = QtCore.QSizeF(area.width(), area.height() - footer_h)
    docs = [_document(title_page_html(handout), writer, page), _document(body_html(handout), writer, page)]
    total = sum(d.pageCount() for d in docs)
    painter = QtGui.QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    n = 0
    try:
        for doc in docs:
            for i in range(doc.pageCount()):
                if n:
                    writer.newPage()
                n += 1
                painter.save()
                painter.translate(0, -i * page.height())
                doc.drawContents(painter, QtCore.QRectF(0, i * page.height(), page.width(), page.height()))
                painter.restore()
                painter.setFont(footer_font)
                painter.setPen(QtGui.QColor("#555555"))
                foot = QtCore.QRectF(0, area.height() - footer_h * 0.6, area.width(), footer_h * 0.6)
                painter.drawText(foot, QtCore.Qt.AlignmentFlag.AlignLeft, handout.title)
                painter.drawText(foot, QtCore.Qt.AlignmentFlag.AlignRight, f"page {n} of {total}")
    finally:
        painter.end()
    return total
