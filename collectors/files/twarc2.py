"""twarc2 JSONL, the format most Twitter/X researchers already hold.

Two shapes, both one JSON object per line:
- raw API pages, as `twarc2 search` writes them: {"data": [tweet, ...],
  "includes": {"users": [...], "tweets": [...]}, "meta": {...}, "__twarc": {...}}.
  Handles come from includes.users, matched by author_id / in_reply_to_user_id.
- flattened tweets, as `twarc2 flatten` writes them: one tweet per line with the
  `author` (and `in_reply_to_user`) user objects inlined, and the `__twarc` stamp.

Every tweet becomes a Post on platform "x"; its raw is the tweet with the author inlined
(the flattened shape), so both inputs store the same raw.
"""

from __future__ import annotations

from typing import Any

from collectors.files.canonical import parse_time
from collectors.files.errors import BadRecord
from storage.posts import Post

COLLECTOR = "ingest:twarc2"


def is_twarc2(obj: Any) -> bool:
    """Does this record look like twarc2 output rather than canonical JSONL?"""
    if not isinstance(obj, dict) or "platform" in obj:
        return False
    return "__twarc" in obj or isinstance(obj.get("data"), list) or "author_id" in obj


def _users(page: dict[str, Any]) -> dict[str, dict[str, Any]]:
    includes = page.get("includes") or {}
    users = includes.get("users") if isinstance(includes, dict) else None
    if not isinstance(users, list):
        return {}
    return {str(u["id"]): u for u in users if isinstance(u, dict) and "id" in u}


def _entity_list(tweet: dict[str, Any], kind: str, key: str, prefix: str) -> tuple[str, ...]:
    entities = tweet.get("entities") or {}
    items = entities.get(kind) if isinstance(entities, dict) else None
    if not isinstance(items, list):
        return ()
    return tuple(prefix + str(i[key]) for i in items if isinstance(i, dict) and i.get(key))


def tweet_to_post(
    tweet: Any, users: dict[str, dict[str, Any]], collector_version: str, stamp: Any = None
) -> Post:
    """One v2 tweet (+ the users it may refer to) -> Post, or BadRecord."""
    if not isinstance(tweet, dict):
        raise BadRecord(f"a tweet must be a JSON object, got {type(tweet).__name__}")
    tweet_id, text = tweet.get("id"), tweet.get("text")
    if not isinstance(tweet_id, str | int) or isinstance(tweet_id, bool) or tweet_id == "":
        raise BadRecord("tweet has no 'id'")
    if not isinstance(text, str):
        raise BadRecord(f"tweet {tweet_id} has no 'text' string")
    author = tweet.get("author")
    if not isinstance(author, dict):
        author = users.get(str(tweet.get("author_id")))
    username = author.get("username") if isinstance(author, dict) else None
    if not isinstance(username, str) or not username:
        raise BadRecord(f"tweet {tweet_id}: author username not found (no 'author' and "
                        "author_id not in includes.users)")
    author_id = author.get("id") if isinstance(author, dict) else None
    replied = tweet.get("in_reply_to_user")
    if not isinstance(replied, dict):
        replied = users.get(str(tweet.get("in_reply_to_user_id")))
    reply_to = replied.get("username") if isinstance(replied, dict) else None
    raw = dict(tweet)
    raw["author"] = author
    if stamp is not None and "__twarc" not in raw:
        raw["__twarc"] = stamp
    if "\x00" in text:
        raise BadRecord(f"tweet {tweet_id}: text contains a NUL character")
    return Post(
        platform="x",
        native_id=str(tweet_id),
        author_handle="@" + username,
        author_id=str(tweet.get("author_id") or author_id or "") or None,
        text=text,
        created_at=parse_time(tweet.get("created_at")),
        reply_to="@" + reply_to if isinstance(reply_to, str) and reply_to else None,
        conversation_id=str(tweet["conversation_id"]) if tweet.get("conversation_id") else None,
        url=f"https://twitter.com/{username}/status/{tweet_id}",
        lang=tweet.get("lang") if isinstance(tweet.get("lang"), str) else None,
        hashtags=_entity_list(tweet, "hashtags", "tag", "#"),
        mentions=_entity_list(tweet, "mentions", "username", "@"),
        raw=raw,
        collector=COLLECTOR,
        collector_version=collector_version,
    )


def from_twarc2(obj: Any, collector_version: str) -> list[Post]:
    """A page (many tweets) or a flattened tweet (one) -> posts, or BadRecord.

    A page with one bad tweet is rejected as a whole: the line is the unit of rejection.
    """
    if not isinstance(obj, dict):
        raise BadRecord(f"expected a JSON object, got {type(obj).__name__}")
    data = obj.get("data")
    if isinstance(data, list):
        users = _users(obj)
        return [tweet_to_post(t, users, collector_version, obj.get("__twarc")) for t in data]
    if isinstance(data, dict):  # a single-tweet lookup response
        return [tweet_to_post(data, _users(obj), collector_version, obj.get("__twarc"))]
    return [tweet_to_post(obj, {}, collector_version)]
