"""The normalised post, and storing posts exactly once.

`Post` is the contract between every producer (collectors, file import) and the archive.
`store_posts` is an idempotent upsert: a post already in the archive (same platform and
native id) is counted as a duplicate and left as it was, except that changed text is
recorded as an edit. Callers control the transaction, so a collector can advance its
cursor in the same commit that stores the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.bulk import insert_postgresql, insert_sqlite
from storage.models import PostEditRow, PostRow, utcnow


@dataclass(frozen=True, slots=True)
class Post:
    """One public post as civmon stores it. `raw` keeps the source's own JSON."""

    platform: str
    native_id: str
    author_handle: str
    text: str
    created_at: datetime
    collector: str
    collector_version: str
    author_id: str | None = None
    reply_to: str | None = None
    conversation_id: str | None = None
    url: str | None = None
    lang: str | None = None
    hashtags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)
    collected_at: datetime | None = None

    def row_values(self) -> dict[str, Any]:
        """Column values for the posts table."""
        return {
            "platform": self.platform,
            "native_id": self.native_id,
            "author_handle": self.author_handle,
            "author_id": self.author_id,
            "text": self.text,
            "created_at": self.created_at,
            "reply_to": self.reply_to,
            "conversation_id": self.conversation_id,
            "url": self.url,
            "lang": self.lang,
            "hashtags": list(self.hashtags),
            "mentions": list(self.mentions),
            "raw": self.raw,
            "collected_at": self.collected_at or utcnow(),
            "collector": self.collector,
            "collector_version": self.collector_version,
        }

    @classmethod
    def from_row(cls, row: PostRow) -> Post:
        return cls(
            platform=row.platform,
            native_id=row.native_id,
            author_handle=row.author_handle,
            author_id=row.author_id,
            text=row.text,
            created_at=row.created_at,
            reply_to=row.reply_to,
            conversation_id=row.conversation_id,
            url=row.url,
            lang=row.lang,
            hashtags=tuple(row.hashtags or ()),
            mentions=tuple(row.mentions or ()),
            raw=row.raw or {},
            collected_at=row.collected_at,
            collector=row.collector,
            collector_version=row.collector_version,
        )


@dataclass(slots=True)
class StoreResult:
    """What one store_posts call did."""

    new: int = 0
    duplicate: int = 0
    edited: int = 0

    def __iadd__(self, other: StoreResult) -> StoreResult:
        self.new += other.new
        self.duplicate += other.duplicate
        self.edited += other.edited
        return self


def _insert_ignoring_conflicts(session: Session, posts: Sequence[Post]) -> int:
    """Insert posts whose (platform, native_id) is not stored yet; return how many were."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return insert_sqlite(session, posts)  # storage.bulk: same values, less overhead
    if dialect != "postgresql":  # pragma: no cover - only the two supported backends are tested
        raise NotImplementedError(dialect)
    return insert_postgresql(session, posts)  # storage.bulk: one prepared INSERT, pipelined


def _stored(
    session: Session, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, str]]:
    """(platform, native_id) -> (row id, text) of the keys that are in the archive.

    One `platform = ? AND native_id IN (...)` query per platform and 500 ids: it uses the
    unique index directly, which a row-value `(platform, native_id) IN (...)` does not.
    """
    by_platform: dict[str, list[str]] = {}
    for platform, native_id in keys:
        by_platform.setdefault(platform, []).append(native_id)
    found: dict[tuple[str, str], tuple[int, str]] = {}
    for platform, ids in by_platform.items():
        for start in range(0, len(ids), 500):
            query = select(PostRow.native_id, PostRow.id, PostRow.text).where(
                PostRow.platform == platform, PostRow.native_id.in_(ids[start : start + 500])
            )
            for native_id, row_id, text in session.execute(query):
                found[(platform, native_id)] = (row_id, text)
    return found


def store_posts(
    session: Session, posts: Iterable[Post], *, track_edits: bool = True
) -> StoreResult:
    """Store posts not yet archived; count duplicates; record edits of known posts.

    Within one call, a post repeated in `posts` counts once as new and then as duplicate.
    Does not commit: the caller's transaction decides.

    Inserts first (ON CONFLICT DO NOTHING) and looks stored posts up only when some were
    already there, so a batch of new posts, the bulk-import case, costs one statement.
    A row inserted just now has the post's own text, so the lookup sees no edit in it.
    """
    result = StoreResult()
    unique: dict[tuple[str, str], Post] = {}
    for post in posts:
        key = (post.platform, post.native_id)
        if key in unique:
            result.duplicate += 1
        else:
            unique[key] = post
    if not unique:
        return result

    inserted = _insert_ignoring_conflicts(session, list(unique.values()))
    result.new += inserted
    result.duplicate += len(unique) - inserted
    if inserted == len(unique) or not track_edits:
        return result
    for key, (row_id, old_text) in _stored(session, unique).items():
        post = unique[key]
        if post.text != old_text:
            _record_edit(session, row_id, old_text, post)
            result.edited += 1
    return result


def _record_edit(session: Session, row_id: int, old_text: str, post: Post) -> None:
    """Keep what was collected; note the new text, and make it the post's current text."""
    seen = utcnow()
    session.add(
        PostEditRow(
            post_id=row_id, seen_at=seen, previous_text=old_text, new_text=post.text, raw=post.raw
        )
    )
    row = session.get(PostRow, row_id)
    if row is not None:
        row.text = post.text
        row.edited_at = seen
