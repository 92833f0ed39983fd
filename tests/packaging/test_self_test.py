"""--self-test: all seven checks pass on the shipped store; a damaged store fails with one line per problem."""

import shutil
import sqlite3

from maisky_desktop.cli import main

CHECKS = ("store", "integrity", "timeline", "window", "search", "note", "pdf")


def _lines(capsys):
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith(("ok ", "FAIL "))]


def test_self_test_passes_every_check_on_the_shipped_store(capsys, qapp):
    assert main(["--self-test"]) == 0
    lines = _lines(capsys)
    assert [line.split()[1] for line in lines] == list(CHECKS)
    assert all(line.startswith("ok ") for line in lines), lines
    assert "'Mayski' found 'maisky'" in "\n".join(lines)


def test_a_store_with_one_altered_quote_fails_integrity_only(tmp_path, capsys, qapp, embedded_store):
    damaged = tmp_path / "maisky.sqlite"
    shutil.copyfile(embedded_store, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE event_anchors SET quote = quote || 'x' WHERE rowid = 1")
    conn.close()
    assert main(["--self-test", "--store", str(damaged)]) == 1
    lines = _lines(capsys)
    failed = [line for line in lines if line.startswith("FAIL")]
    assert len(failed) == 1 and failed[0].split()[1] == "integrity", lines
    assert "do not match their passage" in failed[0]
    assert len(lines) == len(CHECKS)


def test_a_missing_store_fails_each_check_on_one_line_without_a_traceback(tmp_path, capsys, qapp):
    assert main(["--self-test", "--store", str(tmp_path / "absent.sqlite")]) == 1
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert [line.split()[1] for line in failed] == list(CHECKS)
    assert "store not found" in failed[0]
    assert "Traceback" not in out
    assert out.rstrip().endswith("7 of 7 checks failed")
