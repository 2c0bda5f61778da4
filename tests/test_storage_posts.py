"""The archive stores each post once, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from storage import Post, store_posts
from storage.models import PostEditRow, PostRow


def make_post(i: int, text: str | None = None) -> Post:
    return Post(
        platform="x", native_id=str(i), author_handle=f"user{i % 7}", text=text or f"post {i}",
        created_at=datetime(2026, 10, 1, tzinfo=UTC) + timedelta(minutes=i),
        collector="test", collector_version="1", hashtags=("#CalderDecides",),
    )


def test_storing_twice_keeps_one_copy(archive) -> None:
    posts = [make_post(i) for i in range(50)]
    with archive.session() as s:
        first = store_posts(s, posts)
    with archive.session() as s:
        second = store_posts(s, posts + [make_post(50)])
        count = s.scalar(select(func.count()).select_from(PostRow))
    assert (first.new, first.duplicate) == (50, 0)
    assert (second.new, second.duplicate) == (1, 50)
    assert count == 51


def test_repeats_within_one_batch_count_once(archive) -> None:
    with archive.session() as s:
        result = store_posts(s, [make_post(1), make_post(1), make_post(2)])
    assert (result.new, result.duplicate) == (2, 1)


def test_changed_text_is_recorded_as_an_edit(archive) -> None:
    with archive.session() as s:
        store_posts(s, [make_post(1, "first words")])
    with archive.session() as s:
        result = store_posts(s, [make_post(1, "second words")])
    with archive.session() as s:
        edit = s.scalars(select(PostEditRow)).one()
        row = s.scalars(select(PostRow)).one()
    assert result.edited == 1
    assert (edit.previous_text, edit.new_text) == ("first words", "second words")
    assert row.edited_at is not None and row.created_at.tzinfo is not None


def test_times_come_back_timezone_aware_in_utc(archive) -> None:
    with archive.session() as s:
        store_posts(s, [make_post(3)])
    with archive.session() as s:
        row = s.scalars(select(PostRow)).one()
    assert row.created_at == datetime(2026, 10, 1, 0, 3, tzinfo=UTC)


def test_handles_keep_each_platforms_form() -> None:
    from storage.handles import account_handle, bare_handle

    assert account_handle("lena") == "@lena"
    assert account_handle(" @lena ") == "@lena"
    assert account_handle("@ines@twincities.social") == "@ines@twincities.social"
    # a Reddit user stays u/name: "@u/name" would match no author
    assert account_handle("u/dry_fork_dusty") == "u/dry_fork_dusty"
    assert account_handle("/u/dry_fork_dusty") == "u/dry_fork_dusty"
    assert account_handle("U/Dusty") == "u/Dusty"
    assert account_handle("user_1") == "@user_1"
    assert bare_handle("u/dry_fork_dusty") == "dry_fork_dusty"
    assert bare_handle("@DanaWhitfield") == "DanaWhitfield"
