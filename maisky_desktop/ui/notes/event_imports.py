"""Imports into the notes: events from a CSV or Excel sheet (after a preview), a text or Markdown document."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets

from maisky_desktop.store import own_records
from maisky_desktop.store.userdata import UserDataError
from maisky_desktop.ui.notes.import_preview import ImportPreview
from maisky_desktop.ui.notes.timeline_layer import NotesOnTimeline


class EventImports(NotesOnTimeline):
    """Import events from CSV or Excel, Import a document."""

    def import_preview(self) -> ImportPreview:
        return ImportPreview(self.user, self.services.all_sources(self.user), self.window)

    def import_events(self) -> None:
        if self.user is None:
            return
        dialog = self.import_preview()
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.refresh_own_events()
            self.window.statusBar().showMessage(f"Imported {len(dialog.imported)} events", 6000)

    def import_document(self, path: Path | None = None) -> str | None:
        from maisky_desktop.core.own_documents import DocumentError, read_document

        if self.user is None:
            return None
        if path is None:
            chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
                self.window, "Import a document", "", "Text or Markdown (*.txt *.md *.markdown *.text)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            doc = read_document(path)
            own_records.save_document(self.user, doc)
        except (DocumentError, UserDataError) as exc:
            QtWidgets.QMessageBox.warning(self.window, "Not imported", str(exc))
            return None
        self.window.tabs.setCurrentWidget(self.window.reader)
        self.window.reader.open(doc.document.passages[0].id)
        self.window.statusBar().showMessage(f"Imported “{doc.title}”: {len(doc.document.passages)} passages", 6000)
        return doc.id
