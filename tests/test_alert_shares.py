"""alerts.shares: whom a reply to a shared post speaks of, and whose post a quote quotes."""

from __future__ import annotations

from alerts.shares import SHARE_SECONDS, SharedPosts, quoted_account, shared_subject
from classifiers.targets import speaks_of_someone


def test_a_share_is_about_the_one_account_it_tags_besides_its_author() -> None:
    assert shared_subject("@GailOstrander on Renner County voters: 'stubborn.' Yikes",
                          "@realmattyang", ["@GailOstrander"]) == "@GailOstrander"
    # its author tagging herself, or tagging twice, is still one account
    assert shared_subject("me and @gail", "@matt", ["@Matt", "@gail", "@GAIL"]) == "@gail"
    # two people: about neither
    assert shared_subject("@ana vs @ben tonight", "@matt", ["@ana", "@ben"]) is None


def test_a_share_by_link_is_about_the_account_whose_post_it_links() -> None:
    text = ("Kuehl volunteer captain Ray Lindgren says his crew will be 'watching the polls' "
            "https://youtu.be/3a6jg7i4 https://x.com/RayLindgren58/status/2111115591275250039")
    assert shared_subject(text, "@barnkristin") == "@RayLindgren58"
    assert shared_subject("look https://bsky.app/profile/tanyaboyd.bsky.social/post/3myg",
                          "@reddan4032.bsky.social") == "@tanyaboyd.bsky.social"
    # its author's own post, a link to no post, or no link: about no one named
    assert shared_subject("my take https://twitter.com/barn/status/1", "@barn") is None
    assert shared_subject("read this https://kprx.org/election/2026/10/x", "@barn") is None
    assert shared_subject("Gail Ostrander on Renner County voters", "@barn") is None
    # a tag is read before a link
    assert shared_subject("@ana said it https://x.com/ben/status/1", "@c", ["@ana"]) == "@ana"
    # a Mastodon status link (the "RE: <link>" of a quote) names its server too
    assert shared_subject("so this happened\n\nRE: https://quill.social/@lenafiske/1131",
                          "@barn@mastodon.social") is None  # too short an id: not a status
    assert shared_subject("so this happened\n\nRE: https://quill.social/@lenafiske/113144",
                          "@barn@mastodon.social") == "@lenafiske@quill.social"
    assert shared_subject("https://medium.com/@lenafiske/why-i-check-12345678",
                          "@barn") is None


def test_only_an_authors_latest_share_answers_and_only_for_a_few_hours() -> None:
    shares = SharedPosts()
    shares.remember("@Matt", 0.0, "@ana look", ["@ana"])
    assert shares.subject("@matt", 60.0) == "@ana"
    shares.remember("@matt", 100.0, "@ben look", ["@ben"])
    assert shares.subject("@MATT", 160.0) == "@ben"
    assert shares.subject("@matt", 100.0 + SHARE_SECONDS + 1) is None
    assert shares.subject("@nobody", 160.0) is None


def test_a_reply_that_speaks_of_her_or_of_this_guy_speaks_of_someone_else() -> None:
    for text in ("@sharer She is dumb as a rock", "LOOK AT THIS SMUG GUY LMAO",
                 "what an obnoxious little woman", "he sounds like a complete moron",
                 "@MayorHendry LEAVE HIM ALONE, HE'S DOING HIS JOB"):
        assert speaks_of_someone(text), text
    for text in ("you are a clown, and she knows it", "what a clown", "shed a tear",
                 "the hearing is at noon", "@theo what a fraud"):
        assert not speaks_of_someone(text), text


def test_a_quote_is_of_the_account_it_quotes_or_links() -> None:
    from datetime import UTC, datetime

    from storage import Post

    def post(text: str, raw: dict[str, str] | None = None, author: str = "@barn") -> Post:
        return Post("x", "1", author, text, datetime(2026, 10, 1, tzinfo=UTC), "t", "1",
                    raw=raw or {})

    assert quoted_account(post("clown", {"quoted_author": "@LenaFiskeChecks"})) == (
        "@LenaFiskeChecks")
    assert quoted_account(post("clown https://x.com/LenaFiskeChecks/status/21")) == (
        "@LenaFiskeChecks")
    assert quoted_account(post("clown\n\nRE: https://quill.social/@lenafiske/113144190")) == (
        "@lenafiske@quill.social")  # Mastodon's quote
    # its author's own post, two accounts' posts, or no post: none
    assert quoted_account(post("me https://x.com/barn/status/21")) is None
    assert quoted_account(post("https://x.com/ana/status/1 https://x.com/ben/status/2")) is None
    assert quoted_account(post("clown https://kprx.org/2026/10/story")) is None
