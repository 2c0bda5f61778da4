"""Summary counts of the archive for `civmon stats`: by platform, by day, by label, and the
most-named targets, each over the posts a PostFilter selects.

Labels and targets are the post's latest classification (see storage.query); posts not yet
classified count under the label "unclassified".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, and_, case, cast, func, select

from storage.db import Archive
from storage.models import PostRow
from storage.query import PostFilter, _conditions, latest_classification


def _day(dialect: str) -> Any:
    if dialect == "sqlite":
        return func.substr(cast(PostRow.created_at, String), 1, 10)
    return func.to_char(func.timezone("UTC", PostRow.created_at), "YYYY-MM-DD")


def archive_stats(archive: Archive, flt: PostFilter | None = None, top: int = 10) -> dict[str, Any]:
    """{'total', 'by_platform', 'by_day', 'by_label', 'top_targets'} for the filtered posts."""
    flt = flt or PostFilter()
    latest = latest_classification()
    where = and_(True, *_conditions(flt, latest))
    base = select().select_from(PostRow).outerjoin(latest, latest.c.post_id == PostRow.id)
    base = base.where(where)
    count = func.count()

    def grouped(column: Any, *, order_by_count: bool = False, limit: int | None = None) -> Any:
        stmt = base.add_columns(column.label("key"), count.label("n")).group_by(column)
        stmt = stmt.order_by(count.desc(), column) if order_by_count else stmt.order_by(column)
        return stmt.limit(limit) if limit else stmt

    label = func.coalesce(latest.c.label, "unclassified")
    attacks = func.sum(case((latest.c.label == "attack", 1), else_=0))
    targets = (
        base.add_columns(latest.c.target, count.label("n"), attacks.label("attacks"))
        .where(latest.c.target.is_not(None))
        .group_by(latest.c.target)
        .order_by(count.desc(), latest.c.target)
        .limit(top)
    )
    with archive.engine.connect() as conn:
        total = conn.execute(base.add_columns(count)).scalar_one()
        by_platform = dict(conn.execute(grouped(PostRow.platform, order_by_count=True)).all())
        by_day = dict(conn.execute(grouped(_day(archive.dialect))).all())
        by_label = dict(conn.execute(grouped(label, order_by_count=True)).all())
        top_targets = [
            {"target": t, "posts": n, "attacks": int(a or 0)} for t, n, a in conn.execute(targets)
        ]
    return {
        "total": total,
        "by_platform": by_platform,
        "by_day": by_day,
        "by_label": by_label,
        "top_targets": top_targets,
    }
