"""Where the sources name a person: every spelling of every person, found in the passages.

The person card's "mentioned in" list and the check "named in an anchor but not linked"
both rest on this one matcher, so what the card shows and what the check asks agree.
A spelling matches as a whole word, case and accents as written (the catalog lists every
spelling the sources use); where spellings overlap ("Ivy Litvinov" and "Litvinov") the
longest wins, so a mention belongs to the most specific name the text gives. A hyphen
joins words: "Franco" is not in "Franco-Russian" nor "Kennedy" in "Kennedy-Pipe", unless both
joined words are spellings of people ("the Sikorski-Mayski Agreement" names both).

Some names the sources print belong to nobody in the catalog: people named only inside
bibliographic references ("Ivan Zalkind to Chicherin", "Sir Austen Chamberlain"). Given as
``others``, they take part in the longest match like any spelling and then link nobody, so a
catalog spelling inside them ("Ivan", Harvey's name for Maisky) is not taken for a mention.
An other name equal to a catalog spelling overrules it: the catalog lists such a name only
for the sources where it means someone else (the Comintern article's "Chamberlain" is Sir
Austen, Gorodetsky's is Neville).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from maisky_desktop.core.record import record

# Passages that are bibliography only: a name in a reference list is not a mention.
SKIPPED_KINDS = frozenset({"reference"})


@record
class Mention:
    person_id: str
    passage_id: str
    char_start: int  # offsets in the source file, like every passage offset
    char_end: int
    alias: str


class NameMatcher:
    """One compiled pattern over every spelling; ``find`` gives (start, end, spelling, person ids)."""

    def __init__(self, spellings: Iterable[tuple[str, Sequence[str]]], others: Iterable[str] = ()):
        self.owners: dict[str, list[str]] = {}
        for person_id, names in spellings:
            for name in names:
                name = name.strip()
                if name and person_id not in self.owners.setdefault(name, []):
                    self.owners[name].append(person_id)
        for name in others:
            if name.strip():
                self.owners[name.strip()] = []  # matched, then dropped: nobody of the catalog
        ordered = sorted(self.owners, key=lambda n: (-len(n), n))
        body = "|".join(re.escape(n) for n in ordered)
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-\w)") if ordered else None
        self._joined = re.compile(rf"(?<![\w-])(?P<a>{body})-(?P<b>{body})(?![\w]|-\w)") if ordered else None

    def find(self, text: str) -> list[tuple[int, int, str, list[str]]]:
        if self._pattern is None or self._joined is None:
            return []
        found = [(m.start(), m.end(), m.group(), self.owners[m.group()]) for m in self._pattern.finditer(text)]
        for m in self._joined.finditer(text):
            found += [(m.start(k), m.end(k), m.group(k), self.owners[m.group(k)]) for k in ("a", "b")]
        return sorted(f for f in found if f[3])

    def people_in(self, text: str) -> set[str]:
        """Ids of everyone the text names."""
        return {pid for *_, owners in self.find(text) for pid in owners}


def mentions(matcher: NameMatcher, passages: Iterable) -> list[Mention]:
    """Every mention of a person in passages (objects with id, kind, char_start and text)."""
    out = []
    for p in passages:
        if p.kind in SKIPPED_KINDS:
            continue
        for start, end, alias, owners in matcher.find(p.text):
            out += [Mention(pid, p.id, p.char_start + start, p.char_start + end, alias) for pid in owners]
    return out
