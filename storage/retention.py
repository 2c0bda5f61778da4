"""Forgetting old posts: `storage.retention_days` bounds how long the archive keeps them.

Posts older than the limit are deleted with everything that hangs off them (labels,
edits, feedback); incidents and the outbox keep their own counts and are not touched.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from storage.db import Archive
from storage.models import ClassificationRow, FeedbackRow, PostEditRow, PostRow, utcnow

BATCH = 5_000


def purge_older_than(archive: Archive, days: int, now: datetime | None = None) -> int:
    """Delete posts created more than `days` days ago, in batches; return how many."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    removed = 0
    while True:
        with archive.session() as session:
            ids = list(session.scalars(
                select(PostRow.id).where(PostRow.created_at < cutoff).limit(BATCH)))
            if not ids:
                return removed
            for child in (ClassificationRow, PostEditRow, FeedbackRow):
                session.execute(delete(child).where(child.post_id.in_(ids)))
            session.execute(delete(PostRow).where(PostRow.id.in_(ids)))
        removed += len(ids)
