"""The notice names every source's rights verbatim and every loaded package's licence."""

import sys
from pathlib import Path

import yaml

from maisky_desktop.core.notice import CC_BY_SA_4, Component, python_components, render_notice
from maisky_desktop.core.records import Source

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ("PySide6", "shiboken6", "pyqtgraph", "numpy", "sqlite_utils", "yaml", "pypdf", "citeproc", "edtf")


def _sources() -> list[Source]:
    records = yaml.safe_load((ROOT / "seeds" / "sources.yaml").read_text(encoding="utf-8"))
    return [Source(**{k: r.get(k) for k in Source.__dataclass_fields__}) for r in records]


def test_notice_quotes_every_sources_rights_and_attributes_wikipedia():
    sources = _sources()
    text = render_notice("9.9", sources, python_components(RUNTIME))
    for s in sources:
        assert f"[{s.id}] “{s.title}”" in text
        assert f"Rights: {s.rights}" in text
    wikipedia = next(s for s in sources if "CC BY-SA 4.0" in s.rights)
    attribution = next(line for line in text.splitlines() if "Attribution:" in line)
    assert wikipedia.title in attribution and wikipedia.author in attribution and CC_BY_SA_4 in attribution


def test_notice_lists_a_source_without_recorded_rights_without_an_attribution():
    # An imported own document has no rights field (store.with_own_documents): the notice once
    # raised TypeError on ``"CC BY-SA 4.0" in None`` (found by mypy).
    own = Source("doc-1", "letter.txt", "", "A letter", outlet="your document letter.txt")
    text = render_notice("9.9", [own], [])
    assert "[doc-1] “A letter”" in text
    assert "Attribution:" not in text


def test_notice_names_each_runtime_package_with_the_licence_its_metadata_gives():
    components = python_components(RUNTIME)
    names = {c.name.lower().replace("_", "-") for c in components}
    for dist in ("pyside6-essentials", "shiboken6", "pyqtgraph", "numpy", "sqlite-utils", "pyyaml", "pypdf"):
        assert dist in names
    text = render_notice("9.9", _sources(), components)
    for c in components:
        assert f"{c.name}" in text and c.licence in text
        assert c.licence and "no licence recorded" not in c.licence, c
    assert "LGPL-3.0" in text and "replace them" in text


def test_components_of_the_running_process_leave_out_the_app_itself():
    names = {c.name for c in python_components(sorted(sys.modules))}
    assert "maisky-desktop" not in names and "maisky_desktop" not in names


def test_qt_is_listed_in_its_own_section():
    qt = Component("PySide6_Essentials", "6.9", "LGPL-3.0-only", "Python package")
    other = Component("numpy", "2.0", "BSD-3-Clause", "Python package")
    text = render_notice("9.9", [], [other, qt])
    assert text.index("PySide6_Essentials 6.9: LGPL-3.0-only") < text.index("3. Other components")
    assert text.index("numpy") > text.index("3. Other components")
