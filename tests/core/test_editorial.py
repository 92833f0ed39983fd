"""The editorial checks of ``maisky-desktop check``, each on a small catalog with one deliberate slip.

Every catalog here is written from scratch (one lane, one or two people, one event) over the
real seeds, so a test shows the rule firing on its slip and staying quiet on the fixed record.
"""

import shutil
from pathlib import Path

import pytest

from maisky_desktop.core.validate import resolve

ROOT = Path(__file__).resolve().parents[2]

CATEGORIES = '- {id: conferences, name: Conferences, colour: "#336699"}\n'
PEOPLE = """
- id: chicherin
  name: Georgy Chicherin
  aliases: [Chicherin]
{posts}
- id: litvinov
  name: Maxim Litvinov
  aliases: [Litvinov{extra_alias}]
"""
EVENT = """
- id: genoa-delegation
  title: Genoa delegation confirmed
  summary: {summary}
  date: "{date}"
  category: conferences
  people: {people}
  named: {named}
  anchors:
    - source: kocho-williams-comintern
      quote: "{quote1}"
      {reading1}
    - source: kocho-williams-comintern
      quote: "revisited on 20 February and then finally confirmed"
      {reading2}
{conflict}
{date_text}
"""


def _catalog(tmp_path: Path, **fields: str) -> list[str]:
    values = {
        "posts": "",
        "summary": "The Politburo confirms the Genoa delegation.",
        "quote1": "finally confirmed on 23 March 1922 (Chicherin and Litvinov)",
        "extra_alias": "",
        "date": "1922-03-23",
        "people": "[chicherin, litvinov]",
        "named": "[]",
        "reading1": "",
        "reading2": "",
        "conflict": "",
        "date_text": "",
    } | fields
    seeds = tmp_path / "seeds"
    if not seeds.exists():
        shutil.copytree(ROOT / "seeds", seeds)
    cat = tmp_path / "resources" / "catalog"
    (cat / "events").mkdir(parents=True, exist_ok=True)
    (cat / "categories.yaml").write_text(CATEGORIES, encoding="utf-8")
    (cat / "people.yaml").write_text(PEOPLE.format(**values), encoding="utf-8")
    (cat / "events" / "e.yaml").write_text(EVENT.format(**values), encoding="utf-8")
    if "others" in fields:
        (cat / "others.yaml").write_text(fields["others"], encoding="utf-8")
    return [str(p) for p in resolve(seeds, cat, tmp_path).problems]


def test_the_small_catalog_is_clean_when_nothing_is_wrong(tmp_path):
    assert _catalog(tmp_path) == []


def test_a_person_the_anchor_names_must_be_linked_or_acknowledged(tmp_path):
    problems = _catalog(tmp_path, people="[chicherin]")
    assert len(problems) == 1
    assert problems[0].startswith("resources/catalog/events/e.yaml:11:")
    assert "names 'litvinov' ('Litvinov') but the event does not link them" in problems[0]
    # Named only ("the Chicherin and Litvinov eras"): acknowledged without making them take part.
    assert _catalog(tmp_path, people="[chicherin]", named="[litvinov]") == []


def test_a_person_both_taking_part_and_only_named_is_refused(tmp_path):
    problems = _catalog(tmp_path, named="[litvinov]")
    assert any("'litvinov' is both in people and named" in p for p in problems), problems


def test_an_alias_no_source_uses_is_reported(tmp_path):
    problems = _catalog(tmp_path, extra_alias=", Litvinoffsky")
    assert problems == [
        "resources/catalog/people.yaml:6: person 'litvinov': alias 'Litvinoffsky' occurs nowhere in the sources"
    ]


def test_a_person_named_in_no_passage_is_reported(tmp_path):
    (tmp_path / "resources" / "catalog").mkdir(parents=True)
    problems = _catalog(tmp_path, posts="- id: nobody\n  name: Zzyzx Qwerty\n")
    assert any("person 'nobody' is named in no passage" in p for p in problems), problems


