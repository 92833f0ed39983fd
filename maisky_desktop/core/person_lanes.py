"""Person lanes: one lane for each of the most present people, the rest together.

An event goes to the lane of the most present person it names (so Maisky's lane holds
every event that names him); events naming only others share an "Other people" lane,
events naming nobody a last lane. Each person's lane also carries the tracks the sources
give: the life span (or the death alone) and the postings with their years.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from maisky_desktop.core import dates
from maisky_desktop.core.record import record

OTHERS = "Other people"
NOBODY = "No person named"


@record
class Track:
    """Something drawn behind a person's events: their life or one of their postings."""

    lane: int
    x0: float
    x1: float
    kind: str  # "life" | "death" | "post"
    label: str


@record
class PersonLanes:
    names: list[str]  # lane headers, top to bottom
    lane: np.ndarray  # lane of each event, in layout order
    tracks: list[Track]


def _span(text: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    try:
        return dates.span_years(dates.parse(text))
    except dates.DateError:
        return None


def _owners(named: dict[str, list[str]], people: dict, top: int) -> list[str]:
    """Up to ``top`` people, each the most present among the events no one chosen before holds.

    An event naming several chosen people goes to the lane of the first chosen, so ranking by
    raw presence left lanes empty (Churchill's and Eden's events all name Maisky too). Choosing
    greedily by the events still unclaimed gives every lane at least one event.
    """
    holders: dict[str, list[str]] = {}
    for eid, pids in named.items():
        for pid in set(pids):
            holders.setdefault(pid, []).append(eid)
    presence = {pid: len(eids) for pid, eids in holders.items()}  # ties go to the more present
    claimed: set[str] = set()
    chosen: list[str] = []
    while len(chosen) < top:
        counts = Counter({pid: sum(e not in claimed for e in eids) for pid, eids in holders.items()})
        best = min(counts, key=lambda p: (-counts[p], -presence[p], people.get(p, (p,))[0]), default=None)
        if best is None or counts[best] == 0:
            break
        chosen.append(best)
        claimed.update(holders.pop(best))
    return chosen


def assign(
    event_ids: Sequence[str],
    event_people: Iterable[tuple[str, str]],
    people: dict[str, tuple[str, str | None, str | None]],
    posts: Iterable[tuple[str, str, str | None]] = (),
    top: int = 10,
) -> PersonLanes:
    """``event_people``: (event id, person id); ``people``: id -> (name, born, died) in EDTF;
    ``posts``: (person id, title, EDTF date or None)."""
    named: dict[str, list[str]] = {}
    for eid, pid in event_people:
        named.setdefault(eid, []).append(pid)
    ranked = _owners(named, people, top)
    rank = {pid: r for r, pid in enumerate(ranked)}
    others, nobody = len(ranked), len(ranked) + 1
    lane = np.empty(len(event_ids), dtype=np.int32)
    for i, eid in enumerate(event_ids):
        pids = named.get(eid)
        if not pids:
            lane[i] = nobody
            continue
        lane[i] = min((rank.get(p, others) for p in pids), default=others)
    tracks: list[Track] = []
    for pid, r in rank.items():
        name, born, died = people.get(pid, (pid, None, None))
        b, d = _span(born), _span(died)
        if b and d and born and died:  # a span is only read from a stated date
            tracks.append(Track(r, b[0], d[1], "life", f"{name}, {dates.in_words(born)}–{dates.in_words(died)}"))
        elif d and died:
            tracks.append(Track(r, d[0], d[1], "death", f"{name} died {dates.in_words(died)}"))
    for pid, title, when in posts:
        if pid in rank and when and (span := _span(when)):
            tracks.append(Track(rank[pid], span[0], span[1], "post", f"{title}, {dates.in_words(when)}"))
    names = [people.get(pid, (pid,))[0] for pid in ranked] + [OTHERS, NOBODY]
    return PersonLanes(names, lane, tracks)
