"""The blind day generator writes canonical, deterministic, fully labelled days."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bench.blind_days import generate_blind_day, main

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
