"""Citations and exports of the notes layer: what the export dialog reads (``ExportSource``), Copy citation."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets

from maisky_desktop.core.formats import csl
from maisky_desktop.core.formats.events_table import EventExport
from maisky_desktop.core.formats.notes_markdown import NoteEntry
from maisky_desktop.core.formats.records import Citable
from maisky_desktop.store.timeline_content import TimelineContent
from maisky_desktop.ui.export.dialog import ExportDialog
from maisky_desktop.ui.export.timeline_image import render
from maisky_desktop.ui.notes.timeline_layer import NotesOnTimeline


class ExportCommands(NotesOnTimeline):
    """The events in view or under the filter, citations, notes for a draft, the timeline image."""

    def citables_of_selection(self) -> list[Citable]:
        event_id = self.window.timeline.selected_id()
        return self.gather.event_citables([event_id]) if event_id else []

    def citables_of_notes(self) -> list[Citable]:
        return self.gather.note_citables(self.user.notes()) if self.user else []

    def note_entries(self, style_name: str) -> list[NoteEntry]:
        notes = self.panel.notes_shown() if self.panel else []
        return self.gather.note_entries(notes, style_name)

    def events_under_filter(self) -> list[EventExport]:
        return self.gather.events(self.window.session.filter)

    def events_in_view(self) -> list[EventExport]:
        left, right = self.window.timeline.view_range()
        layout = self.window.timeline.layout_data
        shown = self.window.timeline.items.shown
        ids = {layout.ids[i] for i in layout.visible(left, right) if shown is None or shown[i]}
        return [e for e in self.gather.events(self.window.session.filter) if e.id in ids]

    def view_size(self) -> tuple[int, int]:
        size = self.window.timeline.size()
        return size.width(), size.height()

    def timeline_image(self, path: Path, size: tuple[int, int]) -> Path:
        t = self.window.timeline
        content = getattr(self, "content", None) or TimelineContent(
            t.layout_data, self.services.lanes(), self.services.eras(), None
        )
        shown = self.shown_ids(self.window.session.filter)
        return render(content, path, size, t.view_range(), t.lane_mode, shown, t.selected_id())

    def export_dialog(self) -> ExportDialog:
        return ExportDialog(self, Path.home(), self.window)

    def export(self) -> None:
        self.export_dialog().exec()

    def copy_citation(self, style_name: str) -> str | None:
        citables = self.citables_of_selection()
        if not citables:
            self.window.statusBar().showMessage("Select an event with a source to cite", 4000)
            return None
        text = "\n\n".join(csl.clipboard_text(c, style_name) for c in citables)
        QtWidgets.QApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(f"Citation copied ({style_name.title()})", 4000)
        return text
