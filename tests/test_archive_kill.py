"""SIGKILL in the middle of `civmon ingest`, then a rerun: the same archive as one
uninterrupted run (batches are atomic, the upsert makes the rerun resume)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_data import snapshot, write_jsonl

from storage import open_archive

ROOT = Path(__file__).resolve().parent.parent
TOTAL, BATCH = 12_000, 200


def civmon(db: Path, *args: str) -> subprocess.Popen[bytes]:
    code = "from civmon.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args, "--config", str(ROOT / "config.yaml"),
         "--db", f"sqlite:///{db}", "--batch-size", str(BATCH)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM posts").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "posts.jsonl", range(TOTAL))
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    process = civmon(killed_db, "ingest", str(source))
    deadline = time.monotonic() + 60
    while stored(killed_db) < 2 * BATCH and time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"ingest ended before it could be killed: {process.communicate()}")
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    at_kill = stored(killed_db)
    assert 0 < at_kill < TOTAL, "the kill should land mid-file"
    assert at_kill % BATCH == 0, "only whole batches may be committed"

    rerun = civmon(killed_db, "ingest", str(source), "--json")
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    assert b'"rejected": 0' in out
    clean = civmon(clean_db, "ingest", str(source))
    assert clean.wait(timeout=120) == 0

    killed = open_archive(f"sqlite:///{killed_db}")
    uninterrupted = open_archive(f"sqlite:///{clean_db}")
    try:
        assert len(snapshot(killed)) == TOTAL
        assert snapshot(killed) == snapshot(uninterrupted)
    finally:
        killed.dispose()
        uninterrupted.dispose()
