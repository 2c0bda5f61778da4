"""`civmon config check` and `civmon config show`."""

from __future__ import annotations

import click
import yaml

from civmon.config import masked_dump
from civmon.errors import ConfigError


def register(cli: click.Group) -> None:
    from civmon.cli import pass_app

    @cli.group("config")
    def config_group() -> None:
        """Validate or show config.yaml."""

    @config_group.command("check")
    @pass_app
    def check(app) -> None:  # type: ignore[no-untyped-def]
        """Validate config.yaml: unknown keys, wrong types, unset environment variables."""
        problems = app.config.enabled_problems()
        model_dir = app.config.model_dir()
        if model_dir is not None and not (model_dir / "card.json").is_file():
            problems.append(("classifier.model_path",
                             f"no model (card.json) at {model_dir}; run `civmon train` or "
                             "remove the key to use the shipped model"))
        if problems:
            raise ConfigError(problems, str(app.config_path))
        enabled = [n for n, s in app.config.sources if s.enabled]
        click.echo(f"{app.config_path}: OK ({len(app.config.campaigns)} campaign(s), "
                   f"sources enabled: {', '.join(enabled) or 'none'})")

    @config_group.command("show")
    @pass_app
    def show(app) -> None:  # type: ignore[no-untyped-def]
        """Print the resolved configuration with every secret masked."""
        click.echo(yaml.safe_dump(masked_dump(app.config), sort_keys=False), nl=False)
