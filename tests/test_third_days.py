"""bench/third_days.py, the fifth family of generated days (written blind, thirteenth
session): its days are canonical, deterministic and fully labelled, they cross the end of
daylight saving time, and what detection does on two of them."""

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

from bench.alerts import (  # noqa: E402
    OracleLabeller,
    evaluate,
    replay_day,
    same_person,
    third_day,
)
from bench.third_days import generate_third_day, main  # noqa: E402

REQUIRED = ("id", "platform", "author", "text", "created_at")
LABELS = {"attack", "substantive", "other"}


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "debate"])
def day(request):
    return generate_third_day(5100, posts=2500, debate=request.param)


def _when(stamp: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert when.tzinfo is not None and when.utcoffset() is not None, stamp
    return when


def test_posts_are_canonical_with_zones_and_in_order(day):
    posts, _ = day
    assert 2000 <= len(posts) <= 4000
    for post in posts:
        for key in REQUIRED:
            assert isinstance(post[key], str) and post[key], (key, post)
        assert post["platform"] in {"x", "reddit", "bluesky", "mastodon"}
        if "reply_to" in post:
            assert isinstance(post["reply_to"], str) and post["reply_to"]
    assert len({p["id"] for p in posts}) == len(posts)
    times = [_when(p["created_at"]) for p in posts]
    assert times == sorted(times)
    assert times[-1] - times[0] <= dt.timedelta(hours=25)


def test_labels_and_episodes_are_well_formed(day):
    posts, truth = day
    labels = truth["labels"]
    assert set(labels) == {p["id"] for p in posts}
    assert all(label in LABELS for label, _ in labels.values())
    when = {p["id"]: _when(p["created_at"]) for p in posts}
    pileons = [e for e in truth["episodes"] if e["kind"] == "pileon"]
    assert pileons
    for ep in pileons:
        assert all(labels[i] == ["attack", ep["target"]] for i in ep["post_ids"])
        times = sorted(when[i] for i in ep["post_ids"])
        assert _when(ep["start"]) == times[0] and _when(ep["end"]) == times[-1]
        middle = statistics.median(t.timestamp() for t in times)
        assert abs(_when(ep["midpoint"]).timestamp() - middle) < 1.0
        assert ep["target"].startswith("name:") or ep["target"] in truth["people"]


def test_a_day_after_the_clocks_go_back_is_in_standard_time():
    posts, truth = generate_third_day(5016, posts=800)
    assert truth["date"] == "2026-11-02"
    local = [_when(p["created_at"]) for p in posts if p["platform"] == "bluesky"]
    assert local and all(t.utcoffset() == dt.timedelta(hours=-5) for t in local)


def test_deterministic_per_seed():
    assert generate_third_day(5101, posts=800) == generate_third_day(5101, posts=800)
    assert generate_third_day(5101, posts=800)[0] != generate_third_day(5102, posts=800)[0]


def test_cli_writes_jsonl_and_truth(tmp_path):
    out = tmp_path / "day.jsonl"
    main(["--seed", "5103", "--posts", "600", "--out", str(out)])
    lines = out.read_text(encoding="utf-8").splitlines()
    truth = json.loads((tmp_path / "day.truth.json").read_text(encoding="utf-8"))
    assert len(lines) == truth["posts"]
    assert {json.loads(line)["id"] for line in lines} == set(truth["labels"])


def test_an_alert_on_a_persons_other_handle_is_on_that_person():
    episode = {"target": "@RenataOB4Mayor", "handles": {"@renataokaforblake.com"}}
    assert same_person("@renataob4mayor", episode)
    assert same_person("@RenataOkaforBlake.com", episode)
    assert not same_person("@MayorWhitcombe", episode)


@pytest.mark.parametrize("seed", [5007, 5016], ids=["three-quiet-hours", "after-dst"])
def test_detection_catches_a_third_days_pileons(seed) -> None:
    """One whole day (true labels). Seed 5007 has over three hours without one attack,
    which once stopped the replay with IndexError; seed 5016 falls after the change to
    standard time and holds a pile-on on a private person known only by name."""
    posts, truth = third_day(seed, posts=5000)
    lines, _ = replay_day(posts, OracleLabeller(truth["labels"]), AlertRules(), {})
    result = evaluate(lines, truth["episodes"])
    assert result["caught"] == result["pileons"] == {5007: 3, 5016: 2}[seed], result["missed"]
    if seed == 5016:
        assert result["early"] == 2 and result["false"] == 0, result["false_lines"]
        assert "name:Ben Abernathy" in {line["target"] for line in lines}
