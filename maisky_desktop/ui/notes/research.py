"""The researcher's layer attached to a main window: notes, own events and documents, exports, session restore.

``attach(window, folder, keep)`` is the only hook: it opens the user database, adds the
Notes dock, the "My event" tab, the Notes menu, the note markers and the own-events lane
on the timeline, a "Note on selected words" item in the reader's context menu, and
restores the last session. The window's own code is untouched; when the user database
cannot be opened the app still runs, and the Notes dock says why.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.session import Session
from maisky_desktop.store.userdata import UserData, UserDataError, default_folder
from maisky_desktop.store.with_own_documents import WithOwnDocuments
from maisky_desktop.ui import accessibility
from maisky_desktop.ui.actions import Act
from maisky_desktop.ui.notes import session_file
from maisky_desktop.ui.notes.event_imports import EventImports
from maisky_desktop.ui.notes.export_commands import ExportCommands
from maisky_desktop.ui.notes.note_commands import NoteCommands
from maisky_desktop.ui.notes.own_event_commands import OwnEventCommands
from maisky_desktop.ui.notes.panel import NotesPanel

if TYPE_CHECKING:
    from maisky_desktop.ui.main_window import MainWindow

WITHOUT_NOTES = (Act.SHOW_NOTES, Act.COPY_CHICAGO, Act.COPY_APA, Act.EXPORT)  # need no notes database


class Research(NoteCommands, OwnEventCommands, EventImports, ExportCommands, QtCore.QObject):
    """Owns the user database for one window and everything built on it.

    The parts are in modules of their own (``timeline_layer``, ``note_commands``,
    ``own_event_commands``, ``event_imports``, ``export_commands``); here they are set up and wired
    to the window: the Notes dock, the My event tab, the Notes commands, the reader's menu, the
    session saved on close.
    """

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
            window.runner.own_failed.connect(self._on_own_failed)
            window.runner.use_user_data(self.user.path)  # the search box finds own events and documents
            self.refresh_own_events()
            self.refresh_markers()
        self._hook_reader()
        window.timeline.event_selected.connect(self._on_event_selected)
        window.runner.filter_sets.connect(lambda f, _sets: self._apply_filter(f))  # after the window's own
        window.installEventFilter(self)
        self._tell(self.messages)

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
        if hasattr(w, "menus"):  # listed with the other docks, which View got before this layer attached
            toggle = self.dock.toggleViewAction()
            toggle.setStatusTip("Show or hide the Notes panel")
            w.menus["View"].addAction(toggle)

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

    def _on_own_failed(self, message: str) -> None:
        """The search box could not read the user database: said once, as the notes' other messages are."""
        self._tell([message[0].upper() + message[1:] + "."])

    def _tell(self, messages: list[str]) -> None:
        for message in messages:
            self.window.statusBar().showMessage(message, 15000)
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Information, "Your notes", message, parent=self.window
            )
            box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not modal for the app: start-up goes on

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
    accessibility.name_controls(window)  # the Notes dock's controls, added after the window was named
    return research
