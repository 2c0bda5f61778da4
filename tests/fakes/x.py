"""Fake X API v2: GET /2/tweets/search/recent with author expansion, since_id and
next_token paging, x-rate-limit-* headers and v2 problem bodies."""

from __future__ import annotations

import bisect
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.base import FakeApi, Reply, Request

BASE_ID = 1_860_000_000_000_000_000
EPOCH = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)


class FakeX(FakeApi):
    data_paths = ("/2/tweets/search/recent",)

    def __init__(self, token: str = "x-test-token", hashtag: str = "Whitfield2026",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.token = token
        self.hashtag = hashtag
        self.tweets: list[dict[str, Any]] = []  # oldest first, ids ascending
        self._int_ids: list[int] = []
        self.users = {str(i): {"id": str(i), "username": f"voter{i}", "name": f"Voter {i}"}
                      for i in range(1, 8)}

    def publish(self, n: int, text: str | None = None) -> list[str]:
        ids = []
        with self.lock:
            for _ in range(n):
                seq = len(self.tweets) + 1
                tweet_id = str(BASE_ID + seq * 1000)
                author = str(seq % 7 + 1)
                body = text or f"Post {seq} about the debate #{self.hashtag}"
                self.tweets.append({
                    "id": tweet_id, "text": body, "author_id": author,
                    "created_at": (EPOCH + timedelta(seconds=seq))
                    .strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                    "conversation_id": tweet_id, "lang": "en",
                    "edit_history_tweet_ids": [tweet_id],
                    "entities": {"hashtags": [{"start": 0, "end": 5, "tag": t}
                                              for t in re.findall(r"#(\w+)", body)]},
                })
                ids.append(tweet_id)
        return ids

    def publish_reply(self, text: str, author: str, to_user: str, *,
                      mention: bool = True) -> str:
        """A reply by user `author` to a tweet of user `to_user` (ids of self.users), as X
        sends it: in_reply_to_user_id, referenced_tweets and, usually, the @mention."""
        (tweet_id,) = self.publish(1, text)
        with self.lock:
            tweet = self.tweets[-1]
            tweet["author_id"] = author
            tweet["in_reply_to_user_id"] = to_user
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": str(BASE_ID + 7)}]
            if mention:
                tweet["entities"]["mentions"] = [
                    {"start": 0, "end": 1 + len(self.users[to_user]["username"]),
                     "username": self.users[to_user]["username"], "id": to_user}]
        return tweet_id

    def _ids(self) -> list[int]:
        if len(self._int_ids) != len(self.tweets):
            self._int_ids = [int(t["id"]) for t in self.tweets]
        return self._int_ids

    def published_ids(self) -> set[str]:
        return {t["id"] for t in self.tweets}

    def rate_headers(self) -> dict[str, str]:
        return {"x-rate-limit-limit": "450", "x-rate-limit-remaining": "449",
                "x-rate-limit-reset": str(int(self.clock()) + 900)}

    def rate_limited(self, with_reset: bool) -> Reply:
        headers = {"x-rate-limit-limit": "450", "x-rate-limit-remaining": "0"}
        if with_reset:
            headers["x-rate-limit-reset"] = str(int(self.clock()) + 30)
        return Reply(429, {"title": "Too Many Requests", "detail": "Too Many Requests",
                           "type": "about:blank", "status": 429}, headers)

    def error(self, status: int) -> Reply:
        if status == 401:
            return Reply(401, {"title": "Unauthorized", "type": "about:blank", "status": 401,
                               "detail": "Unauthorized"})
        return Reply(status, {"errors": [{"message": "Internal error"}],
                              "title": "Internal Server Error", "status": status})

    def route(self, request: Request) -> Reply:
        if request.path != "/2/tweets/search/recent":
            return Reply(404, {"title": "Not Found Error", "status": 404})
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return self.error(401)
        tags = {t.lower() for t in re.findall(r"#(\w+)", request.query.get("query", ""))}
        since = int(request.query.get("since_id") or 0)
        limit = int(request.query.get("max_results") or 10)
        below = int(request.query["next_token"][1:]) if "next_token" in request.query else None
        ids = self._ids()
        low = bisect.bisect_right(ids, since)
        high = bisect.bisect_left(ids, below) if below is not None else len(ids)
        matches = []
        for tweet in reversed(self.tweets[low:high]):  # newest first, stop at one extra
            if tags & {h["tag"].lower() for h in tweet["entities"]["hashtags"]}:
                matches.append(tweet)
                if len(matches) > limit:
                    break
        page, rest = matches[:limit], matches[limit:]
        if not page:
            return Reply(200, {"meta": {"result_count": 0}}, self.rate_headers())
        meta: dict[str, Any] = {"result_count": len(page), "newest_id": page[0]["id"],
                                "oldest_id": page[-1]["id"]}
        if rest:
            meta["next_token"] = "b" + page[-1]["id"]
        expand = set(request.query.get("expansions", "").split(","))
        wanted = {t[f] for t in page for f in ("author_id", "in_reply_to_user_id")
                  if f in expand and t.get(f)}
        users = [self.users[u] for u in sorted(wanted) if u in self.users]
        return Reply(200, {"data": page, "includes": {"users": users}, "meta": meta},
                     self.rate_headers())
