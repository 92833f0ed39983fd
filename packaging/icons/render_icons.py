"""Render the app icon's SVG to the PNG sizes and the Windows .ico the bundle and desktops use.

Run after editing ``maisky_desktop/data/icons/maisky-timeline.svg`` and commit the output:
``QT_QPA_PLATFORM=offscreen python packaging/icons/render_icons.py``. Qt renders the SVG, so
the PNGs match what Qt shows; the app itself loads only the PNGs and needs no SVG support.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg

ICONS = Path(__file__).resolve().parents[2] / "maisky_desktop" / "data" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZE = 256


def render(renderer: QtSvg.QSvgRenderer, size: int) -> QtGui.QImage:
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QtGui.QGuiApplication(sys.argv[:1])
    renderer = QtSvg.QSvgRenderer(str(ICONS / "maisky-timeline.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'maisky-timeline.svg'}", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"maisky-timeline-{size}.png"))
    # Qt writes one image per .ico; Windows scales the 256 px one for the executable.
    render(renderer, ICO_SIZE).save(str(Path(__file__).parent / "maisky-timeline.ico"))
    del app
    print(f"wrote {len(SIZES)} PNGs to {ICONS} and maisky-timeline.ico beside this script")
    return 0


if __name__ == "__main__":
    sys.exit(main())
