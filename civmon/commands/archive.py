"""`civmon db upgrade|current`, `civmon ingest`, `civmon export` and `civmon stats`.

Thin: each command parses, calls one function (storage.migrate, civmon.ingest,
civmon.export, storage.stats) and prints. Output data goes to stdout; progress, rejects and
summaries go to stderr, so `civmon export > posts.jsonl` stays clean.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from civmon.errors import CivmonError
from civmon.export import FORMATS as EXPORT_FORMATS
from civmon.export import ExportOptions, export_posts, pseudonymizer_from_env
from civmon.ingest import Ingest, IngestSummary
from collectors.files import FORMATS as INGEST_FORMATS
from collectors.files import parse_mapping
from storage import Archive, open_archive
from storage.migrate import current_revision, head_revision, upgrade
from storage.query import PostFilter
from storage.stats import archive_stats

SHOWN_REJECTS = 20


def _time(value: str | None, name: str) -> datetime | None:
    """'2026-10-01' or ISO 8601; without a zone, UTC."""
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date or ISO 8601 time"
        raise click.BadParameter(message, param_hint=name) from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The post filters shared by export and stats."""
    options = [
        click.option("--since", help="Posts created at or after this date/time (UTC if no zone)."),
        click.option("--until", help="Posts created before this date/time."),
        click.option("--platform", "platforms", multiple=True, help="x, reddit, ... (repeatable)."),
        click.option("--hashtag", "hashtags", multiple=True, help="With or without '#'."),
        click.option("--author", "authors", multiple=True, help="Handle, with or without '@'."),
        click.option("--label", "labels", multiple=True, help="Latest label (attack, ...)."),
        click.option("--target", "targets", multiple=True, help="Latest classification's target."),
        click.option("--text", "text_contains", help="Text contains (case-insensitive)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filter(kw: dict[str, Any]) -> PostFilter:
    return PostFilter(
        since=_time(kw.pop("since"), "--since"), until=_time(kw.pop("until"), "--until"),
        platforms=kw.pop("platforms"), hashtags=kw.pop("hashtags"), authors=kw.pop("authors"),
        labels=kw.pop("labels"), targets=kw.pop("targets"), text_contains=kw.pop("text_contains"),
    )


def _summary_line(s: IngestSummary) -> str:
    line = (f"read {s.read:,} line(s): {s.new:,} new, {s.duplicate:,} duplicate, "
            f"{s.rejected:,} rejected")
    if s.edited:
        line += f", {s.edited:,} edited"
    return line


def register(cli: click.Group) -> None:
    from civmon.cli import pass_app

    @cli.group("db")
    def db_group() -> None:
        """Create or upgrade the archive's schema (Alembic migrations)."""

    @db_group.command("upgrade")
    @pass_app
    def db_upgrade(app) -> None:  # type: ignore[no-untyped-def]
        """Bring the database to the newest schema (a fresh database is created)."""
        archive = open_archive(app.database_url, upgrade=False)
        try:
            before, after = upgrade(archive)
        finally:
            archive.dispose()
        if before == after:
            click.echo(f"{archive.safe_url}: already at the newest revision {after}")
        else:
            click.echo(f"{archive.safe_url}: upgraded from {before or '(empty)'} to {after}")

    @db_group.command("current")
    @pass_app
    def db_current(app) -> None:  # type: ignore[no-untyped-def]
        """Show the database's schema revision, without changing anything."""
        archive = open_archive(app.database_url, upgrade=False)
        try:
            current, head = current_revision(archive), head_revision()
        finally:
            archive.dispose()
        state = "newest" if current == head else "behind: run `civmon db upgrade`"
        shown = current or "(none)"
        click.echo(f"{archive.safe_url}: revision {shown} ({state}; newest is {head})")

    @cli.command("ingest")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("--format", "fmt", type=click.Choice(INGEST_FORMATS), default="auto",
                  show_default=True, help="Input format; auto: .csv as CSV, JSON lines per line.")
    @click.option("--map", "mapping", help="CSV columns: 'id=tweet_id,author=user,platform=:x'.")
    @click.option("--batch-size", type=click.IntRange(1, 100_000), default=2000, show_default=True)
    @click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
    @pass_app
    def ingest(app, paths: tuple[Path, ...], fmt: str, mapping: str | None,  # type: ignore[no-untyped-def]
               batch_size: int, as_json: bool) -> None:
        """Import posts from canonical JSONL, twarc2 JSONL or CSV files (idempotent)."""
        try:
            columns = parse_mapping(mapping)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--map") from None
        shown = {"n": 0}

        def on_reject(file: str, line: int, reason: str) -> None:
            shown["n"] += 1
            if shown["n"] <= SHOWN_REJECTS:
                click.echo(f"{file}:{line}: rejected: {reason}", err=True)

        job = Ingest(app.archive, fmt, columns, batch_size, on_reject)
        try:
            for path in paths:
                _ingest_file(job, path)
        except KeyboardInterrupt:
            click.echo(f"interrupted; committed so far: {_summary_line(job.summary)}. "
                       "Rerun the same command to finish.", err=True)
            sys.exit(130)
        if shown["n"] > SHOWN_REJECTS:
            click.echo(f"... and {shown['n'] - SHOWN_REJECTS:,} more rejected line(s)", err=True)
        for rejects in job.summary.rejects_files:
            click.echo(f"rejected lines with reasons: {rejects}", err=True)
        if as_json:
            click.echo(json.dumps(job.summary.as_dict()))
        else:
            click.echo(_summary_line(job.summary), err=True)

    @cli.command("export")
    @click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
                  help="Default: from the --output suffix, else jsonl.")
    @click.option("--output", "-o", default="-", show_default=True,
                  help="File to write ('-' for stdout).")
    @click.option("--pseudonymize", is_flag=True,
                  help="Replace handles and ids with keyed hashes (key: $CIVMON_PSEUDONYM_KEY).")
    @filter_options
    @pass_app
    def export(app, fmt: str | None, output: str, pseudonymize: bool,  # type: ignore[no-untyped-def]
               **filters: Any) -> None:
        """Export posts (with their latest label) as JSONL, CSV or Parquet."""
        flt = _filter(filters)
        if fmt is None:
            suffix = Path(output).suffix.lstrip(".").lower()
            fmt = suffix if suffix in EXPORT_FORMATS else "jsonl"
        options = ExportOptions(format=fmt,
                                pseudonymizer=pseudonymizer_from_env() if pseudonymize else None)
        count = _export(app.archive, flt, options, output)
        click.echo(f"exported {count:,} post(s) as {fmt}"
                   + (f" to {output}" if output != "-" else ""), err=True)

    @cli.command("stats")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
    @click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True)
    @filter_options
    @pass_app
    def stats(app, as_json: bool, top: int, **filters: Any) -> None:  # type: ignore[no-untyped-def]
        """Counts by platform, day and label, and the most-named targets."""
        result = archive_stats(app.archive, _filter(filters), top)
        if as_json:
            click.echo(json.dumps(result, indent=2))
        else:
            _print_stats(result)


