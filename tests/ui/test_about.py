"""Help > About (the action registry's About) opens a dialog with the sources' rights and the licences."""

from maisky_desktop.ui.actions import Act


def test_help_about_shows_the_notice(window):
    assert window.commands[Act.ABOUT] in window.menus["Help"].actions()
    window.commands[Act.ABOUT].trigger()
    text = window.about_box.notice.toPlainText()
    assert window.about_box.isVisible()
    assert "CC BY-SA 4.0" in text and "Aberystwyth Research Portal" in text
    assert "PySide6" in text and "LGPL" in text and "pyqtgraph" in text
    window.about_box.close()


def test_window_icon_is_the_shipped_icon(qapp):
    from maisky_desktop.ui.about import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
