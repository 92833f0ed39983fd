"""``@record``: a frozen dataclass whose equality, hash and repr are written once, not generated per class.

``@dataclass(frozen=True)`` writes six methods of each class as source text and compiles them
when its module is imported (Python 3.11 compiles one at a time). The app imports 53 such
classes before its first frame: 181 of the 364 million instructions of importing its modules
went into compiling those methods (callgrind), about 40 ms of every start. Equality, hash and
repr are the same for every record, so here they are shared, with the dataclass semantics:
fields compared as a tuple and only against the same class, hashed as that tuple, shown as
``Name(field=value, ...)``. ``dataclass`` still makes ``__init__`` and the frozen
``__setattr__``/``__delattr__``; ``fields``, ``replace``, ``asdict`` and type checkers see a
dataclass as before (``dataclass_transform``).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

C = TypeVar("C")

_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(compared fields, shown fields) of a record class, found once."""
    names = _NAMES.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        names = _NAMES[cls] = (tuple(f.name for f in fields if f.compare), tuple(f.name for f in fields if f.repr))
    return names


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = _names(self.__class__)[0]
    return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, n) for n in _names(self.__class__)[0]))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _names(self.__class__)[1])
    return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(frozen_default=True)
def record(cls: type[C]) -> type[C]:
    """A frozen dataclass with the shared equality, hash and repr."""
    cls.__eq__ = _eq  # type: ignore[method-assign]
    cls.__hash__ = _hash  # type: ignore[method-assign]
    cls.__repr__ = _repr  # type: ignore[method-assign]
    return dataclasses.dataclass(frozen=True, eq=False, repr=False)(cls)
