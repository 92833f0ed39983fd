"""A passage as safe HTML: verbatim text, escaped, its own markup rendered, the quoted span highlighted.

Source text is data, never markup: every character goes through ``html.escape``, so a ``<``
in a source shows as ``<``. The sources do carry markup of their own (the repository copy of
the Comintern article is Markdown: ``*Ibid.*``, ``**Abstract**``, ``## headings``, ``\\*``,
``<sup>27</sup>``; the wiki article ends headings with ``[edit]``). Those few forms are
recognised and shown as formatting instead of being printed: the syntax characters are hidden,
the characters between them keep their file offsets, and the only HTML written is ours. So a
highlight, a footnote marker or a note still points into the verbatim file, and what is shown
is the file's own characters in order (``visible_text``), with nothing added but our labels.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from itertools import pairwise

from maisky_desktop.core.record import record


@record
class Piece:
    """A piece of a paragraph: its file offsets and text."""

    char_start: int
    text: str


@record
class Marker:
    """A footnote marker at file offsets, and the link target for it."""

    char_start: int
    char_end: int
    label: str
    href: str


@record
class Run:
    """Characters [start, end) of the file shown with these styles: b, i, sup, dim."""

    start: int
    end: int
    styles: frozenset[str] = frozenset()


_HEADING = re.compile(r"#{1,6} ")
_INLINE = re.compile(
    r"\\(?P<esc>[\\`*_{}\[\]()#+\-.!<>])"  # a Markdown escape: the backslash hidden
    r"|<sup>(?P<sup>[^<>]{1,40})</sup>"  # a superscript not linked as a footnote marker
    r"|\*\*(?P<b>(?=[^\s*])(?:\\.|[^*\\])+?)(?<!\s)\*\*"  # **strong** (escapes inside allowed)
    r"|(?<![\w*\\])\*(?P<i>(?=[^\s*])(?:\\.|[^*\\])+?)(?<!\s)\*(?!\*)"  # *emphasis*, not in a word
    r"|(?P<edit>\[edit\])"  # a wiki edit link left in the text: dimmed
)
_TAGS = {"b": ("<b>", "</b>"), "i": ("<i>", "</i>"), "sup": ("<sup>", "</sup>")}
_DIM = ("<span style='color:#9a9a9a; font-size:small'>", "</span>")


def runs(text: str, base: int = 0, styles: frozenset[str] = frozenset(), *, heading: bool = False) -> list[Run]:
    """The visible runs of ``text`` (which starts at file offset ``base``), syntax characters left out.

    ``heading``: a leading ``## `` is a Markdown heading mark (the paragraph's first piece).
    """
    out: list[Run] = []
    at = 0
    if heading and (m := _HEADING.match(text)):
        at = m.end()
    for m in _INLINE.finditer(text, at):
        if m.start() > at:
            out.append(Run(base + at, base + m.start(), styles))
        kind = m.lastgroup or ""
        inner_start, inner_end = m.start(kind), m.end(kind)
        if kind == "esc":
            out.append(Run(base + inner_start, base + inner_end, styles))
        elif kind == "edit":
            out.append(Run(base + m.start(), base + m.end(), styles | {"dim"}))
        else:
            out.extend(runs(text[inner_start:inner_end], base + inner_start, styles | {kind}))
        at = m.end()
    if at < len(text):
        out.append(Run(base + at, base + len(text), styles))
    return [r for r in out if r.end > r.start]


def _open(styles: frozenset[str]) -> tuple[str, str]:
    opening, closing = "", ""
    for style in ("b", "i", "sup"):
        if style in styles:
            opening += _TAGS[style][0]
            closing = _TAGS[style][1] + closing
    if "dim" in styles:
        opening, closing = _DIM[0] + opening, closing + _DIM[1]
    return opening, closing


def _piece_runs(p: Piece, markers: Sequence[Marker], hidden: Sequence[tuple[int, int]], first: bool) -> list:
    """Runs of one piece, with markers (shown as their labels) and hidden ranges cut out first."""
    end = p.char_start + len(p.text)
    cuts = sorted(
        [(m.char_start, min(m.char_end, end), m) for m in markers if p.char_start <= m.char_start < end]
        + [(a, min(b, end), None) for a, b in hidden if p.char_start <= a < end]
    )
    out: list = []
    at = p.char_start
    for a, b, marker in cuts:
        if a > at:
            segment = p.text[at - p.char_start : a - p.char_start]
            out.extend(runs(segment, at, heading=first and at == p.char_start))
        if marker is not None:
            out.append(marker)
        at = max(at, b)
    if at < end:
        out.extend(runs(p.text[at - p.char_start :], at, heading=first and at == p.char_start))
    return out


def paragraph_html(
    pieces: Sequence[Piece],
    highlights: Sequence[tuple[int, int]] = (),
    markers: Sequence[Marker] = (),
    hidden: Sequence[tuple[int, int]] = (),
) -> str:
    """Join the pieces of a paragraph into HTML, highlighting each [start, end) of ``highlights`` in file offsets.

    Several spans, because the reader marks every word a search matched in a document, not
    only the one quote an event anchors; all of them are file offsets, cut here and escaped."""
    out: list[str] = []
    for n, p in enumerate(pieces):
        if n:
            out.append(" ")
        for item in _piece_runs(p, markers, hidden, n == 0):
            if isinstance(item, Marker):
                out.append(f'<sup><a href="{html.escape(item.href)}">{html.escape(item.label)}</a></sup>')
                continue
            opening, closing = _open(item.styles)
            edges = {item.start, item.end} | {c for span in highlights for c in span if item.start < c < item.end}
            out.append(opening)
            for a, b in pairwise(sorted(edges)):
                text = html.escape(p.text[a - p.char_start : b - p.char_start])
                if any(s <= a and b <= e for s, e in highlights):
                    text = f'<span style="background-color:#ffe08a">{text}</span>'
                out.append(text)
            out.append(closing)
    return "".join(out)


def visible_text(pieces: Sequence[Piece], markers: Sequence[Marker] = ()) -> str:
    """The characters ``paragraph_html`` shows, as plain text: file slices in order, markers as labels."""
    out: list[str] = []
    for n, p in enumerate(pieces):
        if n:
            out.append(" ")
        for item in _piece_runs(p, markers, (), n == 0):
            if isinstance(item, Marker):
                out.append(item.label)
            else:
                out.append(p.text[item.start - p.char_start : item.end - p.char_start])
    return "".join(out)


def inline_html(text: str, marks: Sequence[tuple[int, int]] = ()) -> str:
    """A snippet of source text as HTML: its markup rendered, ``marks`` (text offsets) in bold on yellow."""
    out = []
    for run in runs(text):
        opening, closing = _open(run.styles)
        edges = {run.start, run.end} | {c for span in marks for c in span if run.start < c < run.end}
        out.append(opening)
        for a, b in pairwise(sorted(edges)):
            piece = html.escape(text[a:b])
            if any(s <= a and b <= e for s, e in marks):
                piece = f"<b style='background-color:#ffe08a'>{piece}</b>"
            out.append(piece)
        out.append(closing)
    return "".join(out)
