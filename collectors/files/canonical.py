"""civmon's canonical JSONL: one post per line, the format `civmon export --format jsonl`
writes and `civmon ingest` reads, so an export round-trips.

    {"id": "1", "platform": "x", "author": "@someone", "text": "...",
     "created_at": "2026-10-01T12:00:00+00:00", "reply_to": null, "url": null,
     "lang": "en", "hashtags": ["#CalderDecides"], "mentions": ["@DanaWhitfield"], "raw": {}}

Required: id, platform, author, text, created_at (ISO 8601 *with* a zone). Optional:
reply_to, url, lang, hashtags, mentions, raw, author_id, conversation_id. Any other key is
kept in `raw`. The keys export adds from the classifier (label, target, label_model) are
derived data and are ignored on import.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from collectors.files.errors import BadRecord
from storage.posts import Post

REQUIRED = ("id", "platform", "author", "text", "created_at")
OPTIONAL_STR = {"reply_to": 256, "url": None, "lang": 16, "author_id": 128, "conversation_id": 128}
KNOWN = {*REQUIRED, *OPTIONAL_STR, "hashtags", "mentions", "raw"}
DERIVED = frozenset({"label", "target", "label_model"})  # written by export, not post data
_PLATFORM = re.compile(r"^[a-z][a-z0-9_\-]{0,31}$")


def _text(obj: dict[str, Any], key: str, limit: int | None) -> str:
    value = obj.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and key in ("id", "author_id"):
        value = str(value)
    if not isinstance(value, str):
        raise BadRecord(f"{key!r} must be a string, got {type(value).__name__}")
    if limit is not None and len(value) > limit:
        raise BadRecord(f"{key!r} is longer than {limit} characters")
    if "\x00" in value:
        raise BadRecord(f"{key!r} contains a NUL character")
    return value


def _string_list(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    value = obj.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRecord(f"{key!r} must be a list of strings")
    return tuple(value)


def parse_time(value: Any, key: str = "created_at") -> datetime:
    """ISO 8601 with a zone ('Z' or an offset) -> aware UTC datetime, or BadRecord."""
    if not isinstance(value, str):
        raise BadRecord(f"{key!r} must be an ISO 8601 string, got {type(value).__name__}")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise BadRecord(f"{key!r} is not an ISO 8601 time: {value[:40]!r}") from None
    if when.tzinfo is None:
        raise BadRecord(f"{key!r} has no time zone: {value[:40]!r} (add Z or +00:00)")
    return when.astimezone(UTC)


def from_canonical(obj: Any, collector_version: str, collector: str = "ingest:jsonl") -> Post:
    """One canonical record -> Post, or BadRecord naming the first problem."""
    post = _fast(obj, collector_version, collector)
    return post if post is not None else _checked(obj, collector_version, collector)


_platforms: set[str] = set()  # platform words seen valid: most files hold one or two


def _bad(value: Any, limit: int) -> bool:
    """An optional string that _checked would refuse (None is fine)."""
    return value is not None and (type(value) is not str or len(value) > limit or "\x00" in value)


def _fast(obj: Any, version: str, collector: str) -> Post | None:
    """The common case in few steps (bulk import speed); None sends it to _checked.

    Accepts exactly what _checked accepts without changes; anything else (extra keys,
    integer ids, upper-case platforms, any doubt) goes the slow way.
    """
    if type(obj) is not dict or not obj.keys() <= KNOWN:
        return None
    get = obj.get
    native_id, author, text, created = get("id"), get("author"), get("text"), get("created_at")
    if (type(native_id) is not str or type(author) is not str or type(text) is not str
            or type(created) is not str or not 0 < len(native_id) <= 128
            or not 0 < len(author) <= 256
            or "\x00" in text or "\x00" in native_id or "\x00" in author):
        return None
    platform = get("platform")
    if platform not in _platforms:
        if type(platform) is not str or not _PLATFORM.match(platform) or len(_platforms) > 999:
            return None
        _platforms.add(platform)
    hashtags, mentions, raw = get("hashtags") or [], get("mentions") or [], get("raw") or {}
    if type(hashtags) is not list or type(mentions) is not list or type(raw) is not dict:
        return None
    for item in hashtags:
        if type(item) is not str:
            return None
    for item in mentions:
        if type(item) is not str:
            return None
    reply_to, url, lang = get("reply_to"), get("url"), get("lang")
    author_id, conversation_id = get("author_id"), get("conversation_id")
    if (_bad(reply_to, 256) or _bad(url, 1 << 62) or _bad(lang, 16) or _bad(author_id, 128)
            or _bad(conversation_id, 128)):
        return None
    try:
        when = datetime.fromisoformat(created)
    except ValueError:
        return None
    if when.tzinfo is not UTC:
        if when.tzinfo is None:
            return None
        when = when.astimezone(UTC)
    return Post(
        platform=platform, native_id=native_id, author_handle=author, text=text,
        created_at=when, collector=collector, collector_version=version,
        author_id=author_id, reply_to=reply_to, conversation_id=conversation_id, url=url,
        lang=lang, hashtags=tuple(hashtags), mentions=tuple(mentions), raw=raw,
    )


def _checked(obj: Any, collector_version: str, collector: str) -> Post:
    """Validate field by field, raising BadRecord with the first problem found."""
    if not isinstance(obj, dict):
        raise BadRecord(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in REQUIRED if obj.get(k) in (None, "")]
    if missing:
        raise BadRecord(f"missing required key(s): {', '.join(missing)}")
    platform = _text(obj, "platform", 32).lower()
    if not _PLATFORM.match(platform):
        raise BadRecord(f"'platform' must be one word (letters, digits, - or _): {platform!r}")
    optional = {
        k: (None if obj.get(k) is None else _text(obj, k, n)) for k, n in OPTIONAL_STR.items()
    }
    raw = obj.get("raw")
    if raw is None:
        raw = {}
    elif not isinstance(raw, dict):
        raise BadRecord(f"'raw' must be a JSON object, got {type(raw).__name__}")
    extra = {k: v for k, v in obj.items() if k not in KNOWN and k not in DERIVED}
    if extra:
        raw = {**extra, **raw}
    return Post(
        platform=platform,
        native_id=_text(obj, "id", 128),
        author_handle=_text(obj, "author", 256),
        text=_text(obj, "text", None),
        created_at=parse_time(obj["created_at"]),
        collector=collector,
        collector_version=collector_version,
        hashtags=_string_list(obj, "hashtags"),
        mentions=_string_list(obj, "mentions"),
        raw=raw,
        author_id=optional["author_id"],
        reply_to=optional["reply_to"],
        conversation_id=optional["conversation_id"],
        url=optional["url"],
        lang=optional["lang"],
    )


def to_canonical(post: Post) -> dict[str, Any]:
    """Post -> the canonical record; from_canonical(to_canonical(p)) reproduces p's data."""
    return {
        "id": post.native_id,
        "platform": post.platform,
        "author": post.author_handle,
        "author_id": post.author_id,
        "text": post.text,
        "created_at": post.created_at.astimezone(UTC).isoformat(),
        "reply_to": post.reply_to,
        "conversation_id": post.conversation_id,
        "url": post.url,
        "lang": post.lang,
        "hashtags": list(post.hashtags),
        "mentions": list(post.mentions),
        "raw": post.raw,
    }
