"""The main job on the bundled sample day: ingest -> classify -> detect -> alert -> digest.

This is what the README's first command runs. It uses the same code as the live service
(the ingest driver, the shipped classifier, the pile-on detector, the outbox and its
notifiers, the digest) on a fresh SQLite archive in an output folder, so it can be rerun
at will and never touches a real archive.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from civmon.config import Config

SAMPLE_DAY = Path(__file__).resolve().parent / "sample" / "sample_day.jsonl"

Say = Callable[[str], None]


@dataclass
class DemoResult:
    """Where the demo left its results, and what it found."""

    out_dir: Path
    database: Path
    posts: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    alerts: int = 0
    incidents: list[str] = field(default_factory=list)
    alerts_file: Path | None = None
    digest: Path | None = None


def _busiest_day(posts: list, config: Config) -> date:  # type: ignore[type-arg]
    """The day (in digest.timezone) with the most posts: the day the digest is written for."""
    zone = config.digest.zone()
    days = Counter(p.created_at.astimezone(zone).date() for p in posts)
    return days.most_common(1)[0][0]


def run_demo(config: Config, out_dir: Path, say: Say, sample: Path = SAMPLE_DAY) -> DemoResult:
    """Run the whole pipeline on `sample` into `out_dir`; `say` reports progress."""
    from alerts.detector import Detector
    from alerts.digest import write_digest
    from alerts.events import EventBus
    from alerts.incidents import IncidentStore
    from alerts.notifiers import build_notifiers
    from alerts.outbox import OutboxSubscriber, drain
    from alerts.replay import AlertWriter, run_replay
    from civmon.commands.monitor import read_stream, real_labeller
    from civmon.ingest import Ingest
    from storage import open_archive
    from storage.models import ClassificationRow, IncidentRow

    out_dir.mkdir(parents=True, exist_ok=True)
    database = out_dir / "civmon-demo.db"
    for stale in out_dir.glob("civmon-demo.db*"):
        stale.unlink()
    result = DemoResult(out_dir=out_dir, database=database)
    archive = open_archive(f"sqlite:///{database}")
    try:
        say(f"1/5 ingest   {sample.name} -> {database}")
        ingest = Ingest(archive)
        ingest.file(sample)
        s = ingest.summary
        say(f"           read {s.read}, new {s.new}, duplicate {s.duplicate}, "
            f"rejected {s.rejected}")

        say("2/5 classify and detect pile-ons, in timestamp order on a simulated clock")
        posts = read_stream(sample)
        labeller = real_labeller(config)
        notifiers = build_notifiers(config.alerts.channels, config.base_dir, ())
        notifiers.pop("file", None)  # the demo writes its own alerts file below
        bus = EventBus()
        alerts_file = out_dir / "alerts.jsonl"
        with alerts_file.open("w", encoding="utf-8") as stream:
            writer = AlertWriter(stream)
            bus.subscribe(writer)
            bus.subscribe(OutboxSubscriber(archive, notifiers.keys()))
            detector = Detector(config.alerts.rules, bus, IncidentStore(archive),
                                config.watched_aliases())
            stats = run_replay(posts, labeller, detector, archive)
        result.posts, result.alerts, result.alerts_file = stats.posts, writer.count, alerts_file
        say(f"           {stats.posts} posts labelled by model {labeller.version} "
            f"in {stats.label_s:.1f}s; {writer.count} alert(s)")

        channels = ", ".join(notifiers) or "none"
        say(f"3/5 deliver alerts through the outbox to: {channels}")
        drain(archive, notifiers, until=datetime.now(UTC) + timedelta(seconds=30))

        day = _busiest_day(posts, config)
        result.digest = out_dir / f"digest-{day.isoformat()}.html"
        say(f"4/5 digest   {day.isoformat()} -> {result.digest}")
        write_digest(archive, day, result.digest, config)

        with archive.session() as session:
            rows = session.execute(
                select(ClassificationRow.label, func.count()).group_by(ClassificationRow.label)
            ).all()
            result.labels = {label: count for label, count in rows}
            result.incidents = [
                f"#{i.id} {i.kind} against {i.target}: {i.attackers} "
                f"account{'' if i.attackers == 1 else 's'}, "
                f"{i.attack_posts} posts, severity {i.severity}"
                for i in session.scalars(select(IncidentRow).order_by(IncidentRow.opened_at))
            ]
        say("5/5 summary")
    finally:
        archive.dispose()
    return result


def reset_output(out_dir: Path) -> None:
    """Remove a previous demo's outputs (only the files the demo writes)."""
    for pattern in ("civmon-demo.db*", "alerts.jsonl", "digest-*.html"):
        for path in out_dir.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
