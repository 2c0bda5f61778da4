"""bench/blind_days.py, the fourth family of generated days (written blind, like the
third): its days are canonical, deterministic and fully labelled, and what detection does
on two of them."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from civmon.config import AlertRules

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.alerts import OracleLabeller, evaluate, replay_day  # noqa: E402
from bench.blind_days import generate_blind_day, main  # noqa: E402

REQUIRED = ("id", "platform", "author", "text", "created_at")
LABELS = {"attack", "substantive", "other"}


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "debate"])
def day(request):
    return generate_blind_day(6100, posts=2500, debate=request.param)


def _when(stamp: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(stamp)
    assert when.tzinfo is not None and when.utcoffset() is not None, stamp
    return when


def test_posts_are_canonical(day):
    posts, _ = day
    assert 2000 <= len(posts) <= 3200
    for post in posts:
        for key in REQUIRED:
            assert isinstance(post[key], str) and post[key], (key, post)
        assert post["platform"] in {"x", "reddit", "bluesky", "mastodon"}
        assert len(post["id"]) <= 128
        assert isinstance(post["hashtags"], list) and isinstance(post["mentions"], list)
        if "reply_to" in post:
            assert isinstance(post["reply_to"], str) and post["reply_to"]
    assert len({p["id"] for p in posts}) == len(posts)


def test_times_have_zones_and_are_ordered(day):
    posts, _ = day
    times = [_when(p["created_at"]) for p in posts]
    assert times == sorted(times)
    assert times[-1] - times[0] <= dt.timedelta(hours=24)


def test_labels_cover_every_post(day):
    posts, truth = day
    authors = {p["author"] for p in posts}
    labels = truth["labels"]
    assert set(labels) == {p["id"] for p in posts}
    for label, target in labels.values():
        assert label in LABELS
        if label == "attack":
            assert target.startswith("name:") or target in authors, target
        else:
            assert target is None
    attacks = sum(1 for label, _ in labels.values() if label == "attack")
    assert 0.05 < attacks / len(posts) < 0.3


def test_episodes_are_well_formed(day):
    posts, truth = day
    authors = {p["author"] for p in posts}
    ids = {p["id"] for p in posts}
    kinds = {e["kind"] for e in truth["episodes"]}
    assert "pileon" in kinds
    for ep in truth["episodes"]:
        assert ep["target"].startswith("name:") or ep["target"] in authors, ep["target"]
        assert _when(ep["start"]) <= _when(ep["midpoint"]) <= _when(ep["end"])
        assert set(ep["post_ids"]) <= ids
        if ep["kind"] == "pileon":
            assert ep["attackers"] >= 8
            assert all(truth["labels"][i] == ["attack", ep["target"]] for i in ep["post_ids"])
        if ep["kind"] == "flood":
            assert ep["authors"] == 1
    assert truth["seed"] == 6100 and truth["posts"] == len(posts)


def test_debate_flag_adds_a_debate_night(day):
    _, truth = day
    debate = [e for e in truth["episodes"] if e["kind"] == "debate_incivility"]
    assert bool(debate) == truth["debate"]


def test_deterministic_per_seed():
    a = generate_blind_day(6101, posts=800)
    b = generate_blind_day(6101, posts=800)
    c = generate_blind_day(6102, posts=800)
    assert a == b
    assert a[0] != c[0]


def test_cli_writes_jsonl_and_truth(tmp_path, capsys):
    out = tmp_path / "day.jsonl"
    main(["--seed", "6103", "--posts", "600", "--out", str(out)])
    lines = out.read_text(encoding="utf-8").splitlines()
    truth = json.loads((tmp_path / "day.truth.json").read_text(encoding="utf-8"))
    assert len(lines) == truth["posts"]
    assert {json.loads(line)["id"] for line in lines} == set(truth["labels"])


@pytest.mark.parametrize(
    ("seed", "target"),
    [(6012, "u/dry_fork_dusty"), (6006, "name:Luis Archuleta")],
    ids=["reddit-volunteer", "known-only-by-name"],
)
def test_detection_catches_a_blind_days_pileons_without_false_alarms(seed, target) -> None:
    """One whole day (true labels): every pile-on caught before its midpoint, floods called
    floods, nothing else fires -- including a pile-on on a Reddit volunteer (reported as
    u/name, not @u/name) and one on a poll worker known only by name (name:First Last)."""
    posts, truth = generate_blind_day(seed, posts=5000)
    assert target in {e["target"] for e in truth["episodes"] if e["kind"] == "pileon"}
    lines, _ = replay_day(posts, OracleLabeller(truth["labels"]), AlertRules(), {})
    result = evaluate(lines, truth["episodes"])
    assert result["caught"] == result["early"] == result["pileons"], result["missed"]
    assert result["false"] == 0, result["false_lines"]
    assert result["floods_flagged"] == result["floods"]
    assert target in {line["target"] for line in lines}
