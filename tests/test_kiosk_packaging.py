"""The kiosk's systemd unit passes systemd-analyze verify; the example settings file matches the code."""

import shutil
import subprocess
from pathlib import Path

import pytest

from maisky_desktop.core import kiosk_settings

KIOSK = Path(__file__).resolve().parent.parent / "packaging" / "kiosk"
UNIT = KIOSK / "maisky-kiosk.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed (apt: systemd)")
def test_the_unit_passes_systemd_analyze_verify_without_a_warning():
    proc = subprocess.run(["systemd-analyze", "verify", str(UNIT)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "" and proc.stderr.strip() == "", proc.stdout + proc.stderr


def test_the_unit_runs_the_app_under_cage_and_always_restarts_it():
    lines = {line.partition("=")[0]: line.partition("=")[2] for line in UNIT.read_text().splitlines() if "=" in line}
    assert lines["ExecStart"].startswith("/usr/bin/cage ") and lines["ExecStart"].endswith("maisky-desktop --kiosk")
    assert lines["Restart"] == "always"
    assert lines["RestartPreventExitStatus"] == "64"  # the staff exit stays down
    assert lines["PrivateNetwork"] == "yes"


def test_the_example_settings_file_is_the_codes_defaults():
    text = (KIOSK / "kiosk.toml").read_text(encoding="utf-8")
    assert kiosk_settings.example() in text
    assert kiosk_settings.parse(text, "kiosk.toml") == (kiosk_settings.KioskSettings(), [])
