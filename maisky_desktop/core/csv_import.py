"""A CSV (or a spreadsheet's CSV/TSV export) of events -> a preview, row by row; nothing is written here.

An Excel workbook goes through the same preview (``core.xlsx_import`` turns its first sheet
into rows); ``read_events_file`` picks the reader by the file's suffix.

Columns (header row, any order, any case): ``title``, ``date`` (required), ``end``,
``people`` (separated by ``;``), ``source`` (an id or a title), ``quote`` (verbatim words
of that source), ``note``. The preview gives every row its result: the event as it
would be saved, or the reason it cannot be, with its row number as a spreadsheet shows it
(the header is row 1). The caller writes the good rows only when the user confirms.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from maisky_desktop.core.own_events import DraftError, EventDraft, Sources, draft_event
from maisky_desktop.core.record import record

COLUMNS = ("title", "date", "end", "people", "source", "quote", "note")
REQUIRED = ("title", "date")
PROGRESS_EVERY = 250


@record
class RowResult:
    row: int  # as a spreadsheet numbers it: the header is row 1
    draft: EventDraft | None
    reason: str | None
    title: str  # as typed, for the preview of a bad row


@dataclass
class Preview:
    """Every row's result, and problems with the file as a whole (which stop the import)."""

    file: str
    rows: list[RowResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def good(self) -> list[EventDraft]:
        return [r.draft for r in self.rows if r.draft is not None]

    @property
    def bad(self) -> list[RowResult]:
        return [r for r in self.rows if r.draft is None]

    def summary(self) -> str:
        if self.problems:
            return "; ".join(self.problems)
        good, bad = len(self.good), len(self.bad)
        return f"{good} event{'' if good == 1 else 's'} to import, {bad} row{'' if bad == 1 else 's'} with problems"


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without the BOM spreadsheets write); anything else is refused with where it fails."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DraftError(f"{name}:{line}: not UTF-8 text; save the file as “CSV UTF-8”") from None


def read_events_csv(
    path: Path,
    sources: Sources,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """Read and check a CSV file of events; see the module docstring."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Preview(name, problems=[f"{name}: cannot read: {exc.strerror}"])
    try:
        text = decode(raw, name)
    except DraftError as exc:
        return Preview(name, problems=[str(exc)])
    return preview_text(text, name, sources, progress)


def read_events_file(path: Path, sources: Sources, progress: Callable[[int, int], None] | None = None) -> Preview:
    """A CSV/TSV file, or an Excel workbook (``.xlsx``, ``.xls`` refused with the reason), by its suffix."""
    from maisky_desktop.core.xlsx_import import SUFFIXES, read_events_xlsx

    if path.suffix.lower() in (*SUFFIXES, ".xls"):
        return read_events_xlsx(path, sources, progress)
    return read_events_csv(path, sources, progress)


def preview_text(text: str, name: str, sources: Sources, progress: Callable[[int, int], None] | None = None) -> Preview:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    records = list(enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1))
    return preview_records(records, name, sources, progress)


def preview_records(
    records: list[tuple[int, list[str]]],
    name: str,
    sources: Sources,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """The preview of (row number, cells) records, the first of them the header: CSV and workbook alike."""
    preview = Preview(name)
    while records and not any(c.strip() for c in records[-1][1]):
        records.pop()
    if not records:
        preview.problems.append(f"{name}: the file is empty")
        return preview
    header = [h.strip().lower() for h in records[0][1]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        preview.problems.append(
            f"{name}:{records[0][0]}: the header lacks {', '.join(missing)} (columns: {', '.join(COLUMNS)}); "
            f"found: {', '.join(header)}"
        )
        return preview
    preview.ignored_columns = [h for h in header if h and h not in COLUMNS]
    index = {c: header.index(c) for c in COLUMNS if c in header}
    total = len(records) - 1
    for done, (n, cells) in enumerate(records[1:], start=1):
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if not any(c.strip() for c in cells):
            continue  # blank rows are layout, not data
        values = {c: (cells[i] if i < len(cells) else "") for c, i in index.items()}
        try:
            draft = draft_event(sources, **values)
            preview.rows.append(RowResult(n, draft, None, values["title"]))
        except DraftError as exc:
            preview.rows.append(RowResult(n, None, str(exc), values["title"]))
    if progress:
        progress(total, total)
    return preview
