"""A reply whose `reply_to` names its parent *post* instead of the account replied to.

Many exports put the parent post's id in `reply_to`, where civmon's canonical format wants
the handle replied to ("@name", "u/name"). Left as it is, "1843" would later be read as the
account "@1843", and every reply to one post as an attack on nobody real. `civmon ingest`,
the `files` source that `civmon run` watches (`civmon.collect.commit_batch`) and `civmon
replay` all pass such posts through `parent_to_author`, the one rule:

- the id of a known post becomes that post's author handle (None for a self-reply);
- an unknown value that cannot be a handle (`at://...`, `t1_...`, ten digits or more)
  becomes None;
- either way the id is kept in `raw` as `reply_to_post`; any other value stays as given.

A quote is read alike (`quote_to_author`): the author of the post a post quotes (X's
`quoted_status_id` or `referenced_tweets`, Bluesky's record embed) is kept in `raw` as
`quoted_author`, for the detector (an insult quoting a reporter's post is about her:
`alerts.replay.quote_about`).

Replay knows every post of its stream; ingest and every collector's batch
(`civmon.collect.commit_batch`) ask `resolve_parents`, which looks parents and quoted
posts up in the batch itself, then in the archive with one query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import Any, TypeGuard

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.handles import bare_handle, linked_posts
from storage.models import PostRow
from storage.posts import Post

__all__ = ["AuthorOf", "names_a_post", "parent_authors", "parent_post_id", "parent_to_author",
           "quote_to_author", "quoted_post_id", "resolve_parents"]

AuthorOf = Callable[[str, str], str | None]  # (platform, native_id) -> author handle, if known
POST_REFERENCE = re.compile(r"^(?:\w+://|t[1-6]_|\d{10,}$)")  # at://..., t1_abc, 1843...
LOOKUP_CHUNK = 5000  # ids per query: one query for any batch up to this many replies


def names_a_post(reply_to: str | None) -> TypeGuard[str]:
    """Whether `reply_to` may be a post's id: set, and neither "@name" nor "u/name"."""
    return bool(reply_to and not reply_to.startswith(("@", "u/")))


def parent_post_id(post: Post) -> str | None:
    """The id of the post `post` replies to, wherever its source keeps it: `reply_to_post`
    (set by `parent_to_author`), a dump's `parent_id`, or `data.parent_id` as the Reddit
    collector stores the API's comment; None if none of them holds one."""
    raw = post.raw
    data = raw.get("data")
    parent = (raw.get("reply_to_post") or raw.get("parent_id")
              or (data.get("parent_id") if isinstance(data, dict) else None))
    return parent if isinstance(parent, str) and parent else None


def quoted_post_id(post: Post) -> str | None:
    """The id of the post `post` quotes, wherever its source keeps it: X's
    `quoted_status_id` (an export) or `referenced_tweets` of type "quoted" (API v2),
    Bluesky's record embed (`embed.record.uri`, or `.record.record.uri` with media, on
    the post or on its `record`); None if it quotes none."""
    raw = post.raw
    quoted = raw.get("quoted_status_id")
    refs = raw.get("referenced_tweets")
    if not quoted and isinstance(refs, list):
        quoted = next((ref.get("id") for ref in refs
                       if isinstance(ref, dict) and ref.get("type") == "quoted"), None)
    if not quoted:
        record = raw.get("record")
        embed = raw.get("embed") or (record.get("embed") if isinstance(record, dict) else None)
        inner = embed.get("record") if isinstance(embed, dict) else None
        if isinstance(inner, dict):
            quoted = inner.get("uri") or (inner.get("record") or {}).get("uri")
    return str(quoted) if quoted else None


def quote_to_author(post: Post, author_of: AuthorOf) -> Post:
    """The post, with the author of the post it quotes kept in `raw` as `quoted_author`
    when `author_of` knows it, or the payload names it (`_named_in_payload`); not for a
    post quoting its own author."""
    quoted = quoted_post_id(post)
    if quoted is None:
        return post
    author = author_of(post.platform, quoted) or _named_in_payload(post.raw, quoted)
    if author is None or bare_handle(author).lower() == bare_handle(post.author_handle).lower():
        return post
    return replace(post, raw={**post.raw, "quoted_author": author})


