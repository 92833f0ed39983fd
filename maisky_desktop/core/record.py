"""``@record``: a frozen dataclass whose methods are written once for all records, not generated per class.

``@dataclass(frozen=True)`` writes six methods of each class as source text and compiles them
when its module is imported (Python 3.11 compiles one at a time). The app imports 53 such
classes before its first frame: 181 of the 364 million instructions of importing its modules
went into compiling those methods (callgrind), about 40 ms of every start. Sharing equality, hash
and repr saved half; sharing ``__init__`` and the frozen ``__setattr__``/``__delattr__`` too took
the start to the first frame from 2.33 to 2.23 billion instructions. The methods are the same for
every record, so here they are shared, with the dataclass semantics: ``__init__`` takes
the fields in order, by position or keyword, with their defaults and default factories (the
same errors for a missing, repeated or unknown argument); fields are compared as a tuple and only
against the same class, hashed as that tuple, shown as ``Name(field=value, ...)``; setting or
deleting an attribute raises ``FrozenInstanceError``. ``fields``, ``replace``, ``asdict`` and type
checkers see a dataclass as before (``dataclass_transform``). Records do not use ``kw_only``,
``field(init=False)`` or ``__post_init__``; ``record`` refuses a class that does.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

C = TypeVar("C")
_MISSING = dataclasses.MISSING


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    names, fields = self.__record__[0], self.__record__[3]
    if len(args) == len(names) and not kwargs:  # every field by position: the common call, one C call
        self.__dict__.update(zip(names, args))
        return
    cls = self.__class__
    if len(args) > len(names):
        raise TypeError(f"{cls.__qualname__}() takes {len(names)} arguments but {len(args)} were given")
    values = dict(zip(names, args))
    for name, default, factory in fields[len(args) :]:
        if name in kwargs:
            values[name] = kwargs.pop(name)
        elif default is not _MISSING:
            values[name] = default
        elif factory is not _MISSING:
            values[name] = factory()
        else:
            raise TypeError(f"{cls.__qualname__}() missing required argument: {name!r}")
    if kwargs:
        name = next(iter(kwargs))
        if name in values:
            raise TypeError(f"{cls.__qualname__}() got multiple values for argument {name!r}")
        raise TypeError(f"{cls.__qualname__}() got an unexpected keyword argument {name!r}")
    self.__dict__.update(values)


def _setattr(self: Any, name: str, _value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = self.__record__[1]
    return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, n) for n in self.__record__[1]))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record__[2])
    return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(frozen_default=True)
def record(cls: type[C]) -> type[C]:
    """A frozen dataclass with the shared methods."""
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: a record has no __post_init__")
    shared = {"__init__": _init, "__setattr__": _setattr, "__delattr__": _delattr}
    shared |= {"__eq__": _eq, "__hash__": _hash, "__repr__": _repr}
    for name, method in shared.items():
        setattr(cls, name, method)
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(made)
    if any(not f.init or f.kw_only for f in fields):
        raise TypeError(f"{cls.__qualname__}: a record's fields are all plain init fields")
    # The fields in order; the compared fields; the shown fields; the fields with their default and
    # default factory. Found once, when the class is made; a plain subclass inherits them with the methods.
    made.__record__ = (
        tuple(f.name for f in fields),
        tuple(f.name for f in fields if f.compare),
        tuple(f.name for f in fields if f.repr),
        tuple((f.name, f.default, f.default_factory) for f in fields),
    )
    return made
