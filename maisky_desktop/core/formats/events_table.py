"""Events to CSV and JSON for a spreadsheet, a slide or a script: dates as EDTF plus their words.

The CSV's columns are those the CSV import reads (title, date, end, people, source,
quote, note) plus id, words, precision, lane and mine, so an export of own events can be
edited in a spreadsheet and imported again.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from maisky_desktop.core.record import record

COLUMNS = ("id", "title", "date", "words", "precision", "lane", "people", "source", "quote", "note", "mine")


@record
class EventExport:
    id: str
    title: str
    date: str  # EDTF
    words: str  # the date as a reader says it
    precision: str
    lane: str
    people: tuple[str, ...]
    source: str  # the first anchor's source id
    quote: str  # the first anchor's words, verbatim
    note: str
    mine: bool  # an own event, not from the shipped catalog


def to_csv(events: list[EventExport]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in events:
        row = asdict(e)
        row["people"] = "; ".join(e.people)
        row["mine"] = "yes" if e.mine else "no"
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


def to_json(events: list[EventExport]) -> str:
    return json.dumps([{**asdict(e), "people": list(e.people)} for e in events], ensure_ascii=False, indent=1) + "\n"
