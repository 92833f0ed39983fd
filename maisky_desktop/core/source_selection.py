"""Text selected on screen -> character offsets in the source file, exactly or not at all.

What a reader shows is not byte for byte the passage: footnote markers (``<sup>12</sup>``)
show as their label, a back-link is appended, HTML layout collapses runs of spaces. So the
displayed text is aligned with the passage's own text (``difflib``'s matching blocks) and a
selection maps to the source only where both of its ends fall on characters the two share.
The note then stores the source's own slice, never the displayed text: offsets computed
on a transformed copy are never applied to the original.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def display_to_source(displayed: str, source: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets in ``source`` of ``displayed[start:end]``, or None if an end lies on shown-only text."""
    if not 0 <= start < end <= len(displayed):
        return None
    blocks = SequenceMatcher(None, displayed, source, autojunk=False).get_matching_blocks()

    def at(i: int) -> int | None:
        for b in blocks:
            if b.a <= i < b.a + b.size:
                return b.b + (i - b.a)
        return None

    first, last = at(start), at(end - 1)
    if first is None or last is None or last < first:
        return None
    return first, last + 1
