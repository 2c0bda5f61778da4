"""`civmon stats`: counts by platform, day, latest label and target, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

from archive_data import write_jsonl
from click.testing import CliRunner
from sqlalchemy import select

from civmon.cli import cli
from civmon.ingest import Ingest
from storage.models import ClassificationRow, PostRow
from storage.query import PostFilter
from storage.stats import archive_stats

ROOT = Path(__file__).resolve().parent.parent


def fill(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 7-minute steps from 08:00: posts 0..137 fall on Oct 1, 138..299 on Oct 2 and 3.
    Ingest(archive).file(write_jsonl(tmp_path / "in.jsonl", range(300)))
    with archive.session() as s:
        ids = dict(s.execute(select(PostRow.native_id, PostRow.id)).all())
        for i in range(0, 300, 2):
            target = "@MarcusHaleForGov" if i % 6 == 0 else "@DanaWhitfield"
            s.add(ClassificationRow(post_id=ids[str(1_000_000 + i)], model_version="m1",
                                    label="attack", scores={}, target=target))
    with archive.session() as s:
        for i in range(0, 300, 4):  # relabelled by a newer model; the newest counts
            s.add(ClassificationRow(post_id=ids[str(1_000_000 + i)], model_version="m2",
                                    label="substantive", scores={}, target="@DanaWhitfield"))


def test_counts_by_platform_day_label_and_target(archive, tmp_path: Path) -> None:
    fill(archive, tmp_path)
    result = archive_stats(archive)
    assert result["total"] == 300
    assert result["by_platform"] == {"bluesky": 100, "reddit": 100, "x": 100}
    assert result["by_day"] == {"2026-10-01": 138, "2026-10-02": 162}
    assert result["by_label"] == {"unclassified": 150, "attack": 75, "substantive": 75}
    assert result["top_targets"] == [
        {"target": "@DanaWhitfield", "posts": 125, "attacks": 50},
        {"target": "@MarcusHaleForGov", "posts": 25, "attacks": 25},
    ]


def test_stats_follow_the_filters(archive, tmp_path: Path) -> None:
    fill(archive, tmp_path)
    result = archive_stats(archive, PostFilter(platforms=("x",), labels=("attack",)), top=1)
    # x is i % 3 == 0; attack is even, not a multiple of 4: i % 12 in (6,)
    assert result["total"] == len([i for i in range(300) if i % 3 == 0 and i % 4 == 2])
    assert list(result["by_platform"]) == ["x"] and len(result["top_targets"]) == 1


def test_cli_stats_table_and_json(sqlite_archive, tmp_path: Path) -> None:
    fill(sqlite_archive, tmp_path)
    common = ["--config", str(ROOT / "config.yaml"), "--db", sqlite_archive.url]
    runner = CliRunner()
    table = runner.invoke(cli, ["stats", *common])
    assert table.exit_code == 0 and "@MarcusHaleForGov" in table.output and "300" in table.output
    as_json = runner.invoke(cli, ["stats", "--json", "--since", "2026-10-02", *common])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["by_day"] == {"2026-10-02": 162}
