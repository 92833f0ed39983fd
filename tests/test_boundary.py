"""The pure core and the store never import Qt: proven in a fresh interpreter and by import-linter."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_store_import_without_qt():
    code = (
        "import sys, pkgutil, importlib, maisky_desktop.core as c, maisky_desktop.store as s\n"
        "for pkg in (c, s):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "import maisky_desktop.cli\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extras"
    proc = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_an_upward_import_breaks_the_layers_contract(tmp_path):
    """A copy of the package with ``core`` importing ``ui``: lint-imports must fail and name the import."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extras"
    shutil.copytree(ROOT / "maisky_desktop", tmp_path / "maisky_desktop", ignore=shutil.ignore_patterns("data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / "maisky_desktop" / "core" / "span.py", "a", encoding="utf-8") as fh:
        fh.write("\nimport maisky_desktop.ui.actions  # deliberately upward\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    proc = subprocess.run([lint], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode != 0
    assert "maisky_desktop.core is not allowed to import maisky_desktop.ui" in proc.stdout
    assert "maisky_desktop.core.span -> maisky_desktop.ui.actions" in proc.stdout


def test_no_ui_module_opens_a_database_or_runs_sql():
    """Widgets and the search thread ask ``store/`` (``Services``, ``OwnReader``) for what they read."""
    banned = ("sqlite3.connect", ".execute(", ".conn.", ".conn)", "mode=ro", "set_progress_handler(")
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "maisky_desktop" / "ui").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(b in line for b in banned)
    ]
    assert found == [], "\n".join(found)
