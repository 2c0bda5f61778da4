"""`civmon export`: filters, round-trip through ingest, Parquet in DuckDB, pseudonyms."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from archive_data import TARGETS, USERS, record, snapshot, write_jsonl
from click.testing import CliRunner
from sqlalchemy import select

from civmon.cli import cli
from civmon.export import ExportOptions, export_posts
from civmon.ingest import Ingest
from storage import open_archive
from storage.models import ClassificationRow, PostRow
from storage.pseudonym import Pseudonymizer
from storage.query import PostFilter

ROOT = Path(__file__).resolve().parent.parent
N = 60


@pytest.fixture
def filled(archive, tmp_path: Path):  # type: ignore[no-untyped-def]
    """N posts; every 5th labelled 'attack' on @DanaWhitfield, later relabelled for i % 10."""
    Ingest(archive).file(write_jsonl(tmp_path / "in.jsonl", range(N)))
    with archive.session() as s:
        ids = dict(s.execute(select(PostRow.native_id, PostRow.id)).all())
        for i in range(0, N, 5):
            s.add(ClassificationRow(post_id=ids[str(1_000_000 + i)], model_version="m1",
                                    label="attack", scores={"attack": 0.9},
                                    target="@DanaWhitfield"))
    with archive.session() as s:  # a newer model relabels some: the newest label wins
        for i in range(0, N, 10):
            s.add(ClassificationRow(post_id=ids[str(1_000_000 + i)], model_version="m2",
                                    label="substantive", scores={"attack": 0.1}, target=None))
    return archive


def export(archive, fmt: str = "jsonl", **kw) -> bytes:  # type: ignore[no-untyped-def]
    pseudo = kw.pop("pseudonymizer", None)
    out = io.BytesIO()
    export_posts(archive, PostFilter(**kw), ExportOptions(format=fmt, pseudonymizer=pseudo), out)
    return out.getvalue()


def lines(data: bytes) -> list[dict]:
    return [json.loads(x) for x in data.splitlines()]


def test_jsonl_export_reingested_into_an_empty_database_reproduces_the_posts(
    filled, tmp_path: Path
) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(export(filled))
    copy = open_archive(f"sqlite:///{tmp_path / 'copy.db'}")
    job = Ingest(copy)
    job.file(path)
    assert (job.summary.new, job.summary.rejected) == (N, 0)
    assert snapshot(copy) == snapshot(filled)
    copy.dispose()


def test_latest_label_and_target_are_in_the_export(filled) -> None:
    rows = {r["id"]: r for r in lines(export(filled))}
    assert rows["1000005"]["label"] == "attack" and rows["1000005"]["target"] == "@DanaWhitfield"
    assert rows["1000010"]["label"] == "substantive" and rows["1000010"]["label_model"] == "m2"
    assert rows["1000001"]["label"] is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"platforms": ("reddit",)}, {i for i in range(N) if i % 3 == 1}),
        ({"hashtags": ("calderdebate",)}, {i for i in range(N) if i % 3 == 2}),
        ({"authors": ("HARBOR_HANK",)}, {i for i in range(N) if i % 5 == 0}),
        ({"labels": ("attack",)}, {i for i in range(N) if i % 5 == 0 and i % 10 != 0}),
        ({"targets": ("danawhitfield",)}, {i for i in range(N) if i % 5 == 0 and i % 10 != 0}),
        ({"text_contains": "LEVY, AGAIN (1"}, {1, *range(10, 20)}),
        ({"since": datetime(2026, 10, 1, 9, tzinfo=UTC),
          "until": datetime(2026, 10, 1, 10, tzinfo=UTC)}, set(range(9, 18))),
        ({"platforms": ("x",), "labels": ("attack",)}, {15, 45}),
    ],
)
def test_filters_select_the_right_posts(filled, filters: dict, expected: set[int]) -> None:
    got = {int(r["id"]) - 1_000_000 for r in lines(export(filled, **filters))}
    assert got == expected


def test_parquet_opens_in_duckdb_with_the_documented_columns(filled, tmp_path: Path) -> None:
    path = tmp_path / "posts.parquet"
    path.write_bytes(export(filled, "parquet"))
    con = duckdb.connect()
    columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]
    assert columns == ["platform", "id", "author", "author_id", "text", "created_at", "reply_to",
                       "conversation_id", "url", "lang", "hashtags", "mentions", "label",
                       "target", "label_model", "raw"]
    attacks = con.execute(f"SELECT count(*) FROM '{path}' WHERE label = 'attack'").fetchone()
    first = con.execute(f"SELECT created_at, hashtags FROM '{path}' ORDER BY created_at LIMIT 1")
    when, tags = first.fetchone()
    assert attacks == (6,)
    assert when.astimezone(UTC) == datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    assert tags == ["#CalderDecides"]
    readme = (ROOT / "README.md").read_text()  # the documented columns are the real ones
    for column in columns:
        assert f"`{column}`" in readme


def test_csv_export_has_a_header_and_reimports(filled, tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(export(filled, "csv"))
    header = path.read_text().splitlines()[0]
    assert header.startswith("platform,id,author,") and "raw" not in header
    copy = open_archive(f"sqlite:///{tmp_path / 'copy.db'}")
    job = Ingest(copy)
    job.file(path)
    assert (job.summary.new, job.summary.rejected) == (N, 0)
    assert [p[:6] for p in snapshot(copy)] == [p[:6] for p in snapshot(filled)]
    copy.dispose()


def test_pseudonymized_export_contains_no_handle_from_the_input(filled) -> None:
    key = Pseudonymizer(b"research-key")
    for fmt in ("jsonl", "csv", "parquet"):
        data = export(filled, fmt, pseudonymizer=key).lower()
        for handle in (*USERS, *(t.lstrip("@") for t in TARGETS)):
            assert handle.lower().encode() not in data, (fmt, handle)
    rows = lines(export(filled, pseudonymizer=key))
    again = lines(export(filled, pseudonymizer=Pseudonymizer(b"research-key")))
    other = lines(export(filled, pseudonymizer=Pseudonymizer(b"another-key")))
    assert rows == again and rows[0]["author"] != other[0]["author"]
    assert rows[0]["author"] == rows[5]["author"]  # same account, same pseudonym
    assert rows[0]["mentions"][0] in rows[0]["text"]
    assert rows[0]["url"] is None and rows[0]["raw"] == {}


def test_cli_export_to_stdout_and_file(filled, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    common = ["--config", str(ROOT / "config.yaml"), "--db", filled.url]
    done = runner.invoke(cli, ["export", "--platform", "x", *common])
    assert done.exit_code == 0, done.output
    assert len([x for x in done.stdout.splitlines() if x.startswith("{")]) == N // 3
    target = tmp_path / "out.parquet"
    done = runner.invoke(cli, ["export", "-o", str(target), *common])
    assert done.exit_code == 0 and target.exists() and not Path(f"{target}.part").exists()
    refused = runner.invoke(cli, ["export", "--pseudonymize", *common])
    assert refused.exit_code == 1 and "CIVMON_PSEUDONYM_KEY" in refused.output
    assert "Traceback" not in refused.output
    monkeypatch.setenv("CIVMON_PSEUDONYM_KEY", "k")
    done = runner.invoke(cli, ["export", "--pseudonymize", *common])
    assert done.exit_code == 0 and "harbor_hank" not in done.stdout


def test_a_reply_to_and_mentions_are_pseudonymized_inside_text() -> None:
    key = Pseudonymizer(b"k")
    text = key.text("@DanaWhitfield and @bob@mastodon.social, cc @Ann.bsky.social. email a@b")
    assert "DanaWhitfield" not in text and "bob" not in text and "Ann" not in text
    assert key.handle("@danawhitfield") == key.handle("@DanaWhitfield") in text
    assert record(0)["reply_to"] == "@DanaWhitfield"
