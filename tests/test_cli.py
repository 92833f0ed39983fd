"""The command line: help for every command, check, build."""

import subprocess
import sys

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "maisky_desktop", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["check", "--help"]])
def test_every_command_has_help_with_an_example(args):
    proc = _run(*args)
    assert proc.returncode == 0
    assert "usage: maisky-desktop" in proc.stdout and "example" in proc.stdout


def test_check_passes_on_the_shipped_catalog():
    proc = _run("check")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("ok: 5 sources")


def test_build_writes_a_store_with_progress(tmp_path):
    out = tmp_path / "copy.sqlite"
    proc = _run("build", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "full-text indexes" in proc.stdout and out.stat().st_size > 100_000


def test_build_refuses_to_write_into_a_missing_folder_gracefully(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    proc = _run("build", "--out", str(target / "sub" / "store.sqlite"))
    assert proc.returncode == 1 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr
