"""Reddit through praw: app-only, read-only search of configured subreddits, newest first,
plus the comments of every thread matched.

praw's read-only mode uses the client-credentials grant (<reddit_url>/api/v1/access_token)
and then calls <oauth_url>. `reddit.request` gives the raw Listing JSON (t3 / t1 things),
which is what the archive keeps. prawcore's own retries are turned off and its rate-limit
sleeps go through collectors.retry.sleep, so one policy governs every wait.

One query per subreddit ("r/<name>"). Cursor (JSON): {"watermark", "recent"} between
rounds: the newest created_utc archived and the ids of the `recent_threads` newest matched
threads, whose comments are fetched again at the end of each round so late comments are
caught; mid-round, paging back with `after`: {"watermark", "after", "round_newest",
"recent"}. Paging stops `overlap_seconds` below the watermark (search indexing lags).

A comment names what it answers only by fullname (parent_id: t3_ the submission, t1_ a
comment). Each fetch remembers the author of every submission and comment it saw (threads
come whole, submission first), and `thing_to_post` gets that passed in, to store the
author replied to as reply_to.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar

import praw
import prawcore
from prawcore.rate_limit import RateLimiter
from prawcore.requestor import Requestor
from prawcore.sessions import RetryStrategy

from civmon.config import Config
from collectors import retry
from collectors.base import (
    COLLECTOR_VERSION,
    Batch,
    MalformedItem,
    campaign_terms,
    dump_cursor,
    load_cursor,
    require,
)
from collectors.errors import RateLimited, SourceDisabled, TransientError
from storage import Post

PAGE_SIZE = 100
# What Reddit shows as the author of a deleted or removed post: nobody to name.
DELETED = "[deleted]"


class _NoRetry(RetryStrategy):
    """prawcore retries 5xx by itself with real sleeps; civmon's policy does it instead."""

    def _sleep_seconds(self) -> float | None:
        return None

    def consume_available_retry(self) -> RetryStrategy:
        return self

    def should_retry_on_failure(self) -> bool:
        return False


class _TimeoutRequestor(Requestor):
    """prawcore passes its own 16 s default on every call; use the configured timeout."""

    def request(self, *args: Any, timeout: float | None = None, **kwargs: Any) -> Any:
        return super().request(*args, timeout=self.timeout, **kwargs)


class _PolicyRateLimiter(RateLimiter):
    """prawcore's header-driven pacing, sleeping through collectors.retry.sleep (capped)."""

    def delay(self) -> None:
        if self.next_request_timestamp_ns is None:
            return
        seconds = (self.next_request_timestamp_ns - time.monotonic_ns()) / 1e9
        if seconds > 0:
            retry.sleep(min(seconds, 60.0))


def _reset(exc: prawcore.ResponseException) -> Any:
    return retry.reset_from_headers(exc.response.headers)


def _translate(exc: Exception) -> Exception:
    if isinstance(exc, prawcore.TooManyRequests):
        return RateLimited("Reddit answered 429", _reset(exc))
    auth_errors = prawcore.OAuthException | prawcore.InvalidToken | prawcore.Forbidden
    if isinstance(exc, auth_errors):
        return SourceDisabled("Reddit rejected the app credentials",
                              "check REDDIT_CLIENT_ID / REDDIT_CLIENT_SECRET (a 'script' app)")
    if isinstance(exc, prawcore.BadJSON):
        return TransientError("Reddit sent a page that is not valid JSON")
    if isinstance(exc, prawcore.ResponseException):
        status = exc.response.status_code
        if status == 429:
            return RateLimited("Reddit answered 429", _reset(exc))
        if status in (401, 403):
            return SourceDisabled(f"Reddit answered {status}", "check the Reddit app credentials")
        return TransientError(f"Reddit answered {status}")
    if isinstance(exc, prawcore.RequestException):
        return TransientError(f"cannot reach Reddit: {exc.original_exception.__class__.__name__}")
    if isinstance(exc, ValueError):
        return TransientError("Reddit sent a page that is not valid JSON")
    return exc