def _named_in_payload(raw: dict[str, Any], quoted: str) -> str | None:
    """The quoted post's author as the source's own payload names it, for a quoted post
    that is not archived (it rarely carries the campaign's hashtag): Bluesky's embed view
    (`embed.record.author.handle`, or `.record.record.author.handle` with media), or the
    link X expands to the quoted tweet (`entities.urls[].expanded_url`, .../NAME/status/ID)."""
    embed = raw.get("embed")
    view = embed.get("record") if isinstance(embed, dict) else None
    if isinstance(view, dict) and not isinstance(view.get("author"), dict):
        view = view.get("record")  # recordWithMedia#view: the record's view one level down
    if isinstance(view, dict) and view.get("uri") == quoted:
        handle = (view.get("author") or {}).get("handle")
        if isinstance(handle, str) and handle:
            return "@" + handle.lstrip("@")
    entities = raw.get("entities")
    for link in (entities.get("urls") or []) if isinstance(entities, dict) else []:
        expanded = str(link.get("expanded_url") or "") if isinstance(link, dict) else ""
        for handle, post_id in linked_posts(expanded):
            if post_id == quoted:
                return handle
    return None


def parent_to_author(post: Post, author_of: AuthorOf) -> Post:
    """The post, with a `reply_to` that names a post replaced by that post's author (None
    for a self-reply) when `author_of` knows it, or by None when it does not and the value
    cannot be a handle; the id is then kept in `raw` as `reply_to_post`."""
    parent = post.reply_to
    if not names_a_post(parent):
        return post
    author = author_of(post.platform, parent)
    raw = {**post.raw, "reply_to_post": parent}
    if author is not None:
        same = bare_handle(author).lower() == bare_handle(post.author_handle).lower()
        return replace(post, reply_to=None if same else author, raw=raw)
    if POST_REFERENCE.match(parent):
        return replace(post, reply_to=None, raw=raw)
    return post


def parent_authors(
    session: Session, keys: AbstractSet[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(platform, native_id) -> author handle of the keys that are in the archive: one
    `platform IN (...) AND native_id IN (...)` query (per LOOKUP_CHUNK ids), which the
    unique (platform, native_id) index serves; pairs that only cross-match are dropped."""
    platforms = sorted({platform for platform, _ in keys})
    ids = sorted({native_id for _, native_id in keys})
    found: dict[tuple[str, str], str] = {}
    for start in range(0, len(ids), LOOKUP_CHUNK):
        query = select(PostRow.platform, PostRow.native_id, PostRow.author_handle).where(
            PostRow.platform.in_(platforms), PostRow.native_id.in_(ids[start:start + LOOKUP_CHUNK])
        )
        found.update({(pl, nid): author for pl, nid, author in session.execute(query)
                      if (pl, nid) in keys})
    return found


def resolve_parents(session: Session, posts: Sequence[Post]) -> list[Post]:
    """`posts` through `parent_to_author` and `quote_to_author`, parents and quoted posts
    looked up first among `posts` themselves, then in the archive (`parent_authors`).
    Holds only the batch in memory."""
    wanted = {(p.platform, p.reply_to) for p in posts if names_a_post(p.reply_to)}
    wanted |= {(p.platform, q) for p in posts if (q := quoted_post_id(p)) is not None}
    if not wanted:
        return list(posts)
    own: dict[tuple[str, str], str] = {}
    for post in posts:
        own.setdefault((post.platform, post.native_id), post.author_handle)
    missing = wanted - own.keys()
    known = {**parent_authors(session, missing), **own} if missing else own

    def author_of(platform: str, native_id: str) -> str | None:
        return known.get((platform, native_id))

    return [quote_to_author(parent_to_author(post, author_of), author_of) for post in posts]
