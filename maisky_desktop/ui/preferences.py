"""Preferences: the text size and the high-contrast theme, chosen in a dialog and kept for the next start.

Where they live: a ``QSettings`` INI file beside ``layout.ini`` (``ui.window_state``), in the
user's config folder (``~/.config/maisky-timeline/preferences.ini`` on Linux). Why the next
start: the theme reaches every widget's font and palette and the timeline's painted text and
colours (``ui.theme``), which are read as the window is built; applying it to a running window
would leave half-restyled parts behind, so the dialog says the change comes with the next start.

Which wins: an option on the command line (``--font-scale``, ``--high-contrast`` or
``--no-high-contrast``) over the saved value, the saved value over the default. A kiosk neither
offers the dialog nor reads the saved values: its look comes from ``kiosk.toml`` and the command
line only, so a desktop user's choice never changes a museum screen. A value the file holds that
cannot be read (edited by hand, damaged) counts as unset: it costs the preference, never the start.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.record import record
from maisky_desktop.ui.actions import Act

MIN_SCALE, MAX_SCALE = 0.5, 4.0  # the bounds --font-scale accepts
_SCALE_KEY, _CONTRAST_KEY = "look/font_scale", "look/high_contrast"


@record
class Prefs:
    font_scale: float = 1.0
    high_contrast: bool = False


def user_settings() -> QtCore.QSettings:
    """The preferences file in the user's config folder, beside ``layout.ini``."""
    return QtCore.QSettings(
        QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, "maisky-timeline", "preferences"
    )


def load(settings: QtCore.QSettings) -> Prefs:
    """The saved preferences; a missing or unreadable value is the default."""
    scale, contrast = settings.value(_SCALE_KEY), settings.value(_CONTRAST_KEY)
    try:
        font_scale = float(scale) if scale is not None else Prefs.font_scale
    except (TypeError, ValueError):
        font_scale = Prefs.font_scale
    if not MIN_SCALE <= font_scale <= MAX_SCALE:  # also NaN
        font_scale = Prefs.font_scale
    text = str(contrast).strip().lower()
    high_contrast = contrast is True or text in ("true", "1", "yes")
    return Prefs(font_scale, high_contrast)


def save(settings: QtCore.QSettings, prefs: Prefs) -> bool:
    """Write the preferences now; False when the file could not be written (the dialog says so)."""
    settings.setValue(_SCALE_KEY, prefs.font_scale)
    settings.setValue(_CONTRAST_KEY, prefs.high_contrast)
    settings.sync()
    return settings.status() == QtCore.QSettings.Status.NoError


def resolve(font_scale: float | None, high_contrast: bool | None, saved: Prefs) -> Prefs:
    """The look to start with: each command-line value given (not None) over the saved one."""
    return Prefs(
        saved.font_scale if font_scale is None else font_scale,
        saved.high_contrast if high_contrast is None else high_contrast,
    )


class PreferencesDialog(QtWidgets.QDialog):
    """Text size (50 to 400%) and high contrast; OK saves them for the next start."""

    def __init__(
        self, settings: QtCore.QSettings, overridden: tuple[str, ...] = (), parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        saved = load(settings)
        self.size_box = QtWidgets.QSpinBox()
        self.size_box.setRange(round(MIN_SCALE * 100), round(MAX_SCALE * 100))
        self.size_box.setSingleStep(25)
        self.size_box.setSuffix(" %")
        self.size_box.setValue(round(saved.font_scale * 100))
        self.size_box.setAccessibleName("Text size")
        self.size_box.setAccessibleDescription("The size of all text, timeline labels included, in per cent")
        self.contrast_box = QtWidgets.QCheckBox("&High contrast: black on white, strong lines, a thick focus frame")
        self.contrast_box.setChecked(saved.high_contrast)
        self.contrast_box.setAccessibleName("High contrast")
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        size_label = QtWidgets.QLabel("&Text size")
        size_label.setBuddy(self.size_box)
        form.addRow(size_label, self.size_box)
        form.addRow(self.contrast_box)
        note = "These take effect the next time Maisky Timeline starts."
        if overridden:
            note += (
                f" This window was started with {' and '.join(overridden)}, which the command line sets "
                "over these saved values."
            )
        self.note = QtWidgets.QLabel(note)
        self.note.setWordWrap(True)
        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000")
        self.error.hide()
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QtWidgets.QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addWidget(self.error)
        box.addWidget(buttons)

    def chosen(self) -> Prefs:
        return Prefs(self.size_box.value() / 100, self.contrast_box.isChecked())

    def accept(self) -> None:
        if not save(self.settings, self.chosen()):
            self.error.setText(f"Could not save to {self.settings.fileName()}; nothing was changed.")
            self.error.show()
            return
        super().accept()


def attach(window, settings: QtCore.QSettings | None = None, overridden: tuple[str, ...] = ()) -> None:
    """Make the window's Preferences command open the dialog (a kiosk never calls this: it switches it off)."""

    def show() -> None:
        dialog = PreferencesDialog(settings if settings is not None else user_settings(), overridden, window)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: window.statusBar().showMessage("Preferences saved: they apply at the next start", 8000)
        )
        window.preferences_dialog = dialog
        dialog.open()

    window.commands.on(Act.PREFERENCES, show)
