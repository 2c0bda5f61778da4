"""Each import format maps one record to posts, or rejects it with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from archive_data import record

from collectors.files import BadRecord, from_canonical, from_twarc2, parse_mapping, to_canonical
from collectors.files.csvmap import row_to_post


def test_canonical_record_becomes_a_post_and_back() -> None:
    post = from_canonical(record(4, extra_field="kept"), "0.1.0")
    expected = ("reddit", "1000004", "@cedarpt_cat")
    assert (post.platform, post.native_id, post.author_handle) == expected
    assert post.created_at == datetime(2026, 10, 1, 8, 28, tzinfo=UTC)
    assert post.raw == {"extra_field": "kept", "n": 4}
    assert post.collector == "ingest:jsonl" and post.collector_version == "0.1.0"
    again = from_canonical(to_canonical(post), "0.1.0")
    assert again == post


def test_derived_export_keys_are_ignored_on_import() -> None:
    post = from_canonical(record(1, label="attack", target="@DanaWhitfield", label_model="m1"), "v")
    assert post.raw == {"n": 1}


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"created_at": "2026-10-01T08:00:00"}, "no time zone"),
        ({"created_at": "yesterday"}, "not an ISO 8601 time"),
        ({"text": 42}, "'text' must be a string"),
        ({"hashtags": "#one"}, "'hashtags' must be a list of strings"),
        ({"mentions": [1, 2]}, "'mentions' must be a list of strings"),
        ({"raw": [1]}, "'raw' must be a JSON object"),
        ({"author": ""}, "missing required key(s): author"),
        ({"platform": "two words"}, "'platform' must be one word"),
        ({"id": "x" * 200}, "longer than 128"),
        ({"text": "nul\x00byte"}, "NUL"),
    ],
)
def test_bad_canonical_records_say_why(changes: dict, reason: str) -> None:
    with pytest.raises(BadRecord) as caught:
        from_canonical(record(1, **changes), "v")
    assert reason in caught.value.reason


def _tweet(i: int, **extra: object) -> dict:
    return {"id": str(900 + i), "text": f"@DanaWhitfield debate night #CalderDebate {i}",
            "author_id": "11", "created_at": "2026-10-02T01:00:00.000Z", "lang": "en",
            "conversation_id": "900", "in_reply_to_user_id": "22",
            "entities": {"hashtags": [{"start": 0, "end": 5, "tag": "CalderDebate"}],
                         "mentions": [{"username": "DanaWhitfield", "id": "22"}]},
            **extra}


def test_twarc2_page_maps_handles_from_includes() -> None:
    page = {"data": [_tweet(1), _tweet(2)],
            "includes": {"users": [{"id": "11", "username": "harbor_hank"},
                                   {"id": "22", "username": "DanaWhitfield"}]},
            "__twarc": {"url": "https://api.twitter.com/2/tweets/search/recent", "version": "2.14"}}
    posts = from_twarc2(page, "v")
    assert [p.native_id for p in posts] == ["901", "902"]
    first = posts[0]
    assert (first.platform, first.author_handle, first.author_id, first.reply_to) == (
        "x", "@harbor_hank", "11", "@DanaWhitfield")
    assert first.hashtags == ("#CalderDebate",) and first.mentions == ("@DanaWhitfield",)
    assert first.url == "https://twitter.com/harbor_hank/status/901"
    assert first.raw["author"]["username"] == "harbor_hank" and "__twarc" in first.raw
    assert first.created_at == datetime(2026, 10, 2, 1, 0, tzinfo=UTC)


def test_twarc2_flattened_tweet_uses_inlined_author() -> None:
    tweet = _tweet(3, author={"id": "11", "username": "tillman_farmer"},
                   in_reply_to_user={"id": "22", "username": "MarcusHaleForGov"}, __twarc={})
    (post,) = from_twarc2(tweet, "v")
    assert (post.author_handle, post.reply_to) == ("@tillman_farmer", "@MarcusHaleForGov")
    assert post.collector == "ingest:twarc2"


def test_twarc2_page_with_unknown_author_is_rejected() -> None:
    with pytest.raises(BadRecord, match="author username not found"):
        from_twarc2({"data": [_tweet(1)], "includes": {"users": []}}, "v")


def test_csv_row_with_mapping_constants_and_epoch_time() -> None:
    mapping = parse_mapping("id=tweet_id,author=user,created_at=time,platform=:reddit")
    row = {"tweet_id": "77", "user": "cedarpt_cat", "time": "1790000000", "text": "Measure H",
           "hashtags": "#CalderDecides #Whitfield2026", "likes": "3"}
    post = row_to_post(row, mapping, "v")
    assert (post.platform, post.native_id, post.author_handle) == ("reddit", "77", "cedarpt_cat")
    assert post.created_at == datetime.fromtimestamp(1790000000, UTC)
    assert post.hashtags == ("#CalderDecides", "#Whitfield2026")
    assert post.raw == {"likes": "3"}


def test_csv_mapping_errors_name_the_part() -> None:
    with pytest.raises(ValueError, match="unknown field 'handle'"):
        parse_mapping("handle=user")
    with pytest.raises(ValueError, match="not field=column"):
        parse_mapping("id")


@pytest.mark.parametrize(
    "changes",
    [{}, {"platform": "X"}, {"id": 5}, {"created_at": "2026-10-01T10:00:00+02:00"},
     {"created_at": "2026-10-01T10:00:00Z"}, {"extra": 1}, {"reply_to": None, "url": None},
     {"hashtags": [], "mentions": None}, {"raw": None}, {"lang": "x" * 17},
     {"platform": "mastodon", "author_id": "9", "conversation_id": "1"}],
)
def test_fast_path_agrees_with_the_checked_path(changes: dict) -> None:
    """The bulk-import fast path may only decline (None), never decide differently."""
    from collectors.files.canonical import _checked, _fast

    obj = record(3, **changes)
    fast = _fast(obj, "v", "c")
    try:
        checked = _checked(obj, "v", "c")
    except BadRecord:
        assert fast is None
    else:
        assert fast is None or fast == checked
