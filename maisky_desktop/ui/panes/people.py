"""People: a searchable list and a person card; choosing a person highlights their events.

The list's filter box is as tolerant as search (``core.search.name_matches``: aliases,
transliterations, diacritics). The list honours the active filter: only people in the
events the filter leaves are listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.search import name_matches
from maisky_desktop.core.text import person_card_html
from maisky_desktop.ui.text_font import use_source_font

if TYPE_CHECKING:  # the type only: widgets get the services handed in, they never open a store
    from maisky_desktop.store.services import Services


CARD_PLACEHOLDER = (
    "<p style='color:#595959'>Choose a person in the list: who they were, their posts and their events.</p>"
)


class PeoplePane(QtWidgets.QWidget):
    """The list of people and the card of the one chosen."""

    person_selected = QtCore.Signal(str)  # highlight their events
    filter_requested = QtCore.Signal(str)  # filter the timeline to them
    event_activated = QtCore.Signal(str)
    passage_activated = QtCore.Signal(str, int, int)  # passage id, mention start, end: open in the reader

    def __init__(self, services: Services, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person_id: str | None = None
        self._people = services.people()
        self._allowed: frozenset[str] | None = None
        self.box = QtWidgets.QLineEdit(placeholderText="Find a person (any spelling)…", clearButtonEnabled=True)
        self.box.textChanged.connect(self._refill)
        self.list = QtWidgets.QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        self.card = QtWidgets.QTextBrowser()
        use_source_font(self.card)
        self.card.setOpenLinks(False)
        # Before a choice the card is half the dock: say what it is for rather than leave it blank (as HTML:
        # a text edit's placeholder shows one line only, cut off in a narrow dock at a large text size).
        self.card.setHtml(CARD_PLACEHOLDER)
        self.card.anchorClicked.connect(self._on_link)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.card)
        split.setStretchFactor(1, 2)
        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.box)
        box.addWidget(split, 1)
        self._refill()

    def set_allowed(self, person_ids: frozenset[str] | None) -> None:
        """List only these people (the active filter), or everyone."""
        self._allowed = person_ids
        self._refill()

    def shown_ids(self) -> list[str]:
        return [self.list.item(i).data(QtCore.Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _refill(self) -> None:
        text = self.box.text()
        self.list.blockSignals(True)
        self.list.clear()
        for person in self._people:
            if self._allowed is not None and person.id not in self._allowed:
                continue
            if not name_matches(text, list(person.aliases)):
                continue
            item = QtWidgets.QListWidgetItem(f"{person.name}  ({person.event_count})")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
            if person.id == self.person_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def show_person(self, person_id: str) -> None:
        """Fill the card and select the person in the list (from a chip, a search, history)."""
        card = self.services.person_card(person_id)
        if card is None:
            return
        self.person_id = person_id
        for i in range(self.list.count()):
            if self.list.item(i).data(QtCore.Qt.ItemDataRole.UserRole) == person_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
        self.card.setHtml(person_card_html(card))

    def _on_current(self, item: QtWidgets.QListWidgetItem | None, _previous) -> None:
        if item is None:
            return
        person_id = item.data(QtCore.Qt.ItemDataRole.UserRole)
        self.show_person(person_id)
        self.person_selected.emit(person_id)

    def _on_link(self, url: QtCore.QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "highlight":
            self.person_selected.emit(value)
        elif kind == "filter":
            self.filter_requested.emit(value)
        elif kind == "event":
            self.event_activated.emit(value)
        elif kind == "passage":
            passage_id, start, end = [*value.rsplit(":", 2), "", ""][:3]
            if start.isdigit() and end.isdigit():
                self.passage_activated.emit(passage_id, int(start), int(end))
