"""Where a search string becomes an FTS5 expression: tokens, folding, spellings, word forms.

Pure Python, no SQL and no Qt. Whatever a user types (quotes, hyphens, ``*``, ``AND``,
unbalanced brackets) is cut into words and each word is emitted as a quoted FTS5 string,
so the expression is always valid: operators typed by a user are searched as words, never
obeyed. A historian's tolerance comes from three expansions of each word:

- diacritics, combining accents and case are folded (the FTS5 tokenizer folds the text
  the same way, ``remove_diacritics 2``);
- word forms: a word is searched as a prefix of its stem (``treaties`` -> ``treat*``), which
  also gives as-you-type results for a half-typed last word;
- spellings: a word whose transliteration key (``Maiskii``, ``Mayski``, ``Майский`` ->
  ``maiski``) equals that of a known name (the store's people, aliases and places) is also
  searched as every spelling of that name (``Litvinoff`` -> ``litvinov``, ``litvinoff``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import field, replace
from datetime import date

from maisky_desktop.core.dates import DateError
from maisky_desktop.core.dates import parse as parse_date
from maisky_desktop.core.markup import inline_html
from maisky_desktop.core.record import record

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # around matched words in snippets from the store

_WORD = re.compile(r"[\w\u0300-\u036f]+")
_CYRILLIC_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya e i i u"
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїў", _CYRILLIC_LATIN.split()))
_CYRILLIC.update({"ъ": "", "ь": ""})
# Suffixes stripped to reach a stem whose inflections are searched; the stem keeps at least 4 letters.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "y")
_MIN_STEM = 4
_INFLECTIONS = ("s", "es", "e", "ed", "d", "ing", "ies", "ied", "y", "er", "ers", "ion", "ions")
_MIN_PREFIX = 3  # a half-typed last word shorter than this is searched exactly
# Bounds on the work one search may cause, applied before any parsing: a search box is not a
# document. Longer text is cut (at a word boundary) and words beyond MAX_WORDS are ignored.
MAX_CHARS = 500
MAX_WORDS = 16


class ParseCancelledError(Exception):
    """Parsing stopped because a newer search superseded this one."""


def bound(text: str) -> str:
    """The search text cut to MAX_CHARS characters and MAX_WORDS words, lone surrogates dropped.

    Cheap and linear, so a megabyte pasted into the box costs a scan, not a parse.
    """
    text = text[: MAX_CHARS + 1]
    if len(text) > MAX_CHARS:
        cut = text.rfind(" ", 0, MAX_CHARS)
        text = text[: cut if cut > 0 else MAX_CHARS]
    text = text.encode("utf-8", "ignore").decode("utf-8")  # bytes that were not UTF-8 are no words
    found = list(_WORD.finditer(text))
    if len(found) > MAX_WORDS:
        text = text[: found[MAX_WORDS - 1].end()]
    return text


def fold(text: str) -> str:
    """Lower case without diacritics or combining accents, as the FTS5 tokenizer indexes it.

    ``unicode61 remove_diacritics 2`` strips accents from Latin letters (ö -> o) and drops
    combining marks (the stress in Ма́йский), but keeps Cyrillic letters whole (й stays й).
    """
    out = []
    for c in unicodedata.normalize("NFC", text):
        if unicodedata.combining(c):
            continue
        decomposed = unicodedata.normalize("NFKD", c)
        if decomposed[0] < "\u0250":  # a Latin letter: drop its accents
            out.append("".join(d for d in decomposed if not unicodedata.combining(d)))
        else:
            out.append(c)
    return "".join(out).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, split where the FTS5 tokenizer splits (hyphens, quotes, ``*``)."""
    return [w for w in (fold(m) for m in _WORD.findall(unicodedata.normalize("NFC", text))) if w]


