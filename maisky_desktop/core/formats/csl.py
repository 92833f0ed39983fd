"""CSL-JSON items and citations rendered by citeproc-py with the shipped CSL styles.

Why citeproc-py and not string templates: a style's rules (names, dates, punctuation,
the paragraph locator) are the style file's, so "Chicago" or "APA" means what the CSL
project says it means. The styles ship in ``maisky_desktop/data/csl``.
"""

from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

from maisky_desktop.core.formats.records import Citable, note_text, split_author, year

STYLES = {"chicago": "chicago-author-date.csl", "apa": "apa.csl"}
_TYPES = {
    "news": "webpage",  # the news and essay sources are web pages; Chicago renders them cleanly so
    "essay": "webpage",
    "encyclopedia": "entry-encyclopedia",
    "journal article": "article-journal",
}


def style_path(style: str) -> Path:
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return Path(str(resources.files("maisky_desktop") / "data" / "csl" / STYLES[style]))


def item(c: Citable) -> dict:
    """One CSL-JSON item (the form Zotero and pandoc import)."""
    s = c.source
    out: dict = {"id": c.key, "type": _TYPES.get(s.kind, "manuscript"), "title": s.title}
    name = split_author(s.author)
    if name:
        out["author"] = [{"family": name[0], "given": name[1]}]
    elif s.author:
        out["author"] = [{"literal": s.author}]
    if s.outlet:
        out["container-title"] = s.outlet
    y = year(s.published)
    if y:
        out["issued"] = {"date-parts": [[y]]}
    note = note_text(c)
    if note:
        out["note"] = note
    return out


def items(citables: list[Citable]) -> list[dict]:
    return [item(c) for c in citables]


def render(citables: list[Citable], style: str = "chicago") -> list[tuple[str, str]]:
    """(in-text citation with the paragraph as locator, bibliography entry) per citable, as plain text."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips; the output stays valid
        csl_style = CitationStylesStyle(str(style_path(style)), validate=False)
        for c in citables:
            source = CiteProcJSON([item(c)])
            # the reference from its own bibliography: a citation's locator must not leak into it
            bib = CitationStylesBibliography(csl_style, source, formatter.plain)
            bib.register(Citation([CitationItem(c.key)]))
            entry = str(bib.bibliography()[0])
            cited = CitationStylesBibliography(csl_style, source, formatter.plain)
            locator = {"locator": Locator("paragraph", str(c.para_no))} if c.para_no else {}
            citation = Citation([CitationItem(c.key, **locator)])
            cited.register(citation)
            in_text = str(cited.cite(citation, lambda _item: None))
            out.append((in_text, entry))
    return out


def clipboard_text(c: Citable, style: str = "chicago") -> str:
    """The quote, its in-text citation and the reference: what Copy citation puts on the clipboard."""
    in_text, entry = render([c], style)[0]
    head = f"“{c.quote}” {in_text}" if c.quote else in_text
    return f"{head}\n\n{entry}"
