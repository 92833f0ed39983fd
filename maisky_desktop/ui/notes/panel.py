"""The notes panel: every note and bookmark, a tolerant search over them, an editor, jump to what a note is on.

The editor keeps what is typed until it is saved: a failed save (disk full, read-only
folder) shows the reason under the editor and leaves the text where it is.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.record import record
from maisky_desktop.store.userdata import Note, UserDataError

ROLE = QtCore.Qt.ItemDataRole.UserRole


@record
class Found:
    """An own event or a passage of an own document that matches the search box."""

    kind: str  # "own event" | "own passage"
    id: str
    title: str
    snippet: str


@record
class Target:
    """What a new note will be on (passage notes carry the source offsets of the words chosen)."""

    kind: str
    id: str
    label: str
    source_id: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    quote: str | None = None


class NotesPanel(QtWidgets.QWidget):
    """Lists notes newest first; ``jump_requested(note)`` when one is activated."""

    jump_requested = QtCore.Signal(object)
    notes_changed = QtCore.Signal()

    def __init__(
        self,
        user,
        heading: Callable[[Note], str],
        matching: Callable[[str], list[int]],
        others: Callable[[str], list[Found]] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.user, self.heading, self.matching, self.others = user, heading, matching, others
        self.editing: Note | None = None
        self.target: Target | None = None
        self.search = QtWidgets.QLineEdit(clearButtonEnabled=True)
        self.search.setPlaceholderText("Search your notes, events and documents — any spelling")
        self.search.setAccessibleName("Search notes")
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName("Notes")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.about = QtWidgets.QLabel("Select a note, or add one from the Notes menu.")
        self.about.setWordWrap(True)
        self.editor = QtWidgets.QPlainTextEdit()
        self.editor.setPlaceholderText("Your note")
        self.editor.setAccessibleName("Note text")
        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a01818;")
        self.error.hide()
        self.save_button = QtWidgets.QPushButton("Save note")
        self.delete_button = QtWidgets.QPushButton("Delete")
        self.jump_button = QtWidgets.QPushButton("Go to")
        buttons = QtWidgets.QHBoxLayout()
        for b in (self.save_button, self.jump_button, self.delete_button):
            buttons.addWidget(b)
        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.search)
        box.addWidget(self.list, 3)
        box.addWidget(self.about)
        box.addWidget(self.editor, 2)
        box.addWidget(self.error)
        box.addLayout(buttons)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda item: self.jump_requested.emit(item.data(ROLE)))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.jump_button.clicked.connect(self._jump)
        self.refresh()

    # -- list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.editing.id if self.editing else None
        notes = self.user.notes()
        text = self.search.text().strip()
        if text:
            ranked = self.matching(text)
            by_id = {n.id: n for n in notes}
            notes = [by_id[i] for i in ranked if i in by_id]
        self.list.blockSignals(True)
        self.list.clear()
        for note in notes:
            mark = "★ " if note.bookmark else ""
            first = note.body.strip().splitlines()[0] if note.body.strip() else (note.quote or "(bookmark)")
            item = QtWidgets.QListWidgetItem(f"{mark}{self.heading(note)}\n{first[:120]}")
            item.setData(ROLE, note)
            item.setToolTip(note.body[:500])
            self.list.addItem(item)
            if note.id == keep:
                self.list.setCurrentItem(item)
        if text and self.others is not None:
            for found in self.others(text):
                item = QtWidgets.QListWidgetItem(f"◆ {found.title} ({found.kind})\n{found.snippet[:120]}")
                item.setData(ROLE, found)
                self.list.addItem(item)
        self.list.blockSignals(False)

    def notes_shown(self) -> list[Note]:
        return [n for n in (self.list.item(i).data(ROLE) for i in range(self.list.count())) if isinstance(n, Note)]

    def found_shown(self) -> list[Found]:
        return [f for f in (self.list.item(i).data(ROLE) for i in range(self.list.count())) if isinstance(f, Found)]

    def _on_current(self, item, _previous) -> None:
        if item is None or not isinstance(item.data(ROLE), Note):
            return
        self._show(item.data(ROLE))

    def _show(self, note: Note) -> None:
        self.editing, self.target = note, None
        quote = f"<br><i>“{html.escape(note.quote)}”</i>" if note.quote else ""
        self.about.setText(f"<b>{html.escape(self.heading(note))}</b>{quote}")
        self.editor.setPlainText(note.body)
        self.error.hide()

    # -- writing ---------------------------------------------------------------------------
    def start_note(self, target: Target, bookmark: bool = False) -> Note | None:
        """A new note on a target: a bookmark is saved at once, a note opens the editor for typing."""
        if bookmark:
            return self._write(lambda: self.user.add_note(target.kind, target.id, "", bookmark=True, **_anchor(target)))
        self.editing, self.target = None, target
        self.list.clearSelection()
        quote = f"<br><i>“{html.escape(target.quote)}”</i>" if target.quote else ""
        self.about.setText(f"New note on <b>{html.escape(target.label)}</b>{quote}")
        self.editor.clear()
        self.error.hide()
        self.editor.setFocus()
        return None

    def save(self) -> Note | None:
        body = self.editor.toPlainText()
        if self.target is not None:
            target = self.target
            return self._write(lambda: self.user.add_note(target.kind, target.id, body, **_anchor(target)))
        if self.editing is not None:
            note_id = self.editing.id
            return self._write(lambda: self.user.update_note(note_id, body))
        return None

    def delete(self) -> None:
        if self.editing is None:
            return
        note_id = self.editing.id
        try:
            self.user.delete_note(note_id)
        except UserDataError as exc:
            self._show_error(str(exc))
            return
        self.editing = None
        self.editor.clear()
        self.about.setText("Note deleted.")
        self.refresh()
        self.notes_changed.emit()

    def _write(self, action: Callable[[], Note]) -> Note | None:
        try:
            note = action()
        except UserDataError as exc:
            self._show_error(str(exc))  # the text stays in the editor
            return None
        self.error.hide()
        self.editing, self.target = note, None
        self.refresh()
        self._show(note)
        self.notes_changed.emit()
        return note

    def _show_error(self, message: str) -> None:
        self.error.setText(f"Not saved: {message} Your text is still here.")
        self.error.show()

    def _jump(self) -> None:
        if self.editing is not None:
            self.jump_requested.emit(self.editing)


def _anchor(target: Target) -> dict:
    return {
        "source_id": target.source_id,
        "char_start": target.char_start,
        "char_end": target.char_end,
        "quote": target.quote,
    }
