"""The wheel carries its store, seeds and catalog: an installed copy works without the source tree."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_installed_package_checks_and_opens_its_store_outside_the_checkout(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("maisky_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "maisky_desktop/data/maisky.sqlite" in names
    assert "maisky_desktop/data/seeds/sources.yaml" in names
    assert any(n.startswith("maisky_desktop/data/catalog/events/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    code = "from maisky_desktop import paths; assert not paths.in_checkout(); print(paths.default_store())"
    where = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert where.returncode == 0 and str(site) in where.stdout, where.stderr
    check = subprocess.run(
        [sys.executable, "-m", "maisky_desktop", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert check.returncode == 0 and check.stdout.startswith("ok: 5 sources"), check.stdout + check.stderr
