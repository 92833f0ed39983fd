"""The form for an own event: as the date is typed it says how it is read, or why it cannot be.

Saving goes through ``core.own_events.draft_event`` (the same checks as a CSV row); a
problem is shown in the form and nothing is saved.
"""

from __future__ import annotations

import html

from PySide6 import QtWidgets

from maisky_desktop.core.dates import DateError
from maisky_desktop.core.own_events import DraftError, EventDraft, Sources, draft_event
from maisky_desktop.core.user_dates import read_span


class EventForm(QtWidgets.QDialog):
    """Add or edit an own event; ``draft`` holds the checked event once accepted."""

    def __init__(self, sources: Sources, source_choices: list[tuple[str, str]], parent=None, values=None):
        super().__init__(parent)
        self.setWindowTitle("Edit my event" if values else "New event")
        self.sources = sources
        self.draft: EventDraft | None = None
        self.title = QtWidgets.QLineEdit()
        self.date = QtWidgets.QLineEdit()
        self.date.setPlaceholderText("1938-09-29, summer 1938, c. 1922, 1932/1943 …")
        self.end = QtWidgets.QLineEdit()
        self.end.setPlaceholderText("optional: when it ended")
        self.reading = QtWidgets.QLabel()
        self.reading.setWordWrap(True)
        self.people = QtWidgets.QLineEdit()
        self.people.setPlaceholderText("names separated by ;")
        self.source = QtWidgets.QComboBox()
        self.source.addItem("(no source)", "")
        for sid, title in source_choices:
            self.source.addItem(title, sid)
        self.quote = QtWidgets.QPlainTextEdit()
        self.quote.setPlaceholderText("the source's words, verbatim (optional)")
        self.quote.setMaximumHeight(70)
        self.note = QtWidgets.QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.problem = QtWidgets.QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a01818;")
        form = QtWidgets.QFormLayout()
        for label, widget in (
            ("Title", self.title),
            ("Date", self.date),
            ("End", self.end),
            ("", self.reading),
            ("People", self.people),
            ("Source", self.source),
            ("Quote", self.quote),
            ("Note", self.note),
        ):
            form.addRow(label, widget)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        box = QtWidgets.QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.date.textChanged.connect(self._show_reading)
        self.end.textChanged.connect(self._show_reading)
        if values:
            self.fill(**values)
        self.resize(560, 460)

    def fill(self, title="", date="", end="", people="", source="", quote="", note="") -> None:
        self.title.setText(title)
        self.date.setText(date)
        self.end.setText(end)
        self.people.setText(people)
        i = self.source.findData(source)
        self.source.setCurrentIndex(max(i, 0))
        self.quote.setPlainText(quote)
        self.note.setPlainText(note)

    def _show_reading(self) -> None:
        if not self.date.text().strip():
            self.reading.clear()
            return
        try:
            span = read_span(self.date.text(), self.end.text())
        except DateError as exc:
            self.reading.setText(f"<span style='color:#a01818'>{html.escape(str(exc))}</span>")
            return
        self.reading.setText(f"read as <b>{html.escape(span.words)}</b> ({html.escape(span.edtf)})")

    def try_accept(self) -> None:
        try:
            self.draft = draft_event(
                self.sources,
                self.title.text(),
                self.date.text(),
                self.end.text(),
                self.people.text(),
                self.source.currentData() or "",
                self.quote.toPlainText(),
                self.note.toPlainText(),
            )
        except DraftError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
