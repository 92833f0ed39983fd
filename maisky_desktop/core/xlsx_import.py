"""An Excel workbook (.xlsx) of events -> the same preview as a CSV, row by row, read by openpyxl.

The first sheet is read like a CSV file: a header row, then one event per row, with the same
columns, the same checks and the same row numbers as the spreadsheet shows (``csv_import``).

Cells become the text a CSV export would hold, except dates: a cell Excel stores as a date
(openpyxl gives a ``datetime`` counted from the workbook's own epoch with ``timedelta``, never
a POSIX timestamp, so 1917 reads as 1917) becomes ``YYYY-MM-DD``, an EDTF day, so its day
precision is kept and nothing is guessed from a locale's way of writing it. A time of day in
a date cell is dropped: events are dated to the day. A whole number (a year typed as
``1938``) becomes ``1938``, not ``1938.0``. Everything else goes through the same date rules
as typed text (``core.user_dates``), which refuse guesses.

Any failure to read the file (not a zip, a damaged part, the old binary ``.xls``, a password)
is one problem for the whole file in words; openpyxl raises many kinds of exception for a
damaged workbook, so all of them are caught here and none reaches the user as a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from maisky_desktop.core.csv_import import PROGRESS_EVERY, Preview, preview_records
from maisky_desktop.core.own_events import Sources

SUFFIXES = (".xlsx", ".xlsm")
_OLE = b"\xd0\xcf\x11\xe0"  # the compound-file header of .xls and of encrypted .xlsx
_SAVE_AS = "save it again from the spreadsheet as .xlsx, or as “CSV UTF-8”"


def cell_text(value: object) -> str:
    """A cell's value as the text the import reads (dates as EDTF days; see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


def read_events_xlsx(path: Path, sources: Sources, progress: Callable[[int, int], None] | None = None) -> Preview:
    """Read and check the first sheet of a workbook of events; nothing is written."""
    name = path.name
    if path.suffix.lower() == ".xls":
        return Preview(name, problems=[f"{name}: the old binary .xls format cannot be read; {_SAVE_AS}"])
    try:
        with path.open("rb") as f:
            magic = f.read(8)
    except OSError as exc:
        return Preview(name, problems=[f"{name}: cannot read: {exc.strerror or exc}"])
    if magic.startswith(_OLE):
        why = "it is an old .xls file renamed, or a password-protected workbook"
        return Preview(name, problems=[f"{name}: not a readable Excel workbook ({why}); {_SAVE_AS}"])
    try:
        sheet_name, records = _read_rows(path, progress)
    except Exception as exc:  # openpyxl's many errors for a damaged file: one message, never a traceback
        return Preview(name, problems=[f"{name}: not a readable Excel workbook ({_reason(exc)}); {_SAVE_AS}"])
    return preview_records(records, f"{name}, sheet “{sheet_name}”", sources, progress)


def _read_rows(path: Path, progress: Callable[[int, int], None] | None) -> tuple[str, list[tuple[int, list[str]]]]:
    """(sheet name, [(row number, cell texts)]) of the first sheet; the whole file is read before checking.

    Reading is most of a workbook's preview (openpyxl parses the sheet's XML: about 3 s for
    10,000 rows here, ``tests/benchmarks/csv_import.py``), so it reports progress too, against
    the row count the sheet declares.
    """
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        declared = sheet.max_row or 0
        records = []
        for number, row in _numbered(sheet.iter_rows(values_only=True)):
            records.append((number, row))
            if progress and number % PROGRESS_EVERY == 0:
                progress(number, max(declared, number))
        return sheet.title, records
    finally:
        book.close()


def _numbered(rows) -> Iterator[tuple[int, list[str]]]:
    """Rows with the number the spreadsheet shows: read-only openpyxl yields empty rows for missing ones."""
    for number, row in enumerate(rows, start=1):
        yield number, [cell_text(v) for v in row]


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if type(exc).__name__ == "BadZipFile":
        return "it is not a zip archive, as every .xlsx file is"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