def transliteration_key(word: str) -> str:
    """One key for the spellings of a name across transliterations (Cyrillic, English, German, Polish).

    Maisky, Maiskii, Mayski, Maysky and Майский share ``maiski``; Litvinoff and Litvinov share
    ``litvinov``; Lachowiecki's Polish ``w`` meets the ``v`` of an English spelling.
    """
    w = "".join(_CYRILLIC.get(c, c) for c in fold(word))
    w = re.sub(r"of+$", "ov", w)
    for a, b in (("kh", "h"), ("x", "ks"), ("w", "v"), ("cz", "ch"), ("tch", "ch"), ("y", "i"), ("j", "i")):
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def stem(word: str) -> str:
    """A crude English stem, enough to generate the forms of a word (purges -> purg)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def forms(word: str) -> list[str]:
    """The word and its likely English inflections (treaty: treaties, treats...; purge: purged, purging).

    Exact terms, not a prefix: FTS5 reads an OR of exact terms lazily, while a prefix term
    builds its whole doclist first, which for a common word in a million passages costs more
    than the rest of the search.
    """
    base = stem(word)
    if len(base) < _MIN_STEM:
        return [word]
    bases = {base, base[:-1]} if base.endswith("e") else {base}
    out = {word, base} | {b + suffix for b in bases for suffix in _INFLECTIONS}
    return sorted(out)


class Spellings:
    """Known spellings of names, grouped by transliteration key (built from the store's names)."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._by_key: dict[str, set[str]] = {}
        for name in names:
            for w in words(name):
                if len(w) >= 3:
                    self._by_key.setdefault(transliteration_key(w), set()).add(w)

    def variants(self, word: str) -> list[str]:
        """Other spellings of this word, sorted; empty if it is no known name."""
        return sorted(self._by_key.get(transliteration_key(word), set()) - {word})


@record
class Term:
    """One FTS5 term: a folded word, searched exactly or as a prefix."""

    text: str
    prefix: bool

    def fts(self, indexed: int = 0) -> str:
        """``indexed``: the longest prefix the store's FTS5 prefix index holds (0: none).

        A longer prefix is cut to that length, so FTS5 reads it from the index lazily (a
        prefix without an index makes FTS5 merge the doclists of every word it expands to,
        tens of milliseconds for a common word in a million passages); the search then keeps
        only the rows where a matched word starts with the whole prefix (``Query.narrowed``).
        """
        if not self.prefix:
            return f'"{self.text}"'
        return f'"{self.text[:indexed] if indexed and len(self.text) > indexed else self.text}"*'

    def matches(self, folded_word: str) -> bool:
        return folded_word.startswith(self.text) if self.prefix else folded_word == self.text


@record
class Group:
    """A word of the query with its alternatives (word forms, spellings), or a quoted phrase."""

    word: str
    terms: tuple[Term, ...]
    phrase: tuple[str, ...] = ()

    def fts(self, exact_only: bool = False, indexed: int = 0) -> str:
        """The group as FTS5; exact_only leaves out a prefix term (cheap document counts)."""
        if self.phrase:
            return '"' + " ".join(self.phrase) + '"'
        alternatives = [t.fts(indexed) for t in self.terms if not (exact_only and t.prefix)] or [
            self.terms[0].fts(indexed)
        ]
        return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"

    def matches(self, folded_word: str) -> bool:
        if self.phrase:
            return folded_word in self.phrase
        return any(t.matches(folded_word) for t in self.terms)


@record
class Query:
    """A parsed search: groups that must all match (AND)."""

    text: str
    groups: tuple[Group, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.groups

    def fts(self, indexed: int = 0) -> str:
        """A valid FTS5 MATCH expression (empty string for an empty query); ``indexed``: see ``Term.fts``."""
        return " AND ".join(g.fts(indexed=indexed) for g in self.groups)

    def narrowed(self, indexed: int) -> bool:
        """Whether ``fts(indexed)`` cut a prefix: it then matches more than the query, and hits need checking."""
        return bool(indexed) and any(t.prefix and len(t.text) > indexed for g in self.groups for t in g.terms)

    def accepts(self, folded_words: Iterable[str]) -> bool:
        """Whether every group matches one of these words (the words FTS5 marked in a hit)."""
        found = list(folded_words)
        return all(any(g.matches(w) for w in found) for g in self.groups)

    def exact(self) -> Query:
        """The query without its prefix term: the half-typed last word taken as typed.

        A prefix term makes FTS5 build the whole doclist of every word it expands to, the
        costliest step for a common word, so search tries the exact query first.
        """
        groups = tuple(replace(g, terms=tuple(t for t in g.terms if not t.prefix) or g.terms) for g in self.groups)
        return replace(self, groups=groups)

    def group_of(self, folded_word: str) -> int | None:
        """Index of the first group a matched word belongs to (for scoring)."""
        return next((i for i, g in enumerate(self.groups) if g.matches(folded_word)), None)


def _word_group(word: str, spellings: Spellings, last: bool) -> Group:
    variants = spellings.variants(word)
    if not word.isascii():  # Cyrillic typed: also the known spellings of its Latin transliteration
        variants += spellings.variants("".join(_CYRILLIC.get(c, c) for c in word))
    exact = list(dict.fromkeys([*forms(word), *variants]))
    prefix = [Term(word, prefix=True)] if last else []
    return Group(word, (*prefix, *(Term(w, prefix=False) for w in exact)))


def _never() -> bool:
    return False


def parse(text: str, spellings: Spellings | None = None, cancelled: Callable[[], bool] = _never) -> Query:
    """Parse any user text into a Query; never raises, except ParseCancelledError when ``cancelled()`` turns true.

    The text is first bounded (``bound``). Balanced double quotes make phrases. The last
    word, when the text does not end in a space, may be half typed and is also searched as
    a prefix (as-you-type results). ``cancelled`` is asked before each word.
    """
    spellings = spellings or Spellings()
    text = bound(text)
    chunks = text.split('"')
    if len(chunks) % 2 == 0:  # an unbalanced quote: treat every quote as a separator
        chunks = [" ".join(chunks)]
    items: list[tuple[str, tuple[str, ...]]] = []  # (word, ()) or ("", phrase words)
    for i, chunk in enumerate(chunks):
        ws = words(chunk)
        if i % 2 == 1 and len(ws) > 1:
            items.append(("", tuple(ws)))
        else:
            items.extend((w, ()) for w in ws)
    typing = bool(items) and not items[-1][1] and text == text.rstrip() and not text.endswith('"')
    groups: list[Group] = []
    for i, (word, phrase) in enumerate(items):
        if cancelled():
            raise ParseCancelledError
        if phrase:
            groups.append(Group(" ".join(phrase), (), phrase))
        else:
            last = typing and i == len(items) - 1 and len(word) >= _MIN_PREFIX
            groups.append(_word_group(word, spellings, last))
    return Query(text, tuple(dict.fromkeys(groups)))


@record
class Snippet:
    """Text around the match with the matched words as spans; rendered escaped."""

    text: str
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def from_marked(cls, marked: str) -> Snippet:
        """From the store's snippet text with MARK_OPEN/MARK_CLOSE around matches."""
        out, spans, start = [], [], None
        pos = 0
        for c in marked:
            if c == MARK_OPEN:
                start = pos
            elif c == MARK_CLOSE and start is not None:
                spans.append((start, pos))
                start = None
            elif c not in (MARK_OPEN, MARK_CLOSE):
                out.append(c)
                pos += 1
        return cls("".join(out), tuple(spans))

    def around(self, max_chars: int = 180) -> Snippet:
        """A window of about max_chars around the first match, cut at spaces, with '…' where cut."""
        if len(self.text) <= max_chars:
            return self
        first = self.spans[0][0] if self.spans else 0
        start = max(0, first - max_chars // 3)
        if start:
            space = self.text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(self.text), start + max_chars)
        if end < len(self.text):
            space = self.text.rfind(" ", start, end)
            end = space if space > first else end
        lead, tail = ("…" if start else ""), ("…" if end < len(self.text) else "")
        spans = tuple(
            (a - start + len(lead), min(b, end) - start + len(lead)) for a, b in self.spans if start <= a < end
        )
        return Snippet(lead + self.text[start:end] + tail, spans)

    def html(self) -> str:
        """Escaped HTML with matched words in bold and the source's own emphasis rendered (``core.markup``)."""
        return inline_html(self.text, self.spans)

    def bracketed(self) -> str:
        """Plain text with matched words in [brackets], for a terminal."""
        parts, at = [], 0
        for a, b in self.spans:
            parts += [self.text[at:a], "[", self.text[a:b], "]"]
            at = b
        parts.append(self.text[at:])
        return "".join(parts)


@record
class Hit:
    """One search result: kind is event, person or passage (or one of ``OWN_KINDS``)."""

    kind: str
    id: str
    title: str
    date: str
    snippet: Snippet
    score: float
    edtf: str = ""  # an event's date as EDTF, beside ``date`` in words

    def as_json(self) -> dict[str, object]:
        key = "name" if self.kind == "person" else "title"
        return {
            "kind": self.kind,
            "id": self.id,
            key: self.title,
            "date": self.date,
            **({"edtf": self.edtf} if self.edtf else {}),
            "snippet": self.snippet.text,
            "highlights": [list(s) for s in self.snippet.spans],
        }


KINDS = ("event", "person", "passage")
# The researcher's own events and documents (user database), found by the same query; the main
# search box shows them in their own group, marked as theirs, never mixed into the store's kinds.
OWN_KINDS = ("own event", "own passage")


@record
class Results:
    """Hits grouped by kind, each group best first; ``more`` says a group was cut short.

    ``hits`` may also hold ``OWN_KINDS`` (the window adds the researcher's own); ``all`` lists
    the store's kinds only.

    ``top``: the person (else the event) whose name, alias or title the query names, shown
    above the groups: someone typing "Maiskii" is looking for Ivan Maisky, not for the ten
    events that mention him most.
    """

    query: Query
    hits: dict[str, list[Hit]]
    more: dict[str, bool]
    top: Hit | None = None

    def all(self) -> list[Hit]:
        return [h for kind in KINDS for h in self.hits.get(kind, [])]


def by_date(hits: Iterable[Hit]) -> list[Hit]:
    """Hits in the order of their dates (earliest start first; ties by rank); undated or unreadable last."""

    def key(item: tuple[int, Hit]) -> tuple[int, date, int]:
        rank, hit = item
        try:
            edtf = parse_date(hit.edtf) if hit.edtf else None
        except DateError:
            edtf = None
        return (0, edtf.start, rank) if edtf else (1, date.max, rank)

    return [hit for _, hit in sorted(enumerate(hits), key=key)]


def bm25_term(tf: float, doc_len: int, avg_len: float, df: int, n_docs: int, k1: float = 1.2, b: float = 0.75) -> float:
    """The BM25 weight of one query word in one document, from the estimates the search has."""
    idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    norm = k1 * (1 - b + b * doc_len / max(avg_len, 1.0))
    return idf * tf * (k1 + 1) / (tf + norm)


def name_matches(text: str, names: Iterable[str]) -> bool:
    """Whether every word typed starts a word of one of the names, folded or by transliteration key.

    For the people list's filter box: 'litvinoff', 'mayski', 'майский', 'yrjo' all find their person.
    """
    typed = words(text)
    if not typed:
        return True
    known = [w for name in names for w in words(name)]
    keys = [transliteration_key(w) for w in known]
    return all(
        any(w.startswith(t) for w in known) or any(k.startswith(transliteration_key(t)) for k in keys) for t in typed
    )