def _things(listing: Any) -> list[Any]:
    if not isinstance(listing, dict) or listing.get("kind") != "Listing":
        raise TransientError("Reddit sent something that is not a Listing")
    return list((listing.get("data") or {}).get("children") or [])


def _comments(children: list[Any]) -> Iterator[Any]:
    """Every t1 in a comment tree, depth first; 'more' stubs are skipped."""
    for child in children:
        yield child
        replies = (child.get("data") or {}).get("replies") if isinstance(child, dict) else None
        if isinstance(replies, dict):
            yield from _comments(_things(replies))


class RedditCollector:
    """Search each configured subreddit for the campaign terms, newest first."""

    page_size: ClassVar[int] = PAGE_SIZE
    # Threads whose comments are fetched again each round, to catch late comments.
    recent_threads: ClassVar[int] = 25
    # Reddit's search index lags: paging goes this far below the watermark, so a post
    # indexed late is still found (posts seen twice are counted as duplicates).
    overlap_seconds: ClassVar[float] = 900.0
    name: ClassVar[str] = "reddit"

    def __init__(self, config: Config) -> None:
        section = config.sources.reddit
        if section.client_id is None or section.client_secret is None:
            raise SourceDisabled("no app credentials",
                                 "set REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET")
        self.subreddits = section.subreddits
        self.terms = campaign_terms([t for c in config.campaigns for t in c.hashtags])
        self.reddit = praw.Reddit(
            client_id=section.client_id.get_secret_value(),
            client_secret=section.client_secret.get_secret_value(),
            user_agent=section.user_agent, oauth_url=section.oauth_url.rstrip("/"),
            reddit_url=section.reddit_url.rstrip("/"), check_for_updates=False,
            check_for_async=False, requestor_class=_TimeoutRequestor,
            requestor_kwargs={"timeout": section.timeout_seconds},
        )
        core: Any = self.reddit._read_only_core  # private: prawcore has no public hook
        core._retry_strategy_class = _NoRetry
        core._rate_limiter = _PolicyRateLimiter(window_size=core._rate_limiter.window_size)
        self._authors: dict[str, str] = {}  # fullname -> author, of the latest fetch

    def queries(self) -> Sequence[str]:
        return [f"r/{name.removeprefix('r/')}" for name in self.subreddits] if self.terms else []

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        try:
            try:
                return self.reddit.request(method="GET", path=path, params=params)
            except prawcore.InvalidToken:  # expired token: prawcore dropped it; log in again once
                return self.reddit.request(method="GET", path=path, params=params)
        except Exception as exc:
            raise _translate(exc) from exc

    def fetch(self, query: str, cursor: str | None) -> Batch:
        state = load_cursor(cursor)
        watermark = float(state.get("watermark") or 0)
        params = {"q": " OR ".join(self.terms), "sort": "new", "restrict_sr": "on",
                  "limit": self.page_size, "raw_json": 1, "after": state.get("after")}
        self._authors = {}
        listing = self._get(f"{query}/search", {k: v for k, v in params.items() if v})
        items, rejected, reached = [], [], False
        fetched: set[str] = set()
        for thing in _things(listing):
            data: Any = thing.get("data") if isinstance(thing, dict) else None
            created = data.get("created_utc") if isinstance(data, dict) else None
            if not isinstance(created, int | float):
                rejected.append(("search result without data.created_utc", repr(thing)))
                continue
            if thing.get("kind") != "t3" or not data.get("id"):
                rejected.append(("search result is not a submission", repr(thing)))
                continue
            if created <= watermark - self.overlap_seconds:
                reached = True
                continue
            items.append(thing)
            self._remember_authors([thing])
            if created > watermark:  # older threads' comments come from the `recent` list
                items.extend(self._thread_comments(str(data["id"])))
                fetched.add(str(data["id"]))
        page_threads = [str(t["data"]["id"]) for t in items if t.get("kind") == "t3"]
        recent = list(dict.fromkeys(page_threads + list(state.get("recent") or [])))
        recent = recent[: self.recent_threads]
        newest = max([float(t["data"]["created_utc"]) for t in items if t.get("kind") == "t3"]
                     + [float(state.get("round_newest") or 0)])
        after = (listing.get("data") or {}).get("after")
        if after and not reached:
            nxt = {"watermark": watermark or None, "after": after,
                   "round_newest": newest or None, "recent": recent}
            return Batch(items, dump_cursor(nxt), more=True, rejected=rejected)
        for article in recent:  # last page: new comments on recently matched threads
            if article not in fetched:
                items.extend(self._thread_comments(article))
        final = {"watermark": max(newest, watermark) or None, "recent": recent}
        return Batch(items, dump_cursor(final), rejected=rejected)

    def _thread_comments(self, article: str) -> list[Any]:
        listings = self._get(f"comments/{article}", {"sort": "new", "limit": 500, "raw_json": 1})
        if not isinstance(listings, list) or len(listings) < 2:
            raise TransientError("Reddit sent a comment page of the wrong shape")
        comments = [c for c in _comments(_things(listings[1])) if c.get("kind") == "t1"]
        self._remember_authors(_things(listings[0]) + comments)
        return comments

    def _remember_authors(self, things: Iterable[Any]) -> None:
        """Fullname -> author of what this fetch saw, so to_post can name whom a comment
        answers."""
        for thing in things:
            data = thing.get("data") if isinstance(thing, dict) else None
            if isinstance(data, dict) and data.get("author") and data.get("id"):
                name = data.get("name") or f"{thing.get('kind')}_{data['id']}"
                self._authors[str(name)] = str(data["author"])

    def to_post(self, raw: dict[str, Any]) -> Post:
        return thing_to_post(raw, self._authors)

    def close(self) -> None:
        core: Any = self.reddit._read_only_core
        core.close()


