"""The SQLite fast path of store_posts: one driver-level executemany per batch.

Bulk import is bound by per-row Python work, and most of it is SQLAlchemy turning each
parameter dict into driver values. Here the values are built straight from Post, in exactly
the form SQLAlchemy stores them on SQLite (JSON text from json.dumps, times as naive-UTC
'YYYY-MM-DD HH:MM:SS.ffffff'), so rows read back through the ORM are the same either way
(tests/test_storage_posts.py and tests/test_archive_ingest.py read them back).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from storage.models import PostRow, utcnow

if TYPE_CHECKING:
    from storage.posts import Post

COLUMNS = (
    "platform", "native_id", "author_handle", "author_id", "text", "created_at", "reply_to",
    "conversation_id", "url", "lang", "hashtags", "mentions", "raw", "collected_at",
    "collector", "collector_version",
)
_SQL = (
    f"INSERT INTO {PostRow.__tablename__} ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(COLUMNS))}) ON CONFLICT (platform, native_id) DO NOTHING"
)


def _make_dumps() -> Callable[[Any], str]:
    """json.dumps with its default settings, minus building a new encoder on every call.

    Same output as json.dumps (ensure_ascii, ', ' and ': ' separators): json.dumps creates
    a C encoder per call, which is a large part of its cost on small objects.
    """
    if c_make_encoder is None:  # pragma: no cover - CPython always has the C encoder
        return json.dumps
    encoder = c_make_encoder(
        {}, json.JSONEncoder().default, encode_basestring_ascii, None, ": ", ", ",
        False, False, True,
    )

    def dumps(obj: Any) -> str:
        return "".join(encoder(obj, 0))

    return dumps


dumps = _make_dumps()
_lists: dict[tuple[str, ...], str] = {}


def sqlite_time(value: datetime) -> str:
    """How SQLAlchemy's UTCDateTime stores an aware datetime on SQLite."""
    if value.tzinfo is UTC:
        return value.isoformat(" ", "microseconds")[:-6]
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: civmon stores only timezone-aware times")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _list_json(values: tuple[str, ...]) -> str:
    """JSON of a hashtag or mention list; the same few lists recur, so they are cached."""
    text = _lists.get(values)
    if text is None:
        if len(_lists) > 50_000:
            _lists.clear()
        text = _lists[values] = dumps(list(values))
    return text


def insert_sqlite(session: Session, posts: Sequence[Post]) -> int:
    """INSERT .. ON CONFLICT DO NOTHING every post; return how many rows were new."""
    now = sqlite_time(utcnow())
    rows = [
        (
            p.platform, p.native_id, p.author_handle, p.author_id, p.text,
            sqlite_time(p.created_at), p.reply_to, p.conversation_id, p.url, p.lang,
            _list_json(p.hashtags), _list_json(p.mentions), dumps(p.raw),
            sqlite_time(p.collected_at) if p.collected_at else now,
            p.collector, p.collector_version,
        )
        for p in posts
    ]
    cursor = session.connection().exec_driver_sql(_SQL, rows)
    return int(cursor.rowcount)


_PG_SQL = (
    f"INSERT INTO {PostRow.__tablename__} ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
    "ON CONFLICT (platform, native_id) DO NOTHING RETURNING id"
)


def insert_postgresql(session: Session, posts: Sequence[Post]) -> int:
    """The PostgreSQL path: psycopg's pipelined executemany of one short prepared INSERT.

    A multi-row VALUES statement of a whole batch is re-parsed by the server each time
    (its text differs with the batch size); one row's INSERT is prepared once. psycopg
    reports no rowcount for executemany, so RETURNING tells which rows were new.
    """
    import psycopg
    from psycopg.types.json import Json

    now = utcnow()
    rows = [
        (
            p.platform, p.native_id, p.author_handle, p.author_id, p.text, p.created_at,
            p.reply_to, p.conversation_id, p.url, p.lang, Json(list(p.hashtags)),
            Json(list(p.mentions)), Json(p.raw), p.collected_at or now, p.collector,
            p.collector_version,
        )
        for p in posts
    ]
    for p in posts:
        if p.created_at.tzinfo is None:
            raise ValueError(f"naive datetime {p.created_at!r}: civmon stores only aware times")
    driver = session.connection().connection.dbapi_connection
    assert isinstance(driver, psycopg.Connection)  # the psycopg (3) dialect: see storage.db
    with driver.cursor() as cursor:
        cursor.executemany(_PG_SQL, rows, returning=True)
        inserted = 0
        while True:
            inserted += len(cursor.fetchall())
            if not cursor.nextset():
                break
    return inserted
