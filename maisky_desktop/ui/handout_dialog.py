"""Make a handout: a tour, or events the teacher ticks, on A4 or Letter, saved as a PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.tour import Tour
from maisky_desktop.store.handout import HandoutError
from maisky_desktop.ui.handout_pdf import write_pdf

if TYPE_CHECKING:
    from maisky_desktop.store.services import Services


class HandoutDialog(QtWidgets.QDialog):
    """Choose what goes on paper; ``save(path)`` writes it (the Save button asks where first)."""

    def __init__(
        self,
        services: Services,
        tours: list[Tour],
        selected: str | None = None,
        tour_id: str | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Make a handout")
        self.by_tour = QtWidgets.QRadioButton("A tour:")
        self.by_events = QtWidgets.QRadioButton("The events ticked below:")
        self.tour = QtWidgets.QComboBox()
        self.tour.setAccessibleName("Tour for the handout")
        for t in tours:
            self.tour.addItem(t.title, t.id)
        self.title_filter = QtWidgets.QLineEdit(
            placeholderText="Show events whose title contains…", clearButtonEnabled=True
        )
        self.title_filter.setAccessibleName("Find events for the handout")
        self.events = QtWidgets.QListWidget()
        self.events.setAccessibleName("Events for the handout")
        self.events.setAccessibleDescription("Tick the events to print; Space ticks the current one")
        for ev in services.events():
            item = QtWidgets.QListWidgetItem(ev.title)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, ev.id)
            item.setCheckState(QtCore.Qt.CheckState.Checked if ev.id == selected else QtCore.Qt.CheckState.Unchecked)
            self.events.addItem(item)
        self.title = QtWidgets.QLineEdit("Selected events")
        self.title.setAccessibleName("Handout title")
        self.paper = QtWidgets.QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.title_filter.textChanged.connect(self._filter)
        (self.by_events if selected and not tour_id else self.by_tour).setChecked(True)
        if tour_id is not None:
            self.tour.setCurrentIndex(max(self.tour.findData(tour_id), 0))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save_as)
        buttons.rejected.connect(self.reject)
        form = QtWidgets.QFormLayout()
        form.addRow("Title of an events handout:", self.title)
        form.addRow("Paper:", self.paper)
        col = QtWidgets.QVBoxLayout(self)
        for w in (self.by_tour, self.tour, self.by_events, self.title_filter, self.events):
            col.addWidget(w)
        col.addLayout(form)
        col.addWidget(buttons)
        self.resize(520, 620)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.events.count()):
            item = self.events.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def ticked(self) -> list[str]:
        items = (self.events.item(i) for i in range(self.events.count()))
        return [
            it.data(QtCore.Qt.ItemDataRole.UserRole) for it in items if it.checkState() == QtCore.Qt.CheckState.Checked
        ]

    def save(self, path: Path) -> int:
        """Write the chosen handout; returns its page count (HandoutError/OSError say what is wrong)."""
        if self.by_tour.isChecked():
            handout = self.services.tour_handout(self.tour.currentData())
        else:
            handout = self.services.events_handout(self.ticked(), self.title.text() or "Selected events")
        return write_pdf(handout, path, self.paper.currentData())

    def _save_as(self) -> None:
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Save the handout", "handout.pdf", "PDF (*.pdf)")
        if not name:
            return
        try:
            pages = self.save(Path(name))
        except (HandoutError, OSError) as exc:
            QtWidgets.QMessageBox.warning(self, "Handout", str(exc))
            return
        self.result_message = f"Saved {name} ({pages} pages)"
        self.accept()
