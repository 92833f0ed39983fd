"""Run on a real X server (not offscreen): rest the pointer on a mark and on a count, report the tooltips.

Prints one JSON line: for each target, whether a tooltip window was visible after the pointer
rested, and its text. Used by test_timeline_tooltips.py in a subprocess when a display is there.
"""

import json
import sys

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop import paths
from maisky_desktop.store.services import Services
from maisky_desktop.ui.timeline.widget import TimelineWidget

app = QtWidgets.QApplication(sys.argv[:1])
services = Services.open(paths.default_store())
tl = TimelineWidget.from_data(services.timeline())
tl.resize(1280, 720)
tl.move(0, 0)
tl.show()
found: dict[str, dict[str, object]] = {}
targets: list[tuple[str, QtCore.QPoint]] = []


def tip_window() -> QtWidgets.QWidget | None:
    return next((w for w in app.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()), None)


def plan() -> None:
    tl.plot.grab()
    vp = tl.plot.viewport()
    lay = tl.layout_data
    vb = tl.plot.getViewBox()
    px, py = vb.viewPixelSize()
    left, right = tl.view_range()
    for box, _ in tl.labels.placed:  # the first titled event whose mark is well inside the view
        centre = tl.items.mark_rect(box.index, px, py).center() if box.index >= 0 else None
        if centre is not None and left + 20 * px < centre.x() < right - 20 * px:
            pos = tl.plot.mapFromScene(vb.mapViewToScene(centre))
            targets.append(("mark:" + lay.ids[box.index], vp.mapToGlobal(pos)))
            break
    count = next(((b, r) for b, r in tl.labels.placed if b.members), None)
    if count:
        targets.append(("count", vp.mapToGlobal(count[1].center().toPoint())))
    QtCore.QTimer.singleShot(100, next_target)


def next_target() -> None:
    if not targets:
        print(json.dumps(found))
        app.quit()
        return
    name, pos = targets.pop(0)
    QtGui.QCursor.setPos(pos.x() - 3, pos.y())
    QtCore.QTimer.singleShot(50, lambda: QtGui.QCursor.setPos(pos))

    def look() -> None:  # well after Qt's tooltip delay (700 ms): the tooltip must still be up
        tip = tip_window()
        found[name] = {"visible": tip is not None, "text": tip.text() if tip is not None else ""}
        QtGui.QCursor.setPos(0, 0)
        QtCore.QTimer.singleShot(300, next_target)

    QtCore.QTimer.singleShot(1600, look)


QtCore.QTimer.singleShot(600, plan)
app.exec()
