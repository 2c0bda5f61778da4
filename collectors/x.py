"""X (Twitter) through tweepy's v2 Client: recent search for the campaign hashtags.

tweepy hard-codes https://api.twitter.com and sets no request timeout, so its
requests.Session gets a transport adapter (`BaseUrlAdapter`) that sends each request to
the configured `sources.x.base_url` with the configured timeout.

An edit of a tweet arrives under a new id; the post is keyed by the first id of its
`edit_history_tweet_ids`, so the edit is recorded against the post already archived.

Cursor (JSON): {"since_id"} between rounds, the newest tweet id archived. Mid-round, while
paging back with next_token: {"since_id", "next_token", "round_newest"}; when the last page
is stored, since_id becomes round_newest. A crash mid-round resumes at the stored page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import requests
import tweepy
from requests.adapters import HTTPAdapter

from civmon.config import Config
from collectors.base import (
    COLLECTOR_VERSION,
    Batch,
    MalformedItem,
    campaign_terms,
    dump_cursor,
    load_cursor,
    parse_time,
    require,
)
from collectors.errors import RateLimited, SourceDisabled, TransientError
from collectors.retry import reset_from_headers
from storage import Post

REAL_HOST = "https://api.twitter.com"
SEARCH_PATH = "/2/tweets/search/recent"
TWEET_FIELDS = ["author_id", "created_at", "conversation_id", "in_reply_to_user_id", "lang",
                "entities", "referenced_tweets"]


class BaseUrlAdapter(HTTPAdapter):
    """Rewrites https://api.twitter.com/... to `base_url`/... and enforces a timeout."""

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        url = request.url or ""
        if url.startswith(REAL_HOST):
            request.url = self.base_url + url[len(REAL_HOST):]
        kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def _translate(exc: Exception) -> Exception:
    """tweepy / requests errors -> collectors.errors."""
    if isinstance(exc, tweepy.TooManyRequests):
        return RateLimited("X answered 429", reset_from_headers(exc.response.headers))
    if isinstance(exc, tweepy.Unauthorized | tweepy.Forbidden):
        return SourceDisabled(
            f"X rejected the bearer token ({exc.response.status_code})",
            "check X_BEARER_TOKEN and that the app has v2 search access",
        )
    if isinstance(exc, tweepy.TwitterServerError):
        return TransientError(f"X server error {exc.response.status_code}")
    if isinstance(exc, requests.Timeout):
        return TransientError("X request timed out")
    if isinstance(exc, requests.ConnectionError):
        return TransientError(f"cannot reach X: {exc.__class__.__name__}")
    if isinstance(exc, ValueError):  # requests' JSONDecodeError
        return TransientError("X sent a page that is not valid JSON")
    if isinstance(exc, tweepy.HTTPException):
        return TransientError(f"X answered {exc.response.status_code}")
    return exc


