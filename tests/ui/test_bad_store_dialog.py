"""A bad store at start-up: with a screen, a dialog says what is wrong (tests/store runs without Qt)."""

from pathlib import Path


def _truncated(tmp: Path, good: Path) -> Path:
    out = tmp / "truncated.sqlite"
    out.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    return out


def test_gui_shows_a_dialog_for_a_bad_store(qtbot, tmp_path, monkeypatch, built_store):
    from maisky_desktop import cli
    from maisky_desktop.ui import app

    shown = []
    monkeypatch.setattr(app, "_has_display", lambda: True)
    monkeypatch.setattr(app.QtWidgets.QMessageBox, "critical", lambda *a: shown.append(a[2]))
    assert cli.main(["--store", str(_truncated(tmp_path, built_store))]) == 2
    assert shown and "truncated" in shown[0]
