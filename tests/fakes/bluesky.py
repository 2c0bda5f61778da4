"""Fake Bluesky XRPC: com.atproto.server.createSession (app password),
app.bsky.feed.searchPosts (sort=latest, opaque `cursor`), app.bsky.actor.getProfiles (at
most 25 `actors`), ratelimit-* headers and XRPC error bodies ({"error", "message"})."""

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
        self.accounts: dict[str, str] = {}  # did -> handle, what getProfiles knows
        self.profile_failures = 0  # getProfiles calls still to answer with a 500

    def publish(self, n: int, text: str | None = None) -> list[str]:
        uris = []
        with self.lock:
            for _ in range(n):
                seq = len(self.posts) + 1
                author = (f"did:plc:author{seq % 6}", f"author{seq % 6}.bsky.social")
                body = text or f"Bluesky post {seq} #{self.hashtag}"
                tag = [{"index": {"byteStart": 0, "byteEnd": 1},
                        "features": [{"$type": "app.bsky.richtext.facet#tag",
                                      "tag": self.hashtag}]}]
                uris.append(self._append(author, {"text": body, "facets": tag}))
        return uris

    def add_account(self, did: str, handle: str) -> None:
        """An account getProfiles knows, whether or not it has posted here."""
        with self.lock:
            self.accounts[did] = handle

    def reply(self, parent_uri: str, text: str, mentions: dict[str, str] | None = None,
              author: tuple[str, str] = ("did:plc:replier", "replier.bsky.social")) -> str:
        """A reply to `parent_uri` as the app writes it: record.reply {root, parent} strong
        refs, and facets with UTF-8 byte offsets for the hashtag and for each "@handle" in
        `mentions` (handle -> DID). `text` must contain them."""
        facets = [_facet(text, "#" + self.hashtag, {"$type": "app.bsky.richtext.facet#tag",
                                                    "tag": self.hashtag})]
        for handle, did in (mentions or {}).items():
            facets.append(_facet(text, "@" + handle,
                                 {"$type": "app.bsky.richtext.facet#mention", "did": did}))
        ref = {"uri": parent_uri, "cid": "bafyreiparent"}
        with self.lock:
            return self._append(author, {"text": text, "facets": facets,
                                         "reply": {"root": ref, "parent": ref}})

    def _append(self, author: tuple[str, str], record: dict[str, Any]) -> str:
        seq = len(self.posts) + 1
        did, handle = author
        self.accounts.setdefault(did, handle)
        uri = f"at://{did}/app.bsky.feed.post/3lfake{seq:08d}"
        when = (EPOCH + timedelta(seconds=seq)).isoformat().replace("+00:00", "Z")
        self.posts.append({
            "uri": uri, "cid": f"bafyreifake{seq}",
            "author": {"did": did, "handle": handle,
                       "displayName": handle.split(".")[0].title(), "labels": []},
            "record": {"$type": "app.bsky.feed.post", "createdAt": when, "langs": ["en"],
                       **record},
            "replyCount": 0, "repostCount": 0, "likeCount": 0, "quoteCount": 0,
            "indexedAt": when, "labels": [], "_seq": seq,
        })
        return uri

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
        if request.path == "/xrpc/app.bsky.actor.getProfiles":
            if not request.headers.get("authorization", "").startswith("Bearer "):
                return self.error(401)
            return self._profiles(request.query_lists.get("actors") or [])
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


    def _profiles(self, actors: list[str]) -> Reply:
        if self.profile_failures > 0:
            self.profile_failures -= 1
            return self.error(500)
        if not actors or len(actors) > 25:
            message = ('Error: Params must have the property "actors"' if not actors
                       else "Error: actors must not have more than 25 elements")
            return Reply(400, {"error": "InvalidRequest", "message": message})
        by_handle = {handle: did for did, handle in self.accounts.items()}
        profiles = []
        for actor in actors:
            did = actor if actor in self.accounts else by_handle.get(actor)
            if did is not None:
                profiles.append(_profile(did, self.accounts[did]))
        return Reply(200, {"profiles": profiles}, self.rate_headers())


def _facet(text: str, span: str, feature: dict[str, Any]) -> dict[str, Any]:
    """A facet over the first `span` in `text`, indexed in UTF-8 bytes as Bluesky does."""
    start = len(text[: text.index(span)].encode("utf-8"))
    return {"$type": "app.bsky.richtext.facet",
            "index": {"byteStart": start, "byteEnd": start + len(span.encode("utf-8"))},
            "features": [feature]}


def _profile(did: str, handle: str) -> dict[str, Any]:
    """A ProfileViewDetailed, as getProfiles lists it."""
    when = EPOCH.isoformat().replace("+00:00", "Z")
    return {"did": did, "handle": handle, "displayName": handle.split(".")[0].title(),
            "description": "", "followersCount": 0, "followsCount": 0, "postsCount": 0,
            "associated": {"lists": 0, "feedgens": 0, "starterPacks": 0, "labeler": False},
            "indexedAt": when, "createdAt": when,
            "viewer": {"muted": False, "blockedBy": False}, "labels": []}


def _mentions_tag(post: dict[str, Any], tag: str) -> bool:
    record = post["record"]
    tags = [f.get("tag", "").lower() for facet in record.get("facets", [])
            for f in facet.get("features", [])]
    return tag in tags or tag in str(record.get("text", "")).lower()
