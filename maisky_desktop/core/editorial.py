"""The editorial manual's rules that a machine can check (``maisky-desktop check``).

Each rule catches a kind of slip a second reader found in the catalog: a person the
anchor names but nobody linked, a title or summary naming someone no anchor names, a
spelling no source uses, a day or month no anchor states, date words no anchor holds, a "conflict" whose readings
agree, a post listed twice, an "other name" (nobody of the catalog) that no source prints or
that would silence a person's spelling everywhere. They report problems
as ``file:line: message`` like every other check; none of them edits the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping

from maisky_desktop.core import dates, stated
from maisky_desktop.core.catalog import Catalog, Problem
from maisky_desktop.core.corpus import Document
from maisky_desktop.core.mentions import SKIPPED_KINDS, NameMatcher


def name_matcher(cat: Catalog, source: str | None = None) -> NameMatcher:
    """Every person's name and spellings, for mentions and for the checks, as read in ``source``.

    The catalog's other names (nobody of the catalog) that apply there take their words and link
    nobody; without a source (our own titles and summaries) only those meant for every source."""
    others = [s for o in cat.others if (source in o.sources if o.sources else True) for s in o.spellings]
    return NameMatcher(((p.id, [p.name, *p.aliases]) for p in cat.people), others)


class Matchers(dict[str | None, NameMatcher]):
    """One matcher per source, made when first asked for."""

    def __init__(self, cat: Catalog):
        super().__init__()
        self.cat = cat

    def __missing__(self, source: str | None) -> NameMatcher:
        self[source] = name_matcher(self.cat, source)
        return self[source]


def check(cat: Catalog, documents: Mapping[str, Document], problems: list[Problem]) -> None:
    matchers = Matchers(cat)
    unlinked_names(cat, matchers, problems)
    summary_names(cat, matchers, problems)
    unused_spellings(cat, documents, matchers, problems)
    other_names(cat, documents, problems)
    precision_stated(cat, problems)
    date_words_anchored(cat, problems)
    compatible_conflicts(cat, problems)
    duplicated_posts(cat, problems)


def unlinked_names(cat: Catalog, matchers: Matchers, problems: list[Problem]) -> None:
    """A person an anchor names is linked (``people``: takes part) or acknowledged (``named``: only named),
    and everyone in ``named`` is named by an anchor (a stale acknowledgement hides nothing but misleads)."""
    known = {p.id for p in cat.people}
    for ev in cat.events:
        anchored = {pid for spec in ev.anchors for pid in matchers[spec.source].people_in(spec.quote)}
        for pid in ev.named:
            if pid not in known:
                problems.append(Problem(ev.where.file, ev.where.line, f"event {ev.id!r}: unknown person {pid!r}"))
            elif pid in ev.people:
                problems.append(
                    Problem(ev.where.file, ev.where.line, f"event {ev.id!r}: {pid!r} is both in people and named")
                )
            elif pid not in anchored:
                problems.append(
                    Problem(
                        ev.where.file,
                        ev.where.line,
                        f"event {ev.id!r}: {pid!r} is in named but no anchor names them: "
                        "drop them, or anchor the passage that names them",
                    )
                )
        linked = set(ev.people) | set(ev.named)
        for spec in ev.anchors:
            for _, _, alias, owners in matchers[spec.source].find(spec.quote):
                if not set(owners) & linked:
                    who = " or ".join(repr(o) for o in owners)
                    problems.append(
                        Problem(
                            spec.where.file,
                            spec.where.line,
                            f"event {ev.id!r}: the anchor names {who} ({alias!r}) but the event does not link them: "
                            "add to people if they take part, to named if the text only names them",
                        )
                    )


def summary_names(cat: Catalog, matchers: Matchers, problems: list[Problem]) -> None:
    """A title or summary names only people the event links or its anchors name.

    The words are ours but the claims are the text's: "which Maisky believed caused his recall"
    or "after the Curzon Ultimatum" needs an anchor that says so. A linked participant passes even
    when the anchor calls them "he": the editor has read who takes part."""
    for ev in cat.events:
        anchored = {pid for spec in ev.anchors for pid in matchers[spec.source].people_in(spec.quote)}
        allowed = anchored | set(ev.people)
        seen: set[str] = set()
        for _, _, alias, owners in matchers[None].find(f"{ev.title}\n{ev.summary}"):
            if set(owners) & allowed or alias in seen:
                continue
            seen.add(alias)
            who = " or ".join(repr(o) for o in owners)
            problems.append(
                Problem(
                    ev.where.file,
                    ev.where.line,
                    f"event {ev.id!r}: the title or summary names {who} ({alias!r}), whom no anchor names and "
                    "the event does not link: anchor the passage that says it, or leave the name out",
                )
            )


def unused_spellings(
    cat: Catalog, documents: Mapping[str, Document], matchers: Matchers, problems: list[Problem]
) -> None:
    """Every alias is a spelling some source uses; every person is named in some passage."""
    texts = [d.text for d in documents.values()]
    named: set[str] = set()
    for source, doc in documents.items():
        for p in doc.passages:
            if p.kind not in SKIPPED_KINDS:
                named |= matchers[source].people_in(p.text)
    for person in cat.people:
        for alias in person.aliases:
            if not any(alias in t for t in texts):
                problems.append(
                    Problem(
                        person.where.file,
                        person.where.line,
                        f"person {person.id!r}: alias {alias!r} occurs nowhere in the sources",
                    )
                )
        if person.id not in named:
            problems.append(
                Problem(
                    person.where.file,
                    person.where.line,
                    f"person {person.id!r} is named in no passage (outside references) by any of their spellings",
                )
            )


def other_names(cat: Catalog, documents: Mapping[str, Document], problems: list[Problem]) -> None:
    """An other name's spellings occur in its sources, and one that is also a catalog spelling says where.

    Without ``sources`` it would silence a person's spelling everywhere: "Chamberlain" is Sir Austen
    only in the Comintern article."""
    spellings = {s for p in cat.people for s in (p.name, *p.aliases)}
    for other in cat.others:
        texts = [d.text for sid, d in documents.items() if not other.sources or sid in other.sources]
        for spelling in other.spellings:
            if not any(spelling in t for t in texts):
                where = "its sources" if other.sources else "the sources"
                problems.append(
                    Problem(
                        other.where.file,
                        other.where.line,
                        f"other name {other.id!r}: spelling {spelling!r} occurs nowhere in {where}",
                    )
                )
            if spelling in spellings and not other.sources:
                problems.append(
                    Problem(
                        other.where.file,
                        other.where.line,
                        f"other name {other.id!r}: {spelling!r} is also a catalog person's spelling; "
                        "list the sources where it means someone else (sources:)",
                    )
                )


def precision_stated(cat: Catalog, problems: list[Problem]) -> None:
    """An event's date is no finer than the finest date its anchors state (relative dates aside)."""
    for ev in cat.events:
        try:
            unit = stated.finest_of_edtf(ev.date)
        except dates.DateError:
            continue  # the loader reported it
        quotes = [a.quote for a in ev.anchors]
        if any(stated.RELATIVE.search(q) for q in quotes):
            continue  # "two weeks later": the note says how the date was worked out
        found = [u for q in quotes if (u := stated.finest_unit(q))]
        finest = min(found, key=stated.UNITS.index) if found else None
        if finest is None:
            if not ev.note:  # a date from the context needs a note saying how it was worked out
                problems.append(
                    Problem(
                        ev.where.file,
                        ev.where.line,
                        f"event {ev.id!r}: no anchor states a date ({ev.date}) and no note says how it was derived",
                    )
                )
            continue
        vague = "~" in ev.date and unit == "year" and finest == "decade"  # "the mid-1920s" read as c. 1925
        if stated.is_finer(unit, finest) and not vague:
            problems.append(
                Problem(
                    ev.where.file,
                    ev.where.line,
                    f"event {ev.id!r}: date {ev.date} is a {unit}, but the finest date its anchors state is a {finest}",
                )
            )


