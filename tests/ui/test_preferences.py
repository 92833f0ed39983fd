"""The Preferences dialog: text size and high contrast saved for the next start; the command line wins; no kiosk."""

import subprocess
import sys

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.ui import preferences, theme
from maisky_desktop.ui.actions import Act
from maisky_desktop.ui.app import Look, start_look
from maisky_desktop.ui.kiosk import Kiosk
from maisky_desktop.ui.timeline import style


@pytest.fixture
def settings(tmp_path):
    return QtCore.QSettings(str(tmp_path / "preferences.ini"), QtCore.QSettings.Format.IniFormat)


@pytest.fixture
def themed(qtbot):
    app = QtWidgets.QApplication.instance()
    font = QtGui.QFont(app.font())
    yield app
    theme.restore(app, font)


def _open_dialog(qtbot, window, settings, overridden=()):
    preferences.attach(window, settings, overridden)
    assert window.commands[Act.PREFERENCES] in window.menus["View"].actions()
    window.commands[Act.PREFERENCES].trigger()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_the_dialog_saves_text_size_and_contrast_and_shows_them_next_time(qtbot, window, settings, tmp_path):
    dialog = _open_dialog(qtbot, window, settings)
    assert (dialog.size_box.value(), dialog.contrast_box.isChecked()) == (100, False)
    assert "next time" in dialog.note.text()
    dialog.size_box.setValue(150)
    dialog.contrast_box.setChecked(True)
    qtbot.mouseClick(dialog.findChild(QtWidgets.QDialogButtonBox).button(QtWidgets.QDialogButtonBox.StandardButton.Ok),
                     QtCore.Qt.MouseButton.LeftButton)  # fmt: skip
    assert not dialog.isVisible() and "apply at the next start" in window.statusBar().currentMessage()
    text = (tmp_path / "preferences.ini").read_text()
    assert "font_scale=1.5" in text and "high_contrast=true" in text
    again = _open_dialog(qtbot, window, QtCore.QSettings(str(tmp_path / "preferences.ini"), settings.format()))
    assert (again.size_box.value(), again.contrast_box.isChecked()) == (150, True)
    again.reject()


def test_the_next_start_applies_saved_values_and_the_command_line_overrides_them(qtbot, themed, settings):
    preferences.save(settings, preferences.Prefs(1.5, True))
    base = themed.font().pointSizeF()
    look = start_look(Look(), settings)
    assert (look.font_scale, look.high_contrast) == (1.5, True)
    theme.apply(themed, look.font_scale, look.high_contrast)
    assert themed.font().pointSizeF() == pytest.approx(base * 1.5) and style.BACKGROUND == "#ffffff"
    assert themed.palette().color(QtGui.QPalette.ColorRole.WindowText) == QtGui.QColor("#000000")
    overridden = start_look(Look(font_scale=1.0, high_contrast=False), settings)
    assert (overridden.font_scale, overridden.high_contrast) == (1.0, False)
    assert start_look(Look(font_scale=2.0), settings) == Look(font_scale=2.0, high_contrast=True)
    kiosk = start_look(Look(kiosk=True), settings)  # a museum screen never takes a desktop user's choice
    assert (kiosk.font_scale, kiosk.high_contrast) == (1.0, False)


def test_a_damaged_preferences_file_costs_the_preference_not_the_start(tmp_path):
    path = tmp_path / "preferences.ini"
    path.write_text("[look]\nfont_scale=huge\nhigh_contrast=perhaps\n")
    assert preferences.load(QtCore.QSettings(str(path), QtCore.QSettings.Format.IniFormat)) == preferences.Prefs()
    path.write_text("[look]\nfont_scale=40\n")  # outside what --font-scale accepts
    assert preferences.load(QtCore.QSettings(str(path), QtCore.QSettings.Format.IniFormat)).font_scale == 1.0


def test_the_dialog_names_the_command_line_options_that_override_it(qtbot, window, settings):
    dialog = _open_dialog(qtbot, window, settings, ("--font-scale 2",))
    assert "started with --font-scale 2" in dialog.note.text()
    dialog.reject()


def test_a_kiosk_does_not_offer_preferences(qtbot, window, tmp_path):
    from maisky_desktop.core.kiosk_settings import KioskSettings

    k = Kiosk(window, KioskSettings(log_file=str(tmp_path / "kiosk.log")))
    k.exits = []
    k.exit_app = k.exits.append
    k.start()
    try:
        action = window.commands[Act.PREFERENCES]
        assert not action.isEnabled() and not action.isVisible() and not window.commands.allowed(Act.PREFERENCES)
    finally:
        k.leaving = True
        k.stop()


def test_the_command_line_accepts_no_high_contrast_and_checks_the_scale():
    out = subprocess.run(
        [sys.executable, "-m", "maisky_desktop", "--font-scale", "9", "--no-high-contrast"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 2 and "--font-scale must be between 0.5 and 4" in out.stderr
