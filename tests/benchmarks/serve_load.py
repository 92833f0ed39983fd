"""Load test of a published store served by Datasette: one process, then several behind one port.

    python tests/benchmarks/serve_load.py [--users 50] [--seconds 30] [--workers 4] [--store PATH] [--json]

Needs the ``load`` extra (``pip install -e ".[load]"``: Datasette and locust). Publishes the
store (default: the embedded one) to a temporary folder, then for each set-up starts it on
a free loopback port (127.0.0.1 only, never another host), drives it with locust headless
(``tests/benchmarks/serve_locustfile.py``: canned queries and full-text searches over the
JSON API) with ``--users`` concurrent clients for ``--seconds``, stops it, and prints requests
per second, p50/p95 latency and errors:

- ``datasette serve -i`` (one process);
- ``uvicorn --workers N`` over Datasette's ASGI app (``maisky_desktop.store.publish:asgi_app``):
  N processes sharing one listening port.

Bounded: clients and time are capped (200 clients, 300 s). Not part of the test run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from maisky_desktop import paths  # noqa: E402
from maisky_desktop.store.publish import METADATA_FILE, STORE_FILE, publish  # noqa: E402

MAX_USERS, MAX_SECONDS = 200, 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=5):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit(f"the server did not start: {proc.communicate()[1][-2000:]}") from None
            time.sleep(0.2)


def _server(kind: str, folder: Path, port: int, workers: int) -> subprocess.Popen:
    if kind == "datasette":
        cmd = [sys.executable, "-m", "datasette", "serve", "-i", str(folder / STORE_FILE)]
        cmd += ["-m", str(folder / METADATA_FILE), "-h", "127.0.0.1", "-p", str(port)]
        cmd += ["--setting", "default_cache_ttl", "3600"]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "maisky_desktop.store.publish:asgi_app"]
        cmd += ["--workers", str(workers), "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    env = {**os.environ, "MAISKY_PUBLISHED": str(folder)}
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)


def _drive(base: str, users: int, seconds: int, out: Path) -> dict:
    prefix = out / "locust"
    cmd = [sys.executable, "-m", "locust", "-f", str(HERE / "serve_locustfile.py"), "--headless"]
    cmd += ["-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", base, "--csv", str(prefix)]
    cmd += ["--only-summary", "--loglevel", "WARNING"]
    subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=seconds + 120)
    with open(f"{prefix}_stats.csv", newline="") as fh:
        total = next(r for r in csv.DictReader(fh) if r["Name"] == "Aggregated")
    requests = int(total["Request Count"])
    return {
        "requests": requests,
        "errors": int(total["Failure Count"]),
        "req_per_s": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--users", type=int, default=50, help=f"concurrent clients (at most {MAX_USERS})")
    p.add_argument("--seconds", type=int, default=30, help=f"duration of each run (at most {MAX_SECONDS})")
    p.add_argument("--workers", type=int, default=4, help="processes behind one port in the second run")
    p.add_argument("--store", type=Path, help="the store to publish (default: the embedded one)")
    p.add_argument("--json", action="store_true", help="one JSON object per set-up")
    args = p.parse_args()
    users, seconds = min(max(args.users, 1), MAX_USERS), min(max(args.seconds, 1), MAX_SECONDS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "published"
        publish(args.store or paths.default_store(), folder)
        rows = []
        for kind in ("datasette", "uvicorn-workers"):
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            proc = _server(kind, folder, port, args.workers)
            try:
                _wait_ready(base, proc)
                out = Path(tmp) / kind
                out.mkdir()
                row = {"setup": kind, "processes": 1 if kind == "datasette" else args.workers, "users": users}
                row |= {"seconds": seconds, **_drive(base, users, seconds, out)}
            finally:
                proc.terminate()
                proc.communicate(timeout=30)
            rows.append(row)
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                print(
                    f"{kind:>16} x{row['processes']}: {row['req_per_s']} req/s, p50 {row['p50_ms']} ms, "
                    f"p95 {row['p95_ms']} ms, {row['errors']} errors of {row['requests']} requests "
                    f"({users} clients, {seconds} s)",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
