"""bench/fourth_days.py, the sixth family of generated days (written blind, seventeenth
session): its days are canonical, deterministic and fully labelled, write `reply_to` as a
parent id on Reddit and Bluesky, come out of time order, and what detection does on one."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
from pathlib import Path

import pytest

from civmon.config import AlertRules

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.alerts import OracleLabeller, evaluate, fourth_day, replay_day  # noqa: E402
from bench.fourth_days import generate_fourth_day, main  # noqa: E402

REQUIRED = ("id", "platform", "author", "text", "created_at")


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "debate"])
def day(request):
    return generate_fourth_day(8100, posts=2500, debate=request.param)


def _when(stamp: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert when.utcoffset() is not None, stamp
    return when


def test_posts_are_canonical_with_zones_and_parent_ids_that_resolve(day):
    posts, _ = day
    assert 2000 <= len(posts) <= 3500
    for post in posts:
        for key in REQUIRED:
            assert isinstance(post[key], str) and post[key], (key, post)
    ids = {(p["platform"], p["id"]) for p in posts}
    assert len(ids) == len(posts)
    replies = [p for p in posts if p.get("reply_to")]
    by_parent = [p for p in replies if p["platform"] in ("reddit", "bluesky")]
    assert by_parent and all((p["platform"], p["reply_to"]) in ids for p in by_parent)
    assert all(p["reply_to"].startswith("@") for p in replies if p["platform"] == "x")
    times = [_when(p["created_at"]).timestamp() for p in posts]
    assert times != sorted(times)  # an export grouped by platform, as real ones are


def test_labels_and_episodes_are_well_formed(day):
    posts, truth = day
    labels = truth["labels"]
    assert set(labels) == {p["id"] for p in posts}
    when = {p["id"]: _when(p["created_at"]) for p in posts}
    pileons = [e for e in truth["episodes"] if e["kind"] == "pileon"]
    assert pileons
    for ep in pileons:
        assert all(labels[i] == ["attack", ep["target"]] for i in ep["post_ids"])
        middle = statistics.median(when[i].timestamp() for i in ep["post_ids"])
        assert abs(_when(ep["midpoint"]).timestamp() - middle) < 1.0
        assert ep["target"] in ep["handles"]


def test_deterministic_per_seed():
    assert generate_fourth_day(8101, posts=800) == generate_fourth_day(8101, posts=800)
    assert generate_fourth_day(8101, posts=800)[0] != generate_fourth_day(8102, posts=800)[0]


def test_cli_writes_jsonl_and_truth(tmp_path):
    out = tmp_path / "day.jsonl"
    main(["--seed", "8103", "--posts", "600", "--out", str(out)])
    lines = out.read_text(encoding="utf-8").splitlines()
    truth = json.loads((tmp_path / "day.truth.json").read_text(encoding="utf-8"))
    assert {json.loads(line)["id"] for line in lines} == set(truth["labels"])


def test_detection_catches_a_fourth_days_pileons() -> None:
    """One whole day, true labels: a pile-on on a candidate by replies to whoever shared
    his clip, one on the other candidate's second account, one on a farmer by replies
    to his own post; all caught before their midpoint, no false alarm."""
    posts, truth = fourth_day(8015, posts=5000)
    lines, _ = replay_day(posts, OracleLabeller(truth["labels"]), AlertRules(), {})
    result = evaluate(lines, truth["episodes"])
    assert result["caught"] == result["early"] == result["pileons"] == 3, result["missed"]
    assert result["false"] == 0, result["false_lines"]
