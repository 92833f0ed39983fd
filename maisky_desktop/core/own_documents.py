"""A researcher's own plain-text or Markdown document -> a source with passages, like the seeds.

The same parser as the shipped sources (``core.corpus.parse_document``) splits it, so a
passage is always the exact slice ``text[char_start:char_end]`` of the file as read
(UTF-8, line endings untouched) and an own event can anchor to it verbatim.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from maisky_desktop.core.corpus import Document, parse_document
from maisky_desktop.core.record import record

SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOC_ID_PREFIX = "doc-"


class DocumentError(ValueError):
    """A file that cannot become a source; the message names the file (and line)."""


@record
class OwnDocument:
    id: str
    title: str
    file_name: str
    sha256: str
    document: Document


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return re.sub(r"^#+\s*", "", line)[:200] or fallback
    return fallback


def read_document(path: Path) -> OwnDocument:
    """Read and split a document; raise DocumentError with the reason (file:line where it applies)."""
    name = path.name
    if path.suffix.lower() not in SUFFIXES:
        raise DocumentError(f"{name}: only plain text or Markdown can be imported ({', '.join(SUFFIXES)})")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{name}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(f"{name}:{line}: not UTF-8 text; save it as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a BOM is not part of the text; offsets count from the first character
    digest = hashlib.sha256(raw).hexdigest()
    doc_id = f"{DOC_ID_PREFIX}{digest[:12]}"
    document = parse_document(doc_id, text)
    if not document.passages:
        raise DocumentError(f"{name}: no text to import")
    return OwnDocument(doc_id, _title(text, path.stem), name, digest, document)
