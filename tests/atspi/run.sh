#!/usr/bin/env bash
# Walk the app through AT-SPI as Orca does, on an X display, with the accessibility bus.
# Needs (Debian/Ubuntu): at-spi2-core python3-pyatspi dbus-x11, and an X server (Xvfb :NN).
# Usage: DISPLAY=:96 tests/atspi/run.sh   (from the checkout, with .venv installed)
set -euo pipefail
cd "$(dirname "$0")/../.."
eval "$(dbus-launch --sh-syntax)"
/usr/libexec/at-spi-bus-launcher --launch-immediately & bus=$!
sleep 2
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 .venv/bin/maisky-desktop --event treaty-of-rapallo \
  --user-data "$(mktemp -d)" & app=$!
sleep 8
status=0
/usr/bin/python3 tests/atspi/walk.py || status=$?
kill "$app" "$bus" "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
exit "$status"
