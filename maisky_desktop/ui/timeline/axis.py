"""The date axis: pyqtgraph's AxisItem with ticks from the pure ``core.ticks``."""

from __future__ import annotations

import pyqtgraph as pg

from maisky_desktop.core import ticks


class DateAxis(pg.AxisItem):
    """Labels decimal-year coordinates as decades, years, months or days."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self.enableAutoSIPrefix(False)

    def tickValues(self, min_val: float, max_val: float, size: float) -> list:
        major = ticks.ticks(min_val, max_val, size)
        self._labels = dict(major)
        return [(1.0, [x for x, _ in major])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        labels = getattr(self, "_labels", {})
        return [labels.get(v, "") for v in values]
