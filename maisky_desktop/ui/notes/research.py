"""The researcher's layer attached to a main window: notes, own events and documents, exports, session restore.

``attach(window, folder, keep)`` is the only hook: it opens the user database, adds the
Notes dock, the "My event" tab, the Notes menu, the note markers and the own-events lane
on the timeline, a "Note on selected words" item in the reader's context menu, and
restores the last session. The window's own code is untouched; when the user database
cannot be opened the app still runs, and the Notes dock says why.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.formats import csl
from maisky_desktop.core.formats.events_table import EventExport
from maisky_desktop.core.formats.notes_markdown import NoteEntry
from maisky_desktop.core.formats.records import Citable
from maisky_desktop.core.own_events import OWN_ID_PREFIX, OWN_LANE
from maisky_desktop.core.search import Spellings
from maisky_desktop.core.session import Session
from maisky_desktop.core.source_selection import display_to_source
from maisky_desktop.store import own_records
from maisky_desktop.store.timeline_content import TimelineContent
from maisky_desktop.store.userdata import Note, UserData, UserDataError, default_folder
from maisky_desktop.store.with_own_documents import WithOwnDocuments
from maisky_desktop.ui.actions import Act
from maisky_desktop.ui.export.dialog import ExportDialog
from maisky_desktop.ui.export.timeline_image import render
from maisky_desktop.ui.notes import session_file
from maisky_desktop.ui.notes.event_form import EventForm
from maisky_desktop.ui.notes.import_preview import ImportPreview
from maisky_desktop.ui.notes.panel import Found, NotesPanel, Target
from maisky_desktop.ui.timeline import style

if TYPE_CHECKING:
    from maisky_desktop.ui.main_window import MainWindow

MARKER_COLOUR = "#1f4f9a"
WITHOUT_NOTES = (Act.SHOW_NOTES, Act.COPY_CHICAGO, Act.COPY_APA, Act.EXPORT)  # need no notes database


class Research(QtCore.QObject):
    """Owns the user database for one window and everything built on it."""

    def __init__(self, window: MainWindow, folder: Path | None, keep: int) -> None:
        super().__init__(window)
        self.window, self.services = window, window.services
        self.folder = folder or default_folder()
        self.messages: list[str] = []
        self.user: UserData | None = None
        try:
            self.user = UserData.open(self.folder, keep=keep)
            self.messages += self.user.messages
        except UserDataError as exc:
            self.messages.append(f"Notes are off: {exc}")
        self.gather = self.services.gatherer(self.user)
        self._base = window.timeline.layout_data
        self.own_ids: set[str] = set()
        self.only_noted = False
        self._build_dock()
        self._build_own_tab()
        self._build_menu()
        self._build_markers()
        if self.user is not None:
            window.reader.services = WithOwnDocuments(window.services, self.user)
            window.runner.use_user_data(self.user.path)  # the search box finds own events and documents
            self.refresh_own_events()
            self.refresh_markers()
        self._hook_reader()
        window.timeline.event_selected.connect(self._on_event_selected)
        window.runner.filter_sets.connect(lambda f, _sets: self._apply_filter(f))  # after the window's own
        window.installEventFilter(self)
        self._tell(self.messages)

    # -- building ------------------------------------------------------------------------------
    def _build_dock(self) -> None:
        w = self.window
        if self.user is not None:
            self.panel: NotesPanel | None = NotesPanel(self.user, self.gather.heading, self._matching, self._others)
            self.panel.jump_requested.connect(self.jump)
            self.panel.notes_changed.connect(lambda: self._apply_filter(self.window.session.filter))
            widget: QtWidgets.QWidget = self.panel
        else:
            self.panel = None
            widget = QtWidgets.QLabel(html.escape(" ".join(self.messages)))
            widget.setWordWrap(True)
        self.dock = QtWidgets.QDockWidget("Notes", w)
        self.dock.setObjectName("notes")
        self.dock.setWidget(widget)
        w.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        if hasattr(w, "people_dock"):
            w.tabifyDockWidget(w.people_dock, self.dock)
            w.people_dock.raise_()

    def _build_own_tab(self) -> None:
        self.own_view = QtWidgets.QTextBrowser()
        self.own_view.setOpenLinks(False)
        self.own_view.anchorClicked.connect(self._on_own_link)
        self.own_event_id: str | None = None
        self.window.tabs.addTab(self.own_view, "My event")

    def _build_menu(self) -> None:
        """The Notes commands are the window's (``ui.actions``: menu, F1 list, kiosk); here they get their slots."""
        slots: dict[Act, Callable[[], object]] = {
            Act.NOTE_EVENT: self.note_on_event,
            Act.BOOKMARK_EVENT: self.bookmark_event,
            Act.ONLY_NOTED: self.toggle_only_noted,
            Act.NOTE_SELECTION: self.note_on_selection,
            Act.NOTE_PERSON: self.note_on_person,
            Act.SHOW_NOTES: self._show_panel,
            Act.NEW_EVENT: self.new_event,
            Act.EDIT_EVENT: self.edit_event,
            Act.DELETE_EVENT: self.delete_event,
            Act.IMPORT_EVENTS: self.import_events,
            Act.IMPORT_DOCUMENT: self.import_document,
            Act.COPY_CHICAGO: lambda: self.copy_citation("chicago"),
            Act.COPY_APA: lambda: self.copy_citation("apa"),
            Act.EXPORT: self.export,
        }
        for key, slot in slots.items():
            # Without the notes database, only what reads the shipped store works: citations and exports.
            self.window.commands.provide(key, slot, self.user is not None or key in WITHOUT_NOTES)

    def _build_markers(self) -> None:
        """A small mark above each event that carries a note or a bookmark: discreet, never covering a title."""
        self.markers = pg.ScatterPlotItem(
            size=7, symbol="t", pen=pg.mkPen(None), brush=pg.mkBrush(MARKER_COLOUR), pxMode=True
        )
        self.markers.setZValue(5)
        self.window.timeline.plot.addItem(self.markers)

    def _hook_reader(self) -> None:
        text = self.window.reader.text
        text.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        text.customContextMenuRequested.connect(self._reader_menu)

    def _reader_menu(self, pos: QtCore.QPoint) -> None:
        text = self.window.reader.text
        menu = text.createStandardContextMenu(pos)
        action = menu.addAction("Note on selected words…", self.note_on_selection)
        action.setEnabled(self.user is not None and text.textCursor().hasSelection())
        menu.exec(text.mapToGlobal(pos))
        menu.deleteLater()

    def _tell(self, messages: list[str]) -> None:
        for message in messages:
            self.window.statusBar().showMessage(message, 15000)
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Information, "Your notes", message, parent=self.window
            )
            box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not modal for the app: start-up goes on

    # -- own events on the timeline ---------------------------------------------------------------
    def refresh_own_events(self) -> None:
        """Redraw the timeline with the own events in their lane (after an add, edit, delete or import)."""
        if self.user is None:
            return
        self.content = self.services.timeline_content(self.user, self._base)
        self.own_ids = {e.id for e in own_records.own_events(self.user)}
        c = self.content
        self.window.timeline.set_events(c.layout, c.lanes, c.people)
        self._apply_filter(self.window.session.filter)
        self.refresh_markers()
        if self.window.session.search_text:
            self.window.run_search()  # an added, edited or deleted own event shows in the results at once

    def shown_ids(self, f: Filter) -> set[str] | None:
        """The events a filter leaves, own events included (by lane and years; they name no catalog person)."""
        shipped = self.services.filtered_event_ids(f)
        if shipped is None:
            return None
        own: set[str] = set()
        if self.user is not None and f.lane in (None, OWN_LANE) and f.person is None:
            first, last = f.days()
            own = {
                e.id
                for e in own_records.own_events(self.user, first, last)
                if f.source is None or e.source_id == f.source
            }
        return (set() if f.lane == OWN_LANE else set(shipped)) | own

    def _apply_filter(self, f: Filter) -> None:
        shown = self.shown_ids(f)
        if self.only_noted and self.user is not None:
            noted = self.user.noted_targets("event")
            shown = noted if shown is None else shown & noted
        self.window.timeline.set_filter(shown)
        self.refresh_markers()

    def toggle_only_noted(self) -> None:
        """The filter bar's filter, narrowed to the events that carry a note or a bookmark (or not any more)."""
        self.only_noted = self.window.commands[Act.ONLY_NOTED].isChecked()
        self._apply_filter(self.window.session.filter)

    def refresh_markers(self) -> None:
        if self.user is None:
            return
        layout = self.window.timeline.layout_data
        shown = self.window.timeline.items.shown
        noted = self.user.noted_targets("event")
        xs, ys = [], []
        for event_id in noted:
            i = layout.index_of(event_id)
            if i is not None and (shown is None or shown[i]):  # a filtered-out event shows no marker
                xs.append(float(layout.x0[i]))
                ys.append(float(layout.lane[i]) + style.BAR_TOP - 0.04)
        self.markers.setData(xs, ys)
        self.marked = set(noted)

    # -- notes ------------------------------------------------------------------------------------
    @functools.cached_property
    def spellings(self) -> Spellings:
        """The store's spellings for searching notes as the app's search does; read at the first notes search."""
        return self.services.spellings()

    def _matching(self, text: str) -> list[int]:
        return own_records.notes_matching(self.user, text, self.spellings) if self.user else []

    def _others(self, text: str) -> list[Found]:
        """Own events and passages of own documents matching the notes panel's search."""
        if self.user is None:
            return []
        hits = own_records.search(self.user, text, self.spellings)
        return [Found(kind, h.id, h.title, h.snippet.text) for kind in ("own event", "own passage") for h in hits[kind]]

    def _event_label(self, event_id: str) -> str:
        if event_id.startswith(OWN_ID_PREFIX) and self.user:
            own = own_records.own_event(self.user, event_id)
            return f"{own.title} ({own.date_words})" if own else event_id
        event = self.services.event(event_id)
        return event.title if event else event_id

    def _show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def note_on_event(self) -> None:
        event_id = self.window.timeline.selected_id()
        if self.panel is None or not event_id:
            self.window.statusBar().showMessage("Select an event first", 4000)
            return
        self._show_panel()
        self.panel.start_note(Target("event", event_id, self._event_label(event_id)))

    def bookmark_event(self) -> Note | None:
        event_id = self.window.timeline.selected_id()
        if self.panel is None or not event_id:
            self.window.statusBar().showMessage("Select an event first", 4000)
            return None
        note = self.panel.start_note(Target("event", event_id, self._event_label(event_id)), bookmark=True)
        if note:
            self.window.statusBar().showMessage(f"Bookmarked {self._event_label(event_id)}", 4000)
        return note

    def note_on_person(self) -> None:
        person = self.window.people.current_id() if hasattr(self.window.people, "current_id") else None
        item = self.window.people.list.currentItem() if person is None else None
        if item is not None:
            person = item.data(QtCore.Qt.ItemDataRole.UserRole)
        if self.panel is None or not person:
            self.window.statusBar().showMessage("Choose a person first", 4000)
            return
        card = self.services.person_card(person)
        self._show_panel()
        self.panel.start_note(Target("person", person, card.name if card else person))

    def selection_target(self) -> Target | None:
        """The words selected in the reader as a passage target with their offsets in the source file."""
        reader = self.window.reader
        cursor = reader.text.textCursor()
        if not cursor.hasSelection() or not reader.passages:
            return None
        doc = reader.text.document()
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        block = doc.findBlock(a)
        if doc.findBlock(b - 1).blockNumber() != block.blockNumber():
            self.window.statusBar().showMessage("Select words within one paragraph to note them", 5000)
            return None
        passage = reader.passages[block.blockNumber()]
        span = display_to_source(block.text(), passage.text, a - block.position(), b - block.position())
        if span is None:
            self.window.statusBar().showMessage("The selection ends on a footnote mark; select the words only", 5000)
            return None
        start, end = passage.char_start + span[0], passage.char_start + span[1]
        quote = passage.text[span[0] : span[1]]
        para = f", ¶ {passage.para_no}" if passage.para_no else ""
        source = reader.services.source(passage.source_id)
        label = f"{source.title if source else passage.source_id}{para}"
        return Target("passage", passage.id, label, passage.source_id, start, end, quote)

    def note_on_selection(self) -> None:
        target = self.selection_target()
        if self.panel is None or target is None:
            return
        self._show_panel()
        self.panel.start_note(target)

    def jump(self, note: Note | Found) -> None:
        """Go to what a note is on: the event on the timeline, the person's card, the words in the document.
        Each goes through the window's own choosing, so Back/Forward know it."""
        w = self.window
        if isinstance(note, Found):
            if note.kind == "own event":
                w.timeline.center_on(note.id)
                w.timeline.select(note.id)
            else:
                w.choose("passage", note.id)
            return
        if note.target_kind == "event":
            w.timeline.center_on(note.target_id)
            w.timeline.select(note.target_id)
        elif note.target_kind == "person":
            w.choose("person", note.target_id)
        elif note.target_kind == "passage" and note.char_start is not None and note.char_end is not None:
            w.open_in_document(note.target_id, note.char_start, note.char_end)
        elif note.target_kind == "passage":
            w.choose("passage", note.target_id)

    # -- own events ---------------------------------------------------------------------------------
    def _source_choices(self) -> list[tuple[str, str]]:
        choices = [(s.id, s.title) for s in self.services.sources()]
        if self.user:
            choices += [(did, f"{title} (your document)") for did, title, _f in own_records.documents(self.user)]
        return choices

    def event_form(self, values: dict | None = None) -> EventForm:
        return EventForm(self.services.all_sources(self.user), self._source_choices(), self.window, values)

    def save_from_form(self, form: EventForm, event_id: str | None = None) -> str | None:
        if form.draft is None or self.user is None:
            return None
        try:
            saved = own_records.save_event(self.user, form.draft, event_id)
        except UserDataError as exc:
            QtWidgets.QMessageBox.warning(self.window, "Not saved", str(exc))
            return None
        self.refresh_own_events()
        self.window.timeline.center_on(saved.id)
        self.window.timeline.select(saved.id)
        return saved.id

    def new_event(self) -> None:
        form = self.event_form()
        if form.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.save_from_form(form)

    def edit_event(self) -> None:
        if self.user is None or not self.own_event_id:
            self.window.statusBar().showMessage("Select one of your events first", 4000)
            return
        own = own_records.own_event(self.user, self.own_event_id)
        if own is None:
            return
        form = self.event_form(
            {
                "title": own.title,
                "date": own.date_text or own.date,
                "people": own.people,
                "source": own.source_id or "",
                "quote": own.quote or "",
                "note": own.note,
            }
        )
        if form.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.save_from_form(form, own.id)

    def delete_event(self) -> None:
        if self.user is None or not self.own_event_id:
            return
        own = own_records.own_event(self.user, self.own_event_id)
        if own is None:  # deleted meanwhile (another window on the same notes): nothing left to delete
            self.own_event_id = None
            self.own_view.clear()
            self.window.statusBar().showMessage("That event of yours is already deleted", 4000)
            return
        answer = QtWidgets.QMessageBox.question(self.window, "Delete my event", f"Delete “{own.title}” and its notes?")
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            own_records.delete_event(self.user, own.id)
            self.own_event_id = None
            self.own_view.clear()
            self.refresh_own_events()

    def show_own_event(self, event_id: str) -> None:
        own = own_records.own_event(self.user, event_id) if self.user else None
        if own is None:
            return
        self.own_event_id = event_id
        parts = [
            f"<h2 style='margin-bottom:2px'>{html.escape(own.title)}</h2>",
            "<p style='color:#1f7a68'>your event</p>",
            f"<p><b>{html.escape(own.date_words)}</b> &nbsp;<span style='color:#666'>EDTF {html.escape(own.date)}"
            + (f" · typed “{html.escape(own.date_text)}”" if own.date_text else "")
            + "</span></p>",
        ]
        if own.people:
            parts.append(f"<p><span style='color:#666'>People</span>&nbsp; {html.escape(own.people)}</p>")
        if own.quote and own.source_id:
            title = self.gather.source_info(own.source_id).title
            parts.append(
                f"<blockquote><span style='background-color:#ffe08a'>{html.escape(own.quote)}</span></blockquote>"
                f"<p style='color:#666'>{html.escape(title)} · <a href='open:{html.escape(own.passage_id or '')}'>"
                "Open in document</a></p>"
            )
        if own.note:
            parts.append(f"<p>{html.escape(own.note)}</p>")
        parts.append("<p><a href='edit:'>Edit</a> · <a href='delete:'>Delete</a></p>")
        self.own_view.setHtml("".join(parts))
        self.window.tabs.setCurrentWidget(self.own_view)

    def _on_own_link(self, url: QtCore.QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "edit":
            self.edit_event()
        elif kind == "delete":
            self.delete_event()
        elif kind == "open" and value and self.user:
            own = own_records.own_event(self.user, self.own_event_id or "")
            self.window.tabs.setCurrentWidget(self.window.reader)
            span = None
            if own is not None and own.char_start is not None and own.char_end is not None:
                span = (own.char_start, own.char_end)
            self.window.reader.open(value, span)

    def _on_event_selected(self, event_id: str) -> None:
        if event_id.startswith(OWN_ID_PREFIX):
            self.show_own_event(event_id)

    # -- imports ---------------------------------------------------------------------------------------
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

    # -- citations and exports ----------------------------------------------------------------------
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

    # -- session restore ------------------------------------------------------------------------------
    def session(self) -> Session:
        """The window's session: view, lanes, filter, selection, search text and history."""
        return self.window.session

    def save_session(self) -> None:
        """Written beside the notes on close (``session_file.save``)."""
        if self.user is None:
            return
        session_file.save(self.session(), self.folder)

    def restore_session(self) -> bool:
        if self.user is None:
            return False
        return session_file.restore(self.window, self.folder)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QtCore.QEvent.Type.Close:
            self.save_session()
            if self.user is not None:
                self.user.close()
                self.user = None
        return False


def attach(window, folder: Path | None = None, keep: int = 7, restore: bool = True) -> Research:
    research = Research(window, folder, keep)
    if restore:
        research.restore_session()
    return research
