"""CLI commands for this area. (Scaffold: commands are added by the owner of the area.)"""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add this area's commands to the top-level group."""
