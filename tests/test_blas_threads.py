"""numpy's OpenBLAS gets one thread in the app (no spinning worker at start), unless the user set its count."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COUNT_THREADS = "import maisky_desktop, numpy, os; print(len(os.listdir('/proc/self/task')))"


def _threads(env: dict[str, str]) -> int:
    out = subprocess.run([sys.executable, "-c", COUNT_THREADS], capture_output=True, text=True, env=env, check=True)
    return int(out.stdout)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through Linux's /proc")
def test_numpy_starts_no_blas_worker_threads_unless_asked_for():
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    ours = _threads(env)
    assert ours == 1
    if (os.cpu_count() or 1) > 1:  # OpenBLAS starts no more threads than cores
        assert _threads(env | {"OPENBLAS_NUM_THREADS": "4"}) > ours  # a user's own choice is kept
