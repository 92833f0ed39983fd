"""Source documents -> passages with exact character offsets.

A passage's text is always the file's slice ``[char_start:char_end]`` (the file
decoded as UTF-8 with ``newline=""``), so that every quote the app shows can be
checked against the source by anyone. Layout that the conversion of the
documents left behind (page-break splits, footnote blocks in mid-paragraph, web
chrome) is recognised here and recorded, never edited away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from maisky_desktop.core.records import Boilerplate, FootnoteRef, Passage

KINDS = ("body", "heading", "caption", "footnote", "reference")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# Whole lines that are web or repository chrome, with the reason shown to readers.
_BOILERPLATE = [
    (re.compile(r"^fb-pixel Skip to main content$"), "web page chrome"),
    (re.compile(r"^Jump to navigation Jump to search$"), "wiki navigation"),
    (re.compile(r"^From Wikipedia, the free encyclopedia$"), "wiki tagline"),
    (re.compile(r"^-{3,}$"), "page rule"),
    (re.compile(r"^-\s*$"), "empty list item"),
    (re.compile(r"^Read: "), "web page link"),
    (re.compile(r"^.{2,60} is one of the authors writing for "), "author box"),
]
_COVER_END = re.compile(r"^# ")  # a repository cover sheet ends at the article's own title
_COVER_START = re.compile(r"^## .*University")

_FOOTNOTE_LABEL = re.compile(r"^(?:- )?(?:<sup>(?P<sup>\d+)</sup>|(?P<uni>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?= )|(?P<star>\\\*)(?= ))")
_WIKI_REFERENCE = re.compile(r"^\s*(?P<n>\d+)\. \^ ")
_WIKI_FURTHER = re.compile(r"^\s*• ")
_CAPTION = re.compile(r"(Courtesy of |^Fig\. \d|^FIGURE \d|^Table \d\.|^\(Photograph courtesy|^\(in foreground|^Key: )")
_WIKI_HEADING = re.compile(r"\[edit\]$")
_MD_HEADING = re.compile(r"^#{1,6} ")
# Inline markers: footnote references, wiki reference markers, wiki edit links.
_REF_MARKERS = re.compile(r"<sup>(?P<sup>\d+)</sup>|(?P<uni>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[(?P<wiki>\d+)\]")
_TERMINAL = re.compile(r"""[.?!:;…][\s"'”’)\]]*$""")
_WIKI_LEAD = re.compile(r"\b(?:is|was) an? ")
_TRAILING_MARKERS = re.compile(r"(?:<sup>\d+</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\])+$")


@dataclass
class Document:
    source_id: str
    text: str
    passages: list[Passage] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    refs: list[FootnoteRef] = field(default_factory=list)

    def paragraph(self, para_id: str) -> list[Passage]:
        """The pieces of one logical paragraph, in reading order."""
        return [p for p in self.passages if p.para_id == para_id]


def read_source(path: Path) -> str:
    """The file as the offsets count it: UTF-8, line endings untouched."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Offsets of every non-blank line, stripped of surrounding whitespace.

    The flag tells a table row (tab-separated cells), which is never joined to
    its neighbours.
    """
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        spans.append((start, start + len(stripped), "\t" in line))
    return spans


def _is_complete(text: str) -> bool:
    """Whether a body line ends a sentence, so a following line starts a new paragraph."""
    return bool(_TERMINAL.search(_TRAILING_MARKERS.sub("", text.rstrip())))


def _classify(line: str, index: int, author: str | None) -> tuple[str, str | None]:
    """(kind, label) of one line, or ('boilerplate', reason)."""
    for pattern, reason in _BOILERPLATE:
        if pattern.search(line):
            return "boilerplate", reason
    m = _FOOTNOTE_LABEL.match(line)
    if m:
        label = m["sup"] or (m["uni"] or "").translate(_SUP_TO_INT) or "*"
        return "footnote", label
    m = _WIKI_REFERENCE.match(line)
    if m:
        return "reference", m["n"]
    if _WIKI_FURTHER.match(line):
        return "reference", None
    if _MD_HEADING.match(line) or _WIKI_HEADING.search(line):
        return "heading", None
    if author and line.strip("* ").casefold() == author.casefold():
        return "heading", None  # the byline
    if author and line.startswith(f"{author} is "):
        return "footnote", "author"  # the unnumbered note about the author
    if _CAPTION.search(line):
        return "caption", None
    if index == 0:
        return "heading", None  # the document's title
    return "body", None


