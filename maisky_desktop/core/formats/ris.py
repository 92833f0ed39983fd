"""RIS, the reference format Zotero, EndNote and Mendeley import.

Each citable is one record: the source as the reference (type, author, title, outlet as
the secondary title, year), the quoted words with their paragraph and the researcher's
note as ``N1`` notes, which Zotero imports as notes attached to the item.
"""

from __future__ import annotations

from maisky_desktop.core.formats.records import Citable, split_author, year

_TYPES = {"news": "ELEC", "essay": "ELEC", "encyclopedia": "ENCYC", "journal article": "JOUR"}


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"  # one line per tag: RIS has no continuation lines


def record(c: Citable) -> list[str]:
    s = c.source
    lines = [_line("TY", _TYPES.get(s.kind, "GEN")), _line("ID", c.key)]
    name = split_author(s.author)
    if name:
        lines.append(_line("AU", f"{name[0]}, {name[1]}"))
    elif s.author:
        lines.append(_line("AU", s.author))
    lines.append(_line("TI", s.title))
    if s.outlet:
        lines.append(_line("T2", s.outlet))
    y = year(s.published)
    if y:
        lines.append(_line("PY", str(y)))
    if c.para_no:
        lines.append(_line("SE", f"¶ {c.para_no}"))
    if c.quote:
        where = f" ({c.source.title}, ¶ {c.para_no})" if c.para_no else ""
        lines.append(_line("N1", f"“{c.quote}”{where}"))
    if c.about:
        lines.append(_line("N1", f"Event: {c.about}"))
    if c.note:
        lines.append(_line("N1", c.note))
    lines.append("ER  - ")
    return lines


def dumps(citables: list[Citable]) -> str:
    return "\n".join(line for c in citables for line in [*record(c), ""])
