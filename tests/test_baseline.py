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
