"""The published store served by Datasette on a loopback port: canned queries and full-text search over JSON."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from maisky_desktop.cli import main
from maisky_desktop.store.publish import DATABASE, METADATA_FILE, STORE_FILE


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(base: str, path: str, **params) -> object:
    url = f"{base}{path}?{urllib.parse.urlencode({**params, '_shape': 'array'})}"
    with urllib.request.urlopen(url, timeout=20) as response:  # loopback only
        return json.load(response)


@pytest.fixture(scope="module")
def served(tmp_path_factory, built_store):
    out = tmp_path_factory.mktemp("published")
    assert main(["--store", str(built_store), "publish", str(out)]) == 0
    port = _free_port()
    cmd = [sys.executable, "-m", "datasette", "serve", "-i", str(out / STORE_FILE), "-m", str(out / METADATA_FILE)]
    proc = subprocess.Popen(
        [*cmd, "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base, "/-/versions.json")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"datasette did not start: {proc.communicate()[1][-2000:]}")
            time.sleep(0.2)
    yield base, out
    proc.terminate()
    proc.communicate(timeout=10)


def test_publish_writes_licences_provenance_columns_search_and_queries(served):
    _, out = served
    meta = json.loads((out / METADATA_FILE).read_text("utf-8"))
    db = meta["databases"][DATABASE]
    assert "CC BY-SA 4.0" in db["tables"]["sources"]["description"]  # Wikipedia's licence, from sources.yaml
    assert db["tables"]["passages"]["fts_table"] == "passages_fts" and db["tables"]["passages"]["columns"]["text"]
    assert {"events_in_years", "person_events", "passages_mentioning"} <= set(db["queries"])
    assert db["tables"]["timeline_columns"] == {"hidden": True}


def test_a_canned_query_answers_through_the_json_api(served):
    base, _ = served
    rows = _get(base, f"/{DATABASE}/events_in_years.json", from_year=1922, to_year=1922)
    assert "treaty-of-rapallo" in [r["id"] for r in rows]
    assert all(r["date"] for r in rows)
    litvinov = _get(base, f"/{DATABASE}/person_events.json", person="Litvinoff")  # a spelling, not the id
    assert litvinov and all(r["person"] == "Maxim Litvinov" for r in litvinov)
    mentions = _get(base, f"/{DATABASE}/passages_mentioning.json", name='Lachowiecki "')  # a stray quote is text
    assert mentions == [] or all("[" in r["snippet"] for r in mentions)


def test_full_text_search_through_the_json_api(served):
    base, _ = served
    rows = _get(base, f"/{DATABASE}/passages.json", _search="Rapallo")
    assert rows and all("rapallo" in r["text"].lower() for r in rows)
    folded = _get(base, f"/{DATABASE}/people.json", _search="Yrjo")  # diacritics folded by the FTS tokenizer
    assert "yrjo-koskinen" in [r["id"] for r in folded]


def test_publish_into_a_file_is_one_clear_line(tmp_path, built_store, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should go\n")
    assert main(["--store", str(built_store), "publish", str(blocker)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("maisky-desktop: cannot write") and "\n" not in err and "Traceback" not in err
    assert blocker.read_text() == "a file where the folder should go\n"  # nothing lost
