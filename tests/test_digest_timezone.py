"""The digest covers the campaign's calendar day (digest.timezone), not the UTC one."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from alerts.digest.data import day_bounds, gather
from civmon.config import ConfigError, parse_config
from storage import Post, store_posts


def test_late_evening_posts_belong_to_the_local_day(sqlite_archive) -> None:
    late = datetime(2026, 10, 9, 5, 0, tzinfo=UTC)  # 22:00 on 8 October in Los Angeles
    with sqlite_archive.session() as s:
        store_posts(s, [Post(platform="x", native_id="1", author_handle="a", text="hi",
                             created_at=late, collector="t", collector_version="1")])
    la = ZoneInfo("America/Los_Angeles")
    assert gather(sqlite_archive, date(2026, 10, 8), tz=la).total_posts == 1
    assert gather(sqlite_archive, date(2026, 10, 8)).total_posts == 0  # UTC day
    start, end = day_bounds(date(2026, 11, 1), la)  # DST ends: a 25-hour day
    assert (end - start).total_seconds() == 25 * 3600


def test_an_unknown_zone_is_a_config_error_with_its_path() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"digest": {"timezone": "Mars/Olympus"}})
    assert caught.value.problems[0][0] == "digest.timezone"
