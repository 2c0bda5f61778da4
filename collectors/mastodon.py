"""Mastodon through Mastodon.py: public hashtag timelines on the configured instances.

No token is needed for public hashtag timelines (an access token is used if configured).
Polling uses `min_id`: each request returns the statuses just after the cursor, and the
Link header's rel="prev" (Mastodon.py's `_pagination_prev`) says where the next, newer page
starts. Pages move forward in time, so the cursor is simply the newest status id stored;
a first round starts from min_id=0 and backfills what the instance holds for the tag.

One query per instance and hashtag ("https://instance #tag"). Cursor: {"min_id"}.
Mastodon.py's own rate-limit sleeping is off (ratelimit_method="throw"); the version check
on start-up is off, so no extra request is made.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date, datetime
from html import unescape
from typing import Any, ClassVar

import mastodon as mastodon_py
from mastodon import Mastodon

from civmon.config import Config
from collectors.base import (
    COLLECTOR_VERSION,
    Batch,
    campaign_terms,
    dump_cursor,
    load_cursor,
    parse_time,
    require,
)
from collectors.errors import RateLimited, SourceDisabled, TransientError
from collectors.retry import reset_from_headers
from storage import Post

PAGE_SIZE = 40


def plain(value: Any) -> Any:
    """Mastodon.py's typed entities back to plain JSON (times as ISO strings)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


class MastodonCollector:
    """Hashtag timelines, one client per instance."""

    page_size: ClassVar[int] = PAGE_SIZE
    name: ClassVar[str] = "mastodon"

    def __init__(self, config: Config) -> None:
        section = config.sources.mastodon
        token = section.access_token.get_secret_value() if section.access_token else None
        self.hashtags = campaign_terms([t for c in config.campaigns for t in c.hashtags])
        self.clients = {
            instance.rstrip("/"): Mastodon(
                api_base_url=instance.rstrip("/"), access_token=token,
                version_check_mode="none", ratelimit_method="throw",
                request_timeout=section.timeout_seconds,
            )
            for instance in section.instances
        }
        self._last_headers: dict[str, Any] = {}
        for client in self.clients.values():
            client.session.hooks["response"].append(self._remember_headers)

    def _remember_headers(self, response: Any, *args: Any, **kwargs: Any) -> None:
        """Mastodon.py hides the 429 response; keep its headers for the reset time."""
        self._last_headers = dict(response.headers)

    def queries(self) -> Sequence[str]:
        return [f"{instance} #{tag}" for instance in self.clients for tag in self.hashtags]

    def _translate(self, exc: Exception) -> Exception:
        if isinstance(exc, mastodon_py.MastodonRatelimitError):
            return RateLimited("Mastodon answered 429", reset_from_headers(self._last_headers))
        if isinstance(exc, mastodon_py.MastodonUnauthorizedError):
            return SourceDisabled("the instance rejected the access token",
                                  "check sources.mastodon.access_token, or remove it")
        if isinstance(exc, mastodon_py.MastodonNetworkError):
            return TransientError("cannot reach the instance (timeout or connection error)")
        if isinstance(exc, mastodon_py.MastodonAPIError):
            status = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], int) else None
            if status == 403:
                return SourceDisabled("the instance answered 403 for its public timeline",
                                      "this instance may require a token (access_token)")
            return TransientError(f"the instance answered {status or 'a bad page'}")
        return exc

    def fetch(self, query: str, cursor: str | None) -> Batch:
        instance, _, tag = query.partition(" #")
        client = self.clients[instance]
        min_id = load_cursor(cursor).get("min_id") or "0"
        try:
            page = client.timeline_hashtag(tag, min_id=min_id, limit=self.page_size)
        except Exception as exc:
            raise self._translate(exc) from exc
        items, rejected = [], []
        for status in page:
            if isinstance(status, dict) and status.get("id") is not None:
                items.append({**plain(status), "__civmon": {"instance": instance}})
            else:
                rejected.append(("status without id", repr(status)))
        ids = [int(i["id"]) for i in items if str(i["id"]).isdigit()] + [int(min_id)]
        prev = getattr(page, "_pagination_prev", None) or {}
        newest = str(prev.get("min_id") or max(ids))
        if int(newest) < int(min_id):  # a Link header never moves the cursor backwards
            newest = str(min_id)
        more = len(page) >= self.page_size and newest != str(min_id)
        return Batch(items, dump_cursor({"min_id": newest}), more=more, rejected=rejected)

    def to_post(self, raw: dict[str, Any]) -> Post:
        return status_to_post(raw)

    def close(self) -> None:
        for client in self.clients.values():
            client.session.close()


def html_to_text(html: str) -> str:
    """Status content is HTML: paragraphs and breaks to newlines, tags dropped, unescaped."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", html)
    text = re.sub(r"(?i)</p>\s*<p[^>]*>", "\n\n", text)
    return unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _native_id(raw: dict[str, Any]) -> str:
    """The status URI (the same post seen from two instances is one post); hashed if long."""
    uri = str(raw.get("uri") or require(raw, "url"))
    return uri if len(uri) <= 128 else "sha1:" + hashlib.sha1(uri.encode()).hexdigest()


def qualified(acct: str, instance: str) -> str:
    """"@user@domain": a local acct ("user") gets the instance's domain, so the same
    account has one handle whichever instance the status was read from."""
    if "@" not in acct and instance:
        acct = f"{acct}@{instance.split('://', 1)[-1]}"
    return "@" + acct


def replied_handle(raw: dict[str, Any], instance: str) -> str | None:
    """The handle of the account replied to. A Status names it only by id
    (in_reply_to_account_id); the account itself is normally among the mentions. None for
    a self-reply (a thread) or when the mention was removed."""
    target = raw.get("in_reply_to_account_id")
    if target is None or str(target) == str((raw.get("account") or {}).get("id")):
        return None
    for mention in raw.get("mentions") or []:
        if isinstance(mention, dict) and str(mention.get("id")) == str(target):
            return qualified(str(mention["acct"]), instance) if mention.get("acct") else None
    return None


def status_to_post(raw: dict[str, Any]) -> Post:
    """Pure mapping of a Mastodon Status to a Post; native id is the status URI (global).
    The status id replied to stays in raw (in_reply_to_id)."""
    account = require(raw, "account")
    acct = str(require(raw, "account", "acct"))
    instance = (raw.get("__civmon") or {}).get("instance", "")
    return Post(
        platform="mastodon", native_id=_native_id(raw),
        author_handle=qualified(acct, instance), author_id=str(account.get("id")),
        text=html_to_text(str(require(raw, "content"))),
        created_at=parse_time(require(raw, "created_at")),
        reply_to=replied_handle(raw, instance), conversation_id=None, url=raw.get("url"),
        lang=raw.get("language"),
        hashtags=tuple(t.get("name", "") for t in raw.get("tags") or [] if isinstance(t, dict)),
        mentions=tuple(qualified(str(m["acct"]), instance) for m in raw.get("mentions") or []
                       if isinstance(m, dict) and m.get("acct")),
        raw=raw, collector="mastodon", collector_version=COLLECTOR_VERSION,
    )
