"""The hand-written catalog: YAML files -> typed records, each knowing its file and line.

Every scalar is read as a string (no YAML date or number guessing), because an
editor who writes ``date: 1927-05`` means the text, not a calendar object.
Problems are collected, never raised one at a time, so ``check`` can list them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from maisky_desktop.core import dates, safe_yaml
from maisky_desktop.core.record import record

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What sources can disagree on (CATALOG-CONVENTIONS, "Conflicts"): the pane names the field.
CONFLICT_FIELDS = ("date", "place", "count", "name", "title", "charge", "cause", "other")


@record
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class Unreadable(Problem):
    """A file that could not be read at all: checks across files would only echo it, so they wait."""


@record
class Where:
    file: str
    line: int


@dataclass
class AnchorSpec:
    source: str
    quote: str
    occurrence: int | None
    reading: str | None
    where: Where
    field: str | None = None  # the conflict this reading belongs to (its field); None: the event's only one


@dataclass
class Conflict:
    """One disagreement between the sources on one field of an event; its readings are anchors."""

    field: str
    note: str
    where: Where


@dataclass
class Event:
    id: str
    title: str
    summary: str
    date: str
    date_text: str
    category: str
    people: list[str]
    places: list[str]
    anchors: list[AnchorSpec]
    note: str | None
    conflicts: list[Conflict]
    where: Where
    named: list[str] = field(default_factory=list)  # people the anchors name who take no part

    def readings(self, conflict: Conflict) -> list[AnchorSpec]:
        """The anchors that give a reading for this conflict."""
        only = len(self.conflicts) == 1
        return [a for a in self.anchors if a.reading and (a.field == conflict.field or (only and a.field is None))]


@dataclass
class Post:
    title: str
    date: str | None


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    born: str | None
    died: str | None
    summary: str | None
    posts: list[Post]
    fate: str | None
    where: Where


@dataclass
class Place:
    id: str
    name: str
    aliases: list[str]
    country: str | None
    where: Where


@dataclass
class OtherName:
    """A name the sources print that is nobody of the catalog (a person named only in references).

    The mention matcher reads its spellings like a person's and links them to nobody, so that
    "Ivan Zalkind" is not a mention of "Ivan" (Maisky). ``sources`` limits it to the sources
    where it applies; empty: all of them."""

    id: str
    name: str
    spellings: list[str]
    sources: list[str]
    note: str | None
    where: Where


@dataclass
class Category:
    id: str
    name: str
    colour: str
    where: Where


@dataclass
class Era:
    id: str
    name: str
    date: str
    source: str | None
    quote: str | None
    note: str | None
    where: Where


@dataclass
class Tour:
    id: str
    title: str
    intro: str
    stops: list[tuple[str, str]]  # (event id, narration)
    where: Where


@dataclass
class Catalog:
    categories: list[Category] = field(default_factory=list)
    eras: list[Era] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tours: list[Tour] = field(default_factory=list)
    others: list[OtherName] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# ---- YAML with line numbers -------------------------------------------------------


class _Node(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


def _convert(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(n) for n in node.value]
    out = _Node()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for k, v in node.value:
        out[k.value] = _convert(v)
        out.key_lines[k.value] = k.start_mark.line + 1
    return out


def read_yaml(path: Path, label: str, problems: list[Problem]) -> list[_Node]:
    """The records of one catalog file; anything malformed becomes one problem at its line.

    ``safe_yaml`` refuses what could hang or exhaust the reader (aliases, deep nesting, huge
    files) and what YAML would silently get wrong (a key twice, a key that is not text).
    """
    try:
        root = safe_yaml.compose(path)
    except safe_yaml.RefusedYamlError as exc:
        problems.append(Unreadable(label, exc.line, exc.reason))
        return []
    if root is None:
        return []
    data = _convert(root)
    if not isinstance(data, list):
        problems.append(Problem(label, 1, "the file must be a list of records (each starting with '- ')"))
        return []
    records = []
    for item in data:
        if isinstance(item, _Node):
            records.append(item)
        else:
            problems.append(Problem(label, 1, f"a record must be a mapping, found {item!r}"))
    return records


# ---- typed records ----------------------------------------------------------------


KEYS = {
    "event": {
        "id",
        "title",
        "summary",
        "date",
        "date_text",
        "category",
        "people",
        "places",
        "anchors",
        "note",
        "conflict",
        "conflicts",
        "named",
    },
    "anchor": {"source", "quote", "occurrence", "reading", "field"},
    "conflict": {"field", "note"},
    "person": {"id", "name", "aliases", "born", "died", "summary", "posts", "fate", "note"},
    "post": {"title", "date"},
    "place": {"id", "name", "aliases", "country", "note"},
    "other": {"id", "name", "spellings", "sources", "note"},
    "category": {"id", "name", "colour"},
    "era": {"id", "name", "date", "source", "quote", "note"},
    "tour": {"id", "title", "intro", "stops"},
    "stop": {"event", "narration"},
}


class _Reader:
    """Pulls typed fields out of one record, reporting what is missing or malformed."""

    def __init__(self, rec: _Node, label: str, problems: list[Problem], kind: str):
        self.rec, self.label, self.problems = rec, label, problems
        self.where = Where(label, rec.line)
        for key in rec:
            if key not in KEYS[kind]:
                self.problem(key, f"unknown field {key!r} in {kind} (known: {', '.join(sorted(KEYS[kind]))})")

    def line(self, key: str) -> int:
        return self.rec.key_lines.get(key, self.rec.line)

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.label, self.line(key), message))

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.rec.get(key)
        if value is None:
            if required:
                self.problem(key, f"missing '{key}'")
            return None
        if not isinstance(value, str):
            self.problem(key, f"'{key}' must be text")
            return None
        return value.strip() if key != "quote" else value

    def strings(self, key: str) -> list[str]:
        value = self.rec.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"'{key}' must be a list of texts")
            return []
        return [v.strip() for v in value]

    def date(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is None:
            return None
        try:
            dates.parse(value)
        except dates.DateError as exc:
            self.problem(key, str(exc))
            return None
        return value

    def ident(self) -> str:
        value = self.text("id") or ""
        if value and not SLUG.match(value):
            self.problem("id", f"id {value!r} is not a slug (lowercase ascii, digits, hyphens)")
        return value


def _anchor(raw: Any, reader: _Reader, index: int) -> AnchorSpec | None:
    if not isinstance(raw, _Node):
        reader.problem("anchors", f"anchor {index + 1} must be a mapping with source and quote")
        return None
    a = _Reader(raw, reader.label, reader.problems, "anchor")
    source, quote = a.text("source"), a.text("quote")
    occurrence = a.text("occurrence", required=False)
    occ: int | None = None
    if occurrence is not None:
        if occurrence.isdigit() and int(occurrence) >= 1:
            occ = int(occurrence)
        else:
            a.problem("occurrence", f"occurrence must be a whole number from 1, not {occurrence!r}")
    if not source or not quote:
        return None
    return AnchorSpec(
        source,
        quote,
        occ,
        a.text("reading", required=False),
        Where(reader.label, a.line("quote")),
        a.text("field", required=False),
    )


def _conflicts(rec: _Node, r: _Reader, anchors: list[AnchorSpec]) -> list[Conflict]:
    """``conflict:`` (one mapping) or ``conflicts:`` (a list), each checked against its readings."""
    raw: list[Any] = []
    if "conflict" in rec and "conflicts" in rec:
        r.problem("conflicts", "write either 'conflict' or 'conflicts', not both")
    if rec.get("conflict") is not None:
        raw = [rec["conflict"]]
    elif rec.get("conflicts") is not None:
        raw = rec["conflicts"] if isinstance(rec["conflicts"], list) else [rec["conflicts"]]
    out: list[Conflict] = []
    for item in raw:
        if not isinstance(item, _Node):
            key = "conflict" if "conflict" in rec else "conflicts"
            r.problem(key, "a conflict must be a mapping with field and note")
            continue
        c = _Reader(item, r.label, r.problems, "conflict")
        c_field, c_note = c.text("field"), c.text("note")
        if c_field and c_field not in CONFLICT_FIELDS:
            c.problem("field", f"conflict field must be one of {', '.join(CONFLICT_FIELDS)}, not {c_field!r}")
        if c_field and c_note:
            out.append(Conflict(c_field, c_note, Where(r.label, c.line("field"))))
    fields = [c.field for c in out]
    for dup in {f for f in fields if fields.count(f) > 1}:
        r.problem("conflicts", f"two conflicts on the same field {dup!r}: make them one")
    for a in anchors:
        if a.field is not None and a.field not in fields:
            r.problems.append(
                Problem(a.where.file, a.where.line, f"anchor reading for field {a.field!r}, but no conflict on it")
            )
        if a.field is None and a.reading and len(out) > 1:
            r.problems.append(
                Problem(a.where.file, a.where.line, "several conflicts: say which one this reading is for ('field:')")
            )
    probe = Event("", "", "", "", "", "", [], [], anchors, None, out, r.where)
    for conflict in out:
        if len({a.reading for a in probe.readings(conflict)}) < 2:
            r.problems.append(
                Problem(
                    conflict.where.file,
                    conflict.where.line,
                    f"a conflict on the {conflict.field} needs two anchors with different 'reading' values",
                )
            )
    return out


def _event(rec: _Node, label: str, problems: list[Problem]) -> Event | None:
    r = _Reader(rec, label, problems, "event")
    eid, title, summary = r.ident(), r.text("title"), r.text("summary")
    date, category = r.date("date"), r.text("category")
    raw_anchors = rec.get("anchors")
    anchors: list[AnchorSpec] = []
    if not isinstance(raw_anchors, list) or not raw_anchors:
        r.problem("anchors" if "anchors" in rec else "id", f"event {eid!r} has no anchor")
    else:
        anchors = [a for i, raw in enumerate(raw_anchors) if (a := _anchor(raw, r, i))]
    conflicts = _conflicts(rec, r, anchors)
    if not (eid and title and summary and date and category):
        return None
    return Event(
        eid,
        title,
        summary,
        date,
        r.text("date_text", required=False) or "",
        category,
        r.strings("people"),
        r.strings("places"),
        anchors,
        r.text("note", required=False),
        conflicts,
        r.where,
        r.strings("named"),
    )


def _person(rec: _Node, label: str, problems: list[Problem]) -> Person | None:
    r = _Reader(rec, label, problems, "person")
    pid, name = r.ident(), r.text("name")
    posts = []
    for raw in rec.get("posts") or []:
        if isinstance(raw, _Node):
            p = _Reader(raw, label, problems, "post")
            title = p.text("title")
            if title:
                posts.append(Post(title, p.date("date", required=False)))
        else:
            r.problem("posts", "each post must be a mapping with title and date")
    if not (pid and name):
        return None
    return Person(
        pid,
        name,
        r.strings("aliases"),
        r.date("born", False),
        r.date("died", False),
        r.text("summary", False),
        posts,
        r.text("fate", False),
        r.where,
    )


def _place(rec: _Node, label: str, problems: list[Problem]) -> Place | None:
    r = _Reader(rec, label, problems, "place")
    pid, name = r.ident(), r.text("name")
    if not (pid and name):
        return None
    return Place(pid, name, r.strings("aliases"), r.text("country", False), r.where)


def _other(rec: _Node, label: str, problems: list[Problem]) -> OtherName | None:
    r = _Reader(rec, label, problems, "other")
    oid, name, note = r.ident(), r.text("name"), r.text("note")
    spellings = r.strings("spellings")
    if not spellings:
        r.problem("spellings", f"other name {oid!r}: list the spellings the sources print")
    if not (oid and name and note and spellings):
        return None
    return OtherName(oid, name, spellings, r.strings("sources"), note, r.where)


def _category(rec: _Node, label: str, problems: list[Problem]) -> Category | None:
    r = _Reader(rec, label, problems, "category")
    cid, name, colour = r.ident(), r.text("name"), r.text("colour")
    if colour and not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        r.problem("colour", f"colour must be #rrggbb, not {colour!r}")
    if not (cid and name and colour):
        return None
    return Category(cid, name, colour, r.where)


def _era(rec: _Node, label: str, problems: list[Problem]) -> Era | None:
    r = _Reader(rec, label, problems, "era")
    eid, name, date = r.ident(), r.text("name"), r.date("date")
    if not (eid and name and date):
        return None
    return Era(eid, name, date, r.text("source", False), r.text("quote", False), r.text("note", False), r.where)


def _tour(rec: _Node, label: str, problems: list[Problem]) -> Tour | None:
    r = _Reader(rec, label, problems, "tour")
    tid, title, intro = r.ident(), r.text("title"), r.text("intro")
    stops = []
    for raw in rec.get("stops") or []:
        if isinstance(raw, _Node):
            s = _Reader(raw, label, problems, "stop")
            event, text = s.text("event"), s.text("narration")
            if event and text:
                stops.append((event, text))
        else:
            r.problem("stops", "each stop must be a mapping with event and narration")
    if not stops:
        r.problem("stops", f"tour {tid!r} has no stops")
    if not (tid and title and intro):
        return None
    return Tour(tid, title, intro, stops, r.where)


_KINDS = {
    "categories": _category,
    "eras": _era,
    "events": _event,
    "people": _person,
    "places": _place,
    "tours": _tour,
    "others": _other,
}


def _files(root: Path, kind: str) -> list[Path]:
    single = root / f"{kind}.yaml"
    folder = root / kind
    found = [single] if single.exists() else []
    if folder.is_dir():
        found += sorted(folder.glob("*.yaml"))
    return found


def load(root: Path, label_base: Path | None = None) -> Catalog:
    """Read every catalog file under ``root``; problems are gathered in ``.problems``."""
    cat = Catalog()
    base = label_base or root.parent.parent
    for kind, make in _KINDS.items():
        target: list[Any] = getattr(cat, kind)
        for path in _files(root, kind):
            try:
                label = str(path.relative_to(base))
            except ValueError:
                label = str(path)
            for rec in read_yaml(path, label, cat.problems):
                item = make(rec, label, cat.problems)
                if item is not None:
                    target.append(item)
    return cat
