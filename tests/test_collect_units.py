"""Collector parts on their own: the retry policy and reset headers, the registry and its
entry-point group, the pure mappers, the files source, the single-scheduler lock."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from civmon.collect import map_items, run_round
from civmon.config import parse_config
from civmon.lock import LockHeld, SchedulerLock
from collectors import registry
from collectors.base import Batch, MalformedItem
from collectors.errors import RateLimited, SourceDisabled, TransientError
from collectors.folder import FolderCollector
from collectors.retry import RetryPolicy, reset_from_headers
from collectors.x import tweet_to_post
from storage import Archive, open_archive
from storage.models import PostRow, QuarantineRow, ServiceLockRow

NOW = 1_800_000_000.0  # a fixed "now" (2027-01-15)


@pytest.mark.parametrize(("headers", "expected"), [
    ({"x-rate-limit-reset": str(int(NOW) + 90)}, NOW + 90),            # X: epoch seconds
    ({"x-ratelimit-reset": "42"}, NOW + 42),                            # Reddit: seconds left
    ({"ratelimit-reset": str(int(NOW) + 20)}, NOW + 20),               # Bluesky: epoch
    ({"X-RateLimit-Reset": "2027-01-15T08:01:00.000Z"},                # Mastodon: ISO time
     datetime(2027, 1, 15, 8, 1, tzinfo=UTC).timestamp()),
    ({"Retry-After": "7"}, NOW + 7),
    ({"Retry-After": "Fri, 15 Jan 2027 08:00:30 GMT"},
     datetime(2027, 1, 15, 8, 0, 30, tzinfo=UTC).timestamp()),
])
def test_reset_headers_of_every_platform(headers: dict[str, str], expected: float) -> None:
    reset = reset_from_headers(headers, now=NOW)
    assert reset is not None and reset.timestamp() == pytest.approx(expected)


def test_no_reset_header_means_none() -> None:
    assert reset_from_headers({"content-type": "application/json"}, now=NOW) is None
    assert reset_from_headers({"x-rate-limit-reset": "soon"}, now=NOW) is None


def _policy(sleeps: list[float], **kwargs: Any) -> RetryPolicy:
    return RetryPolicy(sleep=sleeps.append, clock=lambda: NOW, **kwargs)


def test_rate_limit_waits_until_reset_capped_and_never_zero() -> None:
    sleeps: list[float] = []
    policy = _policy(sleeps, max_rate_wait=300)
    resets = iter([NOW + 45, NOW + 10_000, NOW - 5])
    calls = iter([RateLimited("429", datetime.fromtimestamp(next(resets), UTC)) for _ in range(3)])

    def flaky() -> str:
        error = next(calls, None)
        if error:
            raise error
        return "ok"
    assert policy.call(flaky, "x") == "ok"
    assert sleeps == [45, 300, policy.min_wait]


def test_transient_errors_back_off_with_jitter_then_give_up() -> None:
    sleeps: list[float] = []
    policy = _policy(sleeps, attempts=4, base_delay=1.0)

    def broken() -> None:
        raise TransientError("500")
    with pytest.raises(TransientError):
        policy.call(broken, "reddit")
    assert len(sleeps) == 3  # 4 tries, 3 waits in between
    for attempt, wait in enumerate(sleeps, 1):
        assert 2 ** (attempt - 1) / 2 <= wait <= 2 ** (attempt - 1)


def test_a_stopping_service_ends_the_wait_and_the_round() -> None:
    sleeps: list[float] = []
    calls = []

    def limited() -> None:
        calls.append(1)
        raise RateLimited("429", datetime.fromtimestamp(NOW + 600, UTC))
    policy = RetryPolicy(sleep=sleeps.append, clock=lambda: NOW, stopping=lambda: True)
    with pytest.raises(TransientError, match="stopping"):
        policy.call(limited, "x")
    assert calls == [1] and sleeps == [600]


def test_source_disabled_is_not_retried() -> None:
    sleeps: list[float] = []
    calls = []

    def rejected() -> None:
        calls.append(1)
        raise SourceDisabled("401")
    with pytest.raises(SourceDisabled):
        _policy(sleeps).call(rejected, "x")
    assert calls == [1] and sleeps == []


def test_registry_lists_builtins_and_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    class EntryPoint:
        def __init__(self, name: str, value: str) -> None:
            self.name, self.value = name, value

    plugins = [EntryPoint("mysite", "collectors.folder:FolderCollector"),
               EntryPoint("x", "collectors.folder:FolderCollector")]  # cannot shadow a built-in
    monkeypatch.setattr(registry, "entry_points",
                        lambda group: plugins if group == registry.ENTRY_POINT_GROUP else [])
    table = registry.available()
    assert {"x", "reddit", "bluesky", "mastodon", "files", "mysite"} <= set(table)
    assert registry.collector_class("mysite") is FolderCollector
    assert registry.collector_class("x").__name__ == "XCollector"
    with pytest.raises(KeyError, match="known: "):
        registry.collector_class("nope")


def test_tweet_mapping_is_pure_and_rejects_bad_items() -> None:
    raw = {"id": "5", "text": "hi #CalderDecides", "author_id": "9",
           "created_at": "2026-10-01T12:00:00.000Z", "_author": {"username": "ann"},
           "entities": {"hashtags": [{"tag": "CalderDecides"}]}}
    post = tweet_to_post(raw)
    assert (post.native_id, post.author_handle, post.hashtags) == ("5", "@ann", ("CalderDecides",))
    assert post.created_at.tzinfo is not None and post.raw is raw
    edited = tweet_to_post({**raw, "id": "7", "text": "hi again",
                            "edit_history_tweet_ids": ["5", "7"]})
    assert (edited.native_id, edited.url) == ("5", "https://x.com/ann/status/7")
    with pytest.raises(MalformedItem, match="text"):
        tweet_to_post({**raw, "text": None})
    with pytest.raises(MalformedItem, match="created_at"):
        tweet_to_post({**raw, "created_at": "yesterday"})


def test_map_items_quarantines_and_keeps_going() -> None:
    class Mapper:
        name = "x"

        def to_post(self, raw: dict[str, Any]) -> Any:
            return tweet_to_post(raw)
    good = {"id": "1", "text": "a", "author_id": "2", "created_at": "2026-10-01T12:00:00Z"}
    batch = Batch([good, {"id": "2"}, {**good, "id": "3"}], None, rejected=[("not JSON", "{")])
    posts, bad = map_items(Mapper(), batch)  # type: ignore[arg-type]
    assert [p.native_id for p in posts] == ["1", "3"]
    assert [reason for reason, _ in bad] == ["not JSON", "missing field text"]


# --- the files source ------------------------------------------------------------------


def _canonical(i: int) -> str:
    return json.dumps({"id": str(i), "platform": "x", "author": f"@a{i}", "text": f"post {i}",
                       "created_at": f"2026-10-01T12:{i % 60:02d}:00+00:00"})


def test_files_source_picks_up_new_files_in_chunks(tmp_path: Path, sqlite_archive: Archive,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setattr(FolderCollector, "chunk_lines", 4)
    (inbox / "a.jsonl").write_text("\n".join([*map(_canonical, range(10)), "{broken"]) + "\n")
    (inbox / "a.jsonl.rejects.jsonl").write_text("ignored\n")
    config = parse_config({"sources": {"files": {"enabled": True, "folder": "inbox"}}},
                          base_dir=tmp_path)
    source = FolderCollector(config)
    first = run_round(sqlite_archive, [source])[0]
    (inbox / "b.csv").write_text("id,platform,author,text,created_at\n"
                                 "c1,reddit,u/x,hello,2026-10-02T00:00:00+00:00\n")
    second = run_round(sqlite_archive, [source])[0]
    third = run_round(sqlite_archive, [source])[0]
    with sqlite_archive.session() as session:
        stored = set(session.scalars(select(PostRow.native_id)))
        quarantined = session.scalars(select(QuarantineRow.reason)).all()
    assert (first.new, first.quarantined) == (10, 1)
    assert (second.new, third.fetched) == (1, 0)
    assert stored == {str(i) for i in range(10)} | {"c1"}
    assert len(quarantined) == 1 and quarantined[0].startswith("a.jsonl:11: not JSON")


def test_files_source_reads_parent_post_ids_as_their_authors(tmp_path: Path,
                                                           archive: Archive) -> None:
    """A reply whose `reply_to` is its parent's post id (an earlier round's file, or the
    same file) is stored as a reply to the parent's author, like `civmon ingest` does."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    line = {"platform": "x", "created_at": "2026-10-01T12:00:00+00:00"}
    (inbox / "a.jsonl").write_text(json.dumps(
        {**line, "id": "100", "author": "@nadia_reports", "text": "my story"}) + "\n")
    config = parse_config({"sources": {"files": {"enabled": True, "folder": "inbox"}}},
                          base_dir=tmp_path)
    source = FolderCollector(config)
    run_round(archive, [source])
    (inbox / "b.jsonl").write_text("\n".join(json.dumps({**line, **extra}) for extra in [
        {"id": "101", "author": "@troll", "text": "you hack", "reply_to": "100"},
        {"id": "102", "author": "@other", "text": "lol", "reply_to": "101"},
    ]) + "\n")
    run_round(archive, [source])
    with archive.session() as session:
        rows = {r.native_id: r for r in session.scalars(select(PostRow))}
    assert (rows["101"].reply_to, rows["101"].raw["reply_to_post"]) == ("@nadia_reports", "100")
    assert (rows["102"].reply_to, rows["102"].raw["reply_to_post"]) == ("@troll", "101")


