"""Fake Mastodon instance: GET /api/v1/timelines/tag/:hashtag with max_id / since_id /
min_id semantics and Link headers (rel="next" older, rel="prev" newer), X-RateLimit-*
headers (reset as an ISO 8601 time) and {"error": ...} bodies. Replies carry
in_reply_to_id / in_reply_to_account_id and the accounts named in `mentions`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.base import FakeApi, Reply, Request

EPOCH = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
BASE_ID = 113_000_000_000_000_000


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class FakeMastodon(FakeApi):
    data_paths = ("/api/v1/timelines/tag/",)

    def __init__(self, hashtag: str = "Whitfield2026", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hashtag = hashtag
        self.statuses: list[dict[str, Any]] = []  # oldest first

    def publish(self, n: int, text: str | None = None) -> list[str]:
        uris = []
        with self.lock:
            for _ in range(n):
                seq = len(self.statuses) + 1
                user = f"tooter{seq % 4}"
                status = self._append(self.local(user, str(seq % 4 + 1)),
                                      text or f"Toot {seq} on the race")
                uris.append(status["uri"])
        return uris

    def local(self, username: str, account_id: str) -> dict[str, str]:
        """A Mention of an account on this instance: its acct has no domain."""
        return {"id": account_id, "username": username, "acct": username,
                "url": f"{self.url}/@{username}"}

    def reply(self, parent: dict[str, Any], text: str, author: dict[str, str],
              mentions: list[dict[str, str]] | None = None) -> dict[str, Any]:
        """A reply to the status `parent` by `author`, as Mastodon writes it: the parent's
        id and account id, and the mentioned accounts (by default the parent's author)
        linked at the start of the content."""
        named = [parent["account"]] if mentions is None else mentions
        named = [{k: m[k] for k in ("id", "username", "acct", "url")} for m in named]
        links = "".join(f'<span class="h-card"><a href="{m["url"]}" class="u-url mention">'
                        f'@<span>{m["username"]}</span></a></span> ' for m in named)
        with self.lock:
            return self._append(author, text, links, mentions=named,
                                in_reply_to_id=parent["id"],
                                in_reply_to_account_id=parent["account"]["id"])

    def _append(self, author: dict[str, str], body: str, links: str = "",
                **fields: Any) -> dict[str, Any]:
        seq = len(self.statuses) + 1
        sid = str(BASE_ID + seq * 65536)
        user, home = author["username"], author["url"].rsplit("/@", 1)[0]
        status = {
            "id": sid, "uri": f"{home}/users/{user}/statuses/{sid}",
            "url": f"{home}/@{user}/{sid}",
            "created_at": _iso(EPOCH + timedelta(seconds=seq)),
            "content": f'<p>{links}{body} <a href="{self.url}/tags/{self.hashtag}" '
                       f'class="mention hashtag" rel="tag">#<span>{self.hashtag}</span></a></p>',
            "account": {**author, "display_name": user.title(), "created_at": _iso(EPOCH),
                        "locked": False, "bot": False},
            "tags": [{"name": self.hashtag.lower(), "url": f"{self.url}/tags/{self.hashtag}"}],
            "mentions": [], "emojis": [], "media_attachments": [],
            "in_reply_to_id": None, "in_reply_to_account_id": None,
            "visibility": "public", "language": "en", "sensitive": False,
            "spoiler_text": "", "replies_count": 0, "reblogs_count": 0,
            "favourites_count": 0, "reblog": None, "edited_at": None, **fields,
        }
        self.statuses.append(status)
        return status

    def published_ids(self) -> set[str]:
        return {s["uri"] for s in self.statuses}

    def _reset_headers(self, remaining: int, seconds: int) -> dict[str, str]:
        reset = datetime.fromtimestamp(self.clock() + seconds, UTC)
        return {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": str(remaining),
                "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}

    def rate_headers(self) -> dict[str, str]:
        return self._reset_headers(299, 300)

    def rate_limited(self, with_reset: bool) -> Reply:
        headers = self._reset_headers(0, 25) if with_reset else {}
        return Reply(429, {"error": "Too many requests"}, headers)

    def error(self, status: int) -> Reply:
        if status == 401:
            return Reply(401, {"error": "The access token is invalid"})
        return Reply(status, {"error": "We're sorry, but something went wrong on our end."})

    def route(self, request: Request) -> Reply:
        prefix = "/api/v1/timelines/tag/"
        if not request.path.startswith(prefix):
            return Reply(404, {"error": "Record not found"})
        tag = request.path[len(prefix):].lower()
        q = request.query
        limit = min(int(q.get("limit") or 20), 40)
        matching = [s for s in self.statuses if tag in [t["name"] for t in s["tags"]]]
        if q.get("max_id"):
            matching = [s for s in matching if int(s["id"]) < int(q["max_id"])]
        if q.get("since_id"):
            matching = [s for s in matching if int(s["id"]) > int(q["since_id"])]
        if "min_id" in q:
            page = [s for s in matching if int(s["id"]) > int(q["min_id"])][:limit]
        else:
            page = matching[-limit:]
        page = list(reversed(page))  # newest first, as Mastodon answers
        headers = self.rate_headers()
        if page:
            base = f"{self.url}{request.path}"
            headers["Link"] = (f'<{base}?max_id={page[-1]["id"]}>; rel="next", '
                               f'<{base}?min_id={page[0]["id"]}>; rel="prev"')
        return Reply(200, page, headers)
