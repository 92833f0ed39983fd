"""The shipped sources and the user's own documents behind one lookup, for anchoring own events.

Read-only on both sides: the shipped store through its read-only connection, own documents
through the user database. Passages are loaded per source on first use and kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from maisky_desktop.store import own_records
from maisky_desktop.store.reader import Store
from maisky_desktop.store.userdata import UserData


class AllSources:
    """Implements ``core.own_events.Sources`` over a Store and (optionally) a UserData."""

    def __init__(self, store: Store | None, user: UserData | None):
        self.store, self.user = store, user
        self._passages: dict[str, list[tuple[str, int, str]]] = {}
        names: dict[str, str] = {}
        if store is not None:
            for s in store.sources():
                names[s.id.casefold()] = s.id
                names.setdefault(s.name.casefold(), s.id)
        if user is not None:
            for did, title, file_name in own_records.documents(user):
                names[did.casefold()] = did
                names.setdefault(title.casefold(), did)
                names.setdefault(file_name.casefold(), did)
        self._names = names

    def source_id(self, name: str) -> str | None:
        return self._names.get(name.strip().casefold())

    def passages(self, source_id: str) -> Iterable[tuple[str, int, str]]:
        if source_id not in self._passages:
            rows: list[tuple[str, int, str]] = []
            if self.store is not None:
                rows = [(p.id, p.char_start, p.text) for p in self.store.source_passages(source_id)]
            if not rows and self.user is not None:
                rows = [(pid, a, text) for pid, a, _b, text, _n in own_records.document_passages(self.user, source_id)]
            self._passages[source_id] = rows
        return self._passages[source_id]
