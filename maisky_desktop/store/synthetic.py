"""Synthetic stores of any size, with the real schema, for benchmarks and scale tests.

The text is made up from a fixed vocabulary (names from the corpus among common words)
with a seeded generator, so two runs with the same sizes build the same store. Events
spread over 1917-1975 in the real lanes; every event has one anchor into a passage,
whose text is the file slice of a synthetic source, as in the real store.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import astuple, fields
from datetime import date
from pathlib import Path

import sqlite_utils

from maisky_desktop.core import span
from maisky_desktop.core.records import Event, Passage
from maisky_desktop.store import schema, timeline
from maisky_desktop.store.build import _create, _fts, _rtree

LANES = [
    ("maisky", "Maisky's life and postings", "#b5523b"),
    ("anglo-soviet", "Anglo-Soviet relations", "#3b6fb5"),
    ("diplomacy", "Soviet diplomacy and recognition", "#4f8f5a"),
    ("conferences", "Conferences and treaties", "#8a5fb0"),
    ("comintern", "The Comintern and propaganda", "#c28a1e"),
    ("purges", "Terror and the Narkomindel purge", "#7a2a2a"),
    ("war", "War and alliance", "#52606d"),
    ("soviet-state", "Soviet politics at home", "#2f8f8f"),
]
NAMES = [
    "Maisky",
    "Litvinov",
    "Chicherin",
    "Krasin",
    "Kollontai",
    "Molotov",
    "Eden",
    "Churchill",
    "Curzon",
    "Rakovsky",
    "Karakhan",
    "Stomoniakov",
    "Krestinskii",
    "Yrjö-Koskinen",
    "Potemkin",
]
WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "was",
    "that",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "his",
    "which",
    "diplomat",
    "embassy",
    "treaty",
    "commissariat",
    "London",
    "Moscow",
    "Genoa",
    "conference",
    "recognition",
    "trade",
    "agreement",
    "purge",
    "recall",
    "arrest",
    "ambassador",
    "mission",
    "propaganda",
    "note",
    "minister",
    "government",
    "delegation",
    "relations",
    "war",
    "alliance",
]
_PASSAGE_INSERT = f"INSERT INTO passages VALUES ({','.join('?' * len(fields(Passage)))})"
FIRST_DAY, LAST_DAY = date(span.STUDY[0], 1, 1).toordinal(), date(span.STUDY[1], 12, 31).toordinal()


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(NAMES) if rng.random() < 0.04 else rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def build_synthetic(
    out: Path,
    n_events: int,
    n_passages: int | None = None,
    seed: int = 1917,
    fts_prefix: tuple[int, ...] = schema.FTS_PREFIX,
) -> Path:
    """Write a store with ``n_events`` events and ``n_passages`` passages (default: one per event).

    ``fts_prefix=()`` leaves out the prefix indexes: the search benchmark's baseline.
    """
    rng = random.Random(seed)
    n_passages = n_passages or max(n_events, 1)
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    db = sqlite_utils.Database(conn)
    with conn:
        _create(db)
        conn.executemany("INSERT INTO categories VALUES (?, ?, ?, ?)", [(*lane, i) for i, lane in enumerate(LANES)])
        conn.execute(
            "INSERT INTO sources (id, file, sha256, title, author, kind, rights) VALUES "
            "('synthetic', 'synthetic.txt', '', 'Synthetic corpus', 'Benchmark', 'journal article', 'none')"
        )
        offset, rows, heads = 0, [], []
        for i in range(n_passages):
            text = " ".join(_sentence(rng, rng.randint(8, 24)) for _ in range(rng.randint(1, 3)))
            pid = f"synthetic/p{i:07d}"
            rows.append(
                astuple(Passage(pid, "synthetic", i, "body", offset, offset + len(text), text, pid, 0, None, i + 1))
            )
            if i < n_events:
                heads.append((offset, text[:40]))
            offset += len(text) + 2
            if len(rows) == 20000:
                conn.executemany(_PASSAGE_INSERT, rows)
                rows = []
        conn.executemany(_PASSAGE_INSERT, rows)
        events, anchors = [], []
        for i in range(n_events):
            start = rng.randint(FIRST_DAY, LAST_DAY)
            kind = rng.random()
            end = start if kind < 0.6 else start + (rng.randint(27, 30) if kind < 0.85 else rng.randint(30, 2000))
            end = min(end, LAST_DAY)
            d0, d1 = date.fromordinal(start), date.fromordinal(end)
            precision = "day" if start == end else "interval"
            eid = f"e{i:07d}"
            events.append(
                astuple(
                    Event(
                        eid,
                        f"Synthetic event {i}",
                        "A synthetic event for benchmarks.",
                        d0.isoformat(),
                        "",
                        d0.isoformat(),
                        d1.isoformat(),
                        precision,
                        precision,
                        0,
                        0,
                        start,
                        end,
                        LANES[i % len(LANES)][0],
                        catalog_file="synthetic",
                        catalog_line=0,
                    )
                )
            )
            p = i % n_passages
            at, quote = heads[p]
            anchors.append((i + 1, eid, 0, "synthetic", f"synthetic/p{p:07d}", at, at + len(quote), quote, None, None))
        conn.executemany(f"INSERT INTO events VALUES ({','.join('?' * len(fields(Event)))})", events)
        conn.executemany("INSERT INTO event_anchors VALUES (?,?,?,?,?,?,?,?,?,?)", anchors)
        conn.executemany(
            "INSERT INTO people (id, name, aliases, event_count) VALUES (?, ?, ?, 0)",
            [(n.lower(), n, n) for n in NAMES],
        )
    with conn:
        _fts(db, fts_prefix)
        _rtree(db)
        timeline.write_columns(conn)
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
    conn.close()
    return out
