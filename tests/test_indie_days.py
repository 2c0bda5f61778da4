"""bench/indie_days.py: the third family of generated days, written from issue 5's text
without looking at the detector, and what detection does on one of its days."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from civmon.config import AlertRules

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.alerts import OracleLabeller, evaluate, replay_day  # noqa: E402
from bench.indie_days import generate_indie_day  # noqa: E402


def test_an_indie_day_is_canonical_labelled_and_in_time_order() -> None:
    posts, truth = generate_indie_day(7003, posts=3000, debate=True)
    ids = [p["id"] for p in posts]
    assert len(set(ids)) == len(ids) == len(truth["labels"]) == truth["posts"]
    instants = [datetime.fromisoformat(p["created_at"].replace("Z", "+00:00")) for p in posts]
    assert all(t.tzinfo is not None for t in instants)
    assert instants == sorted(instants)
    for post in posts:
        label, target = truth["labels"][post["id"]]
        assert label in {"attack", "substantive", "other"}
        assert (target is not None) == (label == "attack"), post
    kinds = {e["kind"] for e in truth["episodes"]}
    assert "pileon" in kinds and kinds <= {"pileon", "substantive_surge", "cheer_surge", "flood"}
    for episode in truth["episodes"]:
        start, mid, end = (datetime.fromisoformat(episode[k]) for k in ("start", "midpoint", "end"))
        assert start <= mid <= end
    assert truth["debate_window"]


def test_detection_catches_an_indie_days_pileons_without_false_alarms() -> None:
    """One whole day (true labels): every pile-on is caught before its midpoint, each flood
    is called a flood, and nothing else fires. bench/alerts.py --split indie scores 20."""
    posts, truth = generate_indie_day(7006, posts=5000)
    lines, _ = replay_day(posts, OracleLabeller(truth["labels"]), AlertRules(), {})
    result = evaluate(lines, truth["episodes"])
    assert result["pileons"] >= 3
    assert result["caught"] == result["early"] == result["pileons"], result["missed"]
    assert result["false"] == 0, result["false_lines"]
    assert result["floods_flagged"] == result["floods"]
