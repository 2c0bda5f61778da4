"""The per-target baseline (alerts.baseline.Ewma)."""

from __future__ import annotations

import pytest

from alerts.baseline import Ewma


def test_a_name_linked_to_a_handle_brings_its_learned_rate() -> None:
    # A candidate insulted 6 times an hour by name and 12 times by handle: once the name is
    # known to be the handle's, the handle's baseline is what both learned, 18 an hour.
    by_handle, by_name = Ewma(60, 0.0, 3.0), Ewma(60, 0.0, 3.0)
    for minute in range(0, 240, 5):
        by_handle.add(minute * 60.0)
        by_name.add(minute * 60.0 + 1.0, weight=0.5)
    now = 240 * 60.0
    expected = by_handle.per_hour(now) + by_name.per_hour(now)
    assert by_handle.per_hour(now) == pytest.approx(12.0, rel=0.05)
    by_handle.absorb(by_name, now)
    assert by_handle.per_hour(now) == pytest.approx(expected)
    assert by_handle.per_hour(now + 3600) == pytest.approx(expected * 0.5, rel=0.05)  # decays


def test_a_global_rate_read_after_every_event_has_expired_does_not_crash() -> None:
    # A campaign's small hours: the last attack at 01:00, then none for longer than the
    # horizon. Reading the rate twice in that silence once indexed past the list's end
    # (third generator, seed 5007 with true labels: the replay stopped with IndexError).
    from alerts.baseline import GlobalRate, TimeSeries

    rate = GlobalRate(240, origin=0.0, horizon_seconds=3 * 3600.0)
    for second in range(0, 3600, 60):
        rate.add(float(second))
    rate.catch_up(3 * 3600.0)
    rate.catch_up(8 * 3600.0)  # every time is now past the horizon
    rate.catch_up(9 * 3600.0)
    assert rate.count_since(8 * 3600.0) == 0
    assert rate.surge(9 * 3600.0, 1800.0) == 0.0
    rate.add(9 * 3600.0 + 1.0)
    assert rate.count_since(9 * 3600.0) == 1

    series = TimeSeries(3 * 3600.0)
    series.add(0.0)
    series.expire(8 * 3600.0)
    series.expire(9 * 3600.0)
    assert series.count_since(0.0) == 0


def test_the_rate_before_a_burst_is_still_known_after_the_burst_raised_it() -> None:
    # Insulted once an hour all day, then three insults every five minutes for twenty
    # minutes: the winsorised average has climbed, and the rate as of the burst's start
    # is still the one an hour.
    rate = Ewma(240, 0.0, 2.5)
    for minute in range(0, 600, 60):
        rate.add(minute * 60.0 + 30.0)
    start = 600 * 60.0
    for i in range(12):
        rate.add(start + i * 100.0)
    now = start + 1200.0
    before = rate.per_hour_as_of(start, now)
    assert before == pytest.approx(1.0, rel=0.25)
    assert rate.per_hour(now) > before + 0.5
    assert rate.per_hour_as_of(now, now) == rate.per_hour(now)
    assert rate.per_hour_as_of(0.0, now) <= before  # older than the marks kept: the oldest
