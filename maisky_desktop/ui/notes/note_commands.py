"""Notes on an event, a person or the words selected in the reader; bookmarks; going to what a note is on."""

from __future__ import annotations

import functools

from PySide6 import QtCore

from maisky_desktop.core.own_events import OWN_ID_PREFIX
from maisky_desktop.core.search import Spellings, parse
from maisky_desktop.core.source_selection import display_to_source
from maisky_desktop.store import own_records
from maisky_desktop.store.userdata import Note
from maisky_desktop.ui.notes.panel import Found, Target
from maisky_desktop.ui.notes.timeline_layer import NotesOnTimeline


class NoteCommands(NotesOnTimeline):
    """The Notes menu's note commands and the Notes panel's search and jumps."""

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
            else:  # the words the notes panel searched for are highlighted in the document, as from the main search
                searched = parse(self.panel.search.text(), self.spellings) if self.panel else None
                w.choose("passage", note.id, searched)
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
