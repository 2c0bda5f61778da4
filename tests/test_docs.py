"""Tests that keep the docs honest: every command and every setting is in the README, and
the README's test command is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from civmon.cli import cli
from civmon.config import Config

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "civmon") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix} {name}")
    return names


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_documented(command: str) -> None:
    assert re.search(rf"{re.escape(command)}\b", README), f"README does not document `{command}`"


def _settings(model: type, prefix: str = "") -> list[str]:
    keys = []
    for name, field in model.model_fields.items():  # type: ignore[attr-defined]
        if field.exclude:
            continue
        path = f"{prefix}.{name}" if prefix else name
        annotation = field.annotation
        if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
            keys += _settings(annotation, path)  # a section: its keys are checked
        else:
            keys.append(path)
    return keys


@pytest.mark.parametrize("key", _settings(Config))
def test_every_setting_is_documented(key: str) -> None:
    leaf = key.rsplit(".", 1)[-1]
    assert re.search(rf"`{re.escape(key)}`|`{re.escape(leaf)}`", README), (
        f"README does not document the setting {key}"
    )


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command.strip() in ci
