"""The fault matrix: every platform x every fault, on SQLite and PostgreSQL, through the
real client libraries against the fake servers. The archive must end with exactly the
posts the server published: nothing lost, nothing twice.

Each case publishes enough posts for several pages, injects the fault in the middle of the
first round's pagination and again at the start of a later round, and runs rounds until
one brings nothing new (what the scheduler does). Sleeps are recorded, not slept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from civmon.collect import enabled_collectors, run_round
from civmon.config import parse_config
from collectors import retry
from collectors.bluesky import BlueskyCollector
from collectors.mastodon import MastodonCollector
from collectors.reddit import RedditCollector
from storage import Archive, open_archive
from storage.models import CursorRow, PostEditRow, PostRow, QuarantineRow
from tests.fakes import harness
from tests.fakes.base import FakeApi

MATRIX_FAULTS = ("429", "429-noreset", "500", "timeout", "malformed", "repeat")
CLIENT_TIMEOUT = 0.25


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []
    monkeypatch.setattr(retry, "SLEEP", recorded.append)
    return recorded


@pytest.fixture(autouse=True)
def _small_pages_and_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for cls in (RedditCollector, BlueskyCollector, MastodonCollector):
        monkeypatch.setattr(cls, "page_size", 10)
    for name, value in harness.ENV.items():
        monkeypatch.setenv(name, value)


def _config(fakes: dict[str, FakeApi]):  # type: ignore[no-untyped-def]
    return parse_config(harness.config(fakes, timeout=CLIENT_TIMEOUT, x_page_size=10))


def rounds_until_quiet(archive: Archive, fakes: dict[str, FakeApi], max_rounds: int = 8) -> list:
    """Run rounds like the scheduler would, until one that started with no fault pending
    finishes cleanly with nothing new."""
    collectors, skipped = enabled_collectors(_config(fakes))
    assert not skipped
    reports: list = []
    try:
        for _ in range(max_rounds):
            clean_start = not any(f.faults_pending() for f in fakes.values())
            batch = run_round(archive, collectors)
            reports += batch
            if clean_start and all(r.new == 0 and r.error is None for r in batch):
                return reports
    finally:
        for collector in collectors:
            collector.close()
    raise AssertionError(f"no quiet round after {max_rounds}: {[r.line() for r in reports]}")


def archived(archive: Archive, platform: str) -> tuple[set[str], int]:
    with archive.session() as session:
        ids = set(session.scalars(select(PostRow.native_id).where(PostRow.platform == platform)))
        rows = session.scalar(select(func.count()).select_from(PostRow)
                              .where(PostRow.platform == platform))
    return ids, int(rows or 0)


@pytest.fixture
def opened(db_url: str) -> Iterator[Archive]:
    archive = open_archive(db_url)
    yield archive
    archive.dispose()


def _start(platform: str) -> FakeApi:
    fake = harness.start((platform,), slow_seconds=CLIENT_TIMEOUT + 0.35)[platform]
    if platform == "reddit":
        fake.publish(12, comments=2)  # type: ignore[call-arg]
    else:
        fake.publish(25)
    return fake


@pytest.mark.parametrize("fault", MATRIX_FAULTS)
@pytest.mark.parametrize("platform", harness.PLATFORMS)
def test_fault_matrix_archive_is_exact(platform: str, fault: str, opened: Archive,
                                       sleeps: list[float]) -> None:
    fake = _start(platform)
    try:
        fake.inject(fault, after=1)  # in the middle of the first round's pages
        rounds_until_quiet(opened, {platform: fake})
        first = archived(opened, platform)
        assert first[0] == fake.published_ids()

        fake.publish(7)
        fake.inject(fault)  # at the start of the next round
        rounds_until_quiet(opened, {platform: fake})
        ids, rows = archived(opened, platform)
    finally:
        fake.close()
    assert ids == fake.published_ids(), "lost or foreign posts"
    assert rows == len(ids), "duplicate rows"
    with opened.session() as session:
        assert session.scalar(select(func.count()).select_from(QuarantineRow)) == 0
    if fault == "429":
        waits = [s for s in sleeps if s >= 10]
        assert waits and all(w <= retry.RetryPolicy().max_rate_wait for w in waits)
    elif fault == "429-noreset":
        assert retry.RetryPolicy().default_rate_wait in sleeps
    elif fault in ("500", "timeout", "malformed"):
        assert sleeps and all(s < 10 for s in sleeps), "backoff, not a rate-limit wait"


def test_second_round_archives_only_new_posts(opened: Archive, sleeps: list[float]) -> None:
    fakes = harness.start()
    try:
        for fake in fakes.values():
            fake.publish(15)
        first = run_round_all(opened, fakes)
        for fake in fakes.values():
            fake.publish(4)
        reddit: Any = fakes["reddit"]
        late = reddit.add_comment(reddit.submissions[0]["data"]["name"])
        second = run_round_all(opened, fakes)
        for name, fake in fakes.items():
            assert archived(opened, name)[0] == fake.published_ids()
    finally:
        for fake in fakes.values():
            fake.close()
    assert {r.source: r.new for r in first} == {"x": 15, "reddit": 30, "bluesky": 15,
                                                "mastodon": 15}
    assert {r.source: r.new for r in second} == {"x": 4, "reddit": 9, "bluesky": 4,
                                                 "mastodon": 4}
    assert late in archived(opened, "reddit")[0], "a late comment on an earlier thread"
    assert all(r.duplicate == 0 for r in second if r.source != "reddit")


def run_round_all(archive: Archive, fakes: dict[str, FakeApi]) -> list:
    collectors, _ = enabled_collectors(_config(fakes))
    try:
        return run_round(archive, collectors)
    finally:
        for collector in collectors:
            collector.close()


def test_rejected_credentials_disable_one_source_others_continue(
        sqlite_archive: Archive, sleeps: list[float]) -> None:
    fakes = harness.start()
    try:
        for fake in fakes.values():
            fake.publish(5)
        fakes["x"].inject("401", times=99)
        fakes["bluesky"].password = "revoked"  # type: ignore[attr-defined]
        reports = {r.source: r for r in run_round_all(sqlite_archive, fakes)}
        for name in ("reddit", "mastodon"):
            assert archived(sqlite_archive, name)[0] == fakes[name].published_ids()
    finally:
        for fake in fakes.values():
            fake.close()
    assert reports["x"].disabled and "bearer token" in (reports["x"].error or "")
    assert reports["bluesky"].disabled
    assert "BLUESKY_APP_PASSWORD" in (reports["bluesky"].error or "")
    assert not reports["reddit"].disabled and not reports["mastodon"].disabled
    assert len(fakes["x"].data_requests()) == 1, "401 is not retried"


def test_missing_credentials_disable_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("X_BEARER_TOKEN")
    fakes = harness.start(("x", "mastodon"))
    try:
        collectors, skipped = enabled_collectors(_config(fakes))
    finally:
        for fake in fakes.values():
            fake.close()
    assert [c.name for c in collectors] == ["mastodon"]
    assert skipped == ["x: disabled, environment variable X_BEARER_TOKEN is not set"]


@pytest.mark.parametrize("platform", harness.PLATFORMS)
def test_malformed_item_is_quarantined_and_batch_goes_on(platform: str, sqlite_archive: Archive,
                                                         sleeps: list[float]) -> None:
    fake = _start(platform)
    try:
        broken = _break_one(fake, platform)
        rounds_until_quiet(sqlite_archive, {platform: fake})
        ids, _ = archived(sqlite_archive, platform)
    finally:
        fake.close()
    assert ids == fake.published_ids() - {broken}
    with sqlite_archive.session() as session:
        rows = session.execute(select(QuarantineRow.source, QuarantineRow.reason,
                                      QuarantineRow.raw)).all()
    assert len(rows) == 1
    assert rows[0][0] == platform and rows[0][1]
    assert broken.rsplit("/", 1)[-1].removeprefix("t3_") in rows[0][2]


def _break_one(fake: FakeApi, platform: str) -> str:
    """Remove a required field from one published post; return its native id."""
    if platform == "x":
        item = fake.tweets[3]  # type: ignore[attr-defined]
        del item["created_at"]
        return str(item["id"])
    if platform == "reddit":
        item = fake.submissions[3]  # type: ignore[attr-defined]
        item["data"]["author"] = None
        del fake.comments[item["data"]["id"]]  # type: ignore[attr-defined]
        fake.comments[item["data"]["id"]] = []  # type: ignore[attr-defined]
        return str(item["data"]["name"])
    if platform == "bluesky":
        item = fake.posts[3]  # type: ignore[attr-defined]
        del item["record"]["text"]
        return str(item["uri"])
    item = fake.statuses[3]  # type: ignore[attr-defined]
    del item["account"]
    return str(item["uri"])


def test_edit_seen_again_is_recorded(sqlite_archive: Archive, sleeps: list[float]) -> None:
    fake = _start("bluesky")
    try:
        rounds_until_quiet(sqlite_archive, {"bluesky": fake})
        post = fake.posts[5]  # type: ignore[attr-defined]
        original = post["record"]["text"]
        post["record"]["text"] = original + " (edited)"
        with sqlite_archive.session() as session:  # forget the cursor: everything is seen again
            session.query(CursorRow).delete()
        rounds_until_quiet(sqlite_archive, {"bluesky": fake})
    finally:
        fake.close()
    with sqlite_archive.session() as session:
        edits = session.execute(select(PostEditRow.previous_text, PostEditRow.new_text)).all()
        total = session.scalar(select(func.count()).select_from(PostRow))
    assert edits == [(original, original + " (edited)")]
    assert total == len(fake.published_ids())
