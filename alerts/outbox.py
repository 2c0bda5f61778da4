"""The outbox: every notification is a row first, and is delivered from there.

Why: Slack (or SMTP, or a webhook) may be down for an hour during a pile-on. Publishing an
event only writes one row per configured channel (`enqueue_event`), in the database the
incident lives in; `deliver_pending` sends what is due, in order per incident and channel,
and marks each row sent. Nothing is lost while a service is down, and a unique
`dedupe_key` ("<channel>:<incident>:<step>:<severity>") means that publishing the same
step twice (a replay, a restart) queues it once.

Retries: 429 waits exactly as long as Retry-After says; 5xx, timeouts and connection errors
back off exponentially (30 s, 60 s, ... capped at one hour). A row that fails
`max_attempts` times, or fails permanently (bad token, unknown channel), is marked `dead`
with its last error, and logged at ERROR level; `civmon`'s operators see it there.

Delivery guarantee, honestly: a row is marked sent in its own short transaction right
after the service accepted it. If the process dies in that gap (milliseconds), or a
timeout hides a success, the message is sent again on restart: at-least-once with a tiny
window, never lost. Run one delivery worker per database (the scheduler's lock does so).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from alerts.errors import DeliveryError
from alerts.events import IncidentEvent
from alerts.notifiers.base import Delivery, Notifier
from storage import Archive
from storage.models import IncidentRow, OutboxRow, utcnow

log = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 30.0
BACKOFF_CAP_SECONDS = 3600.0
MAX_ATTEMPTS = 8


def dedupe_key(channel: str, event: IncidentEvent) -> str:
    return f"{channel}:{event.incident_id}:{event.step}:{event.severity}"


def _insert(session: Session, values: dict[str, Any]) -> bool:
    """Insert one outbox row unless its dedupe_key exists; True if it was inserted."""
    table = OutboxRow.__table__
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    stmt = module.insert(table).values(**values).on_conflict_do_nothing(
        index_elements=["dedupe_key"])
    result: Any = session.execute(stmt)  # a CursorResult: it has rowcount
    return bool(result.rowcount)


def enqueue_event(session: Session, event: IncidentEvent, channels: Iterable[str],
                  *, now: datetime | None = None) -> int:
    """Queue `event` once per channel; returns how many rows were new. Does not commit."""
    now = now or utcnow()
    known = session.get(IncidentRow, event.incident_id) is not None
    added = 0
    for channel in channels:
        added += _insert(session, {
            "channel": channel, "dedupe_key": dedupe_key(channel, event),
            "incident_id": event.incident_id if known else None,
            "payload": {"type": "incident", "incident_id": event.incident_id,
                        "event": event.as_json()},
            "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
        })
    return added


def enqueue_digest(session: Session, summary: dict[str, Any], channels: Iterable[str],
                   *, now: datetime | None = None) -> int:
    """Queue the day's digest summary once per channel (key "<channel>:digest:<day>")."""
    now = now or utcnow()
    return sum(_insert(session, {
        "channel": channel, "dedupe_key": f"{channel}:digest:{summary['day']}",
        "incident_id": None, "payload": {"type": "digest", "summary": summary},
        "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
    }) for channel in channels)


class OutboxSubscriber:
    """An EventBus subscriber that queues each event for every configured channel."""

    def __init__(self, archive: Archive, channels: Iterable[str]) -> None:
        self.archive = archive
        self.channels = tuple(channels)

    def __call__(self, event: IncidentEvent) -> None:
        with self.archive.session() as session:
            enqueue_event(session, event, self.channels)


@dataclass
class DeliveryReport:
    """What one `deliver_pending` pass did."""

    sent: int = 0
    retried: int = 0
    dead: int = 0
    skipped: int = 0
    next_due: datetime | None = None
    errors: list[str] = field(default_factory=list)


def backoff_seconds(attempts: int) -> float:
    """Delay before the next try after `attempts` failures: 30 s doubling, capped at 1 h."""
    return min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1))


def _group(row: OutboxRow) -> tuple[str, Any]:
    """Rows in one group are delivered strictly in order (one incident on one channel)."""
    incident = (row.payload or {}).get("incident_id", row.incident_id)
    return (row.channel, incident if incident is not None else f"row{row.id}")


def _thread_ref(session: Session, row: OutboxRow) -> str | None:
    """External ref of the first delivered message of the same incident on this channel."""
    incident = (row.payload or {}).get("incident_id")
    if incident is None:
        return None
    query = (select(OutboxRow.external_ref, OutboxRow.payload)
             .where(OutboxRow.channel == row.channel, OutboxRow.status == "sent",
                    OutboxRow.external_ref.is_not(None), OutboxRow.id < row.id)
             .order_by(OutboxRow.id))
    if row.incident_id is not None:  # indexed; rows of unknown incidents scan the channel
        query = query.where(OutboxRow.incident_id == row.incident_id)
    refs = session.execute(query)
    for ref, payload in refs:
        if (payload or {}).get("incident_id") == incident:
            return str(ref)
    return None


