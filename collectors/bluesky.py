"""Bluesky through the atproto SDK: app.bsky.feed.searchPosts for each campaign hashtag.

Logs in once with an app password (com.atproto.server.createSession) against the
configured `base_url`, then pages searchPosts (sort=latest) with its opaque `cursor`.
The raw response JSON is kept (invoke_query), so one bad post is quarantined instead of
failing the page's model validation.

One query per hashtag ("#Tag"). Cursor (JSON): {"watermark"} between rounds, the newest
indexedAt archived; mid-round: {"watermark", "cursor", "round_newest"}.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from atproto import Client, exceptions, models
from atproto_client.request import Request

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

PAGE_SIZE = 100
SEARCH = "app.bsky.feed.searchPosts"


def _translate(exc: Exception) -> Exception:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if isinstance(exc, exceptions.RateLimitExceededError):
        return RateLimited("Bluesky answered 429", reset_from_headers(headers))
    if isinstance(exc, exceptions.UnauthorizedError):
        return SourceDisabled("Bluesky rejected the login",
                              "check BLUESKY_HANDLE and BLUESKY_APP_PASSWORD (an app password)")
    if isinstance(exc, exceptions.InvokeTimeoutError):
        return TransientError("Bluesky request timed out")
    if isinstance(exc, exceptions.NetworkError | exceptions.RequestException):
        status = getattr(response, "status_code", None)
        return TransientError(f"Bluesky answered {status}" if status else "cannot reach Bluesky")
    if isinstance(exc, ValueError):
        return TransientError("Bluesky sent a page that is not valid JSON")
    return exc


class BlueskyCollector:
    """searchPosts for each campaign hashtag, newest first."""

    page_size: ClassVar[int] = PAGE_SIZE
    name: ClassVar[str] = "bluesky"

    def __init__(self, config: Config) -> None:
        section = config.sources.bluesky
        if section.handle is None or section.app_password is None:
            raise SourceDisabled("no login", "set BLUESKY_HANDLE and BLUESKY_APP_PASSWORD")
        self.hashtags = campaign_terms([t for c in config.campaigns for t in c.hashtags])
        self.client = Client(base_url=section.base_url,
                             request=Request(timeout=section.timeout_seconds))
        self._login = (section.handle.get_secret_value(), section.app_password.get_secret_value())
        self._logged_in = False

    def queries(self) -> Sequence[str]:
        return ["#" + tag for tag in self.hashtags]

    def _call(self, func: Any) -> Any:
        try:
            if not self._logged_in:
                self.client.login(*self._login, fetch_bsky_profile=False)
                self._logged_in = True
            return func()
        except Exception as exc:
            raise _translate(exc) from exc

    def fetch(self, query: str, cursor: str | None) -> Batch:
        state = load_cursor(cursor)
        watermark = state.get("watermark")
        params = models.AppBskyFeedSearchPosts.Params(q=query, sort="latest", limit=self.page_size,
                                                      cursor=state.get("cursor"))
        response = self._call(lambda: self.client.invoke_query(SEARCH, params=params))
        page = response.content
        if not isinstance(page, dict) or not isinstance(page.get("posts", []), list):
            raise TransientError("Bluesky sent a page of the wrong shape")
        items, rejected, reached = [], [], False
        for post in page.get("posts") or []:
            indexed = post.get("indexedAt") if isinstance(post, dict) else None
            if not isinstance(indexed, str):
                rejected.append(("post without indexedAt", repr(post)))
                continue
            if watermark and parse_time(indexed) <= parse_time(watermark):
                reached = True
                continue
            items.append(post)
        stamps = [p["indexedAt"] for p in items] + [state.get("round_newest") or ""]
        newest = max(filter(None, stamps), key=parse_time, default=None)
        if page.get("cursor") and items and not reached:
            nxt = {"watermark": watermark, "cursor": page["cursor"], "round_newest": newest}
            return Batch(items, dump_cursor(nxt), more=True, rejected=rejected)
        final = max(filter(None, [newest, watermark]), key=parse_time, default=None)
        return Batch(items, dump_cursor({"watermark": final}), rejected=rejected)

    def to_post(self, raw: dict[str, Any]) -> Post:
        return post_to_post(raw)

    def close(self) -> None:
        self.client.request.close()


def post_to_post(raw: dict[str, Any]) -> Post:
    """Pure mapping of a Bluesky PostView to a Post."""
    uri = str(require(raw, "uri"))
    handle = str(require(raw, "author", "handle"))
    record = require(raw, "record")
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise MalformedItem("record.text missing")
    created = parse_time(record.get("createdAt") or raw.get("indexedAt"))
    reply = record.get("reply") or {}
    tags, mentions = [], []
    for facet in record.get("facets") or []:
        for feature in facet.get("features") or []:
            if feature.get("tag"):
                tags.append(feature["tag"])
            if feature.get("did"):
                mentions.append(feature["did"])
    rkey = uri.rsplit("/", 1)[-1]
    langs = record.get("langs") or []
    return Post(
        platform="bluesky", native_id=uri, author_handle="@" + handle,
        author_id=(raw.get("author") or {}).get("did"), text=text, created_at=created,
        reply_to=(reply.get("parent") or {}).get("uri"),
        conversation_id=(reply.get("root") or {}).get("uri") or uri,
        url=f"https://bsky.app/profile/{handle}/post/{rkey}", lang=langs[0] if langs else None,
        hashtags=tuple(tags), mentions=tuple(mentions), raw=raw,
        collector="bluesky", collector_version=COLLECTOR_VERSION,
    )