def test_files_source_without_folder_is_disabled(tmp_path: Path) -> None:
    config = parse_config({"sources": {"files": {"enabled": True, "folder": "nope"}}},
                          base_dir=tmp_path)
    with pytest.raises(SourceDisabled, match="no folder"):
        FolderCollector(config)


# --- the single-scheduler lock ---------------------------------------------------------


def test_second_scheduler_is_refused_until_the_first_releases(archive: Archive) -> None:
    first, second = SchedulerLock(archive), SchedulerLock(archive)
    second.holder = "other-host:1"
    first.acquire()
    try:
        with pytest.raises(LockHeld, match="already running") as refused:
            second.acquire()
        assert first.holder in refused.value.message and refused.value.exit_code == 3
        assert first.heartbeat()
    finally:
        first.release()
    second.acquire()
    second.release()


def test_sqlite_lock_of_a_dead_or_silent_holder_is_taken_over(sqlite_archive: Archive) -> None:
    gone = SchedulerLock(sqlite_archive)
    gone.holder = f"{os.uname().nodename}:{2 ** 22 + 12345}"  # no such pid here
    gone.acquire()
    fresh = SchedulerLock(sqlite_archive)
    fresh.acquire()  # dead pid on this host: taken over at once
    assert not gone.heartbeat()
    with sqlite_archive.session() as session:  # now held by a live process on another host
        session.execute(update(ServiceLockRow).values(holder="remote-host:7"))
    late = SchedulerLock(sqlite_archive, stale_after=60)
    with pytest.raises(LockHeld):
        late.acquire()  # alive elsewhere, heartbeat fresh
    with sqlite_archive.session() as session:
        old = datetime.now(UTC) - timedelta(seconds=120)
        session.execute(update(ServiceLockRow).values(heartbeat_at=old))
    late.acquire()  # silent for longer than stale_after
    with sqlite_archive.session() as session:
        assert session.scalar(select(ServiceLockRow.holder)) == late.holder
        assert session.scalar(select(func.count()).select_from(ServiceLockRow)) == 1


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)  # advisory locks are PG's
def test_postgres_lock_dies_with_its_connection(db_url: str) -> None:
    first_archive, second_archive = open_archive(db_url), open_archive(db_url)
    try:
        first = SchedulerLock(first_archive)
        first.acquire()
        second = SchedulerLock(second_archive)
        second.holder = "other-host:2"
        with pytest.raises(LockHeld):
            second.acquire()
        assert first._pg is not None
        first._pg.invalidate()  # the service's connection dies, as when it is SIGKILLed
        # The server frees the lock when the dead connection's backend exits, which happens
        # a moment after the socket closes, so allow it a few seconds, not forever.
        deadline = time.monotonic() + 10
        while True:
            try:
                second.acquire()
                break
            except LockHeld:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        second.release()
    finally:
        first_archive.dispose()
        second_archive.dispose()
