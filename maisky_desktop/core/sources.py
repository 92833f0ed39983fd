"""The five source documents and their provenance (``seeds/sources.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from maisky_desktop.core.record import record

if TYPE_CHECKING:  # the catalog reader (PyYAML) and the parser are for the build: the app reads ``Source`` rows
    from maisky_desktop.core.catalog import Problem
    from maisky_desktop.core.corpus import Document

KINDS = ("news", "essay", "encyclopedia", "journal article")
_REQUIRED = ("id", "file", "sha256", "title")  # the Source fields without a default
FIELDS = ("id", "file", "title", "author", "outlet", "published", "kind", "rights", "sha256", "notes")


@record
class Source:
    """A source document's provenance; also the store's ``sources`` row (the fields are its columns, in order)."""

    id: str
    file: str
    sha256: str
    title: str
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    kind: str | None = None
    rights: str | None = None
    notes: str | None = None


def load_sources(seeds: Path, label: str, problems: list[Problem]) -> list[tuple[Source, Document]]:
    """Provenance records with their parsed documents; a changed file is a problem."""
    import hashlib

    from maisky_desktop.core.catalog import Problem, read_yaml
    from maisky_desktop.core.corpus import parse_document, read_source

    found = []
    for rec in read_yaml(seeds / "sources.yaml", label, problems):
        missing = [f for f in ("id", "file", "title", "kind", "rights", "sha256") if not rec.get(f)]
        if missing:
            problems.append(Problem(label, rec.line, f"source record lacks {', '.join(missing)}"))
            continue
        source = Source(
            id=rec["id"],
            file=rec["file"],
            sha256=rec["sha256"],
            title=rec["title"],
            **{f: rec.get(f) for f in FIELDS if f not in _REQUIRED},
        )
        if source.kind not in KINDS:
            problems.append(Problem(label, rec.key_lines["kind"], f"kind must be one of {', '.join(KINDS)}"))
        path = seeds / source.file
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(label, rec.key_lines["file"], f"cannot read {source.file}: {exc.strerror}"))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest != source.sha256:
            problems.append(
                Problem(
                    label,
                    rec.key_lines["sha256"],
                    f"{source.file} has sha256 {digest}, provenance says {source.sha256}",
                )
            )
        found.append((source, parse_document(source.id, read_source(path), source.author)))
    return found
