"""One collection round: fetch -> map -> store posts + advance cursor in ONE transaction.

For each query of a source: read its cursor, fetch a page through the retry policy, map
every raw item with the collector's pure `to_post` (items that fail go to the quarantine
table with the reason), then store the posts, the quarantined items and the next cursor in
a single commit. A crash anywhere before that commit leaves the old cursor, so the page is
fetched again and store_posts' upsert makes the retry exact: nothing lost, nothing twice.

When the retry policy gives up (5xx, timeouts, 429 beyond its budget) the round for that
source stops; what was committed stays, the next round resumes from the stored cursor.
SourceDisabled (401/403) marks the source disabled for the rest of the process.
"""

from __future__ import annotations

import json
import logging
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civmon.config import Config
from collectors.base import Batch, Collector, MalformedItem
from collectors.errors import CollectorError, SourceDisabled
from collectors.registry import collector_class
from collectors.retry import RetryPolicy
from storage import Archive, Post, store_posts
from storage.models import CursorRow, QuarantineRow, utcnow
from storage.replies import resolve_parents

log = logging.getLogger("civmon.collect")

# Test hook: SIGKILL this process after the Nth fetch of a round, before its commit.
KILL_HOOK_ENV = "CIVMON_TEST_KILL_AFTER_FETCH"
MAX_REPEATS = 3
_fetches = 0


@dataclass
class SourceReport:
    """What one round of one source did; `error` is set when the round gave up."""

    source: str
    fetched: int = 0
    new: int = 0
    duplicate: int = 0
    edited: int = 0
    quarantined: int = 0
    cursors: dict[str, str | None] = field(default_factory=dict)
    error: str | None = None
    disabled: bool = False

    def line(self) -> str:
        cursor = "; ".join(f"{q}={c}" for q, c in self.cursors.items()) or "-"
        head = (f"{self.source}: fetched {self.fetched}, new {self.new}, duplicate "
                f"{self.duplicate}, edited {self.edited}, quarantined {self.quarantined}, "
                f"next cursor {cursor}")
        return head + (f" (round ended early: {self.error})" if self.error else "")


def enabled_collectors(
    config: Config, only: str | None = None
) -> tuple[list[Collector], list[str]]:
    """The collectors to run, and one line per source skipped (and why)."""
    sections = config.sources.model_dump()
    names = [only] if only else [n for n, s in sections.items() if s.get("enabled")]
    collectors: list[Collector] = []
    skipped: list[str] = []
    for name in names:
        missing = config.missing_for(f"sources.{name}")
        if missing:
            skipped.append(f"{name}: disabled, environment variable "
                           f"{', '.join(v for _, v in missing)} is not set")
            continue
        try:
            collectors.append(collector_class(name)(config))
        except KeyError as exc:
            skipped.append(f"{name}: {exc.args[0]}")
        except SourceDisabled as exc:
            hint = f" ({exc.hint})" if exc.hint else ""
            skipped.append(f"{name}: disabled, {exc.message}{hint}")
    return collectors, skipped


def read_cursor(archive: Archive, source: str, query: str) -> str | None:
    with archive.session() as session:
        row = session.execute(select(CursorRow.value).where(
            CursorRow.source == source, CursorRow.query == query)).first()
    return row[0] if row else None


def map_items(collector: Collector, batch: Batch) -> tuple[list[Post], list[tuple[str, str]]]:
    """Pure part of a round: raw items -> posts, plus (reason, raw) for each bad item."""
    posts: list[Post] = []
    bad = list(batch.rejected)
    for raw in batch.items:
        try:
            mapped: Any = collector.to_post(raw)
            for post in mapped if isinstance(mapped, list) else [mapped]:
                if post.created_at.tzinfo is None:
                    raise MalformedItem("created_at has no time zone")
                posts.append(post)
        except MalformedItem as exc:
            bad.append((exc.message, _dump(raw)))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            bad.append((f"cannot map item: {exc.__class__.__name__}: {exc}", _dump(raw)))
    return posts, bad


def _dump(raw: Any) -> str:
    try:
        return json.dumps(raw, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(raw)


def _kill_hook() -> None:
    global _fetches
    _fetches += 1
    if os.environ.get(KILL_HOOK_ENV) == str(_fetches):
        os.kill(os.getpid(), signal.SIGKILL)


def commit_batch(archive: Archive, source: str, query: str, posts: Iterable[Post],
                 bad: list[tuple[str, str]], next_cursor: str | None) -> Any:
    """Posts, quarantined items and the new cursor, in one transaction. A `reply_to`
    holding a parent post's id (the files source's exports) becomes the parent's author,
    as in `civmon ingest` and `civmon replay` (`storage.replies`)."""
    with archive.session() as session:
        result = store_posts(session, resolve_parents(session, list(posts)))
        _quarantine(session, source, bad)
        session.merge(CursorRow(source=source, query=query, value=next_cursor, updated_at=utcnow()))
    return result


def _quarantine(session: Session, source: str, bad: list[tuple[str, str]]) -> None:
    """Quarantine bad items, once each: an item seen again (overlapping pages, a re-read
    file) is not added twice."""
    if not bad:
        return
    known = set(session.scalars(select(QuarantineRow.raw).where(
        QuarantineRow.source == source, QuarantineRow.raw.in_([raw for _, raw in bad]))))
    for reason, raw in bad:
        if raw not in known:
            session.add(QuarantineRow(source=source, reason=reason, raw=raw))
            known.add(raw)


def run_source(archive: Archive, collector: Collector, policy: RetryPolicy,
               stop: Callable[[], bool] = lambda: False) -> SourceReport:
    """One round of one source over all its queries."""
    report = SourceReport(collector.name)
    try:
        for query in collector.queries():
            if stop():
                break
            _run_query(archive, collector, policy, query, report, stop)
    except SourceDisabled as exc:
        report.disabled, report.error = True, exc.message + (f" ({exc.hint})" if exc.hint else "")
    except CollectorError as exc:
        report.error = exc.message
    return report


def _run_query(archive: Archive, collector: Collector, policy: RetryPolicy, query: str,
               report: SourceReport, stop: Callable[[], bool]) -> None:
    cursor = read_cursor(archive, collector.name, query)
    repeats: Counter[str | None] = Counter()
    while True:
        batch = policy.call(partial(collector.fetch, query, cursor), collector.name)
        _kill_hook()
        posts, bad = map_items(collector, batch)
        result = commit_batch(archive, collector.name, query, posts, bad, batch.next_cursor)
        report.fetched += len(batch.items) + len(batch.rejected)
        report.new += result.new
        report.duplicate += result.duplicate
        report.edited += result.edited
        report.quarantined += len(bad)
        report.cursors[query] = batch.next_cursor
        repeats[batch.next_cursor] += 1
        if repeats[batch.next_cursor] >= MAX_REPEATS:
            log.warning("%s: %s returned the same cursor %d times; ending this round",
                        collector.name, query, MAX_REPEATS)
            break
        if not batch.more or stop():
            break
        cursor = batch.next_cursor


def run_round(archive: Archive, collectors: Iterable[Collector], policy: RetryPolicy | None = None,
              stop: Callable[[], bool] = lambda: False) -> list[SourceReport]:
    """One round of every collector given, in order."""
    global _fetches
    _fetches = 0
    policy = policy or RetryPolicy()
    return [run_source(archive, c, policy, stop) for c in collectors]
