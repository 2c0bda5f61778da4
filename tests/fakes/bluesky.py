"""Fake Bluesky XRPC: com.atproto.server.createSession (app password) and
app.bsky.feed.searchPosts (sort=latest, opaque `cursor`), ratelimit-* headers and XRPC
error bodies ({"error", "message"})."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.base import FakeApi, Reply, Request

EPOCH = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)


def _jwt(sub: str) -> str:
    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")
    exp = int((datetime.now(UTC) + timedelta(days=1)).timestamp())
    return ".".join([part({"alg": "ES256K", "typ": "at+jwt"}),
                     part({"scope": "com.atproto.appPass", "sub": sub, "iat": exp - 86400,
                           "exp": exp, "aud": "did:web:fake.local"}), "c2ln"])


class FakeBluesky(FakeApi):
    data_paths = ("/xrpc/app.bsky.feed.searchPosts",)

    def __init__(self, handle: str = "monitor.bsky.social", password: str = "app-pass-word",
                 hashtag: str = "Whitfield2026", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.handle, self.password, self.hashtag = handle, password, hashtag
        self.posts: list[dict[str, Any]] = []  # oldest first

    def publish(self, n: int, text: str | None = None) -> list[str]:
        uris = []
        with self.lock:
            for _ in range(n):
                seq = len(self.posts) + 1
                did = f"did:plc:author{seq % 6}"
                uri = f"at://{did}/app.bsky.feed.post/3lfake{seq:08d}"
                when = (EPOCH + timedelta(seconds=seq)).isoformat().replace("+00:00", "Z")
                body = text or f"Bluesky post {seq} #{self.hashtag}"
                self.posts.append({
                    "uri": uri, "cid": f"bafyreifake{seq}",
                    "author": {"did": did, "handle": f"author{seq % 6}.bsky.social",
                               "displayName": f"Author {seq % 6}", "labels": []},
                    "record": {"$type": "app.bsky.feed.post", "text": body, "createdAt": when,
                               "langs": ["en"], "facets": [{
                                   "index": {"byteStart": 0, "byteEnd": 1},
                                   "features": [{"$type": "app.bsky.richtext.facet#tag",
                                                 "tag": self.hashtag}]}]},
                    "replyCount": 0, "repostCount": 0, "likeCount": 0, "quoteCount": 0,
                    "indexedAt": when, "labels": [], "_seq": seq,
                })
                uris.append(uri)
        return uris

    def published_ids(self) -> set[str]:
        return {p["uri"] for p in self.posts}

    def rate_headers(self) -> dict[str, str]:
        return {"ratelimit-limit": "3000", "ratelimit-remaining": "2999",
                "ratelimit-reset": str(int(self.clock()) + 300), "ratelimit-policy": "3000;w=300"}

    def rate_limited(self, with_reset: bool) -> Reply:
        headers = {"ratelimit-limit": "3000", "ratelimit-remaining": "0"}
        if with_reset:
            headers["ratelimit-reset"] = str(int(self.clock()) + 20)
        return Reply(429, {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
                     headers)

    def error(self, status: int) -> Reply:
        if status == 401:
            return Reply(401, {"error": "AuthenticationRequired", "message": "Invalid token"})
        return Reply(status, {"error": "InternalServerError", "message": "Internal Server Error"})

    def route(self, request: Request) -> Reply:
        if request.path == "/xrpc/com.atproto.server.createSession":
            body = request.json()
            if (body.get("identifier"), body.get("password")) != (self.handle, self.password):
                return Reply(401, {"error": "AuthenticationRequired",
                                   "message": "Invalid identifier or password"})
            did = "did:plc:monitor"
            return Reply(200, {"accessJwt": _jwt(did), "refreshJwt": _jwt(did),
                               "handle": self.handle, "did": did, "active": True})
        if request.path == "/xrpc/app.bsky.feed.searchPosts":
            if not request.headers.get("authorization", "").startswith("Bearer "):
                return self.error(401)
            return self._search(request.query)
        return Reply(404, {"error": "MethodNotImplemented", "message": "Method Not Implemented"})

    def _search(self, query: dict[str, str]) -> Reply:
        tag = query.get("q", "").lstrip("#").lower()
        limit = int(query.get("limit") or 25)
        below = int(query["cursor"]) if query.get("cursor") else None
        matches = [p for p in reversed(self.posts)
                   if _mentions_tag(p, tag) and (below is None or p["_seq"] < below)]
        page = matches[:limit]
        body: dict[str, Any] = {"posts": [{k: v for k, v in p.items() if k != "_seq"}
                                          for p in page]}
        if len(matches) > limit:
            body["cursor"] = str(page[-1]["_seq"])
        return Reply(200, body, self.rate_headers())


def _mentions_tag(post: dict[str, Any], tag: str) -> bool:
    record = post["record"]
    tags = [f.get("tag", "").lower() for facet in record.get("facets", [])
            for f in facet.get("features", [])]
    return tag in tags or tag in str(record.get("text", "")).lower()
