"""The filter bar: lane, person, source and years; what is active is shown and cleared in one click."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.records import Named
from maisky_desktop.core.span import TimeSpan


class FilterBar(QtWidgets.QWidget):
    """Emits ``filter_changed(Filter)`` whenever a control changes."""

    filter_changed = QtCore.Signal(object)

    def __init__(
        self,
        lanes: list[Named],
        people: list[Named],
        sources: list[Named],
        years: TimeSpan,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}
        self.lane = self._combo("any lane", lanes)
        self.person = self._combo("any person", people)
        self.source = self._combo("any source", sources)
        years = years.covering()  # the data's years (1884 ...), never fewer than the study's
        self.any_year = years.first - 1  # the spin boxes' "any" value, shown as text
        self.year_from, self.year_to = self._year("from", years.last), self._year("to", years.last)
        self.summary = QtWidgets.QLabel()
        self.summary.setStyleSheet("color:#8a3b12; font-weight:bold")
        self.clear = QtWidgets.QPushButton("Clear filter")
        self.clear.clicked.connect(lambda: self.set_filter(Filter()))
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(QtWidgets.QLabel("Filter:"))
        for w in (self.lane, self.person, self.source, self.year_from, self.year_to, self.summary, self.clear):
            row.addWidget(w)
        row.addStretch(1)
        self._emit = True
        self._show(Filter())

    def _combo(self, any_text: str, items: list[Named]) -> QtWidgets.QComboBox:
        combo = QtWidgets.QComboBox()
        combo.addItem(any_text, None)
        for item in items:
            combo.addItem(item.name, item.id)
            self.names[item.id] = item.name
        combo.setMaximumWidth(220)
        # Sized by a short minimum, not by the longest name, so the bar fits a 1366-pixel screen.
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _year(self, label: str, last: int) -> QtWidgets.QSpinBox:
        spin = QtWidgets.QSpinBox()
        spin.setRange(self.any_year, last)
        spin.setSpecialValueText(f"{label} any year")
        spin.setPrefix(f"{label} ")
        spin.setValue(self.any_year)
        spin.valueChanged.connect(self._changed)
        return spin

    def current(self) -> Filter:
        def year(spin: QtWidgets.QSpinBox) -> int | None:
            return None if spin.value() == self.any_year else spin.value()

        return Filter(
            self.lane.currentData(),
            self.person.currentData(),
            self.source.currentData(),
            year(self.year_from),
            year(self.year_to),
        )

    def set_filter(self, f: Filter) -> None:
        """Set every control at once and emit one change."""
        self._emit = False
        for combo, value in ((self.lane, f.lane), (self.person, f.person), (self.source, f.source)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        self.year_from.setValue(f.year_from if f.year_from is not None else self.any_year)
        self.year_to.setValue(f.year_to if f.year_to is not None else self.any_year)
        self._emit = True
        self._changed()

    def _show(self, f: Filter) -> None:
        self.summary.setText(f.describe(self.names) if f.active else "")
        self.clear.setEnabled(f.active)

    def _changed(self, *_args) -> None:
        if not self._emit:
            return
        f = self.current()
        self._show(f)
        self.filter_changed.emit(f)
