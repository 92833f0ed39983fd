"""``@record`` behaves as ``@dataclass(frozen=True)`` does: construction, equality, hash, repr,
immutability and the dataclasses functions, checked against a twin class made by ``dataclass`` itself."""

from __future__ import annotations

import dataclasses

import pytest

from maisky_desktop.core.record import HOT, record


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


@record
class Listing:
    """A record with a default factory."""

    name: str
    items: list[str] = dataclasses.field(default_factory=list)


class Renamed(Mention):
    """A plain subclass: a dataclass's subclass keeps its fields and methods."""


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


CALLS = [
    ((), {}),
    (("ivan-maisky",), {}),
    (("ivan-maisky", "p1", 10), {}),
    (("ivan-maisky", "p1"), {"start": 10}),
    ((), {"start": 10, "passage": "p1", "person": "ivan-maisky", "tags": ("a",)}),
    (("ivan-maisky", "p1", 10, "n", ("a",), "extra"), {}),
    (("ivan-maisky", "p1", 10), {"person": "maxim-litvinov"}),
    (("ivan-maisky", "p1", 10), {"colour": "red"}),
    (("ivan-maisky", "p1", 10, None), {"tags": ("b",), "note": "twice"}),
]


def _fresh(hot: bool) -> type:
    """A new record class like Mention; ``hot``: it has made enough records to have its own __init__."""

    @record
    class Fresh:
        person: str
        passage: str
        start: int
        note: str | None = None
        tags: tuple[str, ...] = ()

    if hot:
        for i in range(HOT + 1):
            Fresh("ivan-maisky", "p1", i)
        assert Fresh.__init__.__qualname__.endswith("Fresh.__init__")  # compiled for it
    return Fresh


@pytest.mark.parametrize("hot", [False, True], ids=["shared init", "own init"])
@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_construction_takes_and_refuses_what_a_dataclass_does(args, kwargs, hot):
    cls = _fresh(hot)
    try:
        expected = Twin(*args, **kwargs)
    except TypeError:
        with pytest.raises(TypeError):
            cls(*args, **kwargs)
    else:
        made = cls(*args, **kwargs)
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 1


def test_the_refusal_names_the_argument():
    with pytest.raises(TypeError, match="missing required argument: 'start'"):
        Mention("ivan-maisky", "p1")
    with pytest.raises(TypeError, match="multiple values for argument 'person'"):
        Mention("ivan-maisky", "p1", 10, person="maxim-litvinov")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Mention("ivan-maisky", "p1", 10, colour="red")


def test_a_default_factory_gives_each_record_its_own_value():
    made = [Listing(str(i)) for i in range(HOT + 2)]  # the last ones by the class's own __init__
    assert all(m.items == [] for m in made) and len({id(m.items) for m in made}) == len(made)
    assert Listing("c", ["x"]).items == ["x"] and Listing(name="d").items == []


def test_a_busy_plain_subclass_gives_its_record_class_the_own_init():
    for i in range(HOT + 1):
        Renamed("ivan-maisky", "p1", i)
    assert Mention.__init__.__qualname__ == "Mention.__init__" and Renamed.__init__ is Mention.__init__
    assert repr(Renamed("a", "b", 1)) == "Renamed(person='a', passage='b', start=1, note=None, tags=())"


def test_a_plain_subclass_is_a_record_of_its_own_class():
    r = Renamed("ivan-maisky", "p1", 10)
    assert repr(r).startswith("Renamed(person='ivan-maisky'")
    assert r != Mention("ivan-maisky", "p1", 10) and r == Renamed("ivan-maisky", "p1", 10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.start = 1  # type: ignore[misc]


def test_what_the_shared_init_cannot_do_is_refused_when_the_class_is_made():
    with pytest.raises(TypeError, match="__post_init__"):

        @record
        class Checked:
            name: str

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="plain init fields"):

        @record
        class KeywordOnly:
            name: str = dataclasses.field(kw_only=True)

    with pytest.raises(TypeError, match="without a default follows"):

        @record
        class Misordered:
            note: str = ""
            name: str  # type: ignore[misc]


def test_a_record_without_a_docstring_is_documented_by_its_fields_as_a_dataclass_is():
    assert _fresh(False).__doc__ == Twin.__doc__.replace("Twin(", "Fresh(", 1)  # Fresh has Twin's fields

    @record
    class Bag:
        name: str
        items: list[str] = dataclasses.field(default_factory=list)

    assert Bag.__doc__ == "Bag(name: 'str', items: 'list[str]' = <factory>)"  # as dataclass writes it
    assert Mention.__doc__ == "A record as the app defines them."
