"""The export dialog: choose what (events, citations, notes, the timeline view), the format and the file.

The dialog only collects the choice; ``ExportSource`` (the research layer) supplies the
records and the writers in ``core/formats`` produce the text, as ``maisky-desktop export``
does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

from PySide6 import QtWidgets

from maisky_desktop.core.formats import bibtex, csl, events_table, notes_markdown, ris
from maisky_desktop.core.formats.events_table import EventExport
from maisky_desktop.core.formats.notes_markdown import NoteEntry
from maisky_desktop.core.formats.records import Citable

# (key, label, formats)
CHOICES = [
    ("view", "Events in view", ["CSV", "JSON"]),
    ("filter", "Events under the filter (all events without one)", ["CSV", "JSON"]),
    ("selected", "Citations of the selected event", ["RIS", "BibTeX", "CSL-JSON"]),
    ("notes-cite", "Citations of my notes", ["RIS", "BibTeX", "CSL-JSON"]),
    ("notes", "My notes for a draft", ["Markdown (Chicago)", "Markdown (APA)"]),
    ("image", "The timeline view as an image", ["PNG", "SVG"]),
]
SUFFIX = {
    "CSV": ".csv",
    "JSON": ".json",
    "RIS": ".ris",
    "BibTeX": ".bib",
    "CSL-JSON": ".json",
    "Markdown (Chicago)": ".md",
    "Markdown (APA)": ".md",
    "PNG": ".png",
    "SVG": ".svg",
}


class ExportSource(Protocol):
    def events_in_view(self) -> list[EventExport]: ...
    def events_under_filter(self) -> list[EventExport]: ...
    def citables_of_selection(self) -> list[Citable]: ...
    def citables_of_notes(self) -> list[Citable]: ...
    def note_entries(self, style: str) -> list[NoteEntry]: ...
    def timeline_image(self, path: Path, size: tuple[int, int]) -> Path: ...
    def view_size(self) -> tuple[int, int]: ...


def text_for(source: ExportSource, what: str, fmt: str) -> str:
    """The file's text for a non-image choice."""
    if what in ("view", "filter"):
        rows = source.events_in_view() if what == "view" else source.events_under_filter()
        return events_table.to_csv(rows) if fmt == "CSV" else events_table.to_json(rows)
    if what == "notes":
        style = "apa" if "APA" in fmt else "chicago"
        return notes_markdown.to_markdown(source.note_entries(style), "Notes", style.title())
    citables = source.citables_of_selection() if what == "selected" else source.citables_of_notes()
    if not citables:
        raise ValueError("nothing to cite: select an event with a source, or write a note first")
    if fmt == "RIS":
        return ris.dumps(citables)
    if fmt == "BibTeX":
        return bibtex.dumps(citables)
    return json.dumps(csl.items(citables), ensure_ascii=False, indent=1) + "\n"


class ExportDialog(QtWidgets.QDialog):
    def __init__(self, source: ExportSource, folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.source, self.folder = source, folder
        self.written: Path | None = None
        self.what = QtWidgets.QComboBox()
        for key, label, _formats in CHOICES:
            self.what.addItem(label, key)
        self.fmt = QtWidgets.QComboBox()
        self.image_width = QtWidgets.QSpinBox(minimum=200, maximum=10_000, value=1920, suffix=" px")
        self.image_height = QtWidgets.QSpinBox(minimum=200, maximum=10_000, value=1080, suffix=" px")
        same = QtWidgets.QPushButton("Same as on screen")
        same.clicked.connect(self._same_size)
        size_row = QtWidgets.QHBoxLayout()
        for w in (self.image_width, QtWidgets.QLabel("×"), self.image_height, same):
            size_row.addWidget(w)
        size_row.addStretch(1)
        self.size_box = QtWidgets.QWidget()
        self.size_box.setLayout(size_row)
        size_row.setContentsMargins(0, 0, 0, 0)
        self.path = QtWidgets.QLineEdit()
        browse = QtWidgets.QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow("Export", self.what)
        form.addRow("Format", self.fmt)
        form.addRow("Image size", self.size_box)
        form.addRow("File", path_row)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton("Export", QtWidgets.QDialogButtonBox.ButtonRole.ApplyRole)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        box = QtWidgets.QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.what.currentIndexChanged.connect(self._on_what)
        self.fmt.currentIndexChanged.connect(self._suggest_path)
        self._on_what()
        self.resize(620, 260)

    def choose(self, what: str, fmt: str) -> None:
        self.what.setCurrentIndex(self.what.findData(what))
        self.fmt.setCurrentIndex(self.fmt.findText(fmt))

    def _on_what(self) -> None:
        key = self.what.currentData()
        formats = next(f for k, _label, f in CHOICES if k == key)
        self.fmt.blockSignals(True)
        self.fmt.clear()
        self.fmt.addItems(formats)
        self.fmt.blockSignals(False)
        self.size_box.setEnabled(key == "image")
        self._suggest_path()

    def _same_size(self) -> None:
        w, h = self.source.view_size()
        self.image_width.setValue(w)
        self.image_height.setValue(h)

    def _suggest_path(self) -> None:
        names = {
            "view": "events-in-view",
            "filter": "events",
            "selected": "citations",
            "notes-cite": "notes",
            "notes": "notes",
            "image": "timeline",
        }
        name = names[self.what.currentData()] + SUFFIX[self.fmt.currentText() or "CSV"]
        self.path.setText(str(self.folder / name))

    def _browse(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Export to", self.path.text())
        if path:
            self.path.setText(path)

    def export(self) -> Path | None:
        """Write the chosen export; the message says where, or why not (nothing half-written is left)."""
        path = Path(self.path.text()).expanduser()
        what, fmt = self.what.currentData(), self.fmt.currentText()
        try:
            if what == "image":
                self.source.timeline_image(path, (self.image_width.value(), self.image_height.value()))
            else:
                text = text_for(self.source, what, fmt)
                partial = path.with_name(path.name + ".partial")
                partial.write_text(text, encoding="utf-8", newline="")
                partial.replace(path)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.message.setText(f"<span style='color:#a01818'>Not exported: {reason}</span>")
            return None
        self.written = path
        self.message.setText(f"Wrote {path}")
        return path
