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


def test_a_name_that_is_no_catalog_person_takes_its_words_and_links_nobody():
    matcher = NameMatcher([("maisky", ["Ivan Maisky", "Ivan"]), ("chicherin", ["Chicherin"])], others=["Ivan Zalkind"])
    found = matcher.find("Ivan Zalkind to Chicherin; Ivan wrote.")
    assert [(alias, owners) for _, _, alias, owners in found] == [("Chicherin", ["chicherin"]), ("Ivan", ["maisky"])]
    assert matcher.people_in("Ivan Zalkind") == set()


def test_another_name_can_overrule_a_catalog_spelling_in_one_source():
    # In the Comintern article "Chamberlain" is Sir Austen: that source's matcher drops it
    neville = [("neville", ["Neville Chamberlain", "Chamberlain"])]
    assert (
        NameMatcher(neville, others=["Sir Austen Chamberlain", "Chamberlain"]).people_in("Chamberlain to Rozengolz")
        == set()
    )
    assert NameMatcher(neville).people_in("On Chamberlain as the accountant") == {"neville"}
