"""Help > About opens a dialog with the sources' rights and the licences."""

from PySide6 import QtWidgets


def test_help_menu_about_shows_the_notice(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QtWidgets.QDialog, "exec", lambda self: shown.append(self) or 0)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Help" in menus
    window.about_action.trigger()
    assert len(shown) == 1
    text = shown[0].notice.toPlainText()
    assert "CC BY-SA 4.0" in text and "Aberystwyth Research Portal" in text
    assert "PySide6" in text and "LGPL" in text and "pyqtgraph" in text


def test_window_icon_is_the_shipped_icon(qapp):
    from maisky_desktop.ui.about import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
