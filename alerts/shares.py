"""Whom a reply to a shared post speaks of: the person the post shared.

Pile-ons spread by replies to whoever shared a clip, a screenshot or a quote of their
victim: "@realmattyang she is dumb as a rock", "this guy is unhinged", "what an
obnoxious little woman", each replying to the account that posted "Gail Ostrander on
Renner County voters: 'stubborn.' Yikes <link>". The classifier gives such a reply to the
account it replies to, or to no one; counted so, the victim's pile-on is scattered over
the sharers, and the busiest sharer looks piled on himself (the fourth family of generated
days, seventeenth session).

`SharedPosts` remembers each author's latest post that is not a reply and shares
something (tags an account, or links a post), and `subject` reads, when a reply needs
it, whom that post was about: the one account it tags besides its author; else the one
account whose post it links (x.com/NAME/status/..., bsky.app/profile/NAME/post/...,
SERVER/@NAME/ID on Mastodon). A post about two people, or about no one, answers None.
(The one person a share names in full, "Gail Ostrander on Renner County voters", was
tried too: it cost the third and blind families an early catch each; bench/HISTORY.md,
seventeenth session.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storage.handles import account_handle, linked_posts
from storage.posts import Post

__all__ = ["SHARE_SECONDS", "SharedPosts", "quoted_account", "shared_subject"]

SHARE_SECONDS = 3 * 3600.0  # a shared clip draws replies for a few hours
MAX_SHARES = 50_000  # authors remembered before the oldest shares are dropped



class SharedPosts:
    """Each author's latest share, read when a reply to them needs its subject."""

    __slots__ = ("_latest",)

    def __init__(self) -> None:
        # author, lower-case -> [when, text, mentions, author, subject ("" until read)]
        self._latest: dict[str, list[Any]] = {}

    def remember(self, author: str, now: float, text: str, mentions: Sequence[str]) -> None:
        """Keep a post that is not a reply and tags an account or links a post."""
        if len(self._latest) >= MAX_SHARES:
            cut = now - SHARE_SECONDS
            self._latest = {k: v for k, v in self._latest.items() if v[0] >= cut}
            if len(self._latest) >= MAX_SHARES:
                self._latest.clear()
        self._latest[author.lower()] = [now, text, mentions, author, ""]

    def subject(self, addressee: str, now: float) -> str | None:
        """Whom `addressee`'s latest share (SHARE_SECONDS back at most) was about."""
        share = self._latest.get(addressee.lower())
        if share is None or now - share[0] > SHARE_SECONDS:
            return None
        if share[4] == "":
            share[4] = shared_subject(share[1], share[3], share[2])
        return share[4]


def shared_subject(text: str, author: str, mentions: Sequence[str] = ()) -> str | None:
    """The one account a post tags besides its author, else the one account whose post
    it links; else None."""
    me = account_handle(author).lower()
    for found in (mentions, _linked(text)):
        accounts: dict[str, str] = {}
        for handle in found:  # as first written
            accounts.setdefault(account_handle(handle).lower(), account_handle(handle))
        accounts.pop(me, None)
        if accounts:
            return next(iter(accounts.values())) if len(accounts) == 1 else None
    return None


def quoted_account(post: Post) -> str | None:
    """The one account, not the post's author, whose post `post` quotes (`raw`'s
    `quoted_author`: `storage.replies.quote_to_author`) or links in its text; else None."""
    quoted = post.raw.get("quoted_author")
    if isinstance(quoted, str) and quoted:
        return quoted
    if "/status/" not in post.text and "/post/" not in post.text and "/@" not in post.text:
        return None
    me = account_handle(post.author_handle).lower()
    linked = {account_handle(h).lower(): account_handle(h) for h in _linked(post.text)}
    linked.pop(me, None)
    return next(iter(linked.values())) if len(linked) == 1 else None


def _linked(text: str) -> list[str]:
    """The accounts whose posts `text` links (`storage.handles.linked_posts`)."""
    return [handle for handle, _ in linked_posts(text)]
