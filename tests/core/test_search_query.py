"""Query parsing: any text becomes a valid FTS5 expression; folding and spellings as the tokenizer sees them."""

import random
import sqlite3

import pytest

from maisky_desktop.core.search import Snippet, Spellings, fold, forms, parse, transliteration_key

NASTY = [
    '"',
    '""',
    "'",
    "*",
    "a*",
    "AND",
    "OR NOT",
    "NEAR(",
    "(",
    ")",
    "((Maisky",
    "Maisky)",
    "-",
    "--x",
    "^",
    ":",
    "col:Maisky",
    "+",
    "Maisky AND",
    "\\",
    "\x00",
    "   ",
    "",
    "Yrjö-Koskinen",
    '"trade agreement',
    'a"b"c',
    "{x}",
    "[1]",
    "Ма́йский",
    "e\u0301",
    "🙂",
    "NEAR(a b, 3)",
    "'; DROP TABLE passages; --",
]


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO t VALUES (?)", [("Maisky met Yrjö-Koskinen",), ("the trade agreement of 1921",)])
    return conn


@pytest.mark.parametrize("text", NASTY)
def test_any_text_gives_a_valid_expression(fts, text):
    query = parse(text, Spellings(["Ivan Maisky", "Maiskii"]))
    if not query.empty:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query.fts(),)).fetchone()


def test_random_text_never_breaks_the_expression(fts):
    rng = random.Random(1917)
    alphabet = "aAzZ *\"()-+^:{}[]'\\.,;öМайск\u0301"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        query = parse(text)
        if not query.empty:
            fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query.fts(),)).fetchone()


def test_fold_matches_the_tokenizer():
    assert fold("Yrjö") == "yrjo"
    assert fold("Ма́йский") == "майский"  # the stress mark goes, й stays as unicode61 keeps it


@pytest.mark.parametrize(
    ("a", "b"), [("Maisky", "Maiskii"), ("Maisky", "Mayski"), ("Maisky", "Майский"), ("Litvinoff", "Litvinov")]
)
def test_spellings_share_a_transliteration_key(a, b):
    assert transliteration_key(a) == transliteration_key(b)


def test_forms_cover_inflections_without_prefix_terms():
    assert {"treaty", "treaties", "treats"} <= set(forms("treaty"))
    assert {"purge", "purged", "purging", "purges"} <= set(forms("purged"))
    assert forms("of") == ["of"]


def test_quotes_make_phrases_and_a_half_typed_last_word_is_a_prefix():
    q = parse('"trade agreement" Litv')
    assert q.fts().startswith('"trade agreement" AND ("litv"* OR "litv" OR')
    assert "*" not in q.exact().fts() and '"litv"' in q.exact().fts()
    assert '"litv"*' not in parse("Litv ").fts()


def test_snippet_html_is_escaped():
    s = Snippet.from_marked("a <b> \x02Maisky\x03 & co")
    assert s.html() == "a &lt;b&gt; <b style='background-color:#ffe08a'>Maisky</b> &amp; co"
    assert s.bracketed() == "a <b> [Maisky] & co"


def test_a_prefix_longer_than_the_index_is_read_through_the_index_and_checked():
    q = parse("Litvi")
    assert '"litv"*' in q.fts(indexed=4) and '"litvi"*' in q.fts()
    assert q.narrowed(4) and not q.narrowed(0) and not parse("Litv").narrowed(4)
    assert q.accepts(["litvinov"]) and not q.accepts(["litva"])
