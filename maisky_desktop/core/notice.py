"""The notice: what a museum or a school may show and hand out, and what the app is built from.

One renderer for the bundle's ``NOTICE.txt`` and the About dialog, so both say the same. The
sources' rights are quoted verbatim from their provenance records (``seeds/sources.yaml``); the
licences of the Python packages come from their installed metadata, never typed by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from maisky_desktop.core.record import record
from maisky_desktop.core.records import Source

if TYPE_CHECKING:  # importlib.metadata is read only when the notice is rendered, not at the app's start
    from importlib import metadata

APP_NAME = "Maisky Timeline"
APP_DIST = "maisky-desktop"
QT_DISTS = ("pyside6-essentials", "shiboken6")
CC_BY_SA_4 = "https://creativecommons.org/licenses/by-sa/4.0/"
QT_LGPL = f"""\
Qt and PySide6 (Qt for Python) are used under the GNU Lesser General Public License v3
(LGPL-3.0; a bundle carries the texts in licenses/LGPL-3.0.txt and licenses/GPL-3.0.txt).
Their source code is published by The Qt Company at https://code.qt.io. You may replace them
with your own or a modified build of the same major version (Qt 6): in a bundle, the Qt
libraries are the shared libraries under _internal/PySide6 (Qt/lib on Linux and macOS, the
Qt6*.dll files on Windows) and the bindings are the PySide6 and shiboken6 modules beside them.
Copy your builds over these files and the app loads them at its next start.
{APP_NAME} links to them dynamically and does not modify them."""


@record
class Component:
    """One thing the app carries: a Python package, the Python runtime or a system library."""

    name: str
    version: str
    licence: str
    origin: str


def distribution_licence(dist: metadata.Distribution) -> str:
    """A distribution's licence from its metadata: SPDX expression, short licence field or classifiers."""
    meta = dist.metadata
    expression = _header(meta, "License-Expression")
    if expression:
        return expression.strip()
    field = (_header(meta, "License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    return "licence text in the package" if field else "no licence recorded in its metadata"


def _header(meta: metadata.PackageMetadata, name: str) -> str | None:
    """The first ``name`` field of the metadata, as ``Message.get`` gives it (typeshed's protocol lacks ``get``)."""
    values = meta.get_all(name)
    return values[0] if values else None


def python_components(modules: Iterable[str]) -> list[Component]:
    """The distributions that provide these top-level modules, each with its licence."""
    from importlib import metadata

    owners = metadata.packages_distributions()
    names = sorted({dist for module in modules for dist in owners.get(module.split(".")[0], ())}, key=str.lower)
    found = []
    for name in names:
        if _normal(name) == APP_DIST:
            continue
        dist = metadata.distribution(name)
        found.append(Component(dist.metadata["Name"], dist.version, distribution_licence(dist), "Python package"))
    return found


def _normal(name: str) -> str:
    """A distribution name as PEP 503 compares them (``PySide6_Essentials`` is ``pyside6-essentials``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _source_heading(source: Source) -> str:
    by = ", ".join(p for p in (source.author, source.outlet, source.published) if p)
    return f"“{source.title}”" + (f" — {by}" if by else "")


def _attribution(source: Source) -> str | None:
    """CC BY-SA asks for title, author, licence and changes to be named where the text is shown."""
    if not source.rights or "CC BY-SA 4.0" not in source.rights:
        return None
    return (
        f"    Attribution: “{source.title}” by {source.author or 'its authors'}, {source.outlet or ''}, "
        f"licensed CC BY-SA 4.0 ({CC_BY_SA_4}). The app quotes it verbatim, split into passages; "
        "no word is changed. Copies and handouts of its text must carry this attribution and the same licence."
    )


def render_notice(version: str, sources: Sequence[Source], components: Sequence[Component]) -> str:
    """The notice as plain text: sources with their rights, then every component with its licence."""
    lines = [
        f"{APP_NAME} {version}: notices",
        "",
        f"{APP_NAME} is free software under the MIT licence (licenses/{APP_NAME.replace(' ', '-')}-LICENSE.txt).",
        "",
        "1. The sources and their rights",
        "",
        "Every event is anchored in a passage of one of these documents. Their rights are quoted",
        "from the provenance records as printed in each document. The MIT licence above covers the",
        "software, not these texts: what may be shown or handed out is set by each document's rights",
        "holders and by the quotation rules of the law where it is shown.",
        "",
    ]
    for source in sources:
        lines.append(f"  [{source.id}] {_source_heading(source)}")
        lines.append(f"    Rights: {source.rights}")
        attribution = _attribution(source)
        if attribution:
            lines.append(attribution)
        lines.append("")
    qt = [c for c in components if _normal(c.name) in QT_DISTS]
    rest = [c for c in components if _normal(c.name) not in QT_DISTS]
    lines += ["2. Qt and PySide6", ""]
    lines += [f"  {c.name} {c.version}: {c.licence}" for c in qt]
    lines += ["", QT_LGPL, "", "3. Other components the app carries", ""]
    width = max((len(c.name) for c in rest), default=0)
    lines += [f"  {c.name:<{width}}  {c.version:<12}  {c.licence}  ({c.origin})" for c in rest]
    return "\n".join(lines).rstrip() + "\n"
