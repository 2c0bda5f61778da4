"""Reading the archive for researchers: filtered, streamed post rows and summary counts.

`stream_posts` yields plain rows in (created_at, id) order with server-side cursors and
batched fetches, so an export of millions of posts runs in constant memory. Each row carries
the post's *latest* classification (the highest classifications.id for the post), or None.
JSON columns come back as their JSON text and created_at as ISO 8601 text: the export
writes them out without parsing and re-encoding each value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, Text, and_, cast, func, or_, select, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from storage.db import Archive
from storage.models import ClassificationRow, PostRow

FETCH = 5000


@dataclass(frozen=True)
class PostFilter:
    """Which posts to read; every given criterion must hold, values within one are OR-ed."""

    since: datetime | None = None  # created_at >= since
    until: datetime | None = None  # created_at < until
    platforms: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()  # with or without '#', any case
    authors: tuple[str, ...] = ()  # with or without '@', any case
    labels: tuple[str, ...] = ()  # latest classification's label
    targets: tuple[str, ...] = ()  # latest classification's target, any case
    text_contains: str | None = None  # case-insensitive substring


def latest_classification() -> Any:
    """Subquery: post_id, label, target, model_version of each post's newest label."""
    newest = select(func.max(ClassificationRow.id)).group_by(ClassificationRow.post_id)
    return (
        select(
            ClassificationRow.post_id,
            ClassificationRow.label,
            ClassificationRow.target,
            ClassificationRow.model_version,
        )
        .where(ClassificationRow.id.in_(newest))
        .subquery("latest")
    )


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _handle_variants(values: tuple[str, ...], prefix: str) -> list[str]:
    out: list[str] = []
    for value in values:
        bare = value.strip().lstrip(prefix).lower()
        out += [bare, prefix + bare]
    return out


def _conditions(flt: PostFilter, latest: Any) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.since is not None:
        where.append(PostRow.created_at >= flt.since)
    if flt.until is not None:
        where.append(PostRow.created_at < flt.until)
    if flt.platforms:
        where.append(PostRow.platform.in_([p.lower() for p in flt.platforms]))
    if flt.authors:
        where.append(func.lower(PostRow.author_handle).in_(_handle_variants(flt.authors, "@")))
    if flt.hashtags:
        tags_text = func.lower(cast(PostRow.hashtags, Text))
        where.append(or_(*(
            tags_text.like(_like(json.dumps(tag)), escape="\\")
            for tag in _handle_variants(flt.hashtags, "#")
        )))
    if flt.labels:
        where.append(latest.c.label.in_(list(flt.labels)))
    if flt.targets:
        where.append(func.lower(latest.c.target).in_(_handle_variants(flt.targets, "@")))
    if flt.text_contains:
        where.append(func.lower(PostRow.text).like(_like(flt.text_contains.lower()), escape="\\"))
    return where


def _iso_created_at(dialect: str) -> Any:
    """created_at as ISO 8601 text in UTC ('2026-10-01T08:00:00.000000+00:00'), made by the
    database: cheaper than a Python datetime per row, and the same on both backends."""
    if dialect == "sqlite":  # stored as 'YYYY-MM-DD HH:MM:SS.ffffff', already UTC
        return func.replace(type_coerce(PostRow.created_at, String), " ", "T").concat("+00:00")
    return func.to_char(
        func.timezone("UTC", PostRow.created_at), 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'
    )


def posts_query(flt: PostFilter, dialect: str) -> Select[*tuple[Any, ...]]:
    """The SELECT behind stream_posts; JSON columns as their text, created_at as ISO text."""
    latest = latest_classification()
    created = _iso_created_at(dialect)
    return (
        select(
            PostRow.platform, PostRow.native_id, PostRow.author_handle, PostRow.author_id,
            PostRow.text, created.label("created_at"), PostRow.reply_to,
            PostRow.conversation_id, PostRow.url, PostRow.lang,
            cast(PostRow.hashtags, Text).label("hashtags"),
            cast(PostRow.mentions, Text).label("mentions"),
            cast(PostRow.raw, Text).label("raw"),
            latest.c.label, latest.c.target, latest.c.model_version.label("label_model"),
        )
        .outerjoin(latest, latest.c.post_id == PostRow.id)
        .where(and_(True, *_conditions(flt, latest)))
        .order_by(PostRow.created_at, PostRow.id)
    )


def stream_posts(archive: Archive, flt: PostFilter) -> Iterator[tuple[Any, ...]]:
    """Rows of posts_query as tuples, FETCH at a time, in constant memory.

    PostgreSQL: a server-side cursor (stream_results). SQLite: its cursor already steps
    lazily, so after SQLAlchemy has bound the parameters through the column types, the rows
    are read straight from the driver's cursor. Every selected column is text there, so
    SQLAlchemy's result processing would add nothing but a Row per post, which halves
    export speed.
    """
    stmt = posts_query(flt, archive.dialect)
    with archive.engine.connect() as conn:
        if archive.dialect != "sqlite":
            result = conn.execution_options(stream_results=True, yield_per=FETCH).execute(stmt)
            for part in result.partitions():
                yield from part
            return
        result = conn.execute(stmt)  # no prefetching: the DBAPI cursor is still whole
        cursor = result.cursor
        try:
            while rows := cursor.fetchmany(FETCH):
                yield from rows
        finally:
            result.close()


def stream_jsonl_lines(archive: Archive, flt: PostFilter) -> Iterator[str]:
    """SQLite only: each post as its canonical JSON line, built by SQLite's json_object.

    The same keys, order and values as civmon.export's Python writer, with no Python work
    per row: JSONL export then runs at the speed SQLite reads. PostgreSQL uses stream_posts.
    """
    query = (posts_query(flt, "sqlite")
             .add_columns(PostRow.id.label("post_id"), PostRow.created_at.label("sort_at"))
             .order_by(None).subquery("p"))
    c = query.c
    pairs: list[Any] = []
    for key, column in (
        ("id", c.native_id), ("platform", c.platform), ("author", c.author_handle),
        ("author_id", c.author_id), ("text", c.text), ("created_at", c.created_at),
        ("reply_to", c.reply_to), ("conversation_id", c.conversation_id), ("url", c.url),
        ("lang", c.lang), ("hashtags", func.json(func.coalesce(c.hashtags, "[]"))),
        ("mentions", func.json(func.coalesce(c.mentions, "[]"))),
        ("raw", func.json(func.coalesce(c.raw, "{}"))), ("label", c.label),
        ("target", c.target), ("label_model", c.label_model),
    ):
        pairs += [key, column]
    # A subquery's ORDER BY is not binding on the outer query: order again, by the same keys.
    stmt = select(func.json_object(*pairs)).order_by(c.sort_at, c.post_id)
    with archive.engine.connect() as conn:
        cursor = conn.execute(stmt).cursor
        while rows := cursor.fetchmany(FETCH):
            yield from (row[0] for row in rows)