def date_words_anchored(cat: Catalog, problems: list[Problem]) -> None:
    """The date's words (``date_text``) are in an anchor, or a note says where the date came from.

    ``date_text`` is the source's own words for the date; words no anchor holds were taken from a
    neighbouring sentence or worked out, and a reader deserves to be told how."""
    for ev in cat.events:
        words = ev.date_text.casefold()
        if not words or ev.note or any(words in spec.quote.casefold() for spec in ev.anchors):
            continue
        problems.append(
            Problem(
                ev.where.file,
                ev.where.line,
                f"event {ev.id!r}: the date's words ({ev.date_text!r}) are in no anchor: anchor them, "
                "or say in a note how the date was worked out",
            )
        )


def compatible_conflicts(cat: Catalog, problems: list[Problem]) -> None:
    """A conflict's readings disagree: nested dates (June 1943, 1943) or equal words are not a conflict."""
    for ev in cat.events:
        for conflict in ev.conflicts:
            readings = [a.reading or "" for a in ev.readings(conflict)]
            if conflict.field == "date":
                spans = [s for r in readings if (s := stated.reading_span(r))]
                agree = len(spans) >= 2 and stated.compatible(spans)
            else:
                agree = len({" ".join(r.casefold().split()) for r in readings}) < 2
            if agree:
                problems.append(
                    Problem(
                        conflict.where.file,
                        conflict.where.line,
                        f"event {ev.id!r}: the readings of the {conflict.field} conflict are compatible "
                        f"({'; '.join(readings)}): not a conflict (say so in a note)",
                    )
                )


def duplicated_posts(cat: Catalog, problems: list[Problem]) -> None:
    """A person's post is listed once: the same title twice, or a title and its longer form ("Director" and
    "Director of the Narkomindel"), with overlapping (or no) dates is a duplicate."""
    for person in cat.people:
        seen: list[tuple[str, str | None]] = []
        for post in person.posts:
            title = " ".join(post.title.casefold().split())
            for other_title, other_date in seen:
                same = title.startswith(other_title) or other_title.startswith(title)
                if same and _overlap(post.date, other_date):
                    problems.append(
                        Problem(
                            person.where.file,
                            person.where.line,
                            f"person {person.id!r}: post {post.title!r} ({post.date or 'no date'}) is listed twice",
                        )
                    )
                    break
            seen.append((title, post.date))


def _overlap(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    try:
        x, y = dates.parse(a), dates.parse(b)
    except dates.DateError:
        return False
    return x.start <= y.end and y.start <= x.end
