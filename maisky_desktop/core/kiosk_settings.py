"""The kiosk's settings file: which screen, how long until the attract loop, the staff exit, type size.

A TOML file (``kiosk.toml``) in the user's config folder (``platformdirs``), every key
optional, each with a default. A museum kiosk must start even if someone mistyped a value:
a bad value is reported (``file:line: message``) and its default used; a file that is not
TOML at all is reported and the defaults used. ``settings_path()`` is the documented place.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from maisky_desktop.core.record import record

APP_DIR = "maisky-timeline"
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


@record
class KioskSettings:
    screen: int = 0  # index of the screen to fill (0: the primary)
    idle_seconds: int = 120  # no touch for this long: reset and play the attract tour
    attract_tour: str = "maisky-road-to-london"  # the tour the attract screen plays
    attract_step_seconds: int = 12  # how long the attract loop stays at each stop
    exit_corner: str = "top-left"  # where staff press and hold to leave
    exit_hold_seconds: float = 3.0  # how long the press must last
    exit_pin: str = ""  # digits asked after the long press; empty: no staff exit in the app
    type_scale: float = 1.5  # the whole UI's type, times the system size
    touch_target_mm: float = 9.0  # smallest control, in millimetres on the real screen
    high_contrast: bool = False  # the high-contrast theme
    log_file: str = ""  # where faults are logged ('' = the user log folder)


DESCRIPTIONS = {
    "screen": "index of the screen to fill, 0 is the primary",
    "idle_seconds": "seconds without input before the reset and the attract screen",
    "attract_tour": "id of the tour the attract screen plays (see 'maisky-desktop tours')",
    "attract_step_seconds": "seconds the attract screen stays at each stop",
    "exit_corner": "corner staff press and hold to leave: " + ", ".join(CORNERS),
    "exit_hold_seconds": "how long the staff press must last",
    "exit_pin": "digits asked after the long press; empty disables the staff exit",
    "type_scale": "multiplier of the system font size for the whole UI",
    "touch_target_mm": "smallest touch target in millimetres (scaled to the screen's real dpi)",
    "high_contrast": "true for the high-contrast theme",
    "log_file": "file faults are logged to ('' means the user log folder)",
}


def settings_path() -> Path:
    """Where the kiosk reads its settings: e.g. ~/.config/maisky-timeline/kiosk.toml on Linux."""
    return Path(platformdirs.user_config_dir(APP_DIR)) / "kiosk.toml"


def log_path(settings: KioskSettings) -> Path:
    return Path(settings.log_file) if settings.log_file else Path(platformdirs.user_log_dir(APP_DIR)) / "kiosk.log"


def _line_of(text: str, key: str) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return n
    return 1


def _check(key: str, value: object) -> str | None:
    """Why a value is wrong for a key, or None if it is fine."""
    default = getattr(KioskSettings(), key)
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "must be true or false"
    if isinstance(default, int):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return "must be a whole number, 0 or more"
        if key in ("idle_seconds", "attract_step_seconds") and value < 1:
            return "must be at least 1"
        return None
    if isinstance(default, float):
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            return "must be a number above 0"
        return None
    if not isinstance(value, str):
        return "must be a string in quotes"
    if key == "exit_corner" and value not in CORNERS:
        return "must be one of " + ", ".join(CORNERS)
    if key == "exit_pin" and value and not value.isdigit():
        return "must be digits only"
    return None


def parse(text: str, label: str) -> tuple[KioskSettings, list[str]]:
    """Settings from TOML text; the problems as 'label:line: message' (their keys keep the default)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        return KioskSettings(), [f"{label}:{line.group(1) if line else 1}: not valid TOML ({exc}); using the defaults"]
    known = {f.name for f in fields(KioskSettings)}
    values: dict[str, Any] = {}  # TOML values of mixed types, each checked against its field by _check
    problems = []
    for key, value in data.items():
        if key not in known:
            problems.append(f"{label}:{_line_of(text, key)}: unknown key {key!r} (known: {', '.join(sorted(known))})")
            continue
        why = _check(key, value)
        if why:
            problems.append(f"{label}:{_line_of(text, key)}: {key} {why}; using {getattr(KioskSettings(), key)!r}")
            continue
        values[key] = float(value) if isinstance(getattr(KioskSettings(), key), float) else value
    return replace(KioskSettings(), **values), problems


def load(path: Path | None = None) -> tuple[KioskSettings, list[str]]:
    """The settings at ``path`` (default ``settings_path()``); a missing file means all defaults."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return KioskSettings(), []
    except (OSError, UnicodeDecodeError) as exc:
        return KioskSettings(), [f"{path}: cannot read ({exc}); using the defaults"]
    return parse(text, str(path))


def example() -> str:
    """A commented settings file with every key at its default (what the README shows)."""
    out = []
    for f in fields(KioskSettings):
        value = getattr(KioskSettings(), f.name)
        shown = ("true" if value else "false") if isinstance(value, bool) else repr(value).replace("'", '"')
        out.append(f"# {DESCRIPTIONS[f.name]}\n{f.name} = {shown}")
    return "\n".join(out) + "\n"
