"""What a count holds: the menu a click opens and the tooltip hovering shows.

A count ("12") stands for marks too close to title at this zoom. It must never be a dead end:
a click lists its events (pick one to select it) and offers the zoom that separates them;
hovering lists them. Titles are escaped in tooltips (rich text) and shown as plain text in
the menu.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6 import QtGui, QtWidgets

from maisky_desktop.core.layout import Layout

MENU_MAX = 30  # events listed in a count's menu; beyond, the zoom entry says how many more
TIP_MAX = 12  # events listed in a count's tooltip


def _line(layout: Layout, i: int) -> str:
    stated = layout.stated[i] if layout.stated else ""
    return f"{layout.title(i)} — {stated}" if stated else layout.title(i)


def event_tooltip(layout: Layout, i: int) -> str:
    """A mark's tooltip: its title and the date as the source states it (escaped)."""
    stated = layout.stated[i] if layout.stated else ""
    text = f"<b>{html.escape(layout.title(i))}</b>"
    return text + (f"<br>{html.escape(stated)}" if stated else "")


def count_tooltip(layout: Layout, members: Sequence[int], total: int) -> str:
    """A count's tooltip: what it holds, and how to open it."""
    shown = sorted(members, key=lambda i: (layout.x0[i], i))[:TIP_MAX]
    lines = [html.escape(_line(layout, i)) for i in shown]
    if total > len(shown):
        lines.append(f"… and {total - len(shown)} more")
    head = f"<b>{total} events here</b> — click to list them or zoom in"
    return head + ("<br>" + "<br>".join(lines) if lines else "")


def count_menu(
    parent: QtWidgets.QWidget,
    layout: Layout,
    members: Sequence[int],
    pick: Callable[[int], None],
    zoom: Callable[[], None],
) -> QtWidgets.QMenu:
    """A menu listing a count's events in date order (choose one to select it) and a zoom that separates them."""
    menu = QtWidgets.QMenu(parent)
    menu.setObjectName("count-menu")
    ordered = sorted(members, key=lambda i: (layout.x0[i], i))
    header = menu.addAction(f"{len(ordered)} events here")
    header.setEnabled(False)
    for i in ordered[:MENU_MAX]:
        action = menu.addAction(_line(layout, i))
        action.setData(layout.ids[i])
        action.triggered.connect(lambda _=False, i=i: pick(i))
    menu.addSeparator()
    more = len(ordered) - MENU_MAX
    zoom_text = f"Zoom in to separate them ({more} more not listed)" if more > 0 else "Zoom in to separate them"
    zoom_action = menu.addAction(QtGui.QIcon.fromTheme("zoom-in"), zoom_text)
    zoom_action.setObjectName("zoom")
    zoom_action.triggered.connect(zoom)
    return menu
