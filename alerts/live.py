"""Detection in the live service: the same Detector as replay, fed from the archive.

`detection_job` returns the scheduler's periodic pass: read the posts labelled since the
last pass (classification rows, oldest post first), feed them to one long-lived Detector,
and save the open incidents. On its first pass after a (re)start it warms up: the last
`warmup_hours` of labelled posts rebuild the baselines and windows without opening or
publishing anything, and the open incidents come back from the `incidents` table, so a
restart neither forgets what normal looks like nor opens a second incident.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from alerts.detector import Detector
from alerts.errors import AlertError
from alerts.events import EventBus
from alerts.incidents import IncidentStore
from alerts.replay import PostLabel, feed
from civmon.config import Config
from storage import Archive, Post
from storage.models import ClassificationRow, PostRow

log = logging.getLogger("civmon.alerts")
BATCH = 2000


Row = tuple[int, Post, PostLabel, int]  # classification id, post, label, post id


def _labelled_since(archive: Archive, after_id: int, limit: int) -> list[Row]:
    """(classification id, post, label, post id) for rows after `after_id`, by row id."""
    query = (
        select(ClassificationRow, PostRow).join(PostRow, PostRow.id == ClassificationRow.post_id)
        .where(ClassificationRow.id > after_id).order_by(ClassificationRow.id).limit(limit)
    )
    with archive.session() as session:
        rows = session.execute(query).all()
    return [
        (c.id, Post.from_row(p), PostLabel(c.label, c.target, c.scores or {}, c.attack_sentence,
                                           c.target_kind), p.id)
        for c, p in rows
    ]


def _pages(archive: Archive, after_id: int) -> Iterator[list[Row]]:
    while True:
        page = _labelled_since(archive, after_id, BATCH)
        if not page:
            return
        after_id = page[-1][0]
        yield page


def _start_id(archive: Archive, warmup: timedelta) -> int:
    """The classification id to warm up from: the first one on a post of the last hours."""
    with archive.session() as session:
        newest = session.scalar(select(func.max(PostRow.created_at)))
        if newest is None:
            return 0
        first = session.scalar(
            select(func.min(ClassificationRow.id)).join(
                PostRow, PostRow.id == ClassificationRow.post_id
            ).where(PostRow.created_at >= newest - warmup)
        )
    return (first or 1) - 1


def detection_job(config: Config, archive: Archive, bus: EventBus,
                  warmup_hours: float = 6.0) -> Callable[[], int]:
    """A no-argument pass for the scheduler; returns how many labelled posts it read."""
    detector = Detector(config.alerts.rules, bus, IncidentStore(archive),
                        config.watched_aliases())
    state: dict[str, int] = {}

    def feed_page(page: list[Row], learn_only: bool) -> None:
        rows = sorted(page, key=lambda row: row[1].created_at)
        feed(detector, [row[1] for row in rows], [row[2] for row in rows],
             [row[3] for row in rows], learn_only=learn_only)
        state["cursor"] = max(state.get("cursor", 0), max(row[0] for row in page))

    def run() -> int:
        try:
            if "cursor" not in state:
                state["cursor"] = _start_id(archive, timedelta(hours=warmup_hours))
                with archive.session() as session:
                    live_from = session.scalar(select(func.max(ClassificationRow.id))) or 0
                warmed = 0
                for page in _pages(archive, state["cursor"]):
                    page = [row for row in page if row[0] <= live_from]
                    if not page:
                        break
                    feed_page(page, learn_only=True)
                    warmed += len(page)
                state["cursor"] = live_from
                log.info("detection warmed up on %d labelled post(s)", warmed)
            read = 0
            for page in _pages(archive, state["cursor"]):
                feed_page(page, learn_only=False)
                read += len(page)
            detector.flush()
            return read
        except SQLAlchemyError as exc:
            raise AlertError(f"detection could not read labelled posts: {exc}",
                             "is the database reachable?") from None

    return run
