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


@pytest.mark.parametrize("query", ['"', "AND (", "*", "NEAR("])
def test_search_never_fails_on_operator_characters(query):
    proc = _run("search", query)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
