"""`civmon ingest` reads a `reply_to` that holds the parent post's id as `civmon replay` does
(storage.replies): the parent's author, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from archive_data import write_jsonl
from sqlalchemy import event, select

from civmon.ingest import Ingest
from storage import Post
from storage.models import PostRow
from storage.replies import parent_to_author

START = datetime(2026, 10, 1, 15, 0, tzinfo=UTC)
AT_PARENT = "at://did:plc:y/app.bsky.feed.post/9z"


def post(native_id: str, author: str, reply_to: str | None = None, *, platform: str = "x",
         minute: int = 0) -> dict[str, Any]:
    return {"id": native_id, "platform": platform, "author": author, "text": f"post {native_id}",
            "created_at": (START + timedelta(minutes=minute)).isoformat(),
            "reply_to": reply_to, "raw": {"n": native_id}}


def stored(archive) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(platform, id) -> (reply_to, raw["reply_to_post"]) of every stored post."""
    with archive.session() as s:
        return {(r.platform, r.native_id): (r.reply_to, r.raw.get("reply_to_post"))
                for r in s.scalars(select(PostRow))}


def test_parent_post_ids_become_their_authors_handles(archive, tmp_path: Path) -> None:
    earlier = write_jsonl(tmp_path / "earlier.jsonl", [post("1843", "@DanaWhitfield")])
    Ingest(archive).file(earlier)
    path = write_jsonl(tmp_path / "replies.jsonl", [
        post("100", "@nadia_reports", minute=1),
        post("101", "@angry1", "100", minute=2),                        # parent in this batch
        post("102", "@angry2", "100", minute=3),                        # in an earlier batch
        post("103", "@harbor_hank", "1843", minute=4),                  # in an earlier file
        post("104", "@Nadia_Reports", "100", minute=5),                 # a self-reply
        post("at://did:plc:x/app.bsky.feed.post/3a", "@someone.bsky.social", AT_PARENT,
             platform="bluesky", minute=6),                             # not in the archive
        post("105", "@angry3", "nadia", minute=7),                      # may be a handle
        post("106", "u/dry_fork_dusty", "100", platform="reddit", minute=8),  # other platform
        post("107", "@angry4", "@DanaWhitfield", minute=9),             # a handle already
    ])
    job = Ingest(archive, batch_size=2)
    job.file(path)
    assert (job.summary.new, job.summary.rejected) == (9, 0)
    got = stored(archive)
    assert got[("x", "101")] == ("@nadia_reports", "100")
    assert got[("x", "102")] == ("@nadia_reports", "100")
    assert got[("x", "103")] == ("@DanaWhitfield", "1843")
    assert got[("x", "104")] == (None, "100")
    assert got[("bluesky", "at://did:plc:x/app.bsky.feed.post/3a")] == (None, AT_PARENT)
    assert got[("x", "105")] == ("nadia", None)
    assert got[("reddit", "106")] == ("100", None)
    assert got[("x", "107")] == ("@DanaWhitfield", None)
    assert got[("x", "100")] == (None, None)


def test_a_batch_looks_its_parents_up_in_one_query(archive, tmp_path: Path) -> None:
    parents = [post(str(i), f"@author{i}", minute=i) for i in range(50)]
    Ingest(archive).file(write_jsonl(tmp_path / "parents.jsonl", parents))
    replies = [post(str(1000 + i), f"@reply{i}", str(i), minute=60 + i) for i in range(50)]
    lookups: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "posts.author_handle" in statement and statement.lstrip().startswith("SELECT"):
            lookups.append(statement)

    event.listen(archive.engine, "before_cursor_execute", count)
    try:
        Ingest(archive).file(write_jsonl(tmp_path / "replies.jsonl", replies))
    finally:
        event.remove(archive.engine, "before_cursor_execute", count)
    assert len(lookups) == 1
    assert stored(archive)[("x", "1049")] == ("@author49", "49")