@pytest.mark.parametrize(
    ("date", "bad"),
    [
        ("1922-03-23", False),  # the anchor states the day
        ("1922-03", False),
        ("1922", False),
        ("1922-03-23T", True),  # not EDTF: reported by the loader, not this rule
    ],
)
def test_precision_the_anchor_states_passes(tmp_path, date, bad):
    problems = _catalog(tmp_path, date=date)
    assert bool(problems) == bad, problems


def test_a_precision_finer_than_the_anchors_is_reported(tmp_path):
    # Both anchors replaced by one that states only the month: a day is finer than the text.
    problems = _catalog(tmp_path, date="1922-02-20")
    assert problems == [], problems  # "on 20 February" states the day
    text = (tmp_path / "resources" / "catalog" / "events" / "e.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '"finally confirmed on 23 March 1922 (Chicherin and Litvinov)"',
        '"In March 1938, after having been recalled to Moscow"',
    ).replace('"revisited on 20 February and then finally confirmed"', '"to Moscow to discuss the matter further"')
    text = text.replace("people: [chicherin, litvinov]", "people: []")
    (tmp_path / "resources" / "catalog" / "events" / "e.yaml").write_text(text, encoding="utf-8")
    cat = tmp_path / "resources" / "catalog"
    problems = [str(p) for p in resolve(tmp_path / "seeds", cat, tmp_path).problems]
    assert any("is a day, but the finest date its anchors state is a month" in p for p in problems), problems


def test_a_conflict_whose_date_readings_nest_is_not_a_conflict(tmp_path):
    problems = _catalog(
        tmp_path,
        reading1="reading: March 1922",
        reading2="reading: '1922'",
        conflict='  conflict: {field: date, note: "one gives the month, the other the year"}',
    )
    assert len(problems) == 1 and "readings of the date conflict are compatible" in problems[0], problems
    assert problems[0].startswith("resources/catalog/events/e.yaml:16:")
    disagree = _catalog(
        tmp_path,
        reading1="reading: 23 March 1922",
        reading2="reading: 20 February 1922",
        conflict="  conflict: {field: date, note: the two dates differ}",
    )
    assert disagree == []


def test_a_conflict_on_a_cause_needs_different_readings(tmp_path):
    same = _catalog(
        tmp_path,
        reading1="reading: Lenin's decision",
        reading2="reading: lenin's  DECISION",
        conflict="  conflict: {field: cause, note: x}",
    )
    assert any("readings of the cause conflict are compatible" in p for p in same), same
    differ = _catalog(
        tmp_path,
        reading1="reading: Lenin's decision",
        reading2="reading: the Politburo's choice",
        conflict="  conflict: {field: cause, note: x}",
    )
    assert differ == []


def test_several_conflicts_each_name_their_readings(tmp_path):
    conflicts = "  conflicts:\n    - {field: date, note: a}\n    - {field: cause, note: b}"
    unassigned = _catalog(tmp_path, reading1="reading: 23 March 1922", reading2="reading: x", conflict=conflicts)
    assert any("say which one this reading is for" in p for p in unassigned), unassigned


def test_an_unknown_conflict_field_is_refused(tmp_path):
    problems = _catalog(
        tmp_path, reading1="reading: a", reading2="reading: b", conflict="  conflict: {field: mood, note: x}"
    )
    assert any("conflict field must be one of" in p and "'mood'" in p for p in problems), problems


def test_a_duplicated_post_is_reported(tmp_path):
    posts = (
        "  posts:\n"
        "  - {title: Foreign Commissar, date: 1918/1930}\n"
        "  - {title: Foreign commissar, date: '1922'}\n"
        "  - {title: Envoy, date: '1935'}\n"
    )
    problems = _catalog(tmp_path, posts=posts)
    assert problems == [
        "resources/catalog/people.yaml:2: person 'chicherin': post 'Foreign commissar' (1922) is listed twice"
    ]
    distinct = posts.replace("date: '1922'", "date: '1931'")
    assert _catalog(tmp_path, posts=distinct) == []
    longer = (
        "  posts:\n"
        "  - {title: 'Director, Third Western Department', date: 1937/1938}\n"
        "  - {title: 'Director, Third Western Department of the Narkomindel', date: 1937/1938}\n"
    )
    assert any("is listed twice" in p for p in _catalog(tmp_path, posts=longer))


