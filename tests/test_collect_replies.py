"""reply_to and mentions name accounts by handle, in the form each platform's author_handle
takes (Mastodon "@user@instance", Bluesky "@handle", Reddit "u/name"), because the
classifier and the pile-on detector make "@" + reply_to the target. The native parent
reference stays in raw. Driven through the real client libraries against the fakes, and
through the pure mappers with API-shaped payloads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from civmon.config import parse_config
from collectors.bluesky import BlueskyCollector, post_to_post
from collectors.mastodon import MastodonCollector
from collectors.reddit import RedditCollector, thing_to_post
from collectors.x import XCollector
from storage import Post
from tests.fakes import harness
from tests.fakes.bluesky import FakeBluesky, _facet
from tests.fakes.mastodon import FakeMastodon
from tests.fakes.reddit import FakeReddit
from tests.fakes.x import FakeX

DANA = {"id": "901", "username": "DanaWhitfield", "acct": "DanaWhitfield@campaign.social",
        "url": "https://campaign.social/@DanaWhitfield"}


@pytest.fixture(autouse=True)
def _credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in harness.ENV.items():
        monkeypatch.setenv(name, value)


@contextmanager
def running(fake_cls: Any, collector_cls: Any) -> Iterator[tuple[Any, Any]]:
    """A fake API on 127.0.0.1 and the real collector pointed at it, closed afterwards."""
    with fake_cls() as fake:
        collector = _open(collector_cls, fake)
        try:
            yield fake, collector
        finally:
            collector.close()


def _open(cls: Any, fake: Any) -> Any:
    return cls(parse_config(harness.config({cls.name: fake})))


def collect(collector: Any, cursor: str | None = None) -> tuple[dict[str, Post], str | None]:
    """One round of the collector's only query, each page mapped right after its fetch
    (as civmon.collect does): posts by native id, and the cursor it ends on."""
    (query,) = collector.queries()
    posts: dict[str, Post] = {}
    while True:
        batch = collector.fetch(query, cursor)
        posts.update((p.native_id, p) for p in map(collector.to_post, batch.items))
        cursor = batch.next_cursor
        if not batch.more:
            return posts, cursor


# --- Mastodon --------------------------------------------------------------------------


@pytest.fixture
def mastodon() -> Iterator[tuple[FakeMastodon, MastodonCollector]]:
    with running(FakeMastodon, MastodonCollector) as pair:
        yield pair


def test_mastodon_reply_names_the_account_replied_to(
        mastodon: tuple[FakeMastodon, MastodonCollector]) -> None:
    fake, collector = mastodon
    fake.publish(1)
    local_parent = fake.statuses[0]
    hank = fake.local("hank", "50")
    remote = fake.reply({"id": "1099", "account": DANA}, "You are a disgrace", hank)
    local = fake.reply(local_parent, "Nonsense, as usual", hank)
    posts, _ = collect(collector)
    to_remote, to_local = posts[remote["uri"]], posts[local["uri"]]
    assert to_remote.reply_to == "@DanaWhitfield@campaign.social"
    assert to_remote.mentions == ("@DanaWhitfield@campaign.social",)
    # A local account gets the instance's domain, exactly as its own posts' author_handle.
    host = fake.url.split("://", 1)[1]
    assert to_local.reply_to == posts[local_parent["uri"]].author_handle == f"@tooter1@{host}"
    assert to_local.mentions == (to_local.reply_to,)
    assert to_remote.raw["in_reply_to_id"] == "1099" and to_remote.conversation_id is None


def test_mastodon_self_reply_or_account_not_mentioned_is_none(
        mastodon: tuple[FakeMastodon, MastodonCollector]) -> None:
    fake, collector = mastodon
    hank = fake.local("hank", "50")
    other = fake.local("bystander", "51")
    dana_post = {"id": "1099", "account": DANA}
    thread = fake.reply(dana_post, "First of many #thread", hank)
    self_reply = fake.reply(thread, "And another thing", hank)  # mentions hank himself
    unmentioned = fake.reply(dana_post, "Not tagging her", hank, mentions=[])
    someone_else = fake.reply(dana_post, "cc", hank, mentions=[other])
    posts, _ = collect(collector)
    assert posts[thread["uri"]].reply_to == "@DanaWhitfield@campaign.social"
    assert posts[self_reply["uri"]].reply_to is None
    assert posts[unmentioned["uri"]].reply_to is None
    assert posts[someone_else["uri"]].reply_to is None  # not the first mention instead
    assert posts[someone_else["uri"]].mentions == (f"@bystander@{fake.url.split('://')[1]}",)


# --- Bluesky ---------------------------------------------------------------------------

HANK = {"did": "did:plc:hank", "handle": "harborhank.bsky.social", "displayName": "Hank"}


def _bsky(text: str, facets: list[dict[str, Any]], parent: str | None = None,
          author: dict[str, str] = HANK) -> dict[str, Any]:
    """A PostView as searchPosts lists it."""
    record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text, "facets": facets,
                              "createdAt": "2026-10-01T12:00:00.000Z", "langs": ["en"]}
    if parent:
        ref = {"uri": parent, "cid": "bafyreiparent"}
        record["reply"] = {"root": ref, "parent": ref}
    return {"uri": f"at://{author['did']}/app.bsky.feed.post/3lreply", "cid": "bafyreireply",
            "author": author, "record": record, "indexedAt": "2026-10-01T12:00:01.000Z"}


def _mention(text: str, handle: str, did: str) -> dict[str, Any]:
    return _facet(text, "@" + handle, {"$type": "app.bsky.richtext.facet#mention", "did": did})


def test_bluesky_mentions_are_the_handles_the_facets_cover() -> None:
    text = "Ça suffit 🙄 @DanaWhitfield.bsky.social and @ally.bsky.social, you lied"
    facets = [_mention(text, "DanaWhitfield.bsky.social", "did:plc:dana"),
              _mention(text, "ally.bsky.social", "did:plc:ally"),
              {"index": {"byteStart": 0, "byteEnd": 3},  # not an @handle: skipped
               "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:x"}]}]
    # the offsets count UTF-8 bytes: "Ç" and "🙄" make them differ from character offsets
    assert facets[0]["index"]["byteStart"] != text.index("@Dana")
    post = post_to_post(_bsky(text, facets))
    assert post.mentions == ("@danawhitfield.bsky.social", "@ally.bsky.social")
    assert post.reply_to is None


def test_bluesky_reply_to_is_a_handle_or_none_never_a_did() -> None:
    dana_post = "at://did:plc:dana/app.bsky.feed.post/3kroot"
    text = "@danawhitfield.bsky.social resign"
    tagged = post_to_post(_bsky(text, [_mention(text, "danawhitfield.bsky.social",
                                                "did:plc:dana")], dana_post))
    assert tagged.reply_to == "@danawhitfield.bsky.social"
    untagged = _bsky("resign", [], dana_post)
    assert post_to_post(untagged).reply_to is None
    handles = {"did:plc:dana": "danawhitfield.bsky.social", "did:plc:gone": None}
    assert post_to_post(untagged, handles).reply_to == "@danawhitfield.bsky.social"
    gone = _bsky("resign", [], "at://did:plc:gone/app.bsky.feed.post/3k")
    assert post_to_post(gone, handles).reply_to is None
    thread = _bsky("1/ more", [], "at://did:plc:hank/app.bsky.feed.post/3kmine")
    assert post_to_post(thread, {"did:plc:hank": "harborhank.bsky.social"}).reply_to is None
    assert post_to_post(untagged, handles).raw["record"]["reply"]["parent"]["uri"] == dana_post


@pytest.fixture
def bluesky() -> Iterator[tuple[FakeBluesky, BlueskyCollector]]:
    with running(FakeBluesky, BlueskyCollector) as pair:
        yield pair


def _lookups(fake: FakeBluesky) -> list[list[str]]:
    return [r.query_lists.get("actors", []) for r in fake.requests
            if r.path == "/xrpc/app.bsky.actor.getProfiles"]


def test_bluesky_collector_looks_up_unknown_parents_in_batches_once(
        bluesky: tuple[FakeBluesky, BlueskyCollector]) -> None:
    fake, collector = bluesky
    tag = " #" + fake.hashtag
    in_page = fake.publish(1)[0]  # its author is learned from the page itself
    answer = fake.reply(in_page, "Wrong" + tag)
    replies = {}
    for i in range(29):
        fake.add_account(f"did:plc:voter{i}", f"voter{i}.bsky.social")
        replies[i] = fake.reply(f"at://did:plc:voter{i}/app.bsky.feed.post/3k{i}", "No" + tag)
    gone = fake.reply("at://did:plc:gone/app.bsky.feed.post/3k", "Bye" + tag)
    tagged = fake.reply("at://did:plc:ally/app.bsky.feed.post/3k", "@ally.bsky.social no" + tag,
                        mentions={"ally.bsky.social": "did:plc:ally"})  # named by the post
    posts, cursor = collect(collector)
    assert posts[tagged].reply_to == "@ally.bsky.social"
    assert posts[answer].reply_to == posts[in_page].author_handle == "@author1.bsky.social"
    assert all(posts[uri].reply_to == f"@voter{i}.bsky.social" for i, uri in replies.items())
    assert posts[gone].reply_to is None
    asked = _lookups(fake)
    assert sorted(map(len, asked)) == [5, 25]
    assert sorted(sum(asked, [])) == sorted([f"did:plc:voter{i}" for i in range(29)]
                                            + ["did:plc:gone"])
    again = fake.reply("at://did:plc:voter3/app.bsky.feed.post/3k3", "Still no" + tag)
    fake.reply("at://did:plc:gone/app.bsky.feed.post/3k", "Still gone" + tag)
    later, _ = collect(collector, cursor)
    assert later[again].reply_to == "@voter3.bsky.social"
    assert len(_lookups(fake)) == 2  # remembered, the unknown one included


def test_bluesky_failed_lookup_keeps_collecting_and_asks_again_later(
        bluesky: tuple[FakeBluesky, BlueskyCollector]) -> None:
    fake, collector = bluesky
    fake.add_account("did:plc:dana", "danawhitfield.bsky.social")
    dana_post = "at://did:plc:dana/app.bsky.feed.post/3kroot"
    fake.profile_failures = 1
    first = fake.reply(dana_post, "Resign #" + fake.hashtag)
    posts, cursor = collect(collector)
    assert posts[first].reply_to is None
    second = fake.reply(dana_post, "Resign now #" + fake.hashtag)
    later, _ = collect(collector, cursor)
    assert later[second].reply_to == "@danawhitfield.bsky.social"


# --- Reddit ----------------------------------------------------------------------------


@pytest.fixture
def reddit() -> Iterator[tuple[FakeReddit, RedditCollector]]:
    with running(FakeReddit, RedditCollector) as pair:
        yield pair


def test_reddit_comments_name_the_author_they_answer(
        reddit: tuple[FakeReddit, RedditCollector], monkeypatch: pytest.MonkeyPatch) -> None:
    fake, collector = reddit
    thread, top, nested = fake.publish(1, comments=2)
    posts, cursor = collect(collector)
    assert posts[top].reply_to == posts[thread].author_handle == "u/redditor1"
    assert posts[nested].reply_to == posts[top].author_handle == "u/commenter0"
    assert posts[nested].raw["data"]["parent_id"] == top
    assert posts[nested].conversation_id == thread and posts[thread].reply_to is None
    # no search overlap: the thread is now only a recent thread, its comments fetched again
    monkeypatch.setattr(collector, "overlap_seconds", 0.0)
    late = fake.add_comment(thread)
    later, _ = collect(collector, cursor)
    assert thread not in later and later[late].reply_to == "u/redditor1"


def test_reddit_deleted_parent_is_none(reddit: tuple[FakeReddit, RedditCollector]) -> None:
    fake, collector = reddit
    _, top, nested = fake.publish(1, comments=2)
    fake.delete(top)
    posts, _ = collect(collector)
    assert posts[nested].reply_to is None


def _comment(**data: Any) -> dict[str, Any]:
    return {"kind": "t1", "data": {"id": "c9", "name": "t1_c9", "author": "harbor_hank",
                                   "body": "Shameful", "created_utc": 1_790_000_000.0,
                                   "link_id": "t3_s1", "parent_id": "t3_s1", **data}}


@pytest.mark.parametrize(("data", "authors", "expected"), [
    ({"link_author": "DanaWhitfield"}, {}, "u/DanaWhitfield"),   # listings carry it
    ({}, {"t3_s1": "DanaWhitfield"}, "u/DanaWhitfield"),         # from the fetched thread
    ({"parent_id": "t1_p1"}, {"t1_p1": "ally"}, "u/ally"),
    ({"parent_id": "t1_p1"}, {}, None),                          # parent not fetched
    ({"parent_id": "t1_p1", "link_author": "DanaWhitfield"}, {}, None),  # not the OP's
    ({"link_author": "[deleted]"}, {}, None),
    ({"link_author": "Harbor_Hank"}, {}, None),                  # the commenter's own thread
    ({}, {}, None),
])
def test_reddit_reply_to_is_the_parents_author_or_none(
        data: dict[str, Any], authors: dict[str, str], expected: str | None) -> None:
    assert thing_to_post(_comment(**data), authors).reply_to == expected


# --- X -------------------------------------------------------------------------------------


def test_x_reply_names_the_user_replied_to_never_a_tweet_id() -> None:
    with running(FakeX, XCollector) as (fake, collector):
        fake.users["2"]["username"] = "DanaWhitfield"
        reply = fake.publish_reply("@DanaWhitfield you are a fraud #Whitfield2026", "3", "2")
        unmentioned = fake.publish_reply("what a fraud #Whitfield2026", "4", "2",
                                         mention=False)
        thread = fake.publish_reply("and another thing #Whitfield2026", "5", "5")
        (plain,) = fake.publish(1)
        posts, _ = collect(collector)
    assert posts[reply].reply_to == "@DanaWhitfield"
    assert posts[reply].mentions == ("@DanaWhitfield",)
    # known from the expansion alone: no @mention needed
    assert posts[unmentioned].reply_to == "@DanaWhitfield"
    assert posts[thread].reply_to is None and posts[plain].reply_to is None
    # the tweet replied to stays in the raw payload
    assert posts[reply].raw["referenced_tweets"][0]["type"] == "replied_to"