def deliver_pending(
    archive: Archive,
    notifiers: Mapping[str, Notifier],
    now: Callable[[], datetime] = utcnow,
    sleep: Callable[[float], None] = time.sleep,
    *,
    max_attempts: int = MAX_ATTEMPTS,
    pace_seconds: float = 0.0,
    limit: int = 500,
) -> DeliveryReport:
    """Send every due pending row once; mark it sent, reschedule it, or mark it dead.

    Within one incident on one channel, a row waits until the rows before it are sent (or
    dead), so an escalation never arrives before its opening alert. A 429 pauses the whole
    channel until its Retry-After. `sleep(pace_seconds)` spaces successive sends (Slack
    asks for about one message per second per channel).
    """
    report = DeliveryReport()
    with archive.session() as session:
        rows = list(session.scalars(
            select(OutboxRow).where(OutboxRow.status == "pending").order_by(OutboxRow.id)
            .limit(limit)))
    blocked_groups: set[tuple[str, Any]] = set()
    paused_channels: dict[str, datetime] = {}  # channel -> its Retry-After time
    waiting: list[tuple[str, datetime]] = []  # (channel, when) of rows not yet due
    for row in rows:
        group = _group(row)
        due = row.next_attempt_at <= now()
        if group in blocked_groups or row.channel in paused_channels or not due:
            blocked_groups.add(group)
            report.skipped += 1
            if not due:  # rows merely waiting behind another are not due on their own
                waiting.append((row.channel, row.next_attempt_at))
            continue
        notifier = notifiers.get(row.channel)
        if notifier is None:
            error = f"no notifier configured for channel {row.channel!r}"
            log.error("outbox: giving up on %s: %s", row.dedupe_key, error)
            _finish(archive, row, "dead", now(), error=error)
            report.dead += 1
            continue
        if report.sent and pace_seconds:
            sleep(pace_seconds)
        outcome = _attempt(archive, row, notifier, now, max_attempts)
        if outcome == "sent":
            report.sent += 1
            continue
        blocked_groups.add(group)
        report.errors.append(f"{row.dedupe_key}: {row.last_error}")
        if outcome == "dead":
            report.dead += 1
            blocked_groups.discard(group)  # a dead row no longer holds the others back
        else:
            report.retried += 1
            if outcome == "wait":  # the service named a time: the whole channel waits
                paused_channels[row.channel] = row.next_attempt_at
            waiting.append((row.channel, row.next_attempt_at))
    report.next_due = min((max(when, paused_channels.get(channel, when))
                           for channel, when in waiting), default=None)
    return report


def _attempt(archive: Archive, row: OutboxRow, notifier: Notifier,
             now: Callable[[], datetime], max_attempts: int) -> str:
    """One try of one row: 'sent', 'retry', 'wait' (retry after the service's Retry-After)
    or 'dead'. Updates `row` to match the table."""
    with archive.session() as session:
        thread = _thread_ref(session, row)
    delivery = Delivery(channel=row.channel, dedupe_key=row.dedupe_key, payload=row.payload,
                        thread_ref=thread, first_attempt=row.attempts == 0)
    try:
        ref = notifier.send(delivery)
    except DeliveryError as exc:
        return _failed(archive, row, exc, now(), max_attempts)
    except Exception as exc:  # a notifier bug must not stop the other channels
        log.exception("notifier %s crashed on %s", row.channel, row.dedupe_key)
        error = DeliveryError(f"{type(exc).__name__}: {exc}")
        return _failed(archive, row, error, now(), max_attempts)
    _finish(archive, row, "sent", now(), ref=ref)
    return "sent"


def _failed(archive: Archive, row: OutboxRow, exc: DeliveryError, at: datetime,
            max_attempts: int) -> str:
    attempts = row.attempts + 1
    if exc.permanent or attempts >= max_attempts:
        why = "a permanent error" if exc.permanent else f"{attempts} attempts"
        log.error("outbox: giving up on %s after %s: %s", row.dedupe_key, why, exc.message)
        _finish(archive, row, "dead", at, error=exc.message, attempts=attempts)
        return "dead"
    wait = exc.retry_after if exc.retry_after is not None else backoff_seconds(attempts)
    next_at = at + timedelta(seconds=wait)
    log.warning("outbox: %s failed (attempt %d), retrying at %s: %s",
                row.dedupe_key, attempts, next_at.isoformat(timespec="seconds"), exc.message)
    _finish(archive, row, "pending", at, error=exc.message, attempts=attempts, next_at=next_at)
    if exc.retry_after is None:
        return "retry"
    with archive.session() as session:  # the service's wait applies to the whole channel
        session.execute(update(OutboxRow).where(
            OutboxRow.channel == row.channel, OutboxRow.status == "pending",
            OutboxRow.next_attempt_at < next_at).values(next_attempt_at=next_at))
    return "wait"


def _finish(archive: Archive, row: OutboxRow, status: str, at: datetime, *,
            error: str | None = None, ref: str | None = None, attempts: int | None = None,
            next_at: datetime | None = None) -> None:
    """Record the outcome in one short transaction, guarded on the row still pending."""
    values: dict[str, Any] = {"status": status}
    if status == "sent":
        values.update(sent_at=at, attempts=row.attempts + 1, external_ref=ref, last_error=None)
    else:
        values.update(last_error=error, attempts=attempts if attempts is not None else row.attempts)
        if next_at is not None:
            values["next_attempt_at"] = next_at
    with archive.session() as session:
        session.execute(update(OutboxRow).where(OutboxRow.id == row.id,
                                                OutboxRow.status == "pending").values(**values))
    for key, value in values.items():
        setattr(row, key, value)


def drain(archive: Archive, notifiers: Mapping[str, Notifier],
          now: Callable[[], datetime] = utcnow, sleep: Callable[[float], None] = time.sleep,
          *, until: datetime, **options: Any) -> DeliveryReport:
    """Deliver repeatedly, sleeping until the next due row, until nothing is pending or
    `until` has passed. For the demo and tests; the scheduler calls deliver_pending."""
    total = DeliveryReport()
    while True:
        report = deliver_pending(archive, notifiers, now, sleep, **options)
        total.sent += report.sent
        total.retried += report.retried
        total.dead += report.dead
        total.errors += report.errors
        total.next_due = report.next_due
        if report.next_due is None or report.next_due > until:
            return total
        sleep(max(0.0, (report.next_due - now()).total_seconds()))
