"""`civmon collect --once [--source NAME]` (one round, then exit) and `civmon run` (the
long-running service). Both are thin: they parse, call civmon.collect / civmon.scheduler,
and print."""

from __future__ import annotations

import logging
import sys

import click

from civmon.app import App


def setup_logging(verbose: bool) -> None:
    """Timestamped lines on stderr; the HTTP libraries' per-request chatter hidden."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    for noisy in ("httpx", "alembic", "apscheduler", "urllib3", "prawcore", "tweepy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def register(cli: click.Group) -> None:
    """Add `collect` and `run` to the top-level group."""
    from civmon.cli import pass_app

    @cli.command("collect")
    @click.option("--once", is_flag=True, help="Run one collection round, then exit.")
    @click.option("--source", "source", default=None, metavar="NAME",
                  help="Only this source (x, reddit, bluesky, mastodon, files or a plug-in).")
    @click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
    @pass_app
    def collect(app: App, once: bool, source: str | None, verbose: bool) -> None:
        """Collect posts under the campaign hashtags from the enabled sources.

        Exit status: 0 when every source finished its round, 1 when one ended early
        (it resumes next time), 2 when no source could run.
        """
        from civmon.collect import enabled_collectors, run_round

        if not once:
            raise click.UsageError("collect needs --once (one round, then exit); "
                                   "for the long-running service use `civmon run`")
        setup_logging(verbose)
        collectors, skipped = enabled_collectors(app.config, only=source)
        for line in skipped:
            click.echo(line, err=True)
        if not collectors:
            click.echo("no source can run; enable one under `sources:` in config.yaml", err=True)
            sys.exit(2)
        try:
            reports = run_round(app.archive, collectors)
        finally:
            for collector in collectors:
                collector.close()
        for report in reports:
            click.echo(report.line())
        sys.exit(1 if any(r.error for r in reports) else 0)

    @cli.command("run")
    @click.option("--stop-after", type=float, default=None, metavar="SECONDS",
                  help="Stop cleanly after this many seconds (for tests and timed runs).")
    @click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
    @pass_app
    def run(app: App, stop_after: float | None, verbose: bool) -> None:
        """Run the service: collection on schedule, then the later pipeline stages.

        One scheduler per database; SIGTERM/SIGINT stop after the current batch.
        """
        from civmon.scheduler import Service

        setup_logging(verbose)
        sys.exit(Service(app, stop_after=stop_after).run())
