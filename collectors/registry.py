"""Where collectors come from: the built-ins listed once here, plus third-party ones
registered under the `civmon.collectors` entry-point group.

A third-party package adds a source with, in its pyproject.toml:

    [project.entry-points."civmon.collectors"]
    mysite = "civmon_mysite:MySiteCollector"

The class takes the Config in its constructor (raise SourceDisabled when it cannot run) and
follows collectors.base.Collector. It is enabled when `sources.<name>.enabled` is true; a
third-party source without a config section is enabled when its name is passed to
`civmon collect --source NAME`.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

ENTRY_POINT_GROUP = "civmon.collectors"

# name -> "module:Class"; imported only when that source is used (each pulls a big SDK).
BUILTINS: tuple[tuple[str, str], ...] = (
    ("x", "collectors.x:XCollector"),
    ("reddit", "collectors.reddit:RedditCollector"),
    ("bluesky", "collectors.bluesky:BlueskyCollector"),
    ("mastodon", "collectors.mastodon:MastodonCollector"),
    ("files", "collectors.folder:FolderCollector"),
)


def _load(target: str) -> Any:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def available() -> dict[str, str]:
    """Every known source name -> its "module:Class" target (built-ins win on a clash)."""
    found = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    found.update(dict(BUILTINS))
    return found


def collector_class(name: str) -> Any:
    """The collector class for `name`, or KeyError listing the known names."""
    table = available()
    if name not in table:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(table))}")
    return _load(table[name])
