"""The garbage collector is paused while the window starts and resumes after its first frame, with
the start's objects frozen out of later collections; a start that fails resumes it too. Each case
runs in a fresh process: the collector is the process's, and freezing the test run's would leak."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from maisky_desktop import collector


def _run(code: str, tmp_path: Path) -> list[str]:
    """Run ``code`` in a fresh offscreen process with its own settings folders; its printed words."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_the_collector_runs_again_after_the_first_frame_and_skips_the_start_objects(tmp_path, embedded_store):
    out = _run(
        f"""
        import gc, time
        from pathlib import Path
        from maisky_desktop import collector
        collector.pause()
        from PySide6 import QtWidgets
        from maisky_desktop.ui import app as shell_module
        from maisky_desktop.ui.errors import ErrorReporter
        app = QtWidgets.QApplication([])
        store = Path({str(embedded_store)!r})
        dress = shell_module._dresser(app, None, Path({str(tmp_path / "notes")!r}), 7)
        shell = shell_module.Shell(store, ErrorReporter(store, None, app), dress, app)
        shell.open()
        window = shell.window
        paused_while_building = not gc.isenabled()
        deadline = time.monotonic() + 30
        while (not hasattr(window, "research") or not gc.isenabled()) and time.monotonic() < deadline:
            app.processEvents()  # the first frame, then what follows it
        print(paused_while_building, gc.isenabled(), gc.get_freeze_count())
        shell.close()
        """,
        tmp_path,
    )
    paused, enabled, frozen = out
    assert paused == "True" and enabled == "True"
    assert int(frozen) > 50_000  # the modules, classes and widgets of the start: out of every later collection


def test_a_start_that_fails_resumes_the_collector(tmp_path):
    out = _run(
        f"""
        import gc
        from pathlib import Path
        from maisky_desktop import collector
        collector.pause()
        from maisky_desktop.ui import app as shell_module
        code = shell_module.run(Path({str(tmp_path / "missing.sqlite")!r}), ["maisky-desktop"])
        print(code, gc.isenabled())
        """,
        tmp_path,
    )
    assert out == ["2", "True"]


@pytest.mark.parametrize("was_on", [True, False], ids=["collector on", "collector turned off by the host"])
def test_settle_gives_back_the_collector_as_it_was(tmp_path, was_on):
    out = _run(
        f"""
        import gc
        from maisky_desktop import collector
        gc.enable() if {was_on} else gc.disable()
        collector.pause()
        paused = gc.isenabled()
        runs = []
        gc.callbacks.append(lambda phase, info: runs.append(phase))
        collector.settle()  # no full collection as the window appears: what the start made is frozen
        collector.settle()  # twice: a failed start settles in run()'s finally after the first frame did
        print(paused, gc.isenabled(), len(runs))
        """,
        tmp_path,
    )
    assert out == ["False", str(was_on), "0"]


def test_settle_without_pause_changes_nothing():
    import gc

    frozen = gc.get_freeze_count()
    collector.settle()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_window_start_imports_its_qt_free_layers_before_qt(tmp_path):
    """PySide6's import hook reads the source of every module imported after it: the core and store
    layers (and numpy) come first, with the collector already paused for the start."""
    out = _run(
        """
        import gc, sys
        from maisky_desktop import gui_start
        gui_start.before_qt()
        print(gc.isenabled(), "PySide6" in sys.modules, "maisky_desktop.store.services" in sys.modules,
              "numpy" in sys.modules)
        """,
        tmp_path,
    )
    assert out == ["False", "False", "True", "True"]
