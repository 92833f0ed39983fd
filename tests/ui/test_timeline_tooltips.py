"""Hover tooltips on the timeline: a mark names its event, a count lists what it holds, and the
tooltip survives Qt's own tooltip request (on a real X server the scene used to hide it)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from timeline_helpers import mark_centre

from maisky_desktop import display


def _help_event(widget, pos: QtCore.QPoint) -> None:
    vp = widget.plot.viewport()
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, pos, vp.mapToGlobal(pos))
    QtWidgets.QApplication.sendEvent(vp, event)


def test_the_tooltip_request_is_answered_with_the_event_under_the_pointer(qtbot, timeline):
    timeline.plot.grab()
    box = next(b for b, _ in timeline.labels.placed if b.index >= 0 and timeline.layout_data.x0[b.index] > 1917.5)
    _help_event(timeline, mark_centre(timeline, box.index))
    qtbot.waitUntil(QtWidgets.QToolTip.isVisible, timeout=2000)
    assert timeline.layout_data.title(box.index) in QtWidgets.QToolTip.text()
    QtWidgets.QToolTip.hideText()


def test_a_count_tooltip_lists_its_events(qtbot, timeline):
    timeline.plot.grab()
    box, rect = next((b, r) for b, r in timeline.labels.placed if b.members)
    _help_event(timeline, rect.center().toPoint())
    qtbot.waitUntil(QtWidgets.QToolTip.isVisible, timeout=2000)
    assert f"{box.count} events here" in QtWidgets.QToolTip.text()
    QtWidgets.QToolTip.hideText()


def _x11_env() -> dict[str, str] | None:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    if not os.environ.get("DISPLAY") or display.problem(env) is not None:
        return None
    return env


@pytest.mark.skipif(_x11_env() is None, reason="needs a real X server (DISPLAY) with Qt's xcb libraries")
def test_tooltips_really_appear_on_an_x_server():
    probe = Path(__file__).with_name("x11_tooltip_probe.py")
    proc = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True, timeout=60, env=_x11_env())
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found and all(tip["visible"] and tip["text"] for tip in found.values()), found
