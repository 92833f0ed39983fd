"""The panes' content as HTML built from records, without Qt: the passage pane and the people card.

The widgets only set this HTML and route its links (``person:``, ``note:``, ``open:N``,
``copy:N``, ``highlight:``, ``filter:``, ``event:``); exports, a printed handout and the CLI
can build the same content. Every character that comes from a source or the catalog goes
through ``html.escape`` (passages through ``core.markup``): a ``<`` in a source is a ``<``.
"""

from __future__ import annotations

import html
import re

from maisky_desktop.core.cite import citation
from maisky_desktop.core.dates import DateError, in_words
from maisky_desktop.core.markup import Marker, Piece, paragraph_html
from maisky_desktop.core.records import AnchorDetail, EventDetail, Mention, PersonCard

PASSAGE_PLACEHOLDER = "<p style='color:#666'>Click an event on the timeline to read what the sources say.</p>"
CHIP = (
    "<a href='person:{id}' style='text-decoration:none; color:#1d3f6e; background-color:#e6edf7'>&nbsp;{name}&nbsp;</a>"
)
_e = html.escape


def date_words(value: str | None) -> str:
    """A date as a reader says it; '?' when unknown, the text itself when it is not EDTF (never an error)."""
    if not value:
        return "?"
    try:
        return in_words(value)
    except DateError:
        return value


def plural(n: int, word: str) -> str:
    """'1 event', '3 events': a count a reader can say aloud."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


NOT_GIVEN = "(dates not given)"  # a post or life without dates says so in words, never "?"


def anchor_name(passage_id: str) -> str:
    """An HTML anchor name for a passage or note id (ids hold '/')."""
    return "n-" + re.sub(r"[^A-Za-z0-9_-]", "-", passage_id)


def event_citations(detail: EventDetail) -> list[str]:
    """The citation of each anchor, in the pane's order (what Copy citation N copies)."""
    return [citation(a.source, a.passage) for a in detail.anchors]


def event_html(detail: EventDetail, copy_links: bool = True) -> str:
    """The passage pane: title, date in words and as stated, people, places, lane, conflicts, then each anchor.

    ``copy_links`` False leaves out each anchor's "Copy citation" link (a kiosk has no clipboard a visitor can use).
    """
    ev = detail.event
    parts = [f"<h2 style='margin-bottom:2px'>{_e(ev.title)}</h2>", _facts(detail)]
    parts.append(f"<p>{_e(ev.summary)}</p>")
    parts.append(_conflicts(detail))
    parts += [_anchor_html(i, a, copy_links) for i, a in enumerate(detail.anchors)]
    return "".join(parts)


def _facts(detail: EventDetail) -> str:
    ev = detail.event
    said = f" &nbsp;<span style='color:#666'>the source: “{_e(ev.date_text)}”</span>" if ev.date_text else ""
    rows = [f"<p style='margin-top:0'><b>{_e(in_words(ev.date))}</b>{said}</p>"]
    if detail.people:
        chips = " ".join(CHIP.format(id=_e(p.id), name=_e(p.name)) for p in detail.people)
        rows.append(f"<p><span style='color:#666'>People</span>&nbsp; {chips}</p>")
    if detail.places:
        rows.append(
            f"<p><span style='color:#666'>Places</span>&nbsp; {_e(', '.join(p.name for p in detail.places))}</p>"
        )
    rows.append(f"<p><span style='color:#666'>Lane</span>&nbsp; {_e(detail.lane)}</p>")
    return "".join(rows)


def _conflicts(detail: EventDetail) -> str:
    """Each conflict named, its own readings side by side, two to a row."""
    out = []
    for c in detail.conflicts:
        cells = [
            "<td valign='top' width='50%' style='border-top:1px solid #e0c9a6'>"
            f"<b>{_e(a.anchor.reading or '')}</b>"
            f"<br><span style='color:#666'>{_e(a.source.title or a.anchor.source_id)}</span></td>"
            for a in detail.anchors
            if a.anchor.reading and a.anchor.reading_field in (c.field, None)
        ]
        grid = "".join(f"<tr>{''.join(cells[i : i + 2])}</tr>" for i in range(0, len(cells), 2))
        out.append(
            "<table width='100%' cellspacing='0' cellpadding='4' style='background-color:#fff4e5'>"
            f"<tr><td colspan='2'><b>The sources conflict on the {_e(c.field)}.</b> {_e(c.note)}</td></tr>"
            f"{grid}</table>"
        )
    return "".join(out)