def test_replay_and_ingest_share_the_rule() -> None:
    authors = {("x", "100"): "@nadia_reports"}

    def author_of(platform: str, native_id: str) -> str | None:
        return authors.get((platform, native_id))

    def reply(to: str, author: str = "@angry") -> Post:
        return Post("x", "200", author, "you are a clown", START, "t", "1", reply_to=to)

    resolved = {to: parent_to_author(reply(to), author_of)
                for to in ("100", "t1_abc", "1234567890", "nadia", "u/nadia", "@nadia")}
    assert {to: (p.reply_to, p.raw.get("reply_to_post")) for to, p in resolved.items()} == {
        "100": ("@nadia_reports", "100"), "t1_abc": (None, "t1_abc"),
        "1234567890": (None, "1234567890"), "nadia": ("nadia", None),
        "u/nadia": ("u/nadia", None), "@nadia": ("@nadia", None),
    }
    assert parent_to_author(reply("100", "@NADIA_reports"), author_of).reply_to is None


def test_the_author_of_a_quoted_post_is_kept_with_the_quote(archive, tmp_path: Path) -> None:
    # An insult quoting a reporter's post is about her (alerts.replay.quote_about): the
    # quoted post's author is looked up as a parent is, wherever the source says what
    # it quotes, and kept in raw as `quoted_author`.
    bsky_post = "at://did:plc:lena/app.bsky.feed.post/3k"
    earlier = write_jsonl(tmp_path / "earlier.jsonl", [
        post("500", "@LenaFiskeChecks"),
        {**post(bsky_post, "@lenafiske.prairiecheck.org", platform="bluesky")},
    ])
    Ingest(archive).file(earlier)

    def quoting(native_id: str, raw: dict[str, Any], *, platform: str = "x",
                author: str = "@angry") -> dict[str, Any]:
        return {**post(native_id, author, platform=platform, minute=5), "raw": raw}

    path = write_jsonl(tmp_path / "quotes.jsonl", [
        quoting("601", {"quoted_status_id": "500"}),                      # an X export
        quoting("602", {"referenced_tweets": [{"type": "replied_to", "id": "9"},
                                              {"type": "quoted", "id": "500"}]}),  # API v2
        quoting("at://did:plc:a/app.bsky.feed.post/1", {"embed": {
            "$type": "app.bsky.embed.record#view", "record": {"uri": bsky_post}}},
            platform="bluesky", author="@a.bsky.social"),                # a post view
        quoting("at://did:plc:b/app.bsky.feed.post/2", {"record": {"embed": {
            "$type": "app.bsky.embed.recordWithMedia",
            "record": {"record": {"uri": bsky_post}}}}},
            platform="bluesky", author="@b.bsky.social"),                # with media
        quoting("603", {"quoted_status_id": "999"}),                      # not archived
        quoting("604", {"quoted_status_id": "500"}, author="@lenafiskechecks"),  # her own
        quoting("605", {"n": "605"}),                                     # no quote
        # quoted posts not archived, whose authors the payload itself names: X's
        # expanded link to the quoted tweet, Bluesky's embed view
        quoting("606", {"referenced_tweets": [{"type": "quoted", "id": "777"}],
                        "entities": {"urls": [{"url": "https://t.co/x", "expanded_url":
                                               "https://twitter.com/RachelKimNews/status/777"}]}}),
        quoting("607", {"referenced_tweets": [{"type": "quoted", "id": "778"}],
                        "entities": {"urls": [{"expanded_url":
                                               "https://twitter.com/RachelKimNews/status/777"}]}}),
        quoting("at://did:plc:c/app.bsky.feed.post/3", {"embed": {
            "$type": "app.bsky.embed.recordWithMedia#view", "record": {"record": {
                "uri": "at://did:plc:rk/app.bsky.feed.post/9",
                "author": {"did": "did:plc:rk", "handle": "rachelkim.bsky.social"}}}}},
            platform="bluesky", author="@c.bsky.social"),
    ])
    Ingest(archive).file(path)
    with archive.session() as s:
        got = {r.native_id: r.raw.get("quoted_author") for r in s.scalars(select(PostRow))}
    assert got["601"] == got["602"] == "@LenaFiskeChecks"
    assert got["at://did:plc:a/app.bsky.feed.post/1"] == "@lenafiske.prairiecheck.org"
    assert got["at://did:plc:b/app.bsky.feed.post/2"] == "@lenafiske.prairiecheck.org"
    assert got["603"] is got["604"] is got["605"] is got["607"] is None  # 607: another post
    assert got["606"] == "@RachelKimNews"
    assert got["at://did:plc:c/app.bsky.feed.post/3"] == "@rachelkim.bsky.social"
