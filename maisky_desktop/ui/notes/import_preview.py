"""The import preview for a CSV file or an Excel workbook: each row's result, bad rows with number and reason;
nothing written until Import.

Reading a long file updates a progress bar (the core reports every few hundred rows);
Import writes the good rows in one transaction and reports how many.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.csv_import import COLUMNS, Preview, read_events_file
from maisky_desktop.core.own_events import Sources
from maisky_desktop.store import own_records
from maisky_desktop.store.userdata import UserDataError

_BAD = QtGui.QColor("#fbe3e0")


class ImportPreview(QtWidgets.QDialog):
    """Shows the preview of one file; ``imported`` holds the new event ids after Import."""

    def __init__(self, user, sources: Sources, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import events from CSV or Excel")
        self.user, self.sources = user, sources
        self.preview: Preview | None = None
        self.imported: list[str] = []
        self.file_label = QtWidgets.QLabel(f"Columns: {', '.join(COLUMNS)} (title and date required).")
        self.file_label.setWordWrap(True)
        choose = QtWidgets.QPushButton("Choose file…")
        choose.clicked.connect(self._choose)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setTextVisible(True)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Row", "Result", "Title", "Date"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (1, 2):  # the reason and the title share the width (titles were cut at a third of it)
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.only_bad = QtWidgets.QCheckBox("Show only rows with problems")
        self.only_bad.toggled.connect(self._fill)
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        box = QtWidgets.QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.progress)
        box.addWidget(self.summary)
        box.addWidget(self.only_bad)
        box.addWidget(self.table, 1)
        box.addWidget(self.buttons)
        self.resize(900, 560)

    def _choose(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Events from CSV or Excel", "", "CSV or Excel (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"
        )
        if path:
            self.load(Path(path))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def load(self, path: Path) -> Preview:
        """Read and check a file; the table shows every row, the Import button counts the good ones."""
        self.file_label.setText(f"<b>{path.name}</b>")
        self.progress.setFormat("reading and checking rows: %v of %m")
        self.preview = read_events_file(path, self.sources, self._progress)
        self.summary.setText(self.preview.summary())
        if self.preview.ignored_columns:
            self.summary.setText(
                self.preview.summary() + f"; columns ignored: {', '.join(self.preview.ignored_columns)}"
            )
        good = len(self.preview.good)
        self.import_button.setText(f"Import {good} event{'' if good == 1 else 's'}")
        self.import_button.setEnabled(good > 0 and not self.preview.problems)
        self._fill()
        return self.preview

    def _fill(self) -> None:
        rows = [] if self.preview is None else self.preview.rows
        if self.only_bad.isChecked():
            rows = [r for r in rows if r.draft is None]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            draft = r.draft
            cells = [
                str(r.row),
                "ok" if draft is not None else r.reason or "",
                draft.title if draft is not None else r.title,
                draft.date_words if draft is not None else "",
            ]
            for j, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if draft is None:
                    item.setBackground(_BAD)
                self.table.setItem(i, j, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(3)

    def confirm(self) -> None:
        if self.preview is None or not self.preview.good:
            return
        self.progress.setFormat("importing: %v of %m")
        try:
            self.imported = own_records.import_events(self.user, self.preview.good, self._progress)
        except UserDataError as exc:
            self.summary.setText(f"Nothing imported: {exc}")
            return
        self.accept()
