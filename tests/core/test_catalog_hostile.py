"""Catalog input that could abuse the reader: each refused with one `file:line: reason`, quickly.

And a Hypothesis fuzz over YAML shapes: whatever a file holds, loading it never raises and
every problem is one line that names the file and a line.
"""

import shutil
import string
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maisky_desktop.core import catalog
from maisky_desktop.core.validate import resolve

ROOT = Path(__file__).resolve().parents[2]
LABEL = "catalog/events/x.yaml"

EVENT = "- id: zz\n  title: T\n  summary: S\n  date: {date}\n  category: conferences\n  anchors: []\n"


def _alias_bomb(levels: int = 12) -> str:
    lines = ['- a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"  a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "control character": ("- id: zz\n  title: bad \x01 title\n", 2, "character U+0001 is not allowed"),
    "complex key": ("- id: zz\n  ? [a, b]\n  : c\n", 2, "a key must be plain text"),
    "duplicate key": ("- id: zz\n  title: one\n  title: two\n", 3, "key 'title' appears twice (first at line 2)"),
    "absurd season": (EVENT.format(date="9999-24"), 4, "date out of range"),
    "year-zero decade": (EVENT.format(date="000X"), 4, "date out of range"),
    "deep nesting": ("- id: " + "[" * 3000 + "]" * 3000 + "\n", 1, "nested more than 32 levels deep"),
    "alias bomb": (_alias_bomb(), 2, "aliases (*a0) are not allowed"),
    "not utf-8": (b"- id: zz\n  title: caf\xe9\n", 2, "not UTF-8 text"),
    "syntax": ("- id: zz\n  title: [unclosed\n  summary: x\n", 3, "YAML syntax"),
}


def _load(tmp_path: Path, body: str | bytes) -> list[str]:
    folder = tmp_path / "catalog" / "events"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "x.yaml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return [str(p) for p in catalog.load(tmp_path / "catalog", tmp_path).problems]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_is_one_line_at_its_line_and_quick(tmp_path, case):
    body, line, reason = HOSTILE[case]
    started = time.perf_counter()
    problems = _load(tmp_path, body)
    assert time.perf_counter() - started < 5  # the alias bomb used to take 21 s and end in MemoryError
    mine = [p for p in problems if reason in p]
    assert mine and mine[0].startswith(f"{LABEL}:{line}: "), problems
    if case not in ("absurd season", "year-zero decade"):  # a bad date is one problem among a record's
        assert len(problems) == 1, problems


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from maisky_desktop.core import safe_yaml

    monkeypatch.setattr(safe_yaml, "MAX_BYTES", 1000)
    problems = _load(tmp_path, "- id: zz\n" + "# padding\n" * 200)
    assert len(problems) == 1 and problems[0].startswith(f"{LABEL}:1: file is 2,009 bytes")


def test_one_syntax_error_in_people_is_one_message_not_dozens(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "resources" / "catalog", tmp_path / "resources" / "catalog")
    people = tmp_path / "resources" / "catalog" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("\n- id:", "\n- id: [oops\n  x:", 1), encoding="utf-8")
    problems = [str(p) for p in resolve(tmp_path / "seeds", tmp_path / "resources" / "catalog", tmp_path).problems]
    assert len(problems) == 1 and problems[0].startswith("resources/catalog/people.yaml:"), problems[:5]


# -- fuzz ---------------------------------------------------------------------------------------

KEYS = [*sorted(catalog.KEYS["event"] | catalog.KEYS["anchor"]), "x", "? [a]", "&a", "*a", "id id"]
scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["1938", "1938-22", "9999-24", "000X", "1922-04-31", "..", "/", "~", "&x", "*x", "[", "{", "|"]),
    st.integers(),
    st.none(),
    st.booleans(),
)
shapes = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=6),
    max_leaves=25,
)


def _check(problems: list[catalog.Problem]) -> None:
    for p in problems:
        text = str(p)
        assert "\n" not in p.message and p.line >= 1 and text.startswith(f"{LABEL}:{p.line}: "), text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(shapes, max_size=4))
def test_fuzz_yaml_shapes_never_raise(tmp_path, records):
    body = yaml.safe_dump(records, allow_unicode=True)
    folder = tmp_path / "catalog" / "events"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x.yaml").write_text(body, encoding="utf-8")
    _check(catalog.load(tmp_path / "catalog", tmp_path).problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(string.printable), max_size=300))
def test_fuzz_raw_text_never_raises(tmp_path, text):
    folder = tmp_path / "catalog" / "events"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x.yaml").write_text("- id: zz\n  title: " + text + "\n", encoding="utf-8")
    _check(catalog.load(tmp_path / "catalog", tmp_path).problems)
