"""Bluesky through the atproto SDK: app.bsky.feed.searchPosts for each campaign hashtag.

Logs in once with an app password (com.atproto.server.createSession) against the
configured `base_url`, then pages searchPosts (sort=latest) with its opaque `cursor`.
The raw response JSON is kept (invoke_query), so one bad post is quarantined instead of
failing the page's model validation.

One query per hashtag ("#Tag"). Cursor (JSON): {"watermark"} between rounds, the newest
indexedAt archived; mid-round: {"watermark", "cursor", "round_newest"}.

A reply names its parent only by URI (at://DID/app.bsky.feed.post/RKEY). To store the
handle replied to, the collector remembers each page's authors (DID -> handle) and asks
app.bsky.actor.getProfiles, 25 DIDs a call, for the parent authors still unknown;
`post_to_post` gets that memory passed in. A failed lookup leaves those replies' reply_to
None rather than stopping collection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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
PROFILES = "app.bsky.actor.getProfiles"
PROFILES_PER_CALL = 25  # the API's limit on `actors`
HANDLES_REMEMBERED = 10_000
# The handle Bluesky reports for an account whose handle no longer verifies.
INVALID_HANDLE = "handle.invalid"
_HANDLE = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?", re.IGNORECASE)


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
        self._handles = HandleMemory(HANDLES_REMEMBERED)

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
        self._learn_handles(items)
        stamps = [p["indexedAt"] for p in items] + [state.get("round_newest") or ""]
        newest = max(filter(None, stamps), key=parse_time, default=None)
        if page.get("cursor") and items and not reached:
            nxt = {"watermark": watermark, "cursor": page["cursor"], "round_newest": newest}
            return Batch(items, dump_cursor(nxt), more=True, rejected=rejected)
        final = max(filter(None, [newest, watermark]), key=parse_time, default=None)
        return Batch(items, dump_cursor({"watermark": final}), rejected=rejected)

    def _learn_handles(self, posts: list[dict[str, Any]]) -> None:
        """Remember the page's authors, then look up the parent authors still unknown."""
        authors = [p["author"] for p in posts if isinstance(p.get("author"), dict)]
        self._handles.remember({str(a["did"]): _valid_handle(a.get("handle"))
                                for a in authors if a.get("did")})
        unknown = sorted({did for did in map(unresolved_parent, posts)
                          if did and did not in self._handles})
        for start in range(0, len(unknown), PROFILES_PER_CALL):
            self._handles.remember(self._profiles(unknown[start:start + PROFILES_PER_CALL]))

    def _profiles(self, dids: list[str]) -> dict[str, str | None]:
        """One getProfiles call: DID -> handle, None for a DID it leaves out (a deleted or
        suspended account). A failed call learns nothing, so a later page asks again."""
        try:
            response = self._call(lambda: self.client.invoke_query(
                PROFILES, params=models.AppBskyActorGetProfiles.Params(actors=dids)))
        except (TransientError, RateLimited):
            return {}
        content = response.content if isinstance(response.content, dict) else {}
        found = {p.get("did"): _valid_handle(p.get("handle"))
                 for p in content.get("profiles") or [] if isinstance(p, dict)}
        return {did: found.get(did) for did in dids}

    def to_post(self, raw: dict[str, Any]) -> Post:
        return post_to_post(raw, self._handles)

    def close(self) -> None:
        self.client.request.close()


class HandleMemory(dict[str, str | None]):
    """DID -> handle (None: known to have none), at most `limit` entries, the oldest
    dropped first: enough to spare the next pages a lookup, never growing without end."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, handles: Mapping[str, str | None]) -> None:
        for did, handle in handles.items():
            self.pop(did, None)
            self[did] = handle
        while len(self) > self.limit:
            del self[next(iter(self))]


def _valid_handle(value: Any) -> str | None:
    """A handle as Bluesky writes it (lower case), or None for a missing or invalid one."""
    if not isinstance(value, str) or not _HANDLE.fullmatch(value) or value == INVALID_HANDLE:
        return None
    return value.lower()


def _facet_text(encoded: bytes, index: Any) -> str | None:
    """The text a facet covers: byteStart/byteEnd count UTF-8 bytes, not characters."""
    start = index.get("byteStart") if isinstance(index, dict) else None
    end = index.get("byteEnd") if isinstance(index, dict) else None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(encoded)):
        return None
    try:
        return encoded[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return None


def mention_handles(record: dict[str, Any]) -> dict[str, str]:
    """DID -> handle for each mention facet, in text order. The facet carries only the DID;
    the handle is the "@handle" text it covers. A facet whose text is not an @handle is
    skipped."""
    encoded = str(record.get("text") or "").encode("utf-8")
    found: dict[str, str] = {}
    for facet in _dicts(record.get("facets")):
        span = _facet_text(encoded, facet.get("index")) or ""
        handle = _valid_handle(span[1:]) if span.startswith("@") else None
        for feature in _dicts(facet.get("features")):
            if feature.get("did") and handle:
                found.setdefault(str(feature["did"]), handle)
    return found


def parent_did(record: Any) -> str | None:
    """The DID of the account replied to: the authority of the parent's at:// URI."""
    reply = record.get("reply") if isinstance(record, dict) else None
    parent = reply.get("parent") if isinstance(reply, dict) else None
    uri = parent.get("uri") if isinstance(parent, dict) else None
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None
    did = uri.removeprefix("at://").split("/", 1)[0]
    return did if did.startswith("did:") else None


def unresolved_parent(raw: dict[str, Any]) -> str | None:
    """The parent DID of a reply that neither a self-reply nor the post's own mentions
    explain: the DIDs worth a profile lookup."""
    record, author = raw.get("record"), raw.get("author")
    did = parent_did(record)
    if did is None or not isinstance(record, dict):
        return None
    own = author.get("did") if isinstance(author, dict) else None
    return None if did == own or did in mention_handles(record) else did


def _dicts(value: Any) -> Iterable[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def post_to_post(raw: dict[str, Any], handles: Mapping[str, str | None] | None = None) -> Post:
    """Pure mapping of a Bluesky PostView to a Post. `handles` (DID -> handle) names the
    authors of parents the post itself does not; reply_to is None for a self-reply or an
    unknown parent, never a DID. The parent's URI stays in raw (record.reply)."""
    uri = str(require(raw, "uri"))
    handle = str(require(raw, "author", "handle"))
    record = require(raw, "record")
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise MalformedItem("record.text missing")
    created = parse_time(record.get("createdAt") or raw.get("indexedAt"))
    reply = record.get("reply") or {}
    tags = [f["tag"] for facet in _dicts(record.get("facets"))
            for f in _dicts(facet.get("features")) if f.get("tag")]
    named = mention_handles(record)
    parent = parent_did(record)
    replied = None
    if parent and parent != (raw.get("author") or {}).get("did"):
        replied = named.get(parent) or (handles or {}).get(parent)
    rkey = uri.rsplit("/", 1)[-1]
    langs = record.get("langs") or []
    return Post(
        platform="bluesky", native_id=uri, author_handle="@" + handle,
        author_id=(raw.get("author") or {}).get("did"), text=text, created_at=created,
        reply_to="@" + replied if replied else None,
        conversation_id=(reply.get("root") or {}).get("uri") or uri,
        url=f"https://bsky.app/profile/{handle}/post/{rkey}", lang=langs[0] if langs else None,
        hashtags=tuple(tags), mentions=tuple("@" + h for h in named.values()), raw=raw,
        collector="bluesky", collector_version=COLLECTOR_VERSION,
    )
