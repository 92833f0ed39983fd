"""Cross-checks of seeds and catalog: what ``maisky-desktop check`` reports and ``build`` relies on.

Loading and checking are one pass, so the build can never store what the check
would refuse: ``resolve`` returns the located anchors together with every problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from maisky_desktop.core import catalog as catalog_mod
from maisky_desktop.core import editorial
from maisky_desktop.core.anchoring import AnchorError, Located, locate
from maisky_desktop.core.catalog import Catalog, Problem
from maisky_desktop.core.corpus import Document
from maisky_desktop.core.sources import Source, load_sources


@dataclass
class Resolved:
    """Everything the build needs, after every check has run."""

    sources: list[Source]
    documents: dict[str, Document]
    catalog: Catalog
    anchors: dict[tuple[str, int], Located] = field(default_factory=dict)  # (event id, index)
    era_anchors: dict[str, Located] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def resolve(seeds: Path, catalog_dir: Path, label_base: Path) -> Resolved:
    problems: list[Problem] = []
    pairs = load_sources(seeds, _label(seeds / "sources.yaml", label_base), problems)
    cat = catalog_mod.load(catalog_dir, label_base)
    problems += cat.problems
    res = Resolved([s for s, _ in pairs], {s.id: d for s, d in pairs}, cat)
    if any(isinstance(p, catalog_mod.Unreadable) for p in problems):
        # A file that did not parse leaves its records out; checking the others against them
        # would turn one syntax error into dozens of "unknown ..." lines. Fix it first.
        res.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        return res
    _unique(cat, problems)
    _references(res, problems)
    editorial.check(cat, res.documents, problems)
    res.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
    return res


def _label(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def _unique(cat: Catalog, problems: list[Problem]) -> None:
    for kind in ("categories", "eras", "events", "people", "places", "tours", "others"):
        seen: dict[str, catalog_mod.Where] = {}
        for item in getattr(cat, kind):
            if item.id in seen:
                first = seen[item.id]
                problems.append(
                    Problem(
                        item.where.file,
                        item.where.line,
                        f"duplicate id {item.id!r} (first at {first.file}:{first.line})",
                    )
                )
            else:
                seen[item.id] = item.where


def _references(res: Resolved, problems: list[Problem]) -> None:
    cat = res.catalog
    categories = {c.id for c in cat.categories}
    people = {p.id for p in cat.people}
    places = {p.id for p in cat.places}
    events = {e.id for e in cat.events}
    used_places: Counter[str] = Counter()
    for ev in cat.events:
        where = ev.where
        if ev.category not in categories:
            problems.append(Problem(where.file, where.line, f"event {ev.id!r}: unknown category {ev.category!r}"))
        for pid in ev.people:
            if pid not in people:
                problems.append(Problem(where.file, where.line, f"event {ev.id!r}: unknown person {pid!r}"))
        for pid in ev.places:
            used_places[pid] += 1
            if pid not in places:
                problems.append(Problem(where.file, where.line, f"event {ev.id!r}: unknown place {pid!r}"))
        for index, spec in enumerate(ev.anchors):
            located = _locate(res, spec.source, spec.quote, spec.occurrence, spec.where, problems)
            if located:
                res.anchors[(ev.id, index)] = located
    for place in cat.places:
        if not used_places[place.id]:
            problems.append(Problem(place.where.file, place.where.line, f"place {place.id!r} is in no event"))
    for era in cat.eras:
        if era.source and era.quote:
            located = _locate(res, era.source, era.quote, None, era.where, problems)
            if located:
                res.era_anchors[era.id] = located
    for other in cat.others:
        for source in other.sources:
            if source not in res.documents:
                problems.append(Problem(other.where.file, other.where.line, f"unknown source {source!r}"))
    for tour in cat.tours:
        for event_id, _ in tour.stops:
            if event_id not in events:
                problems.append(
                    Problem(tour.where.file, tour.where.line, f"tour {tour.id!r}: unknown event {event_id!r}")
                )


def _locate(
    res: Resolved, source: str, quote: str, occurrence: int | None, where: catalog_mod.Where, problems: list[Problem]
) -> Located | None:
    doc = res.documents.get(source)
    if doc is None:
        problems.append(Problem(where.file, where.line, f"unknown source {source!r}"))
        return None
    try:
        return locate(doc, quote, occurrence)
    except AnchorError as exc:
        problems.append(Problem(where.file, where.line, str(exc)))
        return None
