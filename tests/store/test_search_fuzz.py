"""Search takes any text: bounded before parsing, cancellable while parsing, never an error.

Hypothesis feeds arbitrary Unicode (control characters, lone surrogates as a terminal may pass
them, combining marks, operator characters) through the parser and the real store's search.
"""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maisky_desktop.core.search import MAX_CHARS, MAX_WORDS, ParseCancelledError, bound, parse
from maisky_desktop.store.reader import open_store
from maisky_desktop.store.search import Searcher

operators = st.sampled_from(['"', "*", "(", ")", "AND", "OR", "NOT", "NEAR(", "^", ":", "-", "+", "{", "}", " "])
texts = st.lists(st.text(max_size=20) | operators, max_size=12).map("".join)


@pytest.fixture(scope="module")
def searcher():
    from maisky_desktop import paths

    conn = open_store(paths.default_store())
    yield Searcher(conn)
    conn.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_fuzz_any_unicode_searches_without_error(searcher, text):
    results = searcher.search(text)
    assert len(results.query.groups) <= MAX_WORDS
    for hit in results.all():
        assert hit.kind in ("event", "person", "passage") and hit.id


@settings(max_examples=150, deadline=None)
@given(texts)
def test_fuzz_every_parsed_query_is_valid_fts5(text):
    query = parse(text)
    if query.empty:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    db.execute("SELECT * FROM t WHERE t MATCH ?", (query.fts(),)).fetchall()  # raises on a syntax error
    db.close()


def test_a_megabyte_of_text_is_cut_before_it_is_parsed():
    text = "treaty " * 150_000
    assert len(bound(text)) <= MAX_CHARS
    query = parse(text)
    assert len(query.groups) <= MAX_WORDS and len(query.text) <= MAX_CHARS


def test_ten_thousand_made_up_words_become_at_most_max_words(searcher):
    text = " ".join(f"zq{i}x" for i in range(10_000))
    results = searcher.search(text)
    assert len(results.query.groups) == MAX_WORDS and not results.all()


def test_parsing_stops_when_cancelled():
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ParseCancelledError):
        parse("one two three four five", cancelled=cancelled)
    assert len(calls) == 3  # asked once per word, stopped at the third


def test_bytes_that_were_not_utf8_are_dropped_not_searched():
    assert bound("Maisky\udcff") == "Maisky"
    assert [g.word for g in parse("Ma\udcffisky").groups] == ["maisky"]


def test_searcher_refuses_a_limit_below_one(searcher):
    with pytest.raises(ValueError, match="at least 1"):
        searcher.search("Maisky", limit=0)
