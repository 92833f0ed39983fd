"""The Linux bundle: built from a clean clone with the spec, it runs its self-test with no Python around.

One build (about a minute and a half on the 2-core CI machine) serves every test here. Marked
``bundle``; needs the ``package`` extra (PyInstaller), which ``.ci/run`` installs.
"""

import datetime
import faulthandler
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml

pytestmark = [pytest.mark.bundle, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle")]

ROOT = Path(__file__).resolve().parents[2]
NAME = "maisky-timeline"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(bundle folder, PyInstaller work folder) built from a fresh clone of the committed tree."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller missing: .ci/run installs the package extra")
        pytest.skip('PyInstaller not installed: pip install -e ".[package]"')
    # The build is slow by nature and has its own timeout below: no faulthandler stack dump at 120 s.
    faulthandler.cancel_dump_traceback_later()
    tmp = tmp_path_factory.mktemp("bundle")
    clone = tmp / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True, timeout=120)
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "build"), "packaging/maisky.spec"],
        cwd=clone, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    return tmp / "dist" / NAME, tmp / "build" / "maisky"


def _bare_env(tmp: Path) -> dict[str, str]:
    """No Python, no virtual environment, no PYTHONPATH: only an empty PATH and a home."""
    empty = tmp / "empty-bin"
    empty.mkdir(exist_ok=True)
    (tmp / "home").mkdir(exist_ok=True)
    return {"PATH": str(empty), "HOME": str(tmp / "home"), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}


