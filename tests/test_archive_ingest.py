"""`civmon ingest`: idempotent, line-level rejects, atomic batches, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from archive_data import record, snapshot, write_jsonl
from sqlalchemy import func, select

from civmon.ingest import Ingest
from storage import open_archive
from storage.models import PostEditRow, PostRow


def count(archive) -> int:
    with archive.session() as s:
        return s.scalar(select(func.count()).select_from(PostRow))


def test_ingesting_twice_keeps_exactly_the_unique_posts(archive, tmp_path: Path) -> None:
    items = [*range(300), *range(0, 300, 3)]  # 100 repeats inside the file
    path = write_jsonl(tmp_path / "posts.jsonl", items)
    first = Ingest(archive, batch_size=64)
    first.file(path)
    second = Ingest(archive, batch_size=64)
    second.file(path)
    assert (first.summary.new, first.summary.duplicate, first.summary.rejected) == (300, 100, 0)
    assert (second.summary.new, second.summary.duplicate) == (0, 400)
    assert count(archive) == 300


@pytest.mark.slow
def test_100k_posts_twice_on_sqlite(tmp_path: Path) -> None:
    """The issue's acceptance size; SQLite only, to keep the suite quick."""
    path = tmp_path / "big.jsonl"
    with open(path, "w") as out:
        for i in range(100_000):
            out.write(json.dumps({"id": str(i % 90_000), "platform": "x", "author": f"@u{i % 97}",
                                  "text": f"t{i % 90_000}", "created_at": "2026-10-01T00:00:00Z"})
                      + "\n")
    archive = open_archive(f"sqlite:///{tmp_path / 'big.db'}")
    started = time.monotonic()
    runs = []
    for _ in range(2):
        job = Ingest(archive, batch_size=5000)
        job.file(path)
        runs.append(job.summary)
    assert (runs[0].read, runs[0].new, runs[0].duplicate) == (100_000, 90_000, 10_000)
    assert (runs[1].new, runs[1].duplicate, runs[1].edited) == (0, 100_000, 0)
    assert count(archive) == 90_000
    assert time.monotonic() - started < 120
    archive.dispose()


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_imported(
    archive, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = [json.dumps(record(i)) for i in range(6)]
    lines = [
        good[0],
        "this is not json",                                   # 2: garbage
        good[1],
        json.dumps(record(50, created_at=12345)),             # 4: wrong type
        "",                                                   # 5: blank, skipped
        good[2],
        json.dumps(record(51, hashtags="#notalist")),         # 7: wrong type
        "[1, 2, 3]",                                          # 8: not an object
        good[3],
        "\xff\xfe broken bytes",                              # 10: not UTF-8 (written below)
        good[4],
        json.dumps(record(52))[:40],                          # 12: truncated
    ]
    path.write_bytes("\n".join(lines).encode().replace("\xff\xfe".encode(), b"\xff\xfe"))
    seen: list[tuple[int, str]] = []
    job = Ingest(archive, on_reject=lambda f, line, reason: seen.append((line, reason)))
    job.file(path)
    assert sorted(line for line, _ in seen) == [2, 4, 7, 8, 10, 12]
    assert (job.summary.new, job.summary.rejected) == (5, 6)
    assert count(archive) == 5
    text = (tmp_path / "mixed.jsonl.rejects.jsonl").read_text()
    rejects = [json.loads(x) for x in text.splitlines()]
    assert [r["line"] for r in rejects] == [2, 4, 7, 8, 10, 12]
    assert rejects[0]["raw"] == "this is not json" and rejects[0]["file"] == str(path)
    assert "created_at" in rejects[1]["reason"] and "hashtags" in rejects[2]["reason"]


def test_a_line_the_database_refuses_is_rejected_alone(archive, tmp_path: Path) -> None:
    """A lone surrogate passes JSON parsing but no database takes it: the batch is
    retried line by line and only that line is rejected."""
    lines = [json.dumps(record(i)) for i in range(5)]
    lines[2] = lines[2].replace("the transit levy", "bad \\ud800 text")
    path = tmp_path / "one-bad.jsonl"
    path.write_text("\n".join(lines) + "\n")
    job = Ingest(archive)
    job.file(path)
    assert (job.summary.new, job.summary.rejected) == (4, 1)
    rejected = json.loads((tmp_path / "one-bad.jsonl.rejects.jsonl").read_text())
    assert rejected["line"] == 3 and "database refused" in rejected["reason"]


def test_changed_text_on_reimport_is_recorded_as_an_edit(archive, tmp_path: Path) -> None:
    Ingest(archive).file(write_jsonl(tmp_path / "a.jsonl", [record(1)]))
    job = Ingest(archive)
    job.file(write_jsonl(tmp_path / "b.jsonl", [record(1, text="edited words")]))
    assert (job.summary.new, job.summary.duplicate, job.summary.edited) == (0, 1, 1)
    with archive.session() as s:
        assert s.scalars(select(PostEditRow.new_text)).one() == "edited words"


def test_an_interrupted_ingest_leaves_whole_batches_and_a_rerun_finishes(
    sqlite_archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", range(100))
    job = Ingest(sqlite_archive, batch_size=10)
    real_store, calls = job._store, {"n": 0}

    def store_then_interrupt(batch, rejects):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        real_store(batch, rejects)

    monkeypatch.setattr(job, "_store", store_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        job.file(path)
    assert count(sqlite_archive) == 30  # three whole batches, nothing of the fourth
    again = Ingest(sqlite_archive, batch_size=10)
    again.file(path)
    assert (again.summary.new, again.summary.duplicate) == (70, 30)


def test_twarc2_and_csv_files_import(archive, tmp_path: Path) -> None:
    tweet = {"id": "5", "text": "hi", "author_id": "1", "created_at": "2026-10-01T00:00:00Z"}
    page = {"data": [tweet],
            "includes": {"users": [{"id": "1", "username": "harbor_hank"}]}}
    (tmp_path / "t.jsonl").write_text(json.dumps(page) + "\n")
    (tmp_path / "c.csv").write_text("id,platform,author,text,created_at\n"
                                    "9,reddit,u/x,hello,2026-10-01T00:00:00Z\n"
                                    "10,reddit,u/y,too,many,fields\n")
    job = Ingest(archive)
    job.file(tmp_path / "t.jsonl")
    job.file(tmp_path / "c.csv")
    assert (job.summary.new, job.summary.rejected) == (2, 1)
    stored = sorted(p[:3] for p in snapshot(archive))
    assert stored == [("reddit", "9", "u/x"), ("x", "5", "@harbor_hank")]


def test_a_database_failure_stops_the_import_instead_of_rejecting_lines(
    sqlite_archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from civmon import ingest as module
    from civmon.errors import CivmonError

    def locked(session, posts):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(module, "store_posts", locked)
    job = Ingest(sqlite_archive)
    with pytest.raises(CivmonError, match="database is locked") as caught:
        job.file(write_jsonl(tmp_path / "posts.jsonl", range(10)))
    assert "rerun" in (caught.value.hint or "")
    assert job.summary.rejected == 0 and not (tmp_path / "posts.jsonl.rejects.jsonl").exists()


def test_gzip_input_imports(sqlite_archive, tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "posts.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.writelines(json.dumps(record(i)) + "\n" for i in range(25))
    job = Ingest(sqlite_archive)
    job.file(path)
    assert (job.summary.new, job.summary.rejected) == (25, 0)


def test_cli_reports_rejects_with_file_and_line_and_a_summary(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from civmon.cli import cli

    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(record(1)) + "\n{oops\n" + json.dumps(record(2)) + "\n")
    common = ["--config", str(Path(__file__).resolve().parent.parent / "config.yaml"),
              "--db", f"sqlite:///{tmp_path / 'cli.db'}"]
    done = CliRunner().invoke(cli, ["ingest", str(path), *common])
    assert done.exit_code == 0, done.output
    assert f"{path}:2: rejected: not valid JSON" in done.output
    assert "read 3 line(s): 2 new, 0 duplicate, 1 rejected" in done.output
    again = CliRunner().invoke(cli, ["ingest", str(path), "--json", *common])
    summary = json.loads(again.stdout.strip().splitlines()[-1])
    assert (summary["new"], summary["duplicate"], summary["rejected"]) == (0, 2, 1)
