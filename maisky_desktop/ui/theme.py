"""Type size and the high-contrast theme, applied once at start-up to the whole UI.

The font-size setting scales the application font (every widget) and the timeline's own
painted text (``timeline.style.FONT_SCALE``: titles, counts, lane names, era names, the
overview). The high-contrast theme is black on white with no greys for text, a dark blue
selection with white text, black lines on the timeline and a thick blue focus frame; it is
light so the catalog's lane colours keep their contrast against the background.
"""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from maisky_desktop.ui import focus_frame
from maisky_desktop.ui.timeline import style

FOCUS = "#0039b3"
# The high-contrast theme's keyboard focus, with its sheet (the normal theme has ui.focus_frame instead).
FOCUS_SHEET = f"""
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QSpinBox:focus,
QListWidget:focus, QListView:focus, QTextBrowser:focus, QTabBar:focus, QTreeView:focus,
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {FOCUS}; }}
"""
# A spin box given a border by a style sheet loses its native buttons (a sliver, no arrows), and the padding
# of bordered tool buttons leaves a tab bar's scroll buttons no room for theirs: both are drawn here, with
# the arrow images Qt's own styles carry (no file of ours to ship).
_ARROWS = ":/qt-project.org/styles/commonstyle/images"
HIGH_CONTRAST_SHEET = f"""
QWidget {{ color: #000000; background-color: #ffffff; }}
QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox {{ border: 2px solid #000000; padding: 3px 8px; }}
QPushButton:disabled, QToolButton:disabled {{ color: #595959; border-color: #595959; }}
QSpinBox {{ padding-right: 1.6em; }}
QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: border; width: 1.4em; border-left: 1px solid #000; }}
QSpinBox::up-button {{ subcontrol-position: top right; border-bottom: 1px solid #000000; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow {{ image: url({_ARROWS}/arrow-up-16.png); width: 0.7em; height: 0.7em; }}
QSpinBox::down-arrow {{ image: url({_ARROWS}/arrow-down-16.png); width: 0.7em; height: 0.7em; }}
QTabBar::tab:selected {{ background-color: #000000; color: #ffffff; }}
QTabBar::scroller {{ width: 2.4em; }}
QTabBar QToolButton {{ padding: 0px; }}
QTabBar QToolButton::left-arrow {{ image: url({_ARROWS}/arrow-left-16.png); width: 0.8em; height: 0.8em; }}
QTabBar QToolButton::right-arrow {{ image: url({_ARROWS}/arrow-right-16.png); width: 0.8em; height: 0.8em; }}
QTabBar::tab {{ border: 2px solid #000000; padding: 4px 10px; }}
*:focus {{ border: 3px solid {FOCUS}; }}
QToolTip {{ color: #000000; background-color: #ffff00; border: 2px solid #000000; }}
"""


def indicator_sheet(font_scale: float) -> str:
    """Tick boxes and radio buttons (the handout's event list, Preferences) drawn black on white.

    The platform style draws their frames light grey, faint against white in the high-contrast
    theme; here a black frame, filled black when ticked, sized with the text.
    """
    side = round(13 * font_scale)
    return f"""
QCheckBox::indicator, QListView::indicator, QRadioButton::indicator {{
    width: {side}px; height: {side}px; border: 2px solid #000000; background-color: #ffffff; }}
QRadioButton::indicator {{ border-radius: {side // 2 + 2}px; }}
QListView::indicator {{ width: {side - 5}px; height: {side - 5}px; }}
QCheckBox::indicator:checked, QListView::indicator:checked, QRadioButton::indicator:checked {{
    background-color: #000000; }}
"""


def high_contrast_palette() -> QtGui.QPalette:
    pal = QtGui.QPalette()
    black, white = QtGui.QColor("#000000"), QtGui.QColor("#ffffff")
    role = QtGui.QPalette.ColorRole
    for r in (role.Window, role.Base, role.Button, role.AlternateBase, role.ToolTipBase):
        pal.setColor(r, white)
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.PlaceholderText, role.BrightText):
        pal.setColor(r, black)
    pal.setColor(role.Highlight, QtGui.QColor("#00227a"))
    pal.setColor(role.HighlightedText, white)
    pal.setColor(role.Link, QtGui.QColor("#00227a"))
    pal.setColor(role.LinkVisited, QtGui.QColor("#4b0082"))
    return pal


_TIMELINE_DEFAULTS = {
    name: getattr(style, name)
    for name in (
        "BACKGROUND",
        "INK",
        "MUTED_INK",
        "GRID",
        "STRIPE",
        "CONTEXT",
        "SELECT_HALO",
        "ERA_TINTS",
        "FONT_SCALE",
    )
}


def _timeline_high_contrast() -> None:
    style.BACKGROUND = "#ffffff"
    style.INK = "#000000"
    style.MUTED_INK = "#000000"
    style.GRID = "#5a5a5a"
    style.STRIPE = "#f0f0f0"
    style.CONTEXT = "#dddddd"
    style.SELECT_HALO = "#0039b3"
    style.ERA_TINTS = ("#fff3b0", "#cfe3ff")


def apply(
    app: QtWidgets.QApplication, font_scale: float = 1.0, high_contrast: bool = False, extra_sheet: str = ""
) -> None:
    """Scale every font by ``font_scale`` and switch the high-contrast theme on; call before building windows."""
    for name, value in _TIMELINE_DEFAULTS.items():
        setattr(style, name, value)
    style.FONT_SCALE = font_scale
    font = QtGui.QFont(app.font())
    font.setPointSizeF(font.pointSizeF() * font_scale)
    app.setFont(font)
    if high_contrast:
        app.setPalette(high_contrast_palette())
        _timeline_high_contrast()
        focus_frame.stop(app)
        app.setStyleSheet(FOCUS_SHEET + HIGH_CONTRAST_SHEET + indicator_sheet(font_scale) + extra_sheet)
    else:
        app.setStyleSheet(extra_sheet)  # none at all in the normal theme: see ui.focus_frame
        focus_frame.follow_focus(app, FOCUS)


def restore(app: QtWidgets.QApplication, font: QtGui.QFont) -> None:
    """Back to Qt's own look, as before ``apply`` (tests that tried a theme)."""
    for name, value in _TIMELINE_DEFAULTS.items():
        setattr(style, name, value)
    app.setPalette(QtGui.QPalette())
    app.setFont(font)
    app.setStyleSheet("")
    focus_frame.stop(app)