def parse_document(source_id: str, text: str, author: str | None = None) -> Document:
    """Split a source into passages and boilerplate and link its footnote markers."""
    doc = Document(source_id, text)
    spans = _lines(text)
    in_cover = bool(spans) and bool(_COVER_START.match(text[spans[0][0] : spans[0][1]]))
    in_wiki_captions = False
    units: list[_Unit] = []
    for start, end, is_row in spans:
        line = text[start:end]
        if in_cover:
            if _COVER_END.match(line):
                in_cover = False
            else:
                doc.boilerplate.append(Boilerplate(source_id, start, end, line, "repository cover sheet"))
                continue
        kind, label = _classify(line, len(units), author)
        if kind == "boilerplate":
            doc.boilerplate.append(Boilerplate(source_id, start, end, line, label or ""))
            in_wiki_captions = label == "wiki navigation"
            continue
        if in_wiki_captions and kind == "body":
            # Image captions stand between the wiki's navigation line and its lead.
            if _WIKI_LEAD.search(line):
                in_wiki_captions = False
            else:
                kind = "caption"
        if len(units) == 1 and kind == "body" and not _is_complete(line) and len(line) < 200:
            kind = "heading"  # the subtitle (dek) under a title
        units.append(_Unit(start, end, kind, label, is_row))
    _caption_runs(units, text)
    _build_passages(doc, units)
    _link_markers(doc)
    return doc


@dataclass
class _Unit:
    start: int
    end: int
    kind: str
    label: str | None
    is_row: bool


def _caption_runs(units: list[_Unit], text: str) -> None:
    """A line right after a bare 'Fig. N.' line is that figure's caption."""
    for prev, unit in pairwise(units):
        if re.fullmatch(r"Fig\. \d+\.", text[prev.start : prev.end]) and unit.kind == "body":
            unit.kind = "caption"


def _build_passages(doc: Document, units: list[_Unit]) -> None:
    """Create passages; rejoin body lines (and end-notes) that a page break cut in two.

    Two layouts occur. Where footnotes sit at the page foot (the purges article),
    a body sentence left unfinished at a page break continues in the next body
    line, after the interleaved notes. Where notes are gathered at the end after a
    page rule (the Comintern article), an unlabelled line there continues the note
    before it.
    """
    open_body: Passage | None = None  # last body piece, if its sentence is unfinished
    last_note: Passage | None = None
    rules = [b.char_end for b in doc.boilerplate if b.reason == "page rule"]
    para_no = 0
    for seq, unit in enumerate(units):
        start, end, kind, label = unit.start, unit.end, unit.kind, unit.label
        text = doc.text[start:end]
        pid = f"{doc.source_id}/p{seq:04d}"
        para_id, piece, number = pid, 0, None
        in_end_notes = bool(rules) and rules[0] <= start
        if kind == "body" and in_end_notes and last_note is not None:
            kind, para_id, piece = "footnote", last_note.para_id, last_note.piece + 1
            label = None
        elif kind == "body" and open_body is not None and not unit.is_row:
            para_id, piece, number = open_body.para_id, open_body.piece + 1, open_body.para_no
        elif kind == "body":
            para_no += 1
            number = para_no
        elif kind == "heading":
            open_body = None
        passage = Passage(pid, doc.source_id, seq, kind, start, end, text, para_id, piece, label, number)
        doc.passages.append(passage)
        if kind == "body":
            open_body = None if unit.is_row or _is_complete(text) else passage
        elif kind == "footnote":
            last_note = passage


def _link_markers(doc: Document) -> None:
    """Link every inline footnote or reference marker to the note with that label."""
    notes: dict[str, str] = {}
    for p in doc.passages:
        if p.kind in ("footnote", "reference") and p.label and p.piece == 0:
            notes.setdefault(p.label, p.id)
    for p in doc.passages:
        text = p.text
        skip = 0
        if p.kind == "footnote" and p.piece == 0:
            m = _FOOTNOTE_LABEL.match(text)
            skip = m.end() if m else 0
        elif p.kind == "reference":
            continue
        for m in _REF_MARKERS.finditer(text, skip):
            label = m["sup"] or m["wiki"] or (m["uni"] or "").translate(_SUP_TO_INT)
            if label in notes:
                doc.refs.append(
                    FootnoteRef(p.id, p.char_start + m.start(), p.char_start + m.end(), label, notes[label])
                )
