"""Fake Reddit: the OAuth token endpoint (client-credentials grant, on reddit_url) and, on
oauth_url, subreddit search (Listing of t3, `after` paging) and comment pages
([t3 Listing, t1 Listing tree]), with x-ratelimit-* headers."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

from tests.fakes.base import FakeApi, Reply, Request

EPOCH = datetime(2026, 10, 1, 12, 0, tzinfo=UTC).timestamp()


def _b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


class FakeReddit(FakeApi):
    data_paths = ("/r/", "/comments/")

    def __init__(self, client_id: str = "reddit-id", client_secret: str = "reddit-secret",
                 subreddit: str = "CalderPolitics", term: str = "Whitfield2026",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.credentials = (client_id, client_secret)
        self.subreddit, self.term = subreddit, term
        self.submissions: list[dict[str, Any]] = []  # oldest first
        self.comments: dict[str, list[dict[str, Any]]] = {}  # t3 id -> top-level t1s
        self._seq = 0

    def _next(self) -> tuple[str, float]:
        self._seq += 1
        return _b36(1_000_000 + self._seq), EPOCH + self._seq

    def publish(self, n: int, comments: int = 1, title: str | None = None) -> list[str]:
        """n submissions, each with `comments` comments (one nested reply if >= 2)."""
        names = []
        with self.lock:
            for _ in range(n):
                sid, created = self._next()
                self.submissions.append({"kind": "t3", "data": {
                    "id": sid, "name": f"t3_{sid}", "author": f"redditor{self._seq % 5}",
                    "author_fullname": f"t2_{self._seq % 5}", "subreddit": self.subreddit,
                    "title": title or f"Thread {self._seq}: what about #{self.term}?",
                    "selftext": "Discuss.", "created_utc": created, "score": 1,
                    "permalink": f"/r/{self.subreddit}/comments/{sid}/thread/",
                }})
                names.append(f"t3_{sid}")
                tree: list[dict[str, Any]] = []
                for k in range(comments):
                    cid, ccreated = self._next()
                    comment = {"kind": "t1", "data": {
                        "id": cid, "name": f"t1_{cid}", "author": f"commenter{k}",
                        "body": f"Comment {k} on {sid}", "created_utc": ccreated,
                        "link_id": f"t3_{sid}", "parent_id": f"t3_{sid}", "replies": "",
                        "permalink": f"/r/{self.subreddit}/comments/{sid}/thread/{cid}/",
                    }}
                    names.append(f"t1_{cid}")
                    if k == 1 and tree:  # nest the second comment under the first
                        comment["data"]["parent_id"] = tree[0]["data"]["name"]
                        tree[0]["data"]["replies"] = _listing([comment], None)
                    else:
                        tree.append(comment)
                self.comments[sid] = tree
        return names

    def add_comment(self, submission_name: str) -> str:
        """A late top-level comment on an existing thread; returns its fullname."""
        with self.lock:
            sid = submission_name.removeprefix("t3_")
            cid, created = self._next()
            self.comments[sid].insert(0, {"kind": "t1", "data": {
                "id": cid, "name": f"t1_{cid}", "author": "latecomer", "body": "Late comment",
                "created_utc": created, "link_id": f"t3_{sid}", "parent_id": f"t3_{sid}",
                "replies": "", "permalink": f"/r/{self.subreddit}/comments/{sid}/thread/{cid}/"}})
        return f"t1_{cid}"

    def delete(self, fullname: str) -> None:
        """Delete a comment as Reddit shows it afterwards: author and body "[deleted]"."""
        with self.lock:
            stack = [c for tree in self.comments.values() for c in tree]
            while stack:
                node = stack.pop()
                if node["data"]["name"] == fullname:
                    node["data"].update(author="[deleted]", body="[deleted]")
                replies = node["data"].get("replies")
                if replies:
                    stack.extend(replies["data"]["children"])

    def published_ids(self) -> set[str]:
        ids = {s["data"]["name"] for s in self.submissions}
        for tree in self.comments.values():
            stack = list(tree)
            while stack:
                node = stack.pop()
                ids.add(node["data"]["name"])
                replies = node["data"].get("replies")
                if replies:
                    stack.extend(replies["data"]["children"])
        return ids

    def rate_headers(self) -> dict[str, str]:
        return {"x-ratelimit-remaining": "995.0", "x-ratelimit-used": "5",
                "x-ratelimit-reset": "300"}

    def rate_limited(self, with_reset: bool) -> Reply:
        headers = {"x-ratelimit-remaining": "0", "x-ratelimit-used": "1000",
                   "x-ratelimit-reset": "42"} if with_reset else {}
        return Reply(429, {"message": "Too Many Requests", "error": 429}, headers)

    def error(self, status: int) -> Reply:
        if status == 401:
            return Reply(401, {"message": "Unauthorized", "error": 401},
                         {"www-authenticate": 'Bearer realm="reddit", error="invalid_token"'})
        return Reply(status, {"message": "Internal Server Error", "error": status})

    def route(self, request: Request) -> Reply:
        if request.path == "/api/v1/access_token":
            return self._token(request)
        if request.headers.get("authorization") != "bearer fake-reddit-token":
            return self.error(401)
        parts = request.path.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "r" and parts[2] == "search":
            return self._search(parts[1], request.query)
        if len(parts) == 2 and parts[0] == "comments":
            return self._comments(parts[1])
        return Reply(404, {"message": "Not Found", "error": 404})

    def _token(self, request: Request) -> Reply:
        expected = base64.b64encode(":".join(self.credentials).encode()).decode()
        if request.headers.get("authorization") != f"Basic {expected}":
            return Reply(401, {"message": "Unauthorized", "error": 401})
        if request.form().get("grant_type") != "client_credentials":
            return Reply(400, {"error": "unsupported_grant_type"})
        return Reply(200, {"access_token": "fake-reddit-token", "token_type": "bearer",
                           "expires_in": 86400, "scope": "*"})

    def _search(self, subreddit: str, query: dict[str, str]) -> Reply:
        terms = [t.strip().lower() for t in query.get("q", "").split(" OR ") if t.strip()]
        limit = int(query.get("limit") or 25)
        matches = [s for s in reversed(self.submissions)
                   if subreddit.lower() in ("all", s["data"]["subreddit"].lower())
                   and any(t in s["data"]["title"].lower() for t in terms)]
        if query.get("after"):
            names = [s["data"]["name"] for s in matches]
            start = names.index(query["after"]) + 1 if query["after"] in names else len(names)
            matches = matches[start:]
        page = matches[:limit]
        after = page[-1]["data"]["name"] if len(matches) > limit else None
        return Reply(200, _listing(page, after), self.rate_headers())

    def _comments(self, sid: str) -> Reply:
        submission = [s for s in self.submissions if s["data"]["id"] == sid]
        if not submission:
            return Reply(404, {"message": "Not Found", "error": 404})
        return Reply(200, [_listing(submission, None), _listing(self.comments.get(sid, []), None)],
                     self.rate_headers())


def _listing(children: list[dict[str, Any]], after: str | None) -> dict[str, Any]:
    return {"kind": "Listing", "data": {"after": after, "before": None, "dist": len(children),
                                        "modhash": "", "children": children}}
