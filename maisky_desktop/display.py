"""Can a window open here? Checked before Qt starts, because Qt cannot say it well.

Without a display, or with one of the X11 (xcb) libraries Qt's xcb plugin links missing, Qt
prints a misleading hint (it names ``libxcb-cursor0`` whatever is missing) and aborts the
process (SIGABRT). This module asks the dynamic loader for each library the plugin needs,
by the name the plugin links, and turns what is missing into one line with the command that
installs it on Debian/Ubuntu and on Fedora. Pure Python (``ctypes``), no Qt: it must run
before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# soname -> (Debian/Ubuntu package, Fedora package). The xcb plugin's own dependencies
# (objdump -p libqxcb.so / libQt6XcbQpa.so.6), then the ones QtGui itself needs.
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}


def _loads(soname: str) -> bool:
    """Whether the dynamic loader finds and loads this library (a broken file counts as missing)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The sonames of ``XCB_LIBRARIES`` the loader cannot load, in table order."""
    return [name for name in XCB_LIBRARIES if not loads(name)]


def install_hint(missing: list[str]) -> str:
    """'sudo apt install a b (Debian/Ubuntu) or sudo dnf install c d (Fedora)' for these sonames."""
    debian = dict.fromkeys(XCB_LIBRARIES[m][0] for m in missing)
    fedora = dict.fromkeys(XCB_LIBRARIES[m][1] for m in missing)
    return f"sudo apt install {' '.join(debian)} (Debian/Ubuntu) or sudo dnf install {' '.join(fedora)} (Fedora)"


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will open its window through X11: Linux, no other platform chosen, no Wayland session."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def problem(env: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads) -> str | None:
    """One line saying why no window can open here, or None when nothing is known to be wrong."""
    env = os.environ if env is None else env
    if not uses_xcb(env):
        return None
    if not env.get("DISPLAY"):
        return (
            "cannot open a window: no display (DISPLAY is not set); start it from a desktop session, "
            "or use `maisky-desktop search` in a terminal"
        )
    missing = missing_libraries(loads)
    if not missing:
        return None
    return (
        f"cannot open a window: the X11 libraries {', '.join(missing)} are missing; "
        f"install them with: {install_hint(missing)}"
    )
