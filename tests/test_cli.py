"""The command line: help for every command, check, build."""

import subprocess
import sys

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "maisky_desktop", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["build", "--help"],
        ["check", "--help"],
        ["search", "--help"],
        ["tours", "--help"],
        ["handout", "--help"],
        ["export", "--help"],
        ["cite", "--help"],
        ["import", "--help"],
    ],
)
def test_every_command_has_help_with_an_example(args):
    proc = _run(*args)
    assert proc.returncode == 0
    assert "usage: maisky-desktop" in proc.stdout and "example" in proc.stdout


def test_check_passes_on_the_shipped_catalog():
    proc = _run("check")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("ok: 5 sources")


def test_build_writes_a_store_with_progress(tmp_path):
    out = tmp_path / "copy.sqlite"
    proc = _run("build", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "full-text indexes" in proc.stdout and out.stat().st_size > 100_000


def test_build_refuses_to_write_into_a_missing_folder_gracefully(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    proc = _run("build", "--out", str(target / "sub" / "store.sqlite"))
    assert proc.returncode == 1 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr


def test_search_prints_json_lines_like_the_search_box():
    import json

    proc = _run("search", "Maiskii", "--json", "--limit", "3")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {r["kind"] for r in rows} == {"event", "person", "passage"}
    person = next(r for r in rows if r["kind"] == "person")
    assert person["id"] == "maisky" and person["name"] == "Ivan Maisky" and "date" in person and "snippet" in person
    event = next(r for r in rows if r["kind"] == "event")
    assert {"id", "title", "date", "snippet"} <= set(event)


def test_search_prints_the_top_hit_first_and_labelled_as_the_window_does():
    import json

    proc = _run("search", "Maiskii", "--limit", "3")
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and lines[0] == "Top hit", proc.stdout
    assert lines[1].split()[:3] == ["person", "maisky", "Ivan"] and lines[3:5] == ["", "All results"]
    assert "person   maisky  Ivan Maisky" in "\n".join(lines[5:])  # again in its group, as in the window
    rows = [json.loads(line) for line in _run("search", "Maiskii", "--json", "--limit", "3").stdout.splitlines()]
    assert (rows[0]["top"], rows[0]["kind"], rows[0]["id"]) == (True, "person", "maisky")
    assert not any(r["top"] for r in rows[1:])
    rows = [json.loads(line) for line in _run("search", "espionage", "--json").stdout.splitlines()]
    assert rows and not any(r["top"] for r in rows)  # no name or title is named: no top hit line
    assert not _run("search", "espionage").stdout.startswith("Top hit")


@pytest.mark.parametrize("query", ['"', "AND (", "*", "NEAR("])
def test_search_never_fails_on_operator_characters(query):
    proc = _run("search", query)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_an_event_id_that_is_not_utf8_is_one_line_not_an_abort():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable.encode(), b"-m", b"maisky_desktop", b"--event", b"\xff"],
        capture_output=True,
        timeout=120,
        env=env,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert err.strip().splitlines() == ["maisky-desktop: --event is not valid text: its bytes b'\\xff' are not UTF-8"]


@pytest.mark.parametrize("limit", ["-1", "0", "1000000", "ten"])
def test_search_refuses_a_negative_or_absurd_limit(limit):
    proc = _run("search", "Maisky", "--limit", limit)
    assert proc.returncode == 2 and "argument --limit: must be" in proc.stderr and "Traceback" not in proc.stderr


def test_search_into_a_closed_pipe_ends_quietly():
    proc = subprocess.run(
        f"{sys.executable} -m maisky_desktop search Maisky --limit 50 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.count("\n") == 1 and "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
