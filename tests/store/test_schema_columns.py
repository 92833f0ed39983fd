"""The store's columns come from the records' annotations, read as text: the same types as typing reads."""

from __future__ import annotations

import types
import typing

import pytest

from maisky_desktop.core.record import record
from maisky_desktop.core.records import Boilerplate, Event, FootnoteRef, Passage, Source
from maisky_desktop.store import schema


@pytest.mark.parametrize("rec", [Source, Passage, Boilerplate, FootnoteRef, Event])
def test_columns_have_the_types_typing_reads(rec):
    hints = typing.get_type_hints(rec)
    expected = []
    for name, kind in hints.items():
        if isinstance(kind, types.UnionType):
            kind = next(k for k in typing.get_args(kind) if k is not type(None))
        expected.append((name, kind))
    assert schema.columns_of(rec) == expected


@record
class NotATable:
    name: str
    tags: tuple[str, ...]


def test_a_field_no_column_can_hold_is_refused_by_name():
    with pytest.raises(TypeError, match=r"NotATable\.tags"):
        schema.columns_of(NotATable)
