"""Where a person is filed in a list: under the surname, as an index files them.

The catalog's canonical name is the fullest form in common English use ("Ivan Maisky",
"David Lloyd George"), so a list in name order files everyone by given name or initial and
puts "Édouard Herriot" after "Władysław Sikorski". A reader looks for Maisky under M.
No catalog field is needed: the sources' own short forms say where the surname starts
("Lloyd-George" is a spelling of David Lloyd George), else it is the last word.
Sorting on the folded form also files "Édouard" under E, not after Z.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from maisky_desktop.core.search import fold

_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "du", "la", "le"})
_REGNAL = re.compile(r"^[IVX]+$")  # "King George V" is filed under George


def _words(text: str) -> list[str]:
    folded = text.lower() if text.isascii() else fold(text)  # most names: no accents to fold (the list sorts at start)
    return folded.replace("-", " ").split()


def surname(name: str, spellings: Iterable[str] = ()) -> str:
    """The words of ``name`` an index files it under, folded: the longest spelling that ends the name."""
    words = _words(name)
    tails = [w for w in (_words(s) for s in spellings) if 0 < len(w) < len(words) and words[-len(w) :] == w]
    if tails:
        tail = max(tails, key=len)
    else:
        tokens = name.split()
        last = 2 if len(tokens) > 1 and _REGNAL.match(tokens[-1]) else 1
        tail = _words(" ".join(tokens[-last:]))  # a hyphenated surname stays whole
    while len(tail) > 1 and tail[0] in _PARTICLES:  # "de Monzie" is filed under Monzie
        tail = tail[1:]
    return " ".join(tail)


def index_key(name: str, spellings: Iterable[str] = ()) -> tuple[str, str]:
    """Sort key: surname, then the whole name (two Kennedys by given name)."""
    return surname(name, spellings), " ".join(_words(name))
