"""`civmon digest`: write one day's HTML digest, and optionally announce it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import click

from civmon.app import App


def register(cli: click.Group) -> None:
    """Add `digest` to the top-level group."""
    from civmon.cli import pass_app

    @cli.command("digest")
    @click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
                  help="Day to summarise (YYYY-MM-DD, in digest.timezone). Default: yesterday.")
    @click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="HTML file to write. Default: digest.out_dir/digest-DAY.html.")
    @click.option("--notify/--no-notify", default=False, show_default=True,
                  help="Queue the Slack/email summary in the outbox and deliver it now.")
    @pass_app
    def digest(app: App, day: object, out: Path | None, notify: bool) -> None:
        """Write the daily digest: volume, attack share vs issue talk, targets, incidents."""
        from alerts.digest import default_out_path, notify_digest, write_digest
        from alerts.notifiers import build_notifiers
        from alerts.outbox import deliver_pending
        from storage.models import utcnow

        yesterday = (utcnow().astimezone(app.config.digest.zone()) - timedelta(days=1)).date()
        when: date = day.date() if day else yesterday  # type: ignore[attr-defined]
        path = out or default_out_path(app.config, when)
        summary = write_digest(app.archive, when, path, app.config)
        click.echo(f"wrote {path}: {summary.total_posts} posts, attacks "
                   f"{summary.attack_share:.0%}, issue talk {summary.substantive_share:.0%}, "
                   f"{summary.incidents} incident(s)")
        if notify:
            notifiers = build_notifiers(app.config.alerts.channels, app.config.base_dir,
                                        app.config.digest.recipients)
            queued = notify_digest(app.archive, summary, notifiers)
            report = deliver_pending(app.archive, notifiers)
            click.echo(f"queued {queued} notification(s); sent {report.sent}, "
                       f"retrying {report.retried}, failed {report.dead}")
