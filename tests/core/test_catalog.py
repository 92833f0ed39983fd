"""The catalog check: the shipped catalog is clean; each kind of mistake is reported at its line."""

import shutil
from pathlib import Path

import pytest

from maisky_desktop.core import dates
from maisky_desktop.core.validate import resolve

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_catalog_passes_the_check(resolved):
    assert [str(p) for p in resolved.problems] == []
    assert len(resolved.catalog.events) > 150
    assert len(resolved.catalog.people) > 80


def test_every_event_has_a_located_anchor(resolved):
    for ev in resolved.catalog.events:
        assert ev.anchors, ev.id
        for i, _ in enumerate(ev.anchors):
            assert (ev.id, i) in resolved.anchors


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of seeds and catalog that a test may break."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "resources" / "catalog", tmp_path / "resources" / "catalog")
    return tmp_path


def _problems(root: Path) -> list[str]:
    return [str(p) for p in resolve(root / "seeds", root / "resources" / "catalog", root).problems]


GOOD_EVENT = """
- id: {id}
  title: Treaty of Rapallo signed
  summary: The Soviets sign a treaty with Weimar Germany.
  date: {date}
  category: {category}
  people: []
  anchors:
    - source: kocho-williams-comintern
      quote: "{quote}"
"""
QUOTE = "on 16 April 1922 they secretly signed the Treaty of Rapallo with Weimar Germany"


def _write(root: Path, body: str) -> str:
    path = root / "resources" / "catalog" / "events" / "zz-test.yaml"
    path.write_text(body, encoding="utf-8")
    return "resources/catalog/events/zz-test.yaml"


@pytest.mark.parametrize(
    ("fields", "message", "line"),
    [
        ({"quote": "on 16 April 1922 they openly signed"}, "quote not found verbatim", 10),
        ({"date": "1922-04-31"}, "day out of range", 5),
        ({"date": "April 1922"}, "not an EDTF date", 5),
        ({"category": "nowhere"}, "unknown category 'nowhere'", 2),
        ({"id": "Bad Id"}, "is not a slug", 2),
        ({"quote": "Soviet"}, "add 'occurrence: N'", 10),
    ],
)
def test_each_mistake_is_reported_with_file_and_line(scratch, fields, message, line):
    values = {"id": "zz-event", "date": "1922-04-16", "category": "conferences", "quote": QUOTE} | fields
    label = _write(scratch, GOOD_EVENT.format(**values))
    problems = _problems(scratch)
    assert any(p.startswith(f"{label}:{line}:") and message in p for p in problems), problems


def test_malformed_yaml_names_file_and_line(scratch):
    label = _write(scratch, "- id: a\n  title: [unclosed\n  summary: x\n")
    problems = _problems(scratch)
    assert len(problems) == 1 and problems[0].startswith(f"{label}:") and "YAML syntax" in problems[0]


def test_duplicate_ids_and_unknown_fields_are_reported(scratch):
    label = _write(
        scratch,
        GOOD_EVENT.format(id="treaty-of-rapallo", date="1922-04-16", category="conferences", quote=QUOTE)
        + "  palces: [genoa]\n",
    )
    problems = _problems(scratch)
    assert any(f"{label}:2: duplicate id 'treaty-of-rapallo'" in p for p in problems)
    assert any(f"{label}:11: unknown field 'palces'" in p for p in problems)


def test_a_changed_seed_byte_fails_the_provenance_check(scratch):
    path = scratch / "seeds" / "000_23ac3f13348b53e8.txt"
    path.write_bytes(path.read_bytes().replace(b"1932", b"1933", 1))
    assert any("seeds/sources.yaml:" in p and "sha256" in p for p in _problems(scratch))


@pytest.mark.parametrize(
    ("event_id", "date"),
    [
        ("treaty-of-rapallo", "1922-04-16"),
        ("genoa-conference", "1922-04-10/1922-05-19"),
        ("anglo-soviet-break-1927", "1927-05-28"),
        ("arcos-raid", "1927-05-12/1927-05-16"),
        ("curzon-ultimatum", "1923-05-08"),
        ("krestinskii-shot", "1938-03"),
        ("stomoniakov-recalled", "1938-22"),
        ("maisky-born", "1884-01-19"),
        ("maisky-ambassador-london", "1932/1943"),
        ("litvinov-dismissed", "1939-05"),
    ],
)
def test_well_known_dates_as_the_sources_state_them(resolved, event_id, date):
    events = {e.id: e for e in resolved.catalog.events}
    assert events[event_id].date == date
    dates.parse(date)