class XCollector:
    """Recent search on X for the campaign hashtags, one query for all of them."""

    name: ClassVar[str] = "x"

    def __init__(self, config: Config) -> None:
        section = config.sources.x
        if section.bearer_token is None:
            raise SourceDisabled("no bearer token", "set X_BEARER_TOKEN")
        self.page_size = section.page_size
        self.hashtags = campaign_terms([t for c in config.campaigns for t in c.hashtags])
        self.client = tweepy.Client(bearer_token=section.bearer_token.get_secret_value(),
                                    return_type=dict, wait_on_rate_limit=False)
        self.client.session.mount(REAL_HOST + "/",
                                  BaseUrlAdapter(section.base_url, section.timeout_seconds))
        self.base_url = section.base_url.rstrip("/")

    def queries(self) -> Sequence[str]:
        if not self.hashtags:
            return []
        return ["(" + " OR ".join("#" + t for t in self.hashtags) + ") -is:retweet"]

    def fetch(self, query: str, cursor: str | None) -> Batch:
        state = load_cursor(cursor)
        try:
            page = self.client.search_recent_tweets(
                query, max_results=self.page_size, since_id=state.get("since_id"),
                next_token=state.get("next_token"),
                expansions=["author_id", "in_reply_to_user_id"],
                tweet_fields=TWEET_FIELDS, user_fields=["username", "name"], user_auth=False,
            )
        except Exception as exc:
            raise _translate(exc) from exc
        if not isinstance(page, dict):
            raise TransientError("X sent a page that is not a JSON object")
        meta = page.get("meta") or {}
        users = {u.get("id"): u for u in (page.get("includes") or {}).get("users") or []
                 if isinstance(u, dict)}
        items, rejected = [], []
        for tweet in page.get("data") or []:
            if not isinstance(tweet, dict):
                rejected.append(("not a JSON object", repr(tweet)))
                continue
            items.append({**tweet, "_author": users.get(tweet.get("author_id")),
                          "_in_reply_to_user": users.get(tweet.get("in_reply_to_user_id")),
                          "__civmon": {"source_url": self.base_url + SEARCH_PATH}})
        round_newest = state.get("round_newest") or meta.get("newest_id")
        if meta.get("next_token"):
            nxt = {"since_id": state.get("since_id"), "next_token": meta["next_token"],
                   "round_newest": round_newest}
            return Batch(items, dump_cursor(nxt), more=True, rejected=rejected)
        newest = max([i for i in (round_newest, state.get("since_id")) if i], key=int, default=None)
        return Batch(items, dump_cursor({"since_id": newest}), rejected=rejected)

    def to_post(self, raw: dict[str, Any]) -> Post:
        return tweet_to_post(raw)

    def close(self) -> None:
        self.client.session.close()


def _replied_handle(raw: dict[str, Any], author: str) -> str | None:
    """"@username" of the account a reply answers (the archive's `reply_to`), from the
    expanded `in_reply_to_user_id`, else from the mention with that id; None for a
    self-reply (a thread) or when X did not say. The tweet replied to stays in raw."""
    user_id = raw.get("in_reply_to_user_id")
    if not user_id or str(user_id) == str(raw.get("author_id")):
        return None
    user = raw.get("_in_reply_to_user") or {}
    name = user.get("username") if isinstance(user, dict) else None
    if not name:
        mentions = (raw.get("entities") or {}).get("mentions") or []
        name = next((m.get("username") for m in mentions
                     if isinstance(m, dict) and str(m.get("id")) == str(user_id)), None)
    if not name or str(name).lstrip("@").lower() == author.lstrip("@").lower():
        return None
    return "@" + str(name).lstrip("@")


def tweet_to_post(raw: dict[str, Any]) -> Post:
    """Pure mapping of an X v2 tweet (with `_author` attached) to a Post."""
    tweet_id = str(require(raw, "id"))
    # An edited tweet gets a new id; its first id names the post, so the archive records
    # the new text as an edit of the post it already holds.
    history = raw.get("edit_history_tweet_ids") or [tweet_id]
    native_id = str(history[0])
    text = require(raw, "text")
    author = raw.get("_author") or {}
    handle = author.get("username") or raw.get("author_id")
    if not handle:
        raise MalformedItem("tweet has no author")
    created = parse_time(require(raw, "created_at"))
    entities = raw.get("entities") or {}
    return Post(
        platform="x", native_id=native_id, author_handle="@" + str(handle).lstrip("@"),
        author_id=raw.get("author_id"), text=str(text), created_at=created,
        reply_to=_replied_handle(raw, str(handle)),
        conversation_id=raw.get("conversation_id"),
        url=f"https://x.com/{handle}/status/{tweet_id}", lang=raw.get("lang"),
        hashtags=tuple(h.get("tag", "") for h in entities.get("hashtags") or []),
        mentions=tuple("@" + m.get("username", "") for m in entities.get("mentions") or []),
        raw=raw, collector="x", collector_version=COLLECTOR_VERSION,
    )