def _ingest_file(job: Ingest, path: Path) -> None:
    if not sys.stderr.isatty():
        job.file(path)
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    columns = ("{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(path.name, total=None)
        job.file(path, lambda done, total: bar.update(task, completed=done, total=total))


def _export(archive: Archive, flt: PostFilter, options: ExportOptions, output: str) -> int:
    """Write to stdout, or to OUTPUT.part renamed to OUTPUT at the end (no half files)."""
    if output == "-":
        out = sys.stdout.buffer
        count = export_posts(archive, flt, options, out)
        out.flush()
        return count
    target = Path(output)
    partial = target.with_name(target.name + ".part")
    try:
        with open(partial, "wb") as out:
            count = export_posts(archive, flt, options, out)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CivmonError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def _print_stats(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{result['total']:,}[/bold] post(s)")
    for title, key in (("platform", "by_platform"), ("day", "by_day"), ("label", "by_label")):
        table = Table(title=f"by {title}", title_justify="left")
        table.add_column(title)
        table.add_column("posts", justify="right")
        for name, count in result[key].items():
            table.add_row(str(name), f"{count:,}")
        console.print(table)
    table = Table(title="top targets", title_justify="left")
    for column in ("target", "posts", "attacks"):
        table.add_column(column, justify="left" if column == "target" else "right")
    for row in result["top_targets"]:
        table.add_row(str(row["target"]), f"{row['posts']:,}", f"{row['attacks']:,}")
    console.print(table)
