"""The outbox: queued once per channel, delivered in order, retried with backoff and
Retry-After, nothing lost during an outage and nothing sent twice after it."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from alerts.errors import DeliveryError
from alerts.events import EventBus
from alerts.notifiers import FileNotifier, SlackBotNotifier, SlackWebhookNotifier
from alerts.notifiers.base import Delivery
from alerts.outbox import (
    OutboxSubscriber,
    backoff_seconds,
    deliver_pending,
    drain,
    enqueue_event,
)
from storage.models import IncidentRow, OutboxRow
from tests.fakes.slack import Clock, FakeSlack, make_event


def add_incident(archive, incident_id: int) -> None:
    event = make_event(incident_id=incident_id)
    with archive.session() as s:
        s.add(IncidentRow(id=incident_id, target=event.target, kind="pileon",
                          opened_at=event.began_at, updated_at=event.fired_at))


def rows(archive) -> list[OutboxRow]:
    with archive.session() as s:
        return list(s.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def test_one_row_per_channel_and_republishing_is_a_no_op(archive) -> None:
    add_incident(archive, 1)
    bus = EventBus()
    bus.subscribe(OutboxSubscriber(archive, ["slack", "file"]))
    for _ in range(2):
        bus.publish(make_event("opened"))
        bus.publish(make_event("escalated", severity=2))
    keys = [r.dedupe_key for r in rows(archive)]
    assert keys == ["slack:1:opened:1", "file:1:opened:1", "slack:1:escalated:2",
                    "file:1:escalated:2"]
    assert all(r.incident_id == 1 and r.status == "pending" for r in rows(archive))


def test_event_for_unknown_incident_is_still_queued(sqlite_archive) -> None:
    with sqlite_archive.session() as s:
        assert enqueue_event(s, make_event(incident_id=99), ["file"]) == 1
    (row,) = rows(sqlite_archive)
    assert row.incident_id is None and row.payload["incident_id"] == 99


def test_outage_then_recovery_delivers_everything_once_in_order(archive) -> None:
    """500s, then 429 with Retry-After, then a dropped connection, then Slack is back."""
    for incident in (1, 2):
        add_incident(archive, incident)
    clock = Clock()
    with FakeSlack() as slack:
        notifiers = {"slack": SlackBotNotifier("xoxb-t", "#alerts", base_url=slack.base_url)}
        slack.fail("500", "500", "503", "429:120", "drop")
        with archive.session() as s:
            for incident in (1, 2):
                enqueue_event(s, make_event("opened", incident_id=incident), ["slack"],
                              now=clock.at)
                enqueue_event(s, make_event("escalated", incident_id=incident, severity=2),
                              ["slack"], now=clock.at)
            enqueue_event(s, make_event("resolved", incident_id=1, severity=2), ["slack"],
                          now=clock.at)
        first = deliver_pending(archive, notifiers, clock.now, clock.sleep)
        assert first.sent == 0 and first.retried == 2  # one failure per incident; rest wait
        report = drain(archive, notifiers, clock.now, clock.sleep,
                       until=clock.at + timedelta(hours=2))
        final = rows(archive)
        top, messages = slack.top_level(), list(slack.messages)
    assert report.dead == 0 and all(r.status == "sent" for r in final)
    # 30 s backoff; then Retry-After 120 s holds the whole channel (incident 1's 60 s
    # backoff included); then the dropped connection's third-attempt backoff (120 s).
    assert clock.slept == [30.0, 120.0, 120.0]
    assert len(messages) == 5  # nothing lost, nothing twice
    assert len(top) == 2
    for opener in top:
        steps = [m.text.split()[0] for m in slack.replies(opener.ts)]
        incident = next(r for r in final if r.external_ref == opener.ts
                        and r.dedupe_key.endswith("opened:1")).payload["incident_id"]
        assert steps == ([":arrow_double_up:", ":white_check_mark:"] if incident == 1
                         else [":arrow_double_up:"])
    # run again after recovery: nothing more is sent
    assert deliver_pending(archive, notifiers, clock.now, clock.sleep).sent == 0
    assert sum(r.attempts for r in final) == 5 + 5


def test_backoff_doubles_and_respects_retry_after(sqlite_archive) -> None:
    clock = Clock()
    with FakeSlack() as slack:
        hook = {"slack": SlackWebhookNotifier(slack.webhook_url)}
        with sqlite_archive.session() as s:
            enqueue_event(s, make_event(), ["slack"], now=clock.at)
        waits = []
        for outcome in ("500", "500", "429:7"):
            slack.fail(outcome)
            start = clock.at
            deliver_pending(sqlite_archive, hook, clock.now, clock.sleep)
            (row,) = rows(sqlite_archive)
            waits.append((row.next_attempt_at - start).total_seconds())
            clock.at = row.next_attempt_at
    assert waits == [backoff_seconds(1), backoff_seconds(2), 7.0]
    assert waits[1] == 2 * waits[0]
    assert row.attempts == 3 and "rate limited" in (row.last_error or "")


class Broken:
    name = "slack"

    def __init__(self, permanent: bool = False) -> None:
        self.permanent = permanent
        self.calls = 0

    def send(self, delivery: Delivery) -> str | None:
        self.calls += 1
        raise DeliveryError("Slack is down", permanent=self.permanent)


def test_gives_up_after_max_attempts_with_a_clear_log(sqlite_archive, caplog) -> None:
    clock = Clock()
    broken = Broken()
    with sqlite_archive.session() as s:
        enqueue_event(s, make_event(), ["slack"], now=clock.at)
    with caplog.at_level(logging.ERROR, logger="alerts.outbox"):
        report = drain(sqlite_archive, {"slack": broken}, clock.now, clock.sleep,
                       until=clock.at + timedelta(days=2), max_attempts=4)
    (row,) = rows(sqlite_archive)
    assert (row.status, row.attempts, broken.calls, report.dead) == ("dead", 4, 4, 1)
    assert "giving up on slack:1:opened:1 after 4 attempts: Slack is down" in caplog.text


def test_permanent_error_is_dead_at_once_and_frees_the_queue(sqlite_archive, tmp_path) -> None:
    clock = Clock()
    with sqlite_archive.session() as s:
        enqueue_event(s, make_event("opened"), ["slack", "file"], now=clock.at)
        enqueue_event(s, make_event("escalated", severity=2), ["slack", "file"], now=clock.at)
    file = FileNotifier(tmp_path / "alerts.jsonl")
    report = deliver_pending(sqlite_archive, {"slack": Broken(permanent=True), "file": file},
                             clock.now, clock.sleep)
    assert (report.dead, report.sent) == (2, 2)  # other channels are not held back
    lines = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert len(lines) == 2 and '"file:1:opened:1"' in lines[0]


def test_missing_notifier_marks_dead(sqlite_archive) -> None:
    with sqlite_archive.session() as s:
        enqueue_event(s, make_event(), ["email"])
    assert deliver_pending(sqlite_archive, {}).dead == 1
    assert "no notifier configured" in (rows(sqlite_archive)[0].last_error or "")
