"""Canonical posts of the fictional Calder race (classifiers/data/WORLD.md) for the
archive tests: deterministic, any number, written as JSONL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from storage import Archive
from storage.models import PostRow

USERS = ("harbor_hank", "tillman_farmer", "marrowfalls_mom", "dunmore_dave", "cedarpt_cat")
TARGETS = ("@DanaWhitfield", "@MarcusHaleForGov", "@rachelkim_news")
TAGS = ("#CalderDecides", "#Whitfield2026", "#CalderDebate")
START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


def record(i: int, **changes: Any) -> dict[str, Any]:
    user = USERS[i % len(USERS)]
    target = TARGETS[i % len(TARGETS)]
    post = {
        "id": str(1_000_000 + i), "platform": ("x", "reddit", "bluesky")[i % 3],
        "author": "@" + user, "text": f"{target} the transit levy, again ({i})",
        "created_at": (START + timedelta(minutes=7 * i)).isoformat(),
        "reply_to": target if i % 4 == 0 else None,
        "url": f"https://example.test/{user}/{i}", "lang": "en",
        "hashtags": [TAGS[i % len(TAGS)]], "mentions": [target], "raw": {"n": i},
    }
    post.update(changes)
    return post


def write_jsonl(path: Path, records: list[dict[str, Any]] | range) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for item in records:
            out.write(json.dumps(record(item) if isinstance(item, int) else item) + "\n")
    return path


def snapshot(archive: Archive) -> list[tuple[Any, ...]]:
    """Every post's data (not row ids or collection times), sorted: for comparing archives."""
    with archive.session() as s:
        rows = s.scalars(select(PostRow)).all()
        return sorted(
            (r.platform, r.native_id, r.author_handle, r.author_id, r.text, r.created_at,
             r.reply_to, r.conversation_id, r.url, r.lang, tuple(r.hashtags),
             tuple(r.mentions), json.dumps(r.raw, sort_keys=True))
            for r in rows
        )
