"""The one contract every collector follows.

A collector is a small class with a `name` and one method:

    fetch(query, cursor) -> Batch(items, next_cursor, more)

`query` is one of the strings `queries()` returned (a hashtag, "subreddit:term", an
instance and tag...). `cursor` is the opaque string the previous batch returned for that
query, or None the very first time. `items` are the platform's raw JSON objects, unchanged;
`to_post(raw)` is a pure function that maps one of them to a storage.Post (or raises
MalformedItem, and the item goes to quarantine). `more` says whether another page is
waiting right now; when False the round for this query is over.

The round runner (civmon.collect) stores a batch's posts and its `next_cursor` in one
transaction, so a cursor is only ever advanced past posts that are safely archived. A
cursor must therefore describe *where to resume*, including half-way through a paginated
round (see each collector's cursor docstring).

Errors: a collector raises only collectors.errors types (SourceDisabled, RateLimited,
TransientError); the round runner hands them to collectors.retry.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol, runtime_checkable

from collectors.errors import CollectorError
from storage import Post

COLLECTOR_VERSION = "0.1.0"


class MalformedItem(CollectorError):
    """A raw item that cannot be mapped to a post; it is quarantined with this reason."""


@dataclass(frozen=True, slots=True)
class Batch:
    """One page of raw items and where to resume."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    more: bool = False
    # Raw items the collector itself found unusable (reason, raw text), e.g. not an object.
    rejected: list[tuple[str, str]] = field(default_factory=list)


@runtime_checkable
class Collector(Protocol):
    """What the round runner needs from a source."""

    name: ClassVar[str]

    def queries(self) -> Sequence[str]:
        """The queries to poll each round, derived from the config's campaigns."""
        ...

    def fetch(self, query: str, cursor: str | None) -> Batch:
        """One page for `query` after `cursor`; see the module docstring."""
        ...

    def to_post(self, raw: dict[str, Any]) -> Post:
        """Map one raw item to a post; raise MalformedItem when it cannot."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


def load_cursor(value: str | None) -> dict[str, Any]:
    """A JSON cursor as a dict ({} for None or garbage: start afresh, store_posts dedupes)."""
    if not value:
        return {}
    try:
        data = json.loads(value)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def dump_cursor(data: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in data.items() if v is not None}, sort_keys=True)


def require(raw: dict[str, Any], *keys: str) -> Any:
    """raw[k1][k2]..., or MalformedItem naming the missing field."""
    node: Any = raw
    for key in keys:
        if not isinstance(node, dict) or node.get(key) in (None, ""):
            raise MalformedItem(f"missing field {'.'.join(keys)}")
        node = node[key]
    return node


def campaign_terms(hashtags: Sequence[str]) -> list[str]:
    """Campaign hashtags without '#', de-duplicated, in config order."""
    seen: dict[str, None] = {}
    for tag in hashtags:
        seen.setdefault(tag.lstrip("#"), None)
    return list(seen)


def parse_time(value: Any, field_name: str = "created_at") -> datetime:
    """An ISO 8601 time as an aware datetime (naive means UTC), or MalformedItem."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise MalformedItem(f"bad {field_name} {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
