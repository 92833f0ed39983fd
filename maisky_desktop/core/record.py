"""``@record``: a frozen dataclass whose methods are shared by all records, not compiled per class.

``@dataclass(frozen=True)`` writes six methods of each class as source text and compiles them
when its module is imported (Python 3.11 compiles one at a time). The app imports 53 such
classes before its first frame: 181 of the 364 million instructions of importing its modules
went into compiling those methods (callgrind), about 40 ms of every start. Sharing equality, hash
and repr saved half; sharing ``__init__`` and the frozen ``__setattr__``/``__delattr__`` too took
the start to the first frame from 2.33 to 2.23 billion instructions.

The shared methods keep the dataclass semantics: ``__init__`` takes the fields in order, by
position or keyword, with their defaults and default factories, and refuses a missing, repeated
or unknown argument as a dataclass does; fields are compared as a tuple and only against the same
class, hashed as that tuple, shown as ``Name(field=value, ...)``; setting or deleting an attribute
raises ``FrozenInstanceError``. ``fields``, ``replace``, ``asdict`` and type checkers see a
dataclass as before (``dataclass_transform``).

A shared ``__init__`` taking ``*args, **kwargs`` is slower than a generated one (1.8-1.9 against
1.1-1.2 microseconds for a timeline label): nothing at start-up, where 17 record classes make
about 400 records, but labels are made by the hundred at each frame of a zoom. So a class that
has made ``HOT`` records gets an ``__init__`` of its own, compiled then, with the fields as its
parameters (0.8-1.0 microseconds: the fields set in one update of the instance's dictionary,
where dataclass calls ``object.__setattr__`` once per field).
Records do not use ``kw_only``, ``field(init=False)`` or ``__post_init__``; ``record`` refuses a
class that does. A record without a docstring gets the one dataclass gives: its fields as a signature.
"""

from __future__ import annotations

import dataclasses
import itertools
import keyword
from typing import Any, TypeVar, dataclass_transform

C = TypeVar("C")
_MISSING = dataclasses.MISSING
HOT = 256  # records made before a class gets an __init__ of its own


class _Fields:
    """What the shared methods need of a record class, found once when the class is made."""

    def __init__(self, fields: tuple[dataclasses.Field, ...]) -> None:
        self.names = tuple(f.name for f in fields)
        self.known = frozenset(self.names)
        self.compared = tuple(f.name for f in fields if f.compare)
        self.shown = tuple(f.name for f in fields if f.repr)
        self.defaults = {f.name: f.default for f in fields if f.default is not _MISSING}
        self.factories = {f.name: f.default_factory for f in fields if f.default_factory is not _MISSING}
        self.made = 0


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    spec: _Fields = self.__record__
    names, n = spec.names, len(args)
    spec.made += 1
    if spec.made >= HOT:  # from the next record on, the class's own __init__ runs, not this one
        _compile_init(next(k for k in self.__class__.__mro__ if k.__dict__.get("__record__") is spec), spec)
    if n == len(names) and not kwargs:  # every field by position, one C call
        self.__dict__.update(zip(names, args))
        return
    if n > len(names):
        raise TypeError(f"{self.__class__.__qualname__}() takes {len(names)} arguments but {n} were given")
    if kwargs and (not kwargs.keys() <= spec.known or (n and not kwargs.keys().isdisjoint(names[:n]))):
        name = next(k for k in kwargs if k in names[:n] or k not in spec.known)
        if name in names[:n]:
            raise TypeError(f"{self.__class__.__qualname__}() got multiple values for argument {name!r}")
        raise TypeError(f"{self.__class__.__qualname__}() got an unexpected keyword argument {name!r}")
    values = dict(spec.defaults) if n + len(kwargs) < len(names) else {}
    values.update(zip(names, args))
    values.update(kwargs)
    for name, factory in spec.factories.items():
        if name not in values:
            values[name] = factory()
    if len(values) < len(names):
        missing = next(name for name in names if name not in values)
        raise TypeError(f"{self.__class__.__qualname__}() missing required argument: {missing!r}")
    self.__dict__.update(values)


def _compile_init(cls: type, spec: _Fields) -> None:
    """Give a busy record class an ``__init__`` of its own, with the fields as parameters."""
    params, lines = [], []
    for name in spec.names:
        if name in spec.defaults:
            params.append(f"{name}=__defaults[{name!r}]")
        elif name in spec.factories:
            params.append(f"{name}=__missing")
            lines.append(f" if {name} is __missing: {name} = __factories[{name!r}]()")
        else:
            params.append(name)
    lines.append(f" __self.__dict__.update({', '.join(f'{n}={n}' for n in spec.names)})")
    source = f"def __init__(__self, {', '.join(params)}):\n" + "\n".join(lines) + "\n"
    namespace: dict[str, Any] = {"__defaults": spec.defaults, "__factories": spec.factories, "__missing": _MISSING}
    exec(source, namespace)  # field names only, checked as identifiers when the class was made
    init: Any = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]


def _parameter(f: dataclasses.Field) -> str:
    """A field as a parameter of ``__init__`` in a signature: ``name: 'type' = default``."""
    text = f"{f.name}: {f.type!r}" if isinstance(f.type, str) else f"{f.name}: {getattr(f.type, '__name__', f.type)}"
    if f.default is not _MISSING:
        return f"{text} = {f.default!r}"
    return f"{text} = <factory>" if f.default_factory is not _MISSING else text


def _setattr(self: Any, name: str, _value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = self.__record__.compared
    return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, n) for n in self.__record__.compared))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record__.shown)
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
    undocumented = not cls.__dict__.get("__doc__")
    if undocumented:  # dataclass would write the shared __init__'s signature, "(*args, **kwargs)"
        cls.__doc__ = cls.__name__
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(made)
    if undocumented:  # the signature dataclass's own __init__ would have had
        made.__doc__ = f"{cls.__name__}({', '.join(map(_parameter, fields))})"
    if any(not f.init or f.kw_only for f in fields):
        raise TypeError(f"{cls.__qualname__}: a record's fields are all plain init fields")
    if any(not f.name.isidentifier() or keyword.iskeyword(f.name) or f.name.startswith("__") for f in fields):
        raise TypeError(f"{cls.__qualname__}: a field's name is an identifier not starting with '__'")
    with_default = [f.default is not _MISSING or f.default_factory is not _MISSING for f in fields]
    if any(before and not after for before, after in itertools.pairwise(with_default)):
        raise TypeError(f"{cls.__qualname__}: a field without a default follows one with a default")
    made.__record__ = _Fields(fields)
    return made
