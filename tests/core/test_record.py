"""``@record`` behaves as ``@dataclass(frozen=True)`` does: equality, hash, repr, immutability and the
dataclasses functions, checked against a twin class made by ``dataclass`` itself."""

from __future__ import annotations

import dataclasses

import pytest

from maisky_desktop.core.record import record


@record
class Mention:
    """A record as the app defines them."""

    person: str
    passage: str
    start: int
    note: str | None = None
    tags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Twin:
    person: str
    passage: str
    start: int
    note: str | None = None
    tags: tuple[str, ...] = ()


VALUES = [
    ("ivan-maisky", "p1", 10),
    ("ivan-maisky", "p1", 10, None, ("a",)),
    ("maxim-litvinov", "p2", 0, "was «Litvinoff»", ()),
    ("ivan-maisky", "p1", 11),
]


@pytest.mark.parametrize("a", VALUES)
@pytest.mark.parametrize("b", VALUES)
def test_equality_and_hash_as_a_frozen_dataclass(a, b):
    assert (Mention(*a) == Mention(*b)) == (Twin(*a) == Twin(*b))
    assert (Mention(*a) != Mention(*b)) == (Twin(*a) != Twin(*b))
    if Mention(*a) == Mention(*b):
        assert hash(Mention(*a)) == hash(Mention(*b))
    assert hash(Mention(*a)) == hash(Twin(*a))  # the same tuple of fields is hashed
    assert len({Mention(*a), Mention(*b)}) == len({Twin(*a), Twin(*b)})


def test_repr_reads_as_a_dataclass_repr():
    for values in VALUES:
        assert repr(Mention(*values)) == repr(Twin(*values)).replace("Twin(", "Mention(", 1)


def test_a_record_equals_only_its_own_class_and_stays_frozen():
    m = Mention("ivan-maisky", "p1", 10)
    assert m != Twin("ivan-maisky", "p1", 10) and m != ("ivan-maisky", "p1", 10, None, ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 11  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del m.note  # type: ignore[misc]
    moved = dataclasses.replace(m, start=11)
    assert moved.start == 11 and m.start == 10
    assert [f.name for f in dataclasses.fields(Mention)] == ["person", "passage", "start", "note", "tags"]
    assert dataclasses.asdict(m)["person"] == "ivan-maisky" and dataclasses.astuple(m)[2] == 10