def replied_author(data: dict[str, Any], authors: Mapping[str, str]) -> str | None:
    """Who a comment answers: the parent's author from `authors` (fullname -> author), or
    for a top-level comment the submission's `link_author` (listings outside a thread
    carry it). None when unknown, deleted, or the commenter's own post."""
    parent = str(data.get("parent_id") or "")
    name = authors.get(parent)
    if name is None and parent.startswith("t3_"):
        name = data.get("link_author")
    if not name or name == DELETED or str(name).lower() == str(data.get("author")).lower():
        return None
    return str(name)


def thing_to_post(raw: dict[str, Any], authors: Mapping[str, str] | None = None) -> Post:
    """Pure mapping of a Reddit t3 (submission) or t1 (comment) to a Post. `authors`
    (fullname -> author) names the parent of a comment; reply_to is "u/<author>" of the
    parent, and the parent's fullname stays in raw (data.parent_id)."""
    kind = raw.get("kind")
    if kind not in ("t3", "t1"):
        raise MalformedItem(f"not a submission or comment (kind {kind!r})")
    data = require(raw, "data")
    fullname = str(data.get("name") or f"{kind}_{require(raw, 'data', 'id')}")
    author = str(require(raw, "data", "author"))
    try:
        created = datetime.fromtimestamp(float(require(raw, "data", "created_utc")), UTC)
    except (TypeError, ValueError):
        raise MalformedItem("bad data.created_utc") from None
    if kind == "t3":
        title = str(require(raw, "data", "title"))
        text = title + ("\n\n" + data["selftext"] if data.get("selftext") else "")
        reply_to, conversation = None, fullname
    else:
        text = str(require(raw, "data", "body"))
        replied = replied_author(data, authors or {})
        reply_to, conversation = (f"u/{replied}" if replied else None), data.get("link_id")
    permalink = data.get("permalink")
    return Post(
        platform="reddit", native_id=fullname, author_handle=f"u/{author}",
        author_id=data.get("author_fullname"), text=text, created_at=created,
        reply_to=reply_to, conversation_id=conversation,
        url=f"https://www.reddit.com{permalink}" if permalink else None,
        lang=None, raw=raw, collector="reddit", collector_version=COLLECTOR_VERSION,
    )
