"""Desktop integration: the .desktop file and AppStream metainfo validate, and point at real files."""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.maiskytimeline.Timeline"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed: .ci/run installs it (desktop-file-utils, appstream)")
        pytest.skip(f"{name} not installed (Debian: desktop-file-utils, appstream)")
    return path


def test_desktop_file_validates():
    out = subprocess.run(
        [_tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_metainfo_validates_offline():
    out = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_metainfo_screenshots_are_committed_screenshots_and_launch_the_desktop_file():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    images = [e.text for e in root.iter("image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith("https://") and "/docs/screenshots/" in url
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("id").text == APP_ID


def test_desktop_file_names_the_gui_script_and_the_shipped_icon():
    text = (LINUX / f"{APP_ID}.desktop").read_text()
    assert "Exec=maisky-timeline\n" in text and f"Icon={APP_ID}\n" in text
    assert 'maisky-timeline = "maisky_desktop.cli:main"' in (ROOT / "pyproject.toml").read_text()
    icons = ROOT / "maisky_desktop" / "data" / "icons"
    assert (icons / "maisky-timeline.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / f"maisky-timeline-{size}.png").is_file()
