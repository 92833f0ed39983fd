"""Start time of the bundle beside ``python -m maisky_desktop``: launch to the main window on screen.

    python tests/benchmarks/bundle_start.py --bundle dist/maisky-timeline [--runs 7] [--json]

Needs an X display (``DISPLAY``; Xvfb does) and ``xdotool``. Each run starts the program in a
fresh process with a fresh user-data folder, waits until a visible window titled "Maisky
Timeline" exists (``xdotool search --sync``), stops the clock and ends the process. Bundle and
Python runs alternate, so a noisy shared machine slows both alike: read the ratio.
Not part of the test run (pytest collects test_*.py only).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TITLE = "^Maisky Timeline"
TIMEOUT_S = 120


def time_to_window(command: list[str]) -> float:
    """Seconds from launch to a visible main window."""
    with tempfile.TemporaryDirectory(prefix="maisky-start-") as tmp:
        env = {**os.environ, "HOME": tmp, "XDG_DATA_HOME": tmp, "XDG_CONFIG_HOME": tmp}
        env.pop("QT_QPA_PLATFORM", None)
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            found = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(proc.pid), "--name", TITLE],
                capture_output=True,
                timeout=TIMEOUT_S,
            )
            elapsed = time.perf_counter() - start
            if found.returncode != 0:
                raise RuntimeError(f"no window from {' '.join(command)}")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # the clock has stopped: no need to wait for a clean exit
                proc.kill()
                proc.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, required=True, help="the built folder (dist/maisky-timeline)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") or not shutil.which("xdotool"):
        print("needs DISPLAY (e.g. Xvfb :99 & DISPLAY=:99) and xdotool", file=sys.stderr)
        return 2
    commands = {
        "bundle": [str(args.bundle.resolve() / "maisky-timeline")],
        "python": [sys.executable, "-m", "maisky_desktop"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    time_to_window(commands["python"])  # one unmeasured start of each fills the disk cache
    time_to_window(commands["bundle"])
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(time_to_window(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "runs": args.runs,
        "median_s": {k: round(v, 3) for k, v in medians.items()},
        "min_s": {k: round(min(v), 3) for k, v in times.items()},
        "bundle_over_python": round(medians["bundle"] / medians["python"], 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for name in commands:
            print(f"{name:<7} median {medians[name]:.2f} s, fastest {min(times[name]):.2f} s over {args.runs} runs")
        print(f"bundle / python (medians): {result['bundle_over_python']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
