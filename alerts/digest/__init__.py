"""The daily digest: one page the digital team reads in a minute, plus a short summary.

    write_digest(archive, day, out_path, config)  -> DigestSummary  (writes the HTML page)
    notify_digest(archive, summary, channels)     -> rows queued in the outbox
    run_daily_digest(archive, config, channels, now)       -> yesterday's digest, announced
    maybe_run_daily_digest(archive, config, channels, now) -> the same once `time_of_day`
                                                  has passed and it was not done yet (for a
                                                  periodic job in `civmon run`)

The summary goes through the outbox like any alert (dedupe key "<channel>:digest:<day>"),
so a digest is announced once per channel even if the job runs twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from alerts.digest.data import DigestData, gather
from alerts.digest.render import render_html
from alerts.errors import AlertError
from civmon.config import Config
from storage import Archive
from storage.models import utcnow

__all__ = ["DigestData", "DigestSummary", "gather", "maybe_run_daily_digest", "notify_digest",
           "render_html", "run_daily_digest", "write_digest"]

DIGEST_CHANNELS = ("slack", "email_digest", "email", "webhook", "file", "console")


@dataclass(frozen=True, slots=True)
class DigestSummary:
    """The headline figures of one day, for the Slack summary and the scheduler's log."""

    day: str
    total_posts: int
    labelled_posts: int
    attack_share: float
    substantive_share: float
    previous_attack_share: float
    incidents: int
    top_targets: list[tuple[str, int]] = field(default_factory=list)
    top_terms: list[str] = field(default_factory=list)
    html_path: str | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["top_targets"] = [list(t) for t in self.top_targets]
        return data

    @classmethod
    def of(cls, data: DigestData, html_path: Path | None) -> DigestSummary:
        return cls(
            day=data.day.isoformat(), total_posts=data.total_posts,
            labelled_posts=data.today.labelled,
            attack_share=data.today.share("attack"),
            substantive_share=data.today.share("substantive"),
            previous_attack_share=data.previous_attack_share,
            incidents=len(data.incidents),
            top_targets=[(t.target, t.attacks) for t in data.targets[:5]],
            top_terms=[term for term, _ in data.terms[:5]],
            html_path=str(html_path) if html_path else None,
        )


def _title(config: Config | None) -> str:
    if config and config.campaigns:
        return f"{config.campaigns[0].name}: daily digest"
    return "civmon daily digest"


def write_digest(archive: Archive, day: date, out_path: str | Path,
                 config: Config | None = None) -> DigestSummary:
    """Write the HTML digest of `day` (in digest.timezone) to `out_path`; return its summary."""
    path = Path(out_path)
    data = gather(archive, day, tz=config.digest.zone() if config else UTC)
    html = render_html(data, title=_title(config))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise AlertError(f"cannot write the digest to {path}: {exc.strerror or exc}",
                         "choose another --out path or fix digest.out_dir") from None
    return DigestSummary.of(data, path.resolve())


def digest_channels(configured: Iterable[str]) -> list[str]:
    """The outbox channels a digest goes to, among those configured.

    `email_digest` (digest.recipients) replaces `email` (alerts.channels.email_to) when set.
    """
    names = set(configured)
    if "email_digest" in names:
        names.discard("email")
    return [c for c in DIGEST_CHANNELS if c in names]


def notify_digest(archive: Archive, summary: DigestSummary, channels: Iterable[str],
                  *, now: datetime | None = None) -> int:
    """Queue the summary for each channel (once per day and channel); returns rows added."""
    from alerts.outbox import enqueue_digest

    with archive.session() as session:
        return enqueue_digest(session, summary.as_json(), digest_channels(channels), now=now)


def default_out_path(config: Config, day: date) -> Path:
    return config.resolve_path(config.digest.out_dir) / f"digest-{day.isoformat()}.html"


def maybe_run_daily_digest(archive: Archive, config: Config, channels: Iterable[str],
                           now: datetime | None = None) -> DigestSummary | None:
    """For a periodic job: once `digest.time_of_day` (in digest.timezone) has passed, write
    and announce yesterday's digest unless that was already done; None when there was
    nothing to do."""
    now = (now or utcnow()).astimezone(config.digest.zone())
    hour, minute = (int(part) for part in config.digest.time_of_day.split(":"))
    if (now.hour, now.minute) < (hour, minute):
        return None
    day = (now - timedelta(days=1)).date()
    wanted = digest_channels(channels)
    if default_out_path(config, day).is_file() and _already_queued(archive, day, wanted):
        return None
    return run_daily_digest(archive, config, channels, now)


def _already_queued(archive: Archive, day: date, channels: list[str]) -> bool:
    from sqlalchemy import func, select

    from storage.models import OutboxRow

    keys = [f"{channel}:digest:{day.isoformat()}" for channel in channels]
    if not keys:
        return True
    with archive.session() as session:
        found = session.scalar(select(func.count()).select_from(OutboxRow)
                               .where(OutboxRow.dedupe_key.in_(keys)))
    return found == len(keys)


def run_daily_digest(archive: Archive, config: Config, channels: Iterable[str],
                     now: datetime | None = None) -> DigestSummary:
    """Yesterday's digest (in digest.timezone), written to digest.out_dir and announced."""
    now = (now or utcnow()).astimezone(config.digest.zone())
    day = (now - timedelta(days=1)).date()
    summary = write_digest(archive, day, default_out_path(config, day), config)
    notify_digest(archive, summary, channels, now=now)
    return summary
