"""Monitoring commands: `civmon replay` (and, from the notifier side, `civmon digest`).

`replay` feeds a canonical JSONL stream through the live service's classification and
detection code on a simulated clock, into a fresh database unless `--db` is given, and
writes one JSON line per alert the live service would send.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from alerts.errors import AlertError
from civmon.config import Config

REPLAY_VERSION = "replay-1"


def real_labeller(config: Config) -> Any:
    """The live service's classifier as a replay `Labeller` (imported only when used)."""
    try:
        from civmon.labelling import replay_labeller
    except ImportError as exc:
        raise AlertError(
            f"the classifier is not available for replay: {exc}",
            "install civmon with its model (classifiers/model) or check classifier.model_path",
        ) from None
    return replay_labeller(config)


def read_stream(path: Path) -> list[Any]:
    """Canonical JSONL -> Posts; a bad line stops the replay with its line number."""
    from collectors.files.canonical import from_canonical
    from collectors.files.errors import BadRecord

    posts = []
    with path.open("r", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                posts.append(from_canonical(json.loads(line), REPLAY_VERSION, "replay"))
            except (ValueError, BadRecord) as exc:
                raise AlertError(f"{path}:{number}: not a canonical post: {exc}",
                                 "each line must be one JSON post with id, platform, author, "
                                 "text and created_at (ISO 8601 with a zone)") from None
    return posts


def replay_file(
    config: Config, stream: Path, alerts_out: Path, db_url: str | None,
    labeller: Any = None, batch_size: int = 512,
) -> dict[str, Any]:
    """Run one replay; returns the stats. The CLI and tests call this."""
    from alerts.detector import Detector
    from alerts.events import EventBus
    from alerts.incidents import IncidentStore
    from alerts.replay import AlertWriter, run_replay
    from storage import open_archive

    posts = read_stream(stream)
    labeller = labeller or real_labeller(config)
    with tempfile.TemporaryDirectory(prefix="civmon-replay-") as tmp:
        archive = open_archive(db_url or f"sqlite:///{Path(tmp) / 'replay.db'}")
        try:
            bus = EventBus()
            alerts_out.parent.mkdir(parents=True, exist_ok=True)
            with alerts_out.open("w", encoding="utf-8") as out:
                writer = AlertWriter(out)
                bus.subscribe(writer)
                detector = Detector(config.alerts.rules, bus, IncidentStore(archive),
                                    config.watched_aliases())
                stats = run_replay(posts, labeller, detector, archive, batch_size=batch_size)
                stats.alerts = writer.count
        finally:
            archive.dispose()
    return stats.as_json()


def _summary(stats: dict[str, Any], alerts_out: Path) -> str:
    repeated = (f", {stats['duplicates']} repeated line(s) skipped"
                if stats.get("duplicates") else "")
    return (f"replayed {stats['posts']} posts ({stats['attacks']} attacks{repeated}): "
            f"{stats['alerts']} alert(s) -> {alerts_out}  [classify {stats['label_s']:.1f}s, "
            f"store {stats['store_s']:.1f}s, detect {stats['detect_s']:.1f}s]")


def register(cli: click.Group) -> None:
    """Add this area's commands to the top-level group."""
    from civmon.cli import pass_app

    @cli.command("replay")
    @click.argument("stream", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--alerts-out", type=click.Path(dir_okay=False, path_type=Path),
                  required=True, help="Write one JSON line per alert here.")
    @click.option("--batch-size", type=click.IntRange(1, 100_000), default=512,
                  show_default=True, help="Posts classified and stored per step.")
    @pass_app
    def replay(app, stream: Path, alerts_out: Path, batch_size: int) -> None:  # type: ignore[no-untyped-def]
        """Replay STREAM.jsonl through classification and pile-on detection.

        Posts are processed in timestamp order on a simulated clock (no sleeping). Without
        --db a fresh temporary SQLite database is used and discarded.
        """
        stats = replay_file(app.config, stream, alerts_out, app.db_override,
                            batch_size=batch_size)
        click.echo(_summary(stats, alerts_out), file=sys.stderr)
