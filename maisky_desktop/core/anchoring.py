"""Where a catalog quote stands in its source: offsets and the passage that holds it."""

from __future__ import annotations

from maisky_desktop.core.corpus import Document
from maisky_desktop.core.record import record
from maisky_desktop.core.records import Passage


@record
class Located:
    char_start: int
    char_end: int
    passage: Passage


class AnchorError(ValueError):
    """The quote cannot be placed; the message is written for the catalog editor."""


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of ``quote`` in ``text``, overlapping matches included."""
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def locate(doc: Document, quote: str, occurrence: int | None = None) -> Located:
    """Find a verbatim quote; refuse ambiguity and quotes that straddle passages."""
    if not quote.strip():
        raise AnchorError("empty quote")
    starts = occurrences(doc.text, quote)
    if not starts:
        raise AnchorError(f"quote not found verbatim in {doc.source_id}: {_short(quote)}")
    if occurrence is None and len(starts) > 1:
        raise AnchorError(
            f"quote occurs {len(starts)} times in {doc.source_id}; add 'occurrence: N' or lengthen it: {_short(quote)}"
        )
    index = (occurrence or 1) - 1
    if index >= len(starts):
        raise AnchorError(f"occurrence {occurrence} asked, quote occurs {len(starts)} times: {_short(quote)}")
    start = starts[index]
    end = start + len(quote)
    for passage in doc.passages:
        if passage.char_start <= start and end <= passage.char_end:
            return Located(start, end, passage)
    raise AnchorError(f"quote is not inside one passage (crosses a paragraph or boilerplate): {_short(quote)}")


def _short(quote: str) -> str:
    return repr(quote if len(quote) <= 70 else quote[:67] + "...")