def test_a_summary_naming_someone_no_anchor_names_is_reported(tmp_path):
    # The anchor now names nobody; the summary says Litvinov proposed the delegation.
    slip = {"quote1": "finally confirmed on 23 March 1922", "people": "[chicherin]"}
    summary = "The Politburo confirms the delegation Litvinov had proposed."
    problems = _catalog(tmp_path, summary=summary, **slip)
    assert len(problems) == 1
    assert problems[0].startswith("resources/catalog/events/e.yaml:2:")
    assert "summary names 'litvinov' ('Litvinov'), whom no anchor names" in problems[0]
    # Without the name the summary claims only what the anchor says.
    assert _catalog(tmp_path, **slip) == []
    # A linked participant may be named: the anchor may call them "he".
    assert _catalog(tmp_path, summary=summary, quote1=slip["quote1"], people="[chicherin, litvinov]") == []


def test_date_words_no_anchor_holds_need_a_note(tmp_path):
    # The date's words come from another sentence ("in 1921", Zinoviev's headship): say how.
    problems = _catalog(tmp_path, date_text='  date_text: "in 1921"')
    assert len(problems) == 1
    assert problems[0].startswith("resources/catalog/events/e.yaml:2:")
    assert "the date's words ('in 1921') are in no anchor" in problems[0]
    # The anchor's own words pass, in any case; so do other words with a note saying where they come from.
    assert _catalog(tmp_path, date_text='  date_text: "On 23 March 1922"') == []
    noted = '  date_text: "in 1921"\n  note: "Lent by the sentence before."'
    assert _catalog(tmp_path, date_text=noted) == []


def test_named_lists_only_people_an_anchor_names(tmp_path):
    # The anchor that named Litvinov was shortened; his acknowledgement stayed behind.
    slip = {"quote1": "finally confirmed on 23 March 1922", "people": "[chicherin]"}
    problems = _catalog(tmp_path, named="[litvinov]", **slip)
    assert len(problems) == 1
    assert problems[0].startswith("resources/catalog/events/e.yaml:2:")
    assert "'litvinov' is in named but no anchor names them" in problems[0]
    assert _catalog(tmp_path, **slip) == []


OTHER = """
- id: someone
  name: Someone Else
  spellings: [{spellings}]
  {sources}
  note: Named only in references.
"""


def test_an_other_name_takes_a_spelling_from_the_catalog_only_in_the_sources_it_names(tmp_path):
    # "Litvinov" declared someone else in the Comintern article: its anchor no longer names him,
    # so the event need not link him (he is still named in the other sources)
    scoped = OTHER.format(spellings="Litvinov", sources="sources: [kocho-williams-comintern]")
    assert _catalog(tmp_path, people="[chicherin]", others=scoped) == []
    everywhere = OTHER.format(spellings="Litvinov", sources="")
    problems = _catalog(tmp_path, people="[chicherin]", others=everywhere)
    assert len(problems) == 1
    assert problems[0].startswith("resources/catalog/others.yaml:2:")
    assert "'Litvinov' is also a catalog person's spelling" in problems[0]


def test_an_other_name_is_printed_in_its_sources_and_its_sources_exist(tmp_path):
    nowhere = OTHER.format(spellings="Ivan Zalkind", sources="sources: [harvey-news]")
    (problem,) = _catalog(tmp_path, others=nowhere)
    assert problem.startswith("resources/catalog/others.yaml:2:")
    assert "spelling 'Ivan Zalkind' occurs nowhere in its sources" in problem
    assert _catalog(tmp_path, others=OTHER.format(spellings="Ivan Zalkind", sources="")) == []
    unknown = OTHER.format(spellings="Ivan Zalkind", sources="sources: [no-such-source]")
    assert any("unknown source 'no-such-source'" in p for p in _catalog(tmp_path, others=unknown))
