"""Walk the running Maisky Timeline through AT-SPI as Orca does (run by tests/atspi/run.sh, on demand).

Prints how many accessible objects it reached, every interactive one without a name (with
its parents), and the 'Events in view' list: its first items and the selected one. Exit 1
if an interactive object is unnamed or the list is missing. Needs the system python3 with
pyatspi (Debian: python3-pyatspi), not the app's venv.
"""

import json
import sys

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_PAGE_TAB_LIST,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT,
}


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    app = next((a for a in apps if a and "maisky" in (a.name or "").lower()), None)
    if app is None:
        print("the app is not on the accessibility bus; apps:", [a.name for a in apps if a])
        return 2
    walked, bad, roles, found = 0, [], {}, {}

    def walk(node, depth=0):
        nonlocal walked
        if node is None or depth > 60:
            return
        walked += 1
        role = node.getRole()
        roles[node.getRoleName()] = roles.get(node.getRoleName(), 0) + 1
        states = node.getState()
        interactive = role in INTERACTIVE or states.contains(pyatspi.STATE_FOCUSABLE)
        if interactive and not (node.name or "").strip():
            chain, p = [], node.parent
            while p is not None and len(chain) < 6:
                chain.append(f"{p.getRoleName()}:{p.name}")
                p = p.parent
            bad.append(f"{node.getRoleName()} (showing={states.contains(pyatspi.STATE_SHOWING)}) in {chain}")
        if node.name == "Events in view" and role in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE):
            found["events"] = node
        for i in range(node.childCount):
            try:
                walk(node.getChildAtIndex(i), depth + 1)
            except Exception as exc:  # a child that vanished while walking
                bad.append(f"error {exc}")

    walk(app)
    print(f"accessible objects walked: {walked}")
    print(f"interactive without a name: {len(bad)}", bad[:30])
    events = found.get("events")
    if events is None:
        print("no 'Events in view' list found")
    else:
        items = [events.getChildAtIndex(i) for i in range(events.childCount)]
        print(f"'Events in view': {events.getRoleName()} with {len(items)} items; first: {[i.name for i in items[:5]]}")
        print("selected:", [i.name for i in items if i.getState().contains(pyatspi.STATE_SELECTED)])
    print("roles:", json.dumps(dict(sorted(roles.items()))))
    return 1 if bad or events is None else 0


if __name__ == "__main__":
    sys.exit(main())
