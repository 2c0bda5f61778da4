"""The live detection job: labelled posts from the archive, surviving a restart."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select

from alerts.events import EventBus, IncidentEvent
from alerts.live import detection_job
from civmon.config import parse_config
from storage import Post, store_posts
from storage.models import ClassificationRow, IncidentRow, PostRow

T0 = datetime(2026, 10, 14, 6, 0, tzinfo=UTC)
CONFIG = parse_config(
    {
        "campaigns": [
            {
                "name": "c",
                "hashtags": ["#CalderDecides"],
                "accounts": [
                    {"handle": "@rachelkim_news", "aliases": ["Rachel Kim"], "role": "journalist"}
                ],
            }
        ]
    }
)


def add(archive, rows: list[tuple[float, str, str, str | None]]) -> None:
    """Store (minute, author, label, target) posts and their labels, as the service would."""
    posts = [
        Post(
            platform="x",
            native_id=f"{a}-{m}",
            author_handle=a,
            text=f"{t} text",
            created_at=T0 + timedelta(minutes=m),
            collector="t",
            collector_version="1",
            reply_to=t if t and t.startswith("@") else None,
        )
        for m, a, _l, t in rows
    ]
    with archive.session() as s:
        store_posts(s, posts)
        ids = dict(s.execute(select(PostRow.native_id, PostRow.id)).all())
        s.execute(
            insert(ClassificationRow),
            [
                {
                    "post_id": ids[f"{a}-{m}"],
                    "model_version": "v1",
                    "label": label,
                    "scores": {label: 1.0},
                    "target": t if label == "attack" else None,
                }
                for m, a, label, t in rows
            ],
        )


def background(start: float, minutes: float, seed: int) -> list[tuple[float, str, str, str | None]]:
    rng = random.Random(seed)
    out = []
    for _ in range(int(minutes * 8)):
        m = start + rng.uniform(0, minutes)
        if rng.random() < 0.08:
            out.append((m, f"u{rng.randrange(3000)}", "attack", "@DanaWhitfield"))
        else:
            out.append((m, f"u{rng.randrange(3000)}", "other", None))
    return out


def job(archive) -> tuple:
    bus, events = EventBus(), []
    bus.subscribe(events.append)
    return detection_job(CONFIG, archive, bus), events


def test_live_job_opens_then_a_restarted_service_continues_the_incident(archive) -> None:
    add(archive, background(0, 180, 1))
    first, events = job(archive)
    assert first() == 0  # warm-up only: the past is learned, nothing is announced
    pileon = [(181 + i / 3, f"angry{i}", "attack", "@rachelkim_news") for i in range(20)]
    add(archive, pileon + background(180, 10, 2))
    assert first() == 20 + len(background(180, 10, 2))
    opened: list[IncidentEvent] = [e for e in events if e.step == "opened"]
    assert [(e.kind, e.target) for e in opened] == [("pileon", "@rachelkim_news")]

    second, events2 = job(archive)  # the service restarts
    second()
    more = [(192 + i / 3, f"late{i}", "attack", "Rachel Kim") for i in range(30)]
    add(archive, more)
    second()
    assert [e for e in events2 if e.step == "opened"] == []
    assert {e.incident_id for e in events2} == {opened[0].incident_id}
    with archive.session() as s:
        row = s.scalars(select(IncidentRow)).one()
    assert row.status == "open" and row.attackers == 50
