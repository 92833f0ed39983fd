"""BibTeX, for LaTeX drafts and for Zotero's BibTeX import.

Values are braced and the characters BibTeX treats specially are escaped, so any quote
from a source survives a round trip; ``note`` carries the quote with its paragraph,
``annote`` the researcher's note (Zotero imports it as a note).
"""

from __future__ import annotations

from maisky_desktop.core.formats.records import Citable, split_author, year

_TYPES = {"news": "online", "essay": "online", "encyclopedia": "inreference", "journal article": "article"}
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
}


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))


def entry(c: Citable) -> str:
    s = c.source
    fields: list[tuple[str, str]] = []
    name = split_author(s.author)
    if name:
        fields.append(("author", f"{escape(name[0])}, {escape(name[1])}"))
    elif s.author:
        fields.append(("author", "{" + escape(s.author) + "}"))  # a corporate author stays one name
    fields.append(("title", escape(s.title)))
    if s.outlet:
        fields.append(("journal" if s.kind == "journal article" else "howpublished", escape(s.outlet)))
    y = year(s.published)
    if y:
        fields.append(("year", str(y)))
    if c.quote:
        where = f" (¶ {c.para_no})" if c.para_no else ""
        fields.append(("note", escape(f"“{c.quote}”{where}")))
    annote = " ".join(x for x in (f"Event: {c.about}." if c.about else "", c.note or "") if x)
    if annote:
        fields.append(("annote", escape(annote)))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{_TYPES.get(s.kind, 'misc')}{{{c.key},\n{body}\n}}\n"


def dumps(citables: list[Citable]) -> str:
    return "\n".join(entry(c) for c in citables)
