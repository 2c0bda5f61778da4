"""The `civmon` command line: a thin click group. Each command parses, calls one function
and prints. Library errors become one clean message and an exit code, never a traceback.

Commands live in civmon/commands/, one module per area; each module exposes `register(cli)`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from alerts.errors import AlertError
from civmon.app import App
from civmon.errors import CivmonError
from classifiers.errors import ClassifierError
from collectors.errors import CollectorError
from storage.errors import StorageError

USER_ERRORS = (CivmonError, StorageError, CollectorError, ClassifierError, AlertError)


class UserError(click.ClickException):
    """A user-facing error, printed as 'error: ...' plus a hint."""

    def __init__(self, message: str, hint: str | None, exit_code: int) -> None:
        super().__init__(message)
        self.hint = hint
        # click declares exit_code on the class; each UserError carries its own (1, 2, 3)
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.message}", err=True)
        if self.hint:
            click.echo(f"  hint: {self.hint}", err=True)


class CivmonGroup(click.Group):
    """Turns the packages' exception roots into UserError at the CLI boundary."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            message = getattr(exc, "message", str(exc))
            hint = getattr(exc, "hint", None)
            raise UserError(message, hint, getattr(exc, "exit_code", 1)) from None


def pass_app(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command `--config` and `--db`, and pass it a ready App as first argument."""

    @click.option(
        "--config", "config_path", type=click.Path(path_type=Path), default="config.yaml",
        show_default=True, envvar="CIVMON_CONFIG", help="Path to config.yaml.",
    )
    @click.option(
        "--db", "db_url", default=None, envvar="CIVMON_DB",
        help="Database URL; overrides storage.database_url in the config.",
    )
    @functools.wraps(func)
    def wrapper(config_path: Path, db_url: str | None, **kwargs: Any) -> Any:
        app = App(config_path=config_path, db_override=db_url)
        try:
            return func(app, **kwargs)
        finally:
            app.close()

    return wrapper


@click.group(cls=CivmonGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="civmon")
def cli() -> None:
    """civmon: tone and civility monitor for political campaigns."""


def _register_commands() -> None:
    from civmon.commands import archive, classify, collect, config, demo, digest, monitor

    for module in (demo, config, archive, collect, classify, monitor, digest):
        module.register(cli)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    sys.exit(cli.main(args=argv, prog_name="civmon", standalone_mode=True))
