"""All four fakes at once, and the config.yaml + environment that point civmon at them:
what the collector tests, `civmon collect --once` in a subprocess and bench/collect.py use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.fakes.base import FakeApi
from tests.fakes.bluesky import FakeBluesky
from tests.fakes.mastodon import FakeMastodon
from tests.fakes.reddit import FakeReddit
from tests.fakes.x import FakeX

PLATFORMS = ("x", "reddit", "bluesky", "mastodon")
HASHTAG = "Whitfield2026"

ENV = {
    "X_BEARER_TOKEN": "x-test-token",
    "REDDIT_CLIENT_ID": "reddit-id",
    "REDDIT_CLIENT_SECRET": "reddit-secret",
    "BLUESKY_HANDLE": "monitor.bsky.social",
    "BLUESKY_APP_PASSWORD": "app-pass-word",
}


def start(platforms: tuple[str, ...] = PLATFORMS, slow_seconds: float = 0.5) -> dict[str, FakeApi]:
    classes = {"x": FakeX, "reddit": FakeReddit, "bluesky": FakeBluesky, "mastodon": FakeMastodon}
    return {name: classes[name](slow_seconds=slow_seconds) for name in platforms}


def config(fakes: dict[str, FakeApi], timeout: float = 5.0, database_url: str | None = None,
           interval: int = 1, x_page_size: int = 100) -> dict[str, Any]:
    """A config.yaml document: only base URLs and ${ENV} credential references."""
    sources: dict[str, Any] = {}
    if "x" in fakes:
        sources["x"] = {"enabled": True, "base_url": fakes["x"].url,
                        "poll_interval_seconds": interval,
                        "bearer_token": "${X_BEARER_TOKEN}", "timeout_seconds": timeout,
                        "page_size": x_page_size}
    if "reddit" in fakes:
        sources["reddit"] = {
            "enabled": True, "oauth_url": fakes["reddit"].url, "reddit_url": fakes["reddit"].url,
            "client_id": "${REDDIT_CLIENT_ID}", "client_secret": "${REDDIT_CLIENT_SECRET}",
            "subreddits": ["CalderPolitics"], "timeout_seconds": timeout,
            "poll_interval_seconds": interval}
    if "bluesky" in fakes:
        sources["bluesky"] = {"enabled": True, "base_url": fakes["bluesky"].url + "/xrpc",
                              "handle": "${BLUESKY_HANDLE}", "poll_interval_seconds": interval,
                              "app_password": "${BLUESKY_APP_PASSWORD}", "timeout_seconds": timeout}
    if "mastodon" in fakes:
        sources["mastodon"] = {"enabled": True, "instances": [fakes["mastodon"].url],
                               "timeout_seconds": timeout, "poll_interval_seconds": interval}
    campaign = {"name": "Whitfield for Governor", "hashtags": ["#" + HASHTAG]}
    doc: dict[str, Any] = {"campaigns": [campaign],
                           "sources": sources}
    if database_url:
        doc["storage"] = {"database_url": database_url}
    return doc


def write_config(path: Path, fakes: dict[str, FakeApi], **kwargs: Any) -> Path:
    path.write_text(yaml.safe_dump(config(fakes, **kwargs)), encoding="utf-8")
    return path
