"""Classroom: the app needs no network. Run it with every socket refused and watch for any attempt."""

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import json, os, socket, sys
    attempts = []

    def hook(event, args):
        if event == "socket.__new__" and args[1] == socket.AF_UNIX:
            return  # a local pipe (the Ctrl+C wake-up socketpair), not a network socket
        if event.startswith(("socket.", "http.", "urllib.", "ftplib.", "smtplib.", "webbrowser.")):
            attempts.append(f"{event} {args!r}"[:200])

    sys.addaudithook(hook)

    def refused(self, *args, **kwargs):
        attempts.append("socket.connect")
        raise ConnectionRefusedError("no network in this classroom")

    socket.socket.connect = refused
    socket.socket.connect_ex = refused
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import QtCore, QtWidgets
    from maisky_desktop import cli

    app = QtWidgets.QApplication([sys.argv[0]])
    QtCore.QTimer.singleShot(2500, app.quit)
    codes = [
        cli.main(["--search", "Maisky", "--tour", "alliance-1941", "--user-data", sys.argv[1]]),
        cli.main(["search", "Litvinoff"]),
        cli.main(["handout", "--tour", "alliance-1941", "--out", os.path.join(sys.argv[1], "h.pdf")]),
    ]
    print(json.dumps({"codes": codes, "attempts": attempts}))
    """
)


def test_the_app_runs_with_sockets_refused_and_never_tries_one(tmp_path):
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0]
    assert report["attempts"] == []
    assert (tmp_path / "h.pdf").stat().st_size > 10_000
