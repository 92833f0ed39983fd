"""Finding people's names in passages: whole words, every spelling, the longest spelling wins."""

from dataclasses import dataclass

from maisky_desktop.core.mentions import NameMatcher, mentions


@dataclass
class P:
    id: str
    kind: str
    char_start: int
    text: str


MATCHER = NameMatcher([("litvinov", ["Maxim Litvinov", "Litvinov"]), ("ivy", ["Ivy Litvinov"])])


def test_the_longest_spelling_takes_the_mention():
    found = MATCHER.find("Ivy Litvinov wrote to Litvinov.")
    assert [(alias, owners) for _, _, alias, owners in found] == [("Ivy Litvinov", ["ivy"]), ("Litvinov", ["litvinov"])]


def test_names_match_as_whole_words_only():
    assert MATCHER.people_in("the Litvinovs and Litvinov's friends") == {"litvinov"}
    assert MATCHER.people_in("Litvinovsky") == set()
    assert MATCHER.people_in("the Litvinov-Pipe thesis and anti-Litvinov") == set()  # a hyphen joins words
    assert MATCHER.people_in("Litvinov — and Litvinov.") == {"litvinov"}  # a dash does not
    assert MATCHER.people_in("the Ivy Litvinov-Litvinov pact") == {"ivy", "litvinov"}  # two names joined


def test_mentions_carry_source_offsets_and_skip_references():
    body = P("s/p1", "body", 100, "Maxim Litvinov arrived.")
    ref = P("s/p2", "reference", 200, "Litvinov, M. Notes for a Journal.")
    (m,) = mentions(MATCHER, [body, ref])
    assert (m.person_id, m.passage_id, m.char_start, m.char_end, m.alias) == (
        "litvinov",
        "s/p1",
        100,
        114,
        "Maxim Litvinov",
    )
