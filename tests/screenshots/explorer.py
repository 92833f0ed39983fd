"""Screenshots of the explorer on a real X server (run on demand; not part of the test run).

    Xvfb :90 -screen 0 1920x1080x24 & DISPLAY=:90 openbox &
    DISPLAY=:90 QT_QPA_PLATFORM=xcb python tests/screenshots/explorer.py 1920x1080

Writes docs/screenshots/explorer-{opening,count-opened,legend,year-filter,search-marked}-WxH.png
(and main-window-WxH.png, the README's first picture) from a maximised window with a fresh user
folder, grabbing the X screen itself (``import -window root``) so that popups and tooltips show
as a user sees them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
_HOME = tempfile.mkdtemp(prefix="maisky-shots-")
os.environ.update(XDG_DATA_HOME=_HOME, XDG_CONFIG_HOME=_HOME, XDG_STATE_HOME=_HOME, XDG_CACHE_HOME=_HOME)

from PySide6 import QtCore, QtWidgets  # noqa: E402

from maisky_desktop import paths  # noqa: E402
from maisky_desktop.core.filters import Filter  # noqa: E402
from maisky_desktop.store.reader import Store  # noqa: E402
from maisky_desktop.store.services import Services  # noqa: E402
from maisky_desktop.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    size = sys.argv[1] if len(sys.argv) > 1 else "1920x1080"
    app = QtWidgets.QApplication(sys.argv[:1])
    window = MainWindow(Services(Store.open(paths.default_store())))
    window.showMaximized()
    tl = window.timeline
    scenes: list[tuple[str, object]] = []

    def shoot(name: str) -> None:
        subprocess.run(["import", "-window", "root", str(OUT / f"{name}-{size}.png")], check=True)

    home = tl.view_range()

    def opening() -> None:
        pass

    def count_opened() -> None:
        tl.plot.grab()
        box, rect = max(((b, r) for b, r in tl.labels.placed if b.members), key=lambda br: br[0].count)
        tl.open_count(box, tl.plot.viewport().mapToGlobal(rect.bottomLeft().toPoint()))

    def legend() -> None:
        if tl.count_menu is not None:
            tl.count_menu.close()
        tl.show_legend(True)

    def year_filter() -> None:
        tl.show_legend(False)
        window.filter_bar.set_filter(Filter(year_from=1938, year_to=1939))

    def search() -> None:
        window.filter_bar.set_filter(Filter())
        QtCore.QTimer.singleShot(300, lambda: tl.set_view(*home))
        window.search_box.setText("Litvinov")
        window.start_search("Litvinov")

    def main_window() -> None:
        window.search_box.clear()
        window.choose("event", "treaty-of-rapallo")

    scenes = [
        ("explorer-opening", opening),
        ("explorer-count-opened", count_opened),
        ("explorer-legend", legend),
        ("explorer-year-filter", year_filter),
        ("explorer-search-marked", search),
        ("main-window", main_window),
    ]

    def step() -> None:
        if not scenes:
            app.quit()
            return
        name, action = scenes.pop(0)
        action()
        QtCore.QTimer.singleShot(1500, lambda: (shoot(name), QtCore.QTimer.singleShot(200, step)))

    QtCore.QTimer.singleShot(1500, step)
    app.exec()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
