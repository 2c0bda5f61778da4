"""The wide generator (held-out evaluation) and the rules added for it."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alerts.baseline import binomial_tail
from alerts.detector import Detector, LabelledPost
from alerts.events import EventBus, IncidentEvent
from civmon.config import AlertRules

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.generate_days import generate_day  # noqa: E402

T0 = datetime(2026, 10, 5, 12, 0, tzinfo=UTC)


def test_binomial_tail_matches_exact_values() -> None:
    assert binomial_tail(0, 5, 0.3) == 1.0
    assert abs(binomial_tail(5, 5, 0.5) - 1 / 32) < 1e-12
    assert abs(binomial_tail(4, 5, 0.5) - 6 / 32) < 1e-12
    assert binomial_tail(6, 5, 0.5) == 0.0


def test_wide_day_has_varied_pileons_and_decoys() -> None:
    posts, truth = generate_day(9999, posts=3000, wide=True, pileons=6)
    kinds = [e["kind"] for e in truth["episodes"]]
    assert kinds.count("pileon") == 6
    assert len(posts) == len(truth["labels"])
    sizes = [e["authors"] for e in truth["episodes"] if e["kind"] == "pileon"]
    assert min(sizes) >= 6 and max(sizes) <= 300
    assert posts == sorted(posts, key=lambda p: p["created_at"])


def _post(i: int, minutes: float, author: str, target: str) -> LabelledPost:
    return LabelledPost(post_id=str(i), platform="x", author=author,
                        created_at=T0 + timedelta(minutes=minutes), label="attack",
                        target=target)


def test_two_candidates_surging_together_is_no_pileon_but_one_alone_is() -> None:
    """Debate night: both busy targets jump alike, so neither outpaces the other."""
    rules = AlertRules(warmup_minutes=0)
    events: list[IncidentEvent] = []
    bus = EventBus()
    bus.subscribe(events.append)
    det = Detector(rules, bus)
    i = 0
    for minute in range(0, 240, 3):  # 20/hour each for four hours: both are busy
        for who in ("@dana", "@marcus"):
            i += 1
            det.observe(_post(i, minute + (i % 3) * 0.5, f"{who}-reg{i % 40}", who))
    for k in range(60):  # then 10 minutes of 6/minute on both at once
        for who in ("@dana", "@marcus"):
            i += 1
            det.observe(_post(i, 240 + k / 6, f"{who}-crowd{k}", who))
    assert not [e for e in events if e.kind == "pileon"]
    for k in range(60):  # later, one of them alone
        i += 1
        det.observe(_post(i, 420 + k / 6, f"pile{k}", "@dana"))
    assert [e.target for e in events if e.kind == "pileon" and e.step == "opened"] == ["@dana"]
