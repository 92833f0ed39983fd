"""The app's log file, in the user's log folder, for reports a user can send.

The folder is the platform's own (platformdirs): ``~/.local/state/maisky-desktop/log`` on
Linux (``$XDG_STATE_HOME`` respected), ``~/Library/Logs/maisky-desktop`` on macOS,
``%LOCALAPPDATA%\\maisky-desktop\\Logs`` on Windows. The file is rotated at 1 MB with two old
copies, so an app left running for weeks on a kiosk never fills the disk. Logging never
stops the app: if the folder cannot be written, reports go to stderr only.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs

APP = "maisky-desktop"
LOG_NAME = "maisky-desktop.log"
MAX_BYTES = 1 << 20

logger = logging.getLogger("maisky_desktop")


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def start() -> Path | None:
    """Send the app's log to the rotating file; the file's path, or None if it cannot be written."""
    path = log_file()
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=2, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def stop() -> None:
    """Close the log file (at exit, so nothing is left open)."""
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()


def report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The text of an error report: what happened and where, for the dialog and the log."""
    import platform
    import sys
    from importlib import metadata

    try:
        version = metadata.version(APP)
    except metadata.PackageNotFoundError:
        version = "(not installed)"
    lines = [
        f"Maisky Timeline {version}, Python {platform.python_version()}, {platform.platform()}",
        f"command: {' '.join(sys.argv)}",
        "",
        *traceback.format_exception(kind, value, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)
