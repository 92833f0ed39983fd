"""The benchmarks refuse a bad count in one line and exit 2, before building anything."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "benchmarks"


@pytest.mark.parametrize(
    ("script", "args", "said"),
    [
        ("timeline.py", ["--sizes", "1000,0"], "argument --sizes: must be at least 1: '0' in '1000,0'"),
        ("own_merge.py", ["--own", "1,x"], "argument --own: not a whole number: 'x' in '1,x'"),
        ("search_yours.py", ["--paragraphs", "-5"], "argument --paragraphs: must be at least 1: '-5'"),
        ("search_yours.py", ["--events", "many"], "argument --events: not a whole number: 'many'"),
    ],
)
def test_a_bad_count_is_one_line_and_exit_2(script, args, said):
    proc = subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == f"{script}: error: {said}"
