"""storage.retention_days: old posts go, with their labels; recent ones stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from storage import Post, store_posts
from storage.models import ClassificationRow, PostRow
from storage.retention import purge_older_than

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def test_purge_removes_only_posts_past_the_limit_and_their_labels(archive) -> None:
    posts = [
        Post(platform="x", native_id=str(age), author_handle="a", text=f"{age} days old",
             created_at=NOW - timedelta(days=age), collector="t", collector_version="1")
        for age in (1, 10, 400, 800)
    ]
    with archive.session() as s:
        store_posts(s, posts)
        for row in s.scalars(select(PostRow)):
            s.add(ClassificationRow(post_id=row.id, model_version="m", label="other",
                                    scores={"other": 1.0}))
    removed = purge_older_than(archive, 365, now=NOW)
    with archive.session() as s:
        left = sorted(s.scalars(select(PostRow.native_id)))
        labels = s.scalar(select(func.count()).select_from(ClassificationRow))
    assert removed == 2
    assert left == ["1", "10"]
    assert labels == 2
