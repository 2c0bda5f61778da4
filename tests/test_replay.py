"""`civmon replay`: a generated day through labelling and detection on a simulated clock."""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from civmon.cli import cli
from storage import open_archive
from storage.models import ClassificationRow, IncidentRow, PostRow

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.alerts import OracleLabeller, evaluate  # noqa: E402
from bench.generate_days import generate_day, write_day  # noqa: E402

FIELDS = {"target", "fired_at", "kind", "incident_id", "attackers", "attack_posts", "severity"}


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    posts, truth = generate_day(11, posts=6000, pileons=2)
    path = tmp_path_factory.mktemp("day") / "day.jsonl"
    write_day(posts, truth, path)
    return path, truth


@pytest.fixture
def oracle(monkeypatch: pytest.MonkeyPatch, day: tuple[Path, dict]) -> None:
    """The CLI's classifier replaced by the generator's ground truth (fast, exact)."""
    labels = day[1]["labels"]
    monkeypatch.setattr(
        "civmon.commands.monitor.real_labeller", lambda config: OracleLabeller(labels)
    )


def replay(stream: Path, out: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(
        cli,
        [
            "replay",
            str(stream),
            "--alerts-out",
            str(out),
            "--config",
            str(ROOT / "config.yaml"),
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_replay_writes_one_line_per_alert_and_catches_the_pileons(
    oracle: None, day: tuple[Path, dict], tmp_path: Path
) -> None:
    lines = replay(day[0], tmp_path / "alerts.jsonl")
    assert lines and all(set(line) == FIELDS for line in lines)
    for line in lines:
        assert datetime.fromisoformat(line["fired_at"]).tzinfo is not None
        assert line["kind"] in ("pileon", "flood")
    result = evaluate(lines, day[1]["episodes"])
    assert result["caught"] == result["pileons"] == 2
    assert result["false"] == 0
    # escalation steps, not a line per post
    assert len(lines) < 20
    ids = [line["incident_id"] for line in lines]
    by_incident: dict[int, list[int]] = {}
    for line in lines:
        by_incident.setdefault(line["incident_id"], []).append(line["severity"])
    assert all(s == sorted(s) for s in by_incident.values())
    assert sorted(set(ids)) == sorted(by_incident)


def test_replay_into_a_given_database_keeps_posts_labels_and_incidents(
    oracle: None, day: tuple[Path, dict], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'replay.db'}"
    lines = replay(day[0], tmp_path / "alerts.jsonl", "--db", url)
    archive = open_archive(url)
    try:
        with archive.session() as s:
            posts = s.scalar(select(func.count()).select_from(PostRow))
            labels = s.scalar(select(func.count()).select_from(ClassificationRow))
            incidents = s.scalars(select(IncidentRow)).all()
    finally:
        archive.dispose()
    assert posts == labels == day[1]["posts"]
    assert {i.id for i in incidents} == {line["incident_id"] for line in lines}
    assert all(i.attackers >= 1 and i.platforms for i in incidents)


def test_a_stream_that_repeats_its_lines_replays_each_post_once(
    oracle: None, day: tuple[Path, dict], tmp_path: Path
) -> None:
    # Two overlapping exports joined: every line twice. Counted twice, each attack would
    # double every incident's attack posts.
    once = replay(day[0], tmp_path / "once.jsonl")
    doubled = tmp_path / "doubled.jsonl"
    text = day[0].read_text(encoding="utf-8")
    doubled.write_text(text + text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["replay", str(doubled), "--alerts-out",
                                      str(tmp_path / "twice.jsonl"), "--config",
                                      str(ROOT / "config.yaml")])
    assert result.exit_code == 0, result.output
    assert f"{day[1]['posts']} repeated line(s) skipped" in result.output
    twice = [json.loads(line) for line in (tmp_path / "twice.jsonl").read_text().splitlines()]
    assert twice == once


def test_replay_orders_by_timestamp_on_a_simulated_clock(
    oracle: None, day: tuple[Path, dict], tmp_path: Path
) -> None:
    shuffled = tmp_path / "shuffled.jsonl"
    rows = day[0].read_text().splitlines()
    random.Random(4).shuffle(rows)
    shuffled.write_text("\n".join(rows) + "\n")
    ordered = replay(day[0], tmp_path / "a.jsonl")
    mixed = replay(shuffled, tmp_path / "b.jsonl")
    assert mixed == ordered


def test_a_bad_line_is_a_clean_error_with_its_line_number(oracle: None, tmp_path: Path) -> None:
    stream = tmp_path / "bad.jsonl"
    stream.write_text(
        '{"id": "1", "platform": "x", "author": "a", "text": "hi",'
        ' "created_at": "2026-10-01T10:00:00"}\n'
    )
    result = CliRunner().invoke(
        cli,
        [
            "replay",
            str(stream),
            "--alerts-out",
            str(tmp_path / "o.jsonl"),
            "--config",
            str(ROOT / "config.yaml"),
        ],
    )
    assert result.exit_code != 0
    assert "bad.jsonl:1" in result.output and "Traceback" not in result.output


def test_an_attack_the_classifier_gave_no_target_is_not_its_addressees() -> None:
    # "this woman is a disgrace" in reply to whoever shared the clip: the classifier names
    # no one, and the detector must not count it against the account replied to; other
    # labels still address it (traffic for the attack share).
    from datetime import UTC

    from alerts.replay import PostLabel, to_labelled
    from storage import Post

    reply = Post("x", "1", "@troll", "this woman is a disgrace", datetime(2026, 10, 1, tzinfo=UTC),
                 "test", "0", reply_to="@sharer")
    assert to_labelled(reply, PostLabel("attack", None)).target is None
    assert to_labelled(reply, PostLabel("attack", "@DanaWhitfield")).target == "@DanaWhitfield"
    assert to_labelled(reply, PostLabel("other", None)).target == "@sharer"


def test_a_reply_to_that_names_the_parent_post_is_read_as_its_author() -> None:
    # Many exports put the parent post's id in reply_to, where civmon's canonical format
    # wants the handle replied to. Eight accounts reply "you are a clown" to a reporter's
    # post "100": the pile-on is on @nadia_reports, not on an account "@100". A reply to
    # a post outside the stream (an at:// URI) addresses no one rather than "@at://...".
    from datetime import UTC, timedelta

    from alerts.detector import Detector
    from alerts.events import EventBus
    from alerts.incidents import IncidentStore
    from alerts.replay import PostLabel, run_replay
    from civmon.config import AlertRules
    from classifiers.targets import find_target
    from storage import Post

    start = datetime(2026, 10, 1, 15, 0, tzinfo=UTC)

    class Labeller:
        version = "test"

        def __call__(self, posts: list[Post]) -> list[PostLabel]:
            out = []
            for post in posts:
                if "clown" not in post.text:
                    out.append(PostLabel("other"))
                    continue
                found = find_target(post.text, post.author_handle, post.reply_to, post.mentions)
                out.append(PostLabel("attack", found.value if found else None))
            return out

    chatter = [Post("x", f"c{i}", f"@fan{i % 50}", "great turnout today",
                    start - timedelta(minutes=120 - i / 5), "t", "1") for i in range(600)]
    story = Post("x", "100", "@nadia_reports", "My story on the transit audit is up",
                 start, "t", "1")
    replies = [Post("x", str(200 + i), f"@angry{i}", "you are a clown",
                    start + timedelta(minutes=1 + i), "t", "1", reply_to="100")
               for i in range(8)]
    stray = Post("bluesky", "at://did:plc:x/app.bsky.feed.post/3a", "@someone.bsky.social",
                 "you are a clown", start + timedelta(minutes=3), "t", "1",
                 reply_to="at://did:plc:y/app.bsky.feed.post/9z")
    labels = Labeller()
    assert labels([replies[0]])[0].target == "@100"  # what the raw field would have said
    bus, events = EventBus(), []
    bus.subscribe(events.append)
    detector = Detector(AlertRules(), bus, IncidentStore(None), {})
    archive = open_archive("sqlite://")
    try:
        run_replay([*chatter, story, *replies, stray], labels, detector, archive)
        with archive.session() as session:
            stored = session.scalars(select(PostRow).where(PostRow.native_id == "200")).one()
            assert (stored.reply_to, stored.raw["reply_to_post"]) == ("@nadia_reports", "100")
    finally:
        archive.dispose()
    opened = [(e.target, e.kind) for e in events if e.step == "opened"]
    assert opened == [("@nadia_reports", "pileon")]
    assert all(not e.target.startswith("@at:") for e in events)
