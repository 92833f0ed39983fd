"""People: a searchable list and a person card; choosing a person highlights their events.

The list's filter box is as tolerant as search (``core.search.name_matches``: aliases,
transliterations, diacritics). The list honours the active filter: only people in the
events the filter leaves are listed.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.dates import DateError, in_words
from maisky_desktop.core.search import name_matches
from maisky_desktop.core.text import mention_html
from maisky_desktop.store.reader import Store
from maisky_desktop.ui.text_font import use_source_font


def _life(value: object) -> str:
    try:
        return in_words(str(value)) if value else "?"
    except DateError:
        return str(value)


class PeoplePane(QtWidgets.QWidget):
    """The list of people and the card of the one chosen."""

    person_selected = QtCore.Signal(str)  # highlight their events
    filter_requested = QtCore.Signal(str)  # filter the timeline to them
    event_activated = QtCore.Signal(str)
    passage_activated = QtCore.Signal(str, int, int)  # passage id, mention start, end: open in the reader

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id: str | None = None
        self._people = store.people()
        self._allowed: frozenset[str] | None = None
        self.box = QtWidgets.QLineEdit(placeholderText="Find a person (any spelling)…", clearButtonEnabled=True)
        self.box.textChanged.connect(self._refill)
        self.list = QtWidgets.QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        self.card = QtWidgets.QTextBrowser()
        use_source_font(self.card)
        self.card.setOpenLinks(False)
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
        for pid, name, aliases, count in self._people:
            if self._allowed is not None and pid not in self._allowed:
                continue
            if not name_matches(text, [name, *aliases.split("; ")]):
                continue
            item = QtWidgets.QListWidgetItem(f"{name}  ({count})")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, pid)
            self.list.addItem(item)
            if pid == self.person_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def show_person(self, person_id: str) -> None:
        """Fill the card and select the person in the list (from a chip, a search, history)."""
        card = self.store.person(person_id)
        if card is None:
            return
        self.person_id = person_id
        for i in range(self.list.count()):
            if self.list.item(i).data(QtCore.Qt.ItemDataRole.UserRole) == person_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
        self.card.setHtml(self._card_html(card))

    def _card_html(self, card: dict) -> str:
        e = html.escape
        parts = [f"<h2 style='margin-bottom:2px'>{e(str(card['name']))}</h2>"]
        if card.get("born") or card.get("died"):
            parts.append(
                f"<p style='margin-top:0'><b>{e(_life(card.get('born')))} – {e(_life(card.get('died')))}</b></p>"
            )
        if card.get("summary"):
            parts.append(f"<p>{e(str(card['summary']))}</p>")
        others = [a for a in card["alias_list"] if a != card["name"]]
        if others:
            parts.append(f"<p><span style='color:#666'>Also written</span> {e('; '.join(others))}</p>")
        if card["posts"]:
            posts = "".join(
                f"<li>{e(title)} <span style='color:#666'>{e(_life(date))}</span></li>" for title, date in card["posts"]
            )
            parts.append(f"<p><b>Roles and posts</b></p><ul>{posts}</ul>")
        if card.get("fate"):
            parts.append(f"<p><b>Fate</b> {e(str(card['fate']))}</p>")
        if card["sources"]:
            rows = "".join(
                f"<li>{e(title)} <span style='color:#666'>({n} events)</span></li>" for _, title, n in card["sources"]
            )
            parts.append(f"<p><b>Sources that mention them</b></p><ul>{rows}</ul>")
        parts.append(
            f"<p><a href='highlight:{e(card['id'])}'>Highlight on the timeline</a> &nbsp;·&nbsp; "
            f"<a href='filter:{e(card['id'])}'>Show only their events</a></p>"
        )
        if card["events"]:
            links = []
            for event_id in card["events"]:
                ev = self.store.event(event_id)
                if ev is not None:
                    when = f"<span style='color:#666'>{e(in_words(ev.date))}</span>"
                    links.append(f"<li><a href='event:{e(ev.id)}'>{e(ev.title)}</a> {when}</li>")
            parts.append(f"<p><b>Events</b></p><ul>{''.join(links)}</ul>")
        if card.get("mentions"):
            n = len(card["mentions"])
            parts.append(f"<p><b>Mentioned in</b> <span style='color:#666'>({n} passages)</span></p>")
            parts.append(f"<ul>{''.join(mention_html(m) for m in card['mentions'])}</ul>")
        return "".join(parts)

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
