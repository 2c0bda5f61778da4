"""The README's main job: the whole pipeline on the bundled sample day, offline."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from civmon.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_demo_runs_the_pipeline_and_finds_the_sample_pile_on(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = CliRunner().invoke(
        cli, ["demo", "--config", str(ROOT / "config.yaml"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    truth = json.loads((ROOT / "civmon" / "sample" / "sample_day.truth.json").read_text())
    pileon_targets = {e["target"] for e in truth["episodes"] if e["kind"] == "pileon"}

    alerts = [json.loads(line) for line in (out / "alerts.jsonl").read_text().splitlines()]
    alerted = {a["target"] for a in alerts if a["kind"] == "pileon"}
    assert pileon_targets <= alerted
    digests = list(out.glob("digest-*.html"))
    assert len(digests) == 1 and "<svg" in digests[0].read_text()

    db = sqlite3.connect(out / "civmon-demo.db")
    posts, labelled = db.execute(
        "select count(*), (select count(distinct post_id) from classifications) from posts"
    ).fetchone()
    assert posts == truth["posts"] and labelled == posts
    assert "where to look" in result.output