def test_self_test_passes_in_the_bundle_with_no_python_on_the_path(built, tmp_path):
    bundle, _ = built
    env = _bare_env(tmp_path)
    assert shutil.which("python3", path=env["PATH"]) is None and shutil.which("python", path=env["PATH"]) is None
    run = subprocess.run(
        [str(bundle / "maisky-desktop"), "--self-test"], env=env, cwd=tmp_path, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test (bundle, linux)" in run.stdout
    assert run.stdout.rstrip().endswith("all 7 checks passed"), run.stdout


def test_the_bundle_cites_with_its_csl_styles_and_searches(built, tmp_path):
    bundle, _ = built
    env = _bare_env(tmp_path)
    cite = subprocess.run(
        [str(bundle / "maisky-desktop"), "--user-data", str(tmp_path / "user"), "cite", "treaty-of-rapallo",
         "--style", "apa"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert cite.returncode == 0 and "Kocho-Williams" in cite.stdout, cite.stdout + cite.stderr
    search = subprocess.run(
        [str(bundle / NAME), "search", "Litvinoff", "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    assert search.returncode == 0 and '"id": "litvinov"' in search.stdout, search.stdout + search.stderr


def test_the_bundle_imports_own_events_from_an_excel_workbook(built, tmp_path):
    from openpyxl import Workbook

    bundle, _ = built
    book = Workbook()
    book.active.append(["title", "date"])
    book.active.append(["Munich", datetime.date(1938, 9, 29)])
    book.save(tmp_path / "events.xlsx")
    run = subprocess.run(
        [str(bundle / "maisky-desktop"), "--user-data", str(tmp_path / "user"), "import", "events",
         str(tmp_path / "events.xlsx")],
        env=_bare_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0 and "row 2: ok  29 September 1938" in run.stdout, run.stdout + run.stderr


def test_the_bundle_holds_the_app_and_nothing_from_the_checkout_besides(built):
    bundle, workpath = built
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file() or p.is_symlink()]
    data = "_internal/maisky_desktop/data/"
    needed_files = ("maisky.sqlite", "maisky.sqlite.sha256", "seeds/sources.yaml", "catalog/events/maisky.yaml",
                    "csl/apa.csl", "icons/maisky-timeline-256.png")  # fmt: skip
    for needed in needed_files:
        assert data + needed in files, needed
    assert {
        "NOTICE.txt",
        "licenses/LGPL-3.0.txt",
        "share/applications/org.maiskytimeline.Timeline.desktop",
        "share/maisky-timeline/kiosk/maisky-kiosk.service",
        "bin/maisky-desktop",
    } <= set(files)
    assert (bundle / "bin" / "maisky-desktop").resolve() == (bundle / NAME).resolve()
    forbidden = re.compile(r"(^|/)(tests?|__pycache__|\.git|docs|\.pytest_cache|\.ruff_cache)(/|$)|\.py[co]?$")
    assert not [f for f in files if forbidden.search(f)]
    assert not [f for f in files if "/Qt/translations/" in f]
    plugins = {f.split("/plugins/")[1].split("/")[0] for f in files if "/Qt/plugins/" in f}
    assert plugins <= {"platforms", "platforminputcontexts", "platformthemes", "styles", "wayland-shell-integration",
                       "wayland-decoration-client"}, plugins  # fmt: skip
    assert not [f for f in files if "libgtk" in f or "libQt6Network" in f]
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling
    modules = (workpath / "PYZ-00.toc").read_text()
    assert "'maisky_desktop.ui.main_window'" in modules
    unwanted_modules = ("maisky_desktop.store.synthetic", "'pytest'", "'tests", "'PySide6.QtNetwork'", "'tkinter'",
                        "'datasette'", "'PIL'")  # fmt: skip
    for unwanted in unwanted_modules:
        assert unwanted not in modules, unwanted


def test_the_notice_names_every_sources_rights_and_every_bundled_librarys_licence(built):
    bundle, workpath = built
    notice = (bundle / "NOTICE.txt").read_text(encoding="utf-8")
    for source in yaml.safe_load((ROOT / "seeds" / "sources.yaml").read_text(encoding="utf-8")):
        assert f"Rights: {source['rights']}" in notice, source["id"]
    # Every distribution a bundled top-level module comes from, with its licence.
    tops = set(re.findall(r"\('([A-Za-z_][\w]*)[.']", (workpath / "PYZ-00.toc").read_text()))
    tops |= {p.name.split(".")[0] for p in (bundle / "_internal").rglob("*.so") if "cpython" in p.name}
    owners = metadata.packages_distributions()
    dists = {d for t in tops for d in owners.get(t, ()) if d.lower().replace("_", "-") != "maisky-desktop"}
    assert {"PySide6_Essentials", "numpy", "pyqtgraph"} <= dists | {"PySide6_Essentials"}
    for dist in dists:
        line = next((ln for ln in notice.splitlines() if re.match(rf"\s*{re.escape(dist)}[ :]", ln)), None)
        assert line is not None, f"{dist} is bundled but not in NOTICE.txt"
        assert "no licence recorded" not in line, line
    # Every library copied from the system, by the name it has in the bundle.
    system = [p.name for p in (bundle / "_internal").glob("lib*.so*") if not p.is_symlink()]
    assert system
    for lib in system:
        assert lib in notice or lib.startswith("libpython"), f"{lib} is bundled but not in NOTICE.txt"
    assert "unknown: not from a system package" not in notice
    assert "Python " in notice and "PSF-2.0" in notice


def test_the_bundle_needs_from_the_system_only_what_the_readme_lists(built):
    """ldd every ELF file; what resolves outside the bundle must come from the README's package list."""
    if not shutil.which("dpkg") or not shutil.which("ldd"):
        pytest.skip("needs dpkg and ldd (Debian or Ubuntu)")
    bundle, _ = built
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.search(r"<!-- bundle-system-packages -->\s*`([^`]+)`", readme).group(1).split())
    inside = [
        bundle / "_internal",
        bundle / "_internal" / "PySide6" / "Qt" / "lib",
        bundle / "_internal" / "numpy.libs",
    ]
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(map(str, inside))}
    outside: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
            for _soname, where in re.findall(r"^\s*(\S+) => (/\S+)", out, re.MULTILINE):
                if not Path(where).resolve().is_relative_to(bundle.resolve()):
                    outside.add(where)
    owners = subprocess.run(["dpkg", "-S", *sorted(outside)], capture_output=True, text=True).stdout
    packages = {line.split(":")[0] for line in owners.splitlines() if ": " in line}
    assert packages, outside
    assert packages <= listed, f"the bundle links {sorted(packages - listed)} from the system; list them in the README"
