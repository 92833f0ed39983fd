"""Start-up where no window can open: one line naming what is missing and how to install it, exit 2."""

import os
import subprocess
import sys

import pytest

from maisky_desktop import display


def _start(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "maisky_desktop"], capture_output=True, text=True, timeout=120, env=env
    )


def _env(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(changes)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 start-up is a Linux matter")
def test_no_display_prints_one_line_and_exits_2():
    proc = _start(_env())
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "DISPLAY" in lines[0]
    assert proc.stdout == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 start-up is a Linux matter")
def test_missing_xcb_libraries_are_named_with_their_install_command(tmp_path):
    # A broken file first on the loader's path is what a missing library looks like to Qt:
    # its xcb plugin cannot load and Qt would abort with a hint about libxcb-cursor0.
    for soname in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
        (tmp_path / soname).write_bytes(b"")
    proc = _start(_env(DISPLAY=":9", LD_LIBRARY_PATH=str(tmp_path)))
    assert proc.returncode == 2, proc.stderr  # not -6 (SIGABRT)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert "libxcb-icccm.so.4" in line and "libxcb-keysyms.so.1" in line
    assert "sudo apt install" in line and "libxcb-icccm4" in line and "libxcb-keysyms1" in line
    assert "sudo dnf install" in line and "xcb-util-wm" in line and "xcb-util-keysyms" in line
    assert "Traceback" not in proc.stderr


def test_problem_names_only_what_is_missing_and_each_package_once():
    missing = {"libxcb-randr.so.0", "libxcb-shape.so.0"}
    line = display.problem({"DISPLAY": ":0"}, loads=lambda name: name not in missing)
    assert line is not None
    assert "libxcb-randr.so.0, libxcb-shape.so.0" in line
    assert "apt install libxcb-randr0 libxcb-shape0 (Debian/Ubuntu)" in line
    assert "dnf install libxcb (Fedora)" in line  # both come from one Fedora package


def test_nothing_to_report_when_the_libraries_load_or_another_platform_is_chosen():
    assert display.problem({"DISPLAY": ":0"}, loads=lambda _name: True) is None
    assert display.problem({"QT_QPA_PLATFORM": "offscreen"}, loads=lambda _name: False) is None
    assert display.problem({"WAYLAND_DISPLAY": "wayland-0"}, loads=lambda _name: False) is None
    assert not display.uses_xcb({"DISPLAY": ":0"}, platform="win32")
