"""`civmon demo`: the README's main job on the bundled sample day."""

from __future__ import annotations

from pathlib import Path

import click


def register(cli: click.Group) -> None:
    from civmon.cli import pass_app

    @cli.command("demo")
    @click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                  default="demo-output", show_default=True,
                  help="Folder for the demo's archive, alerts and digest (recreated each run).")
    @pass_app
    def demo(app, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
        """Run the whole pipeline on the bundled sample day, offline.

        Ingests the sample into a fresh SQLite archive, labels every post with the shipped
        model, detects pile-ons on a simulated clock, sends the alerts to the console (and
        to Slack if SLACK_WEBHOOK_URL is set) and writes the day's HTML digest.
        """
        from civmon.demo import reset_output, run_demo

        reset_output(out_dir)
        result = run_demo(app.config, out_dir, lambda line: click.echo(line, err=True))
        labels = ", ".join(f"{k} {v}" for k, v in sorted(result.labels.items()))
        click.echo("")
        click.echo(f"civmon demo: {result.posts} posts ({labels})")
        click.echo(f"  incidents ({len(result.incidents)}):")
        for line in result.incidents or ["none"]:
            click.echo(f"    {line}")
        click.echo("  where to look:")
        click.echo(f"    digest (open in a browser)  {result.digest}")
        click.echo(f"    alerts, one JSON a line     {result.alerts_file}")
        click.echo(f"    the archive (SQLite)        {result.database}")
        click.echo(f"    e.g. civmon stats --db sqlite:///{result.database}")
