"""The researcher's own events: the form, save, edit, delete, and the My event tab that shows one."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.own_events import OWN_ID_PREFIX
from maisky_desktop.store import own_records
from maisky_desktop.store.userdata import UserDataError
from maisky_desktop.ui.notes.event_form import EventForm
from maisky_desktop.ui.notes.timeline_layer import NotesOnTimeline


class OwnEventCommands(NotesOnTimeline):
    """New event, Edit my event, Delete my event, and the My event tab."""

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