VERBATIM = "white-space:pre-wrap"  # source whitespace (tabs, thin spaces) shown as it is, not collapsed


def _anchor_html(i: int, a: AnchorDetail, copy_links: bool = True) -> str:
    anchor = a.anchor
    markers = [Marker(r.char_start, r.char_end, r.label, f"note:{r.note_id}") for r in a.refs]
    body = paragraph_html(
        [Piece(p.char_start, p.text) for p in a.pieces], [(anchor.char_start, anchor.char_end)], markers
    )
    notes = "".join(
        f"<p style='font-size:small; color:#333; {VERBATIM}'><a name='{anchor_name(n.id)}'></a>"
        f"{paragraph_html([Piece(n.char_start, n.text)])}</p>"
        for n in a.notes
    )
    reading = f"<p style='color:#8a5a00'>This source reads: {_e(anchor.reading)}</p>" if anchor.reading else ""
    copy = f" &nbsp;·&nbsp; <a href='copy:{i}'>Copy citation</a>" if copy_links else ""
    return (
        f"<hr><p style='color:#555'>{_e(citation(a.source, a.passage))}</p>{reading}"
        f"<p style='{VERBATIM}'>{body}</p>{notes}"
        f"<p><a href='open:{i}'>Open in document</a>{copy}</p>"
    )


def person_card_html(card: PersonCard) -> str:
    """The people card: name, life, summary, other spellings, posts, fate, sources, links, events."""
    parts = [f"<h2 style='margin-bottom:2px'>{_e(card.name)}</h2>"]
    if card.born or card.died:
        born = date_words(card.born) if card.born else "birth date not given"
        died = date_words(card.died) if card.died else "death date not given"
        parts.append(f"<p style='margin-top:0'><b>{_e(born)} – {_e(died)}</b></p>")
    if card.summary:
        parts.append(f"<p>{_e(card.summary)}</p>")
    others = [a for a in card.aliases if a != card.name]
    if others:
        parts.append(f"<p><span style='color:#666'>Also written</span> {_e('; '.join(others))}</p>")
    if card.posts:
        posts = "".join(
            f"<li>{_e(p.title)} <span style='color:#666'>{_e(date_words(p.date) if p.date else NOT_GIVEN)}</span></li>"
            for p in card.posts
        )
        parts.append(f"<p><b>Roles and posts</b></p><ul>{posts}</ul>")
    if card.fate:
        parts.append(f"<p><b>Fate</b> {_e(card.fate)}</p>")
    if card.sources:
        rows = "".join(
            f"<li>{_e(s.title or s.id)} <span style='color:#666'>({plural(s.events, 'event')})</span></li>"
            for s in card.sources
        )
        parts.append(f"<p><b>Sources that mention them</b></p><ul>{rows}</ul>")
    parts.append(
        f"<p><a href='highlight:{_e(card.id)}'>Highlight on the timeline</a> &nbsp;·&nbsp; "
        f"<a href='filter:{_e(card.id)}'>Show only their events</a></p>"
    )
    if card.events:
        links = "".join(
            f"<li><a href='event:{_e(ev.id)}'>{_e(ev.title)}</a> "
            f"<span style='color:#666'>{_e(in_words(ev.date))}</span></li>"
            for ev in card.events
        )
        parts.append(f"<p><b>Events</b></p><ul>{links}</ul>")
    if card.mentions:
        parts.append(
            f"<p><b>Mentioned in</b> <span style='color:#666'>({plural(len(card.mentions), 'passage')})</span></p>"
        )
        parts.append(f"<ul>{''.join(mention_html(m) for m in card.mentions)}</ul>")
    return "".join(parts)


def mention_html(m: Mention) -> str:
    """One passage that names the person: where it is, the words around the name, a link to read it."""
    return (
        f"<li><a href='passage:{_e(m.passage_id)}:{m.char_start}:{m.char_end}'>{_e(m.source_title)}, {_e(m.where)}</a>"
        f" <span style='color:#666'>({_e(m.aliases)})</span><br>…{_e(m.snippet())}…</li>"
    )
