"""Overlapping bars are filled run by run at the depth of their overlap, each pixel once: the picture is
the one every bar drawn as its own translucent layer gives, within the rounding of 8-bit alpha."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtGui
from timeline_helpers import show

from maisky_desktop.store.services import Services
from maisky_desktop.store.synthetic import build_synthetic
from maisky_desktop.ui.timeline import events_item
from maisky_desktop.ui.timeline.widget import TimelineWidget


@pytest.fixture(scope="module")
def dense_store(tmp_path_factory):
    return build_synthetic(tmp_path_factory.mktemp("bars") / "dense.sqlite", 20000, 200)


def _pixels(timeline, view) -> np.ndarray:
    timeline.set_view(*view)
    image = timeline.plot.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.width(), 4)[..., :3].copy()


@pytest.mark.parametrize("view", [(1950.0, 1951.0), (1941.45, 1941.55), (1938.0, 1938.4)])
def test_runs_draw_what_a_layer_per_bar_draws(qtbot, dense_store, monkeypatch, view):
    services = Services.open(dense_store)
    timeline = show(qtbot, TimelineWidget.from_data(services.timeline()))
    assert not timeline.items.is_coarse(*view)  # bars, not the density level
    runs = _pixels(timeline, view)
    monkeypatch.setattr(events_item, "depth_runs", lambda x0, x1: (x0, x1, np.ones(len(x0), dtype=np.int64)))
    layers = _pixels(timeline, view)
    services.close()
    diff = np.abs(runs.astype(np.int16) - layers.astype(np.int16))
    assert diff.max() <= 4  # 8-bit rounding of each blend, never a different colour
    assert (diff > 1).mean() < 0.01
