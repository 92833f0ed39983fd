"""The last session, kept beside the researcher's notes: read before the first frame, written on close.

Its own small module so the window can be put back as it was left (view, lanes, filter,
selection, search, history) before the first frame is painted, without importing the notes
layer (sqlite-utils and the panels), which attaches after that frame (``ui.app._dresser``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from maisky_desktop.core.session import Session, SessionError

if TYPE_CHECKING:
    from maisky_desktop.ui.main_window import MainWindow

SESSION_FILE = "session.json"


def restore(window: MainWindow, folder: Path) -> bool:
    """Load ``folder``'s session into the window's (the widgets follow it); False when there is none.

    A session that cannot be read is said on the status bar and the window keeps its opening state.
    """
    path = folder / SESSION_FILE
    if not path.exists():
        return False
    try:
        window.session.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SessionError) as exc:
        window.statusBar().showMessage(f"Last session not restored: {exc}", 8000)
        return False
    return True


def save(session: Session, folder: Path) -> None:
    """Write the session through a temporary file: a crash never leaves half a session."""
    path = folder / SESSION_FILE
    try:
        partial = path.with_name(path.name + ".partial")
        partial.write_text(session.dumps(), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # the notes themselves are safe; only the next start's view is lost
